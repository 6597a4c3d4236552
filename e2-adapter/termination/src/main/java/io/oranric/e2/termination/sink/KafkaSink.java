package io.oranric.e2.termination.sink;

import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.ops.Clocks;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.E2Node;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.RcReport;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes everything on its topic, keyed by E2 node so a node's records stay in order. */
public final class KafkaSink implements TerminationSink {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
  private final RicProducer producer;
  private final RicProducer batched;
  private final AtomicLong failures = new AtomicLong();

  public KafkaSink(RicProducer producer) {
    this(producer, producer);
  }

  /**
   * @param batched the producer for the streams, one record per indication or control: KPM and RC
   *     reports and control outcomes (it lingers a millisecond); {@code producer} carries the node registry
   */
  public KafkaSink(RicProducer producer, RicProducer batched) {
    this.producer = producer;
    this.batched = batched;
  }

  @Override
  public void node(E2Node node) {
    watch(producer.send(RicTopic.E2_NODES, node.getNodeId(), node), "e2.nodes");
  }

  @Override
  public void nodeRemoved(String nodeKey) {
    watch(producer.tombstone(RicTopic.E2_NODES, nodeKey), "e2.nodes");
  }

  @Override
  public void kpm(KpmReport report) {
    KpmReport stamped = report.toBuilder().setPublishedNs(Clocks.nowEpochNanos()).build();
    watch(batched.send(RicTopic.E2_KPM, report.getNodeId(), stamped), "e2.kpm");
  }

  @Override
  public void rc(RcReport report) {
    watch(batched.send(RicTopic.E2_RC_REPORTS, report.getNodeId(), report), "e2.rc.reports");
  }

  /**
   * Outcomes are batched with the reports: they are not on the indication-to-control path, and their
   * own request per outcome cost the 2-core lab machine 0.2 of a core at 1,000 controls/s (CPU 1.32 ->
   * 1.12 cores in the E2 bench).
   */
  @Override
  public void outcome(ControlOutcome outcome) {
    watch(batched.send(RicTopic.E2_CONTROL_OUTCOMES, outcome.getNodeId(), outcome), "e2.control.outcomes");
  }

  private void watch(java.util.concurrent.CompletableFuture<?> f, String topic) {
    f.whenComplete((md, err) -> {
      if (err != null && failures.incrementAndGet() % 1000 == 1) {
        LOG.error("publishing on {} failed ({} failures so far): {}", topic, failures.get(), err.toString());
      }
    });
  }

  public long failures() {
    return failures.get();
  }
}
