package io.oranric.e2.termination.indication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.oranric.backbone.ops.Clocks;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.RcReport;
import io.oranric.e2.protocol.E2apMessage.RicIndication;
import io.oranric.e2.protocol.RicAction;
import io.oranric.e2.termination.node.E2NodeEntry;
import io.oranric.e2.termination.sink.TerminationSink;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.ServiceModel;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.ServiceModels;
import io.oranric.e2.termination.subscription.E2Subscription;
import io.oranric.e2.termination.subscription.SubscriptionManager;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot path: a RIC Indication off the socket, its E2SM payload decoded, published as Protobuf.
 * Runs on the transport thread of the association (so one node's reports stay in order) and
 * touches only immutable or concurrent state.
 */
public final class IndicationPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(IndicationPipeline.class);

  private final SubscriptionManager subscriptions;
  private final ServiceModels models;
  private final CellNaming naming;
  private final TerminationSink sink;
  private final Counter indications;
  private final Counter unrouted;
  private final Counter decodeErrors;
  private final Timer decodeTime;
  private final AtomicLong logBudget = new AtomicLong();
  private final java.util.List<IndicationListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** An in-process tap on decoded KPM reports, e.g. the {@code --subscribe kpm} printer. */
  public interface IndicationListener {
    void kpm(KpmReport report);
  }

  public IndicationPipeline(SubscriptionManager subscriptions, ServiceModels models, CellNaming naming, TerminationSink sink,
      MeterRegistry metrics) {
    this.subscriptions = subscriptions;
    this.models = models;
    this.naming = naming;
    this.sink = sink;
    this.indications = Counter.builder("e2_indications").tag("result", "published").register(metrics);
    this.unrouted = Counter.builder("e2_indications").tag("result", "unknown_subscription").register(metrics);
    this.decodeErrors = Counter.builder("e2_indications").tag("result", "e2sm_decode_error").register(metrics);
    this.decodeTime = Timer.builder("e2_indication_decode").description("E2SM decode and Protobuf build of one indication")
        .publishPercentiles(0.5, 0.99).register(metrics);
  }

  /** Adds an in-process tap; returns a handle that removes it. */
  public AutoCloseable listener(IndicationListener l) {
    listeners.add(l);
    return () -> listeners.remove(l);
  }

  /** @return false when the indication could not be used (unknown subscription or undecodable payload) */
  public boolean handle(E2NodeEntry node, RicIndication ind, long receivedNanos) {
    E2Subscription sub = subscriptions.route(node.key(), ind.requestId());
    if (sub == null) {
      unrouted.increment();
      if (logBudget.incrementAndGet() % 1000 == 1) {
        LOG.warn("{}: indication for unknown subscription {} (ran function {}); dropped", node.key(), ind.requestId(), ind.ranFunctionId());
      }
      return false;
    }
    long t0 = System.nanoTime();
    try {
      if (sub.function().model() == ServiceModel.KPM) {
        KpmReport.Builder b = models.decodeKpm(sub.function(), sub.content().decodeContext(), ind.actionId(), ind.header(),
            ind.message(), naming);
        KpmReport report = b.setNodeId(node.key()).setRanFunctionId(ind.ranFunctionId())
            .setRicRequestorId(ind.requestId().requestorId()).setRicInstanceId(ind.requestId().instanceId())
            .setActionId(ind.actionId()).setSubscriptionId(sub.id())
            .setIndicationSn(ind.sequenceNumber() == null ? 0 : ind.sequenceNumber())
            .setReceivedNs(Clocks.epochNanos(receivedNanos)).build();
        decodeTime.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        sink.kpm(report);
        for (IndicationListener l : listeners) {
          l.kpm(report);
        }
      } else if (sub.function().model() == ServiceModel.RC) {
        RcReport.Builder b = models.decodeRc(sub.function(), sub.content().decodeContext(), ind.header(), ind.message());
        RcReport report = b.setNodeId(node.key()).setRanFunctionId(ind.ranFunctionId())
            .setRicRequestorId(ind.requestId().requestorId()).setRicInstanceId(ind.requestId().instanceId())
            .setActionId(ind.actionId()).setSubscriptionId(sub.id()).setInsert(ind.type() == RicAction.Type.INSERT)
            .setCallProcessId(ind.callProcessId() == null ? com.google.protobuf.ByteString.EMPTY
                : com.google.protobuf.ByteString.copyFrom(ind.callProcessId()))
            .setReceivedNs(Clocks.epochNanos(receivedNanos)).build();
        sink.rc(report);
      } else {
        return false;
      }
      indications.increment();
      return true;
    } catch (ServiceModelException | RuntimeException e) {
      decodeErrors.increment();
      if (logBudget.incrementAndGet() % 100 == 1) {
        LOG.warn("{}: indication of {} does not decode: {}; header {} message {}", node.key(), sub.id(), e.getMessage(),
            java.util.HexFormat.of().formatHex(ind.header()), java.util.HexFormat.of().formatHex(ind.message()));
      }
      return false;
    }
  }
}
