package io.oranric.xapp.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.KpmReport;
import io.oranric.backbone.ops.Clocks;
import io.oranric.xapp.sdk.KpmSample;
import io.oranric.xapp.sdk.RateLimiter;
import io.oranric.xapp.sdk.PolicyView;
import io.oranric.xapp.sdk.XApp;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An xApp whose decisions come from a {@link ControlLogic}: the verticle only moves data between the
 * E2 stream, the clock and the logic, all on its own event loop.
 */
public class LogicXApp extends XApp {
  private final String name;
  private final ControlLogic logic;
  private final Duration tick;
  private long timerId = -1;
  private Counter decisions;
  private Timer handling;
  private Timer indicationToDecision;
  private RateLimiter logLines;
  private long unlogged;

  public LogicXApp(String name, ControlLogic logic, Duration tick) {
    this.name = name;
    this.logic = logic;
    this.tick = tick;
  }

  @Override
  public String name() {
    return name;
  }

  public ControlLogic logic() {
    return logic;
  }

  @Override
  protected Future<?> onStart() {
    decisions = Counter.builder("xapp_decisions").tag("xapp", name).register(ctx.metrics());
    handling = Timer.builder("xapp_kpm_batch_handling").tag("xapp", name)
        .description("time the logic spends on one KPM batch").publishPercentiles(0.5, 0.99).register(ctx.metrics());
    indicationToDecision = Timer.builder("xapp_indication_to_decision").tag("xapp", name)
        .description("from the termination reading the oldest indication of a batch to this xApp's decision on it, "
            + "for every batch, whether it led to control or not")
        .publishPercentiles(0.5, 0.99, 0.999).register(ctx.metrics());
    // a decision per line is what operators read, but a steering storm must not become a log storm
    logLines = new RateLimiter(20, 50, System.nanoTime());
    if (tick != null && !tick.isZero()) {
      timerId = vertx.setPeriodic(tick.toMillis(), id -> send(logic.onTick(now())));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    return super.stop();
  }

  @Override
  protected void onKpm(List<KpmReport> reports) {
    long t0 = System.nanoTime();
    KpmBatch batch = KpmBatch.of(reports);
    long oldest = batch.oldestReceivedNs();
    List<KpmSample> samples = batch.samples();
    List<Decision> out = logic.onKpm(samples, now());
    long t1 = System.nanoTime();
    handling.record(t1 - t0, TimeUnit.NANOSECONDS);
    if (oldest > 0) {
      indicationToDecision.record(Math.max(0, Clocks.epochNanos(t1) - oldest), TimeUnit.NANOSECONDS);
    }
    send(out);
  }

  @Override
  protected void onPolicyChange(PolicyView.PolicyChange change) {
    logic.onPolicyChange(now());
  }

  private Instant now() {
    return ctx.clock().instant();
  }

  private void send(List<Decision> out) {
    for (Decision d : out) {
      decisions.increment();
      if (logLines.tryAcquire(System.nanoTime())) {
        if (unlogged > 0) {
          log.info("{}: ({} decisions not logged)", name, unlogged);
          unlogged = 0;
        }
        log.info("{}: {}", name, d);
      } else {
        unlogged++;
      }
      control(d.request().toBuilder(), d.provenance().toBuilder(), d.triggerReceivedNs()).onComplete(ar -> {
        ControlOutcome o = ar.succeeded() ? ar.result() : ControlOutcome.newBuilder().setNodeId(d.nodeId())
            .setStatus(ControlStatus.CONTROL_STATUS_FAILURE).setCause(String.valueOf(ar.cause())).build();
        logic.onOutcome(d, o, now());
      });
    }
  }
}
