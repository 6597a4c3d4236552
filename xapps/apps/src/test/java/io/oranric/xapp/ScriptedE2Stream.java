package io.oranric.xapp;

import io.oranric.backbone.stream.E2Stream;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.KpmReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-process E2 stream for tests: the test publishes KPM batches to every subscriber, control
 * requests are recorded in order and answered at once by a script (success unless told otherwise).
 */
public final class ScriptedE2Stream implements E2Stream {
  private final List<Consumer<List<KpmReport>>> subscribers = new CopyOnWriteArrayList<>();
  public final BlockingQueue<ControlRequest> requests = new LinkedBlockingQueue<>();
  private volatile Function<ControlRequest, ControlStatus> answer = r -> ControlStatus.CONTROL_STATUS_SUCCESS;

  public ScriptedE2Stream answer(Function<ControlRequest, ControlStatus> script) {
    this.answer = script;
    return this;
  }

  @Override
  public AutoCloseable kpm(String group, Consumer<List<KpmReport>> handler) {
    subscribers.add(handler);
    return () -> subscribers.remove(handler);
  }

  public void publish(KpmReport... reports) {
    List<KpmReport> batch = List.of(reports);
    subscribers.forEach(s -> s.accept(batch));
  }

  public int subscribers() {
    return subscribers.size();
  }

  @Override
  public CompletionStage<ControlOutcome> control(ControlRequest request) {
    requests.add(request);
    return CompletableFuture.completedFuture(ControlOutcome.newBuilder().setRequestId(request.getRequestId())
        .setNodeId(request.getNodeId()).setProvenance(request.getProvenance()).setStatus(answer.apply(request)).build());
  }

  /** The next request within the time-out, or null. */
  public ControlRequest next(long timeoutMs) throws InterruptedException {
    return requests.poll(timeoutMs, TimeUnit.MILLISECONDS);
  }

  public List<ControlRequest> drain() {
    List<ControlRequest> out = new ArrayList<>();
    requests.drainTo(out);
    return out;
  }

  @Override
  public String kind() {
    return "scripted";
  }

  @Override
  public void close() {
    subscribers.clear();
  }
}
