package io.oranric.e2.termination.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.oranric.backbone.ops.Clocks;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.RicRequestId;
import io.oranric.e2.termination.node.E2NodeEntry;
import io.oranric.e2.termination.node.NodeRegistry;
import io.oranric.e2.termination.sink.TerminationSink;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.ControlContent;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.ServiceModels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns control requests (service-model terms, from Kafka or the direct stream) into RIC Control
 * Requests on the right node, and their acknowledges, failures and time-outs into outcomes.
 * Thread safe and lock free on the hot path: a request is encoded and sent on the caller's thread,
 * the answer is matched on the transport's thread.
 */
public final class ControlBridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlBridge.class);
  static final int DEFAULT_TIMEOUT_MS = 5_000;
  private static final long LATE_LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final int requestorId;
  private final NodeRegistry nodes;
  private final ServiceModels models;
  private final CellNaming naming;
  private final TerminationSink sink;
  private final Sender sender;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> instances = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timeouts = timeoutExecutor();
  private final Timer roundTrip;
  private final Timer indicationToControl;
  private final Counter rejected;
  private final Counter failed;
  private final Counter timedOut;
  private final Counter lateAnswers;
  /** When a late answer was last logged: an overloaded node answers thousands late, one line per 10 s says so. */
  private final java.util.concurrent.atomic.AtomicLong lateLoggedNanos =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - LATE_LOG_EVERY_NANOS);
  private final java.util.concurrent.atomic.AtomicLong lateSinceLog = new java.util.concurrent.atomic.AtomicLong();

  /** Writes one E2AP message to a node and runs {@code written} once it is on the socket. */
  @FunctionalInterface
  public interface Sender {
    void send(E2NodeEntry node, E2apMessage message, Runnable written);
  }

  /**
   * A request waiting for its answer. Its sent time is the hand-off until the transport reports the
   * write: from a Kafka consumer thread the write happens later, on the association's event loop.
   */
  private record Pending(ControlRequest request, E2NodeEntry node, java.util.concurrent.atomic.AtomicLong sent,
      ScheduledFuture<?> timeout, java.util.concurrent.CompletableFuture<ControlOutcome> result) {
    long sentNanos() {
      return sent.get();
    }
  }

  /**
   * One thread for the time-outs. An answered request's time-out is removed when it is cancelled: left
   * in the queue until its time (the default), every answered control woke this thread 5 s later to
   * skip it, thousands of wake-ups a second at 10,000 controls/s on cores the control path needs.
   */
  private static ScheduledExecutorService timeoutExecutor() {
    java.util.concurrent.ScheduledThreadPoolExecutor e = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "e2-control-timeouts");
      t.setDaemon(true);
      return t;
    });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

  public ControlBridge(int requestorId, NodeRegistry nodes, ServiceModels models, CellNaming naming, TerminationSink sink,
      Sender sender, MeterRegistry metrics) {
    this.requestorId = requestorId;
    this.nodes = nodes;
    this.models = models;
    this.naming = naming;
    this.sink = sink;
    this.sender = sender;
    this.roundTrip = Timer.builder("e2_control_round_trip").description("RIC Control Request sent to acknowledge or failure received")
        .publishPercentiles(0.5, 0.99, 0.999).publishPercentileHistogram().register(metrics);
    this.indicationToControl = Timer.builder("e2_indication_to_control")
        .description("indication read off the socket to the control request it triggered leaving for the node")
        .publishPercentiles(0.5, 0.99, 0.999).publishPercentileHistogram().register(metrics);
    this.rejected = Counter.builder("e2_control_outcomes").tag("status", "rejected").register(metrics);
    this.failed = Counter.builder("e2_control_outcomes").tag("status", "failure").register(metrics);
    this.timedOut = Counter.builder("e2_control_outcomes").tag("status", "timeout").register(metrics);
    this.lateAnswers = Counter.builder("e2_control_late_answers").description("control answers for unknown or timed-out requests")
        .register(metrics);
  }

  /** Sends one control request; the outcome goes to the sink and to the returned future. */
  public java.util.concurrent.CompletableFuture<ControlOutcome> submit(ControlRequest request) {
    java.util.concurrent.CompletableFuture<ControlOutcome> result = new java.util.concurrent.CompletableFuture<>();
    Optional<E2NodeEntry> node = nodes.byKey(request.getNodeId()).filter(E2NodeEntry::connected);
    if (node.isEmpty()) {
      return reject(request, "E2 node " + request.getNodeId() + " is not connected", result);
    }
    ControlContent content;
    try {
      content = models.encodeControl(List.copyOf(node.get().functions().values()), request, naming);
    } catch (ServiceModelException e) {
      return reject(request, e.getMessage() + " (" + e.e2apCause() + ")", result);
    } catch (RuntimeException e) {
      LOG.warn("control {} could not be encoded", request.getRequestId(), e);
      return reject(request, "could not encode the control: " + e, result);
    }
    if (request.getRanFunctionId() != 0 && request.getRanFunctionId() != content.ranFunctionId()) {
      return reject(request, "RAN function " + request.getRanFunctionId() + " cannot carry this action", result);
    }
    RicRequestId id = new RicRequestId(requestorId, nextInstance(node.get().key()));
    int timeoutMs = request.getTimeoutMs() > 0 ? request.getTimeoutMs() : DEFAULT_TIMEOUT_MS;
    String key = key(node.get().key(), id);
    ScheduledFuture<?> timer = timeouts.schedule(() -> timeout(key, timeoutMs), timeoutMs, TimeUnit.MILLISECONDS);
    Pending p = new Pending(request, node.get(), new java.util.concurrent.atomic.AtomicLong(System.nanoTime()), timer, result);
    pending.put(key, p);
    sender.send(node.get(), new E2apMessage.RicControlRequest(id, content.ranFunctionId(), null, content.header(),
        content.message(), Boolean.TRUE), () -> {
          long written = System.nanoTime();
          p.sent().set(written);
          if (request.getTriggerReceivedNs() > 0) {
            indicationToControl.record(Math.max(0, Clocks.epochNanos(written) - request.getTriggerReceivedNs()), TimeUnit.NANOSECONDS);
          }
        });
    LOG.debug("control {} -> {} as {} ({})", request.getRequestId(), node.get().key(), id, content.description());
    return result;
  }

  /** A RIC Control Acknowledge or Failure from a node. */
  public void onAnswer(String nodeKey, E2apMessage answer) {
    long now = System.nanoTime();
    RicRequestId id;
    ControlStatus status;
    String cause = "";
    byte[] outcome;
    if (answer instanceof E2apMessage.RicControlAcknowledge ack) {
      id = ack.requestId();
      status = ControlStatus.CONTROL_STATUS_SUCCESS;
      outcome = ack.outcome();
    } else if (answer instanceof E2apMessage.RicControlFailure f) {
      id = f.requestId();
      status = ControlStatus.CONTROL_STATUS_FAILURE;
      cause = String.valueOf(f.cause());
      outcome = f.outcome();
    } else {
      throw new IllegalArgumentException("not a control answer: " + answer);
    }
    Pending p = pending.remove(key(nodeKey, id));
    if (p == null) {
      lateAnswers.increment();
      long since = lateSinceLog.incrementAndGet();
      long last = lateLoggedNanos.get();
      if (now - last >= LATE_LOG_EVERY_NANOS && lateLoggedNanos.compareAndSet(last, now)) {
        lateSinceLog.addAndGet(-since);
        LOG.warn("{}: control answer for unknown or timed-out request {}{}", nodeKey, id,
            since > 1 ? " (" + (since - 1) + " more such answers from any node since the last of these lines)" : "");
      }
      return;
    }
    p.timeout().cancel(false);
    roundTrip.record(now - p.sentNanos(), TimeUnit.NANOSECONDS);
    if (status == ControlStatus.CONTROL_STATUS_FAILURE) {
      failed.increment();
    }
    String outcomeText = "";
    if (outcome != null && outcome.length > 0) {
      int fn = answer instanceof E2apMessage.RicControlAcknowledge a ? a.ranFunctionId() : ((E2apMessage.RicControlFailure) answer).ranFunctionId();
      outcomeText = p.node().function(fn).map(f -> models.describeOutcome(f, outcome)).orElse("");
    }
    finish(p, ControlOutcome.newBuilder().setStatus(status).setCause(cause)
        .setOutcome(outcome == null ? com.google.protobuf.ByteString.EMPTY : com.google.protobuf.ByteString.copyFrom(outcome))
        .setOutcomeJson(outcomeText).setSentNs(Clocks.epochNanos(p.sentNanos())).setAnsweredNs(Clocks.epochNanos(now)));
  }

  /** The node went away: its pending controls will never be answered. */
  public void nodeDown(String nodeKey) {
    pending.entrySet().removeIf(e -> {
      if (e.getKey().startsWith(nodeKey + "#")) {
        e.getValue().timeout().cancel(false);
        finish(e.getValue(), ControlOutcome.newBuilder().setStatus(ControlStatus.CONTROL_STATUS_FAILURE)
            .setCause("E2 node disconnected before answering").setSentNs(Clocks.epochNanos(e.getValue().sentNanos())));
        return true;
      }
      return false;
    });
  }

  public int pendingCount() {
    return pending.size();
  }

  private void timeout(String key, int timeoutMs) {
    Pending p = pending.remove(key);
    if (p != null) {
      timedOut.increment();
      finish(p, ControlOutcome.newBuilder().setStatus(ControlStatus.CONTROL_STATUS_TIMEOUT)
          .setCause("no acknowledge or failure within " + timeoutMs + " ms").setSentNs(Clocks.epochNanos(p.sentNanos())));
    }
  }

  private void finish(Pending p, ControlOutcome.Builder b) {
    ControlRequest r = p.request();
    ControlOutcome o = b.setRequestId(r.getRequestId()).setNodeId(r.getNodeId()).setProvenance(r.getProvenance())
        .setRequestCreatedNs(r.getCreatedNs()).setTriggerReceivedNs(r.getTriggerReceivedNs()).build();
    sink.outcome(o);
    p.result().complete(o);
  }

  private java.util.concurrent.CompletableFuture<ControlOutcome> reject(ControlRequest r, String why,
      java.util.concurrent.CompletableFuture<ControlOutcome> result) {
    rejected.increment();
    LOG.warn("control {} for {} rejected: {}", r.getRequestId(), r.getNodeId(), why);
    ControlOutcome o = ControlOutcome.newBuilder().setRequestId(r.getRequestId()).setNodeId(r.getNodeId())
        .setStatus(ControlStatus.CONTROL_STATUS_REJECTED).setCause(why).setProvenance(r.getProvenance())
        .setRequestCreatedNs(r.getCreatedNs()).setTriggerReceivedNs(r.getTriggerReceivedNs()).build();
    sink.outcome(o);
    result.complete(o);
    return result;
  }

  private int nextInstance(String nodeKey) {
    return instances.computeIfAbsent(nodeKey, k -> new AtomicInteger()).updateAndGet(i -> i >= 65535 ? 1 : i + 1);
  }

  private static String key(String nodeKey, RicRequestId id) {
    return nodeKey + "#" + id.requestorId() + "/" + id.instanceId();
  }

  @Override
  public void close() {
    timeouts.shutdownNow();
  }
}
