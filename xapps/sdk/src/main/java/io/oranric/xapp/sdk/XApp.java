package io.oranric.xapp.sdk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.Provenance;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every xApp: a Vert.x verticle whose callbacks all run on its own event loop, so an
 * xApp keeps plain (unsynchronized) state. Subclasses implement {@link #onKpm} and, when they
 * follow policies, {@link #onPolicyChange}; they act through {@link #control}.
 */
public abstract class XApp extends VerticleBase {
  protected final Logger log = LoggerFactory.getLogger(getClass());
  protected XAppContext ctx;
  private AutoCloseable kpmSubscription;
  private Counter controlsSent;
  private Counter controlsFailed;
  private Timer controlRoundTrip;
  private Timer indicationToDecision;
  // request ids: unique per instance without UUID.randomUUID(), whose SecureRandom lock the event
  // loops of a busy runtime would all queue on
  private final String idPrefix = Long.toHexString(Double.doubleToLongBits(Math.random()) ^ System.nanoTime());
  private long nextId;

  /** Short, stable name: metrics, consumer groups and provenance use it. */
  public abstract String name();

  /** Called with each batch of KPM reports, on this xApp's event loop. */
  protected abstract void onKpm(List<KpmReport> reports);

  /** Called on this xApp's event loop when a policy of the store changed. */
  protected void onPolicyChange(PolicyView.PolicyChange change) {}

  /** Extra start-up work of the subclass (timers, HTTP routes); runs after the streams are set. */
  protected Future<?> onStart() {
    return Future.succeededFuture();
  }

  /** The runtime injects the context before deploying. */
  public final XApp withContext(XAppContext context) {
    this.ctx = context;
    return this;
  }

  @Override
  public final Future<?> start() {
    if (ctx == null) {
      return Future.failedFuture(new IllegalStateException(name() + ": no XAppContext (deploy it through XAppRuntime)"));
    }
    var m = ctx.metrics();
    controlsSent = Counter.builder("xapp_controls_sent").tag("xapp", name()).register(m);
    controlsFailed = Counter.builder("xapp_controls_failed").tag("xapp", name()).register(m);
    controlRoundTrip = Timer.builder("xapp_control_round_trip").tag("xapp", name())
        .publishPercentiles(0.5, 0.99, 0.999).register(m);
    indicationToDecision = Timer.builder("xapp_indication_to_control").tag("xapp", name())
        .description("from the termination reading the indication to this xApp sending control")
        .publishPercentiles(0.5, 0.99, 0.999).register(m);
    ctx.policies().onChange(change -> context.runOnContext(v -> onPolicyChange(change)));
    kpmSubscription = ctx.e2().kpm(ctx.group() + "-" + name(), reports -> context.runOnContext(v -> onKpm(reports)));
    return onStart();
  }

  @Override
  public Future<?> stop() {
    if (kpmSubscription != null) {
      try {
        kpmSubscription.close();
      } catch (Exception e) {
        log.debug("closing KPM subscription: {}", e.toString());
      }
    }
    return Future.succeededFuture();
  }

  /**
   * Sends a control request stamped with this xApp's name and a fresh request id; the outcome
   * comes back on this xApp's event loop.
   *
   * @param triggerReceivedNs receive time of the indication that led to it (0 if none), for the
   *     indication-to-control budget
   */
  protected Future<ControlOutcome> control(ControlRequest.Builder request, Provenance.Builder provenance, long triggerReceivedNs) {
    ControlRequest r = request.setRequestId(request.getRequestId().isEmpty() ? name() + "-" + idPrefix + "-" + (++nextId) : request.getRequestId())
        .setProvenance(provenance.setXapp(name())).setCreatedNs(System.currentTimeMillis() * 1_000_000L)
        .setTriggerReceivedNs(triggerReceivedNs).build();
    long t0 = System.nanoTime();
    if (triggerReceivedNs > 0) {
      long nowEpochNs = System.currentTimeMillis() * 1_000_000L;
      indicationToDecision.record(Math.max(0, nowEpochNs - triggerReceivedNs), TimeUnit.NANOSECONDS);
    }
    controlsSent.increment();
    return Future.fromCompletionStage(ctx.e2().control(r), context).map(outcome -> {
      controlRoundTrip.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
      if (outcome.getStatus() != ControlStatus.CONTROL_STATUS_SUCCESS) {
        controlsFailed.increment();
        log.warn("{}: control {} on {} ended {}: {}", name(), r.getRequestId(), r.getNodeId(), outcome.getStatus(), outcome.getCause());
      }
      return outcome;
    });
  }
}
