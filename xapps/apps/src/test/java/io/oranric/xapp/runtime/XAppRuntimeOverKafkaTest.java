package io.oranric.xapp.runtime;

import static io.oranric.xapp.Fixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.backbone.ops.Clocks;
import io.oranric.backbone.stream.KafkaE2Stream;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.xapp.Fixtures;
import io.oranric.xapp.common.KpmNames;
import io.oranric.xapp.kpm.KpmMonitorXApp;
import io.oranric.xapp.sdk.PolicyView;
import io.oranric.xapp.slice.SliceSlaXApp;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime through a real broker: a policy on ric.policies, KPM on e2.kpm, control requests on
 * e2.control.requests answered by a stand-in termination on e2.control.outcomes. Then a restart of
 * the runtime in the same consumer group rebuilds its state from the topics and enforces again.
 */
class XAppRuntimeOverKafkaTest {
  private static KafkaBackbone kafka;

  @BeforeAll
  static void start() {
    kafka = KafkaBackbone.open("embedded");
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  @Test
  void policy_and_kpm_in_control_out_outcome_back_and_again_after_a_restart() throws Exception {
    Vertx vertx = Vertx.vertx();
    BlockingQueue<ControlRequest> seen = new LinkedBlockingQueue<>();
    try (RicProducer producer = RicProducer.create(kafka.settings(), "it");
         KafkaE2Stream stream = new KafkaE2Stream(kafka.settings(), producer);
         TopicConsumer<ControlRequest> termination = TopicConsumer.start(kafka.settings(),
             TopicConsumer.Options.group(RicTopic.E2_CONTROL_REQUESTS, "stand-in-termination"), batch -> {
               for (var rec : batch) {
                 ControlRequest req = rec.value();
                 seen.add(req);
                 producer.send(RicTopic.E2_CONTROL_OUTCOMES, req.getNodeId(), ControlOutcome.newBuilder()
                     .setRequestId(req.getRequestId()).setNodeId(req.getNodeId()).setProvenance(req.getProvenance())
                     .setStatus(ControlStatus.CONTROL_STATUS_SUCCESS).setAnsweredNs(Clocks.nowEpochNanos()).build());
               }
               return CompletableFuture.completedFuture(null);
             })) {
      var policy = Fixtures.record("""
          {"policyId":"p-it","type":"PrbQuota","scope":{"cells":["cell-3"],"slice":"urllc"},
           "statement":{"minPrbPct":25,"maxPrbPct":70,"dedicatedPrbPct":5},"priority":60}""");
      producer.send(RicTopic.RIC_POLICIES, policy.getPolicyId(), policy).get(10, TimeUnit.SECONDS);

      XAppRuntime.Options options = XAppRuntime.Options.lab(Fixtures.lab(7)).withGroup("it-xapps")
          .withApps(List.of(KpmMonitorXApp.NAME, SliceSlaXApp.NAME));
      for (int run = 1; run <= 2; run++) {
        PolicyView policies = PolicyView.follow(kafka.settings());
        policies.ready().get(30, TimeUnit.SECONDS);
        XAppRuntime rt = XAppRuntime.deploy(vertx, stream, policies, options).await();
        try {
          ControlRequest req = null;
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          // the group may still be joining: keep reporting until the xApp reacted
          while (req == null && System.nanoTime() < deadline) {
            producer.send(RicTopic.E2_KPM, "gnb-3", Fixtures.report("gnb-3", Clocks.nowEpochNanos(),
                List.of(slice("cell-3", 2, KpmNames.THP_DL, 4000)))).get(10, TimeUnit.SECONDS);
            req = seen.poll(500, TimeUnit.MILLISECONDS);
          }
          assertThat(req).as("run " + run + ": a control request reached the termination").isNotNull();
          assertThat(req.getProvenance().getXapp()).isEqualTo("slice-sla");
          assertThat(req.getProvenance().getPolicyId()).isEqualTo("p-it");
          assertThat(req.getTriggerReceivedNs()).isPositive();
          var q = req.getSlicePrbQuota().getSlices(0);
          assertThat(List.of(q.getMinPrbPct(), q.getMaxPrbPct(), q.getDedicatedPrbPct())).containsExactly(25, 70, 5);

          // the outcome came back to the xApp through e2.control.outcomes
          long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (!rt.metrics().scrape().contains("xapp_control_round_trip_seconds_count{xapp=\"slice-sla\"} 1\n")
              && System.nanoTime() < until) {
            Thread.sleep(100);
          }
          String metrics = rt.metrics().scrape();
          assertThat(metrics).contains("xapp_control_round_trip_seconds_count{xapp=\"slice-sla\"} 1\n");
          assertThat(metrics).contains("xapp_controls_failed_total{xapp=\"slice-sla\"} 0.0");
          assertThat(rt.kpm().slice("cell-3", "urllc").toCompletableFuture().get(5, TimeUnit.SECONDS)).isPresent();
        } finally {
          rt.stop().await();
          policies.close();
          seen.clear();
        }
      }
    } finally {
      vertx.close().await();
    }
  }
}
