package io.oranric.xapp.guard;

import io.oranric.backbone.ops.Clocks;
import io.oranric.backbone.stream.E2Stream;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.KpmReport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * The E2 stream every xApp of a runtime sees: telemetry passes through, control passes the
 * {@link ControlGuard} first. A rejected request never reaches the node; its outcome is REJECTED
 * with the conflict as cause, so the xApp's own outcome handling (retry later, give up) applies.
 */
public final class GuardedE2Stream implements E2Stream {
  private final E2Stream delegate;
  private final ControlGuard guard;
  private final ToIntFunction<String> priorityOfPolicy;
  private final LongSupplier nowNs;

  public GuardedE2Stream(E2Stream delegate, ControlGuard guard, ToIntFunction<String> priorityOfPolicy, LongSupplier nowNs) {
    this.delegate = delegate;
    this.guard = guard;
    this.priorityOfPolicy = priorityOfPolicy;
    this.nowNs = nowNs;
  }

  public GuardedE2Stream(E2Stream delegate, ControlGuard guard, ToIntFunction<String> priorityOfPolicy) {
    this(delegate, guard, priorityOfPolicy, Clocks::nowEpochNanos);
  }

  @Override
  public AutoCloseable kpm(String group, Consumer<List<KpmReport>> handler) {
    return delegate.kpm(group, handler);
  }

  @Override
  public CompletionStage<ControlOutcome> control(ControlRequest request) {
    String policy = request.getProvenance().getPolicyId();
    ControlGuard.Verdict v = guard.check(request, policy.isEmpty() ? 0 : priorityOfPolicy.applyAsInt(policy),
        nowNs.getAsLong());
    if (!v.allowed()) {
      return CompletableFuture.completedFuture(ControlOutcome.newBuilder().setRequestId(request.getRequestId())
          .setNodeId(request.getNodeId()).setStatus(ControlStatus.CONTROL_STATUS_REJECTED).setCause(v.cause())
          .setProvenance(request.getProvenance()).setRequestCreatedNs(request.getCreatedNs())
          .setTriggerReceivedNs(request.getTriggerReceivedNs()).build());
    }
    return delegate.control(request).thenApply(o -> {
      if (o.getStatus() != ControlStatus.CONTROL_STATUS_SUCCESS) {
        guard.release(request);
      }
      return o;
    });
  }

  public ControlGuard guard() {
    return guard;
  }

  @Override
  public String kind() {
    return delegate.kind() + "+guard";
  }

  @Override
  public void close() {
    delegate.close();
  }
}
