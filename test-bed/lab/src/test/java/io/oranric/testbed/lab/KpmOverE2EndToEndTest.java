package io.oranric.testbed.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.E2Node;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.Measurement;
import io.oranric.contract.v1.SubscriptionRequest;
import io.oranric.e2.node.LinkKind;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.StandardServiceModels;
import io.oranric.e2.sm.kpm.KpmVersion;
import io.oranric.e2.termination.TerminationConfig;
import io.oranric.e2.termination.TerminationService;
import io.oranric.e2.termination.transport.TransportKind;
import io.oranric.e2.sm.ccc.CccForm;
import io.oranric.testbed.sim.e2.SimulatedNetwork;
import io.oranric.testbed.sim.model.Network;
import io.oranric.testbed.sim.scenario.ScenarioLoader;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulated network's gNBs set up over real E2AP (TCP and UDP, E2AP v2.03 and v3.01, KPM v2 and v3
 * layouts), get subscribed by the termination on an xApp's wish, and stream KPM that arrives on
 * e2.kpm as Protobuf with cell and slice scopes.
 */
class KpmOverE2EndToEndTest {
  private static KafkaBackbone kafka;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    kafka = KafkaBackbone.open("embedded");
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    kafka.close();
  }

  @ParameterizedTest(name = "{0} E2AP {1} {2}")
  @CsvSource({"TCP, V3_01, KPM3", "UDP, V2_03, KPM2"})
  void kpm_from_simulated_gnbs_reaches_kafka_with_cell_and_slice_scope(String transport, String e2ap, String kpmVersion)
      throws Exception {
    Network net = ScenarioLoader.builtIn("lab-default").newNetwork();
    CellNaming naming = SimulatedNetwork.naming(net.nodes(), net.cells());
    TransportKind kind = TransportKind.valueOf(transport);
    TerminationConfig config = TerminationConfig.defaults(List.of(new TerminationConfig.Listener(kind, 0)))
        .withHost("127.0.0.1").withNaming(naming);
    String wish = "test/kpm-" + transport;
    Map<String, KpmReport> byNode = new ConcurrentHashMap<>();
    CompletableFuture<Void> allNodes = new CompletableFuture<>();
    try (TerminationService termination = new TerminationService(vertx, config, new StandardServiceModels(naming), kafka.settings(), null);
         TopicConsumer<KpmReport> kpm = TopicConsumer.start(kafka.settings(), TopicConsumer.Options.tail(RicTopic.E2_KPM), batch -> {
           for (var r : batch) {
             if (r.value().getSubscriptionId().isEmpty() || !hasCellThroughput(r.value())) {
               continue;
             }
             byNode.put(r.key(), r.value());
             if (byNode.size() == 7) {
               allNodes.complete(null);
             }
           }
           return CompletableFuture.completedFuture(null);
         })) {
      kpm.caughtUp().get(30, TimeUnit.SECONDS);
      termination.start("127.0.0.1", -1).await(30, TimeUnit.SECONDS);
      int port = termination.ports().get(kind);
      SimulatedNetwork.Options options = SimulatedNetwork.Options.tcp("127.0.0.1", port)
          .withTransport(LinkKind.valueOf(transport)).withVersions(E2apVersion.valueOf(e2ap), KpmVersion.valueOf(kpmVersion));
      try (SimulatedNetwork sim = new SimulatedNetwork(vertx, net, options, CccForm.JSON)) {
        sim.start().await(30, TimeUnit.SECONDS);
        termination.termination().want(wish, SubscriptionRequest.newBuilder().setXapp("test").setName("kpm")
            .setKpm(KpmSubscription.newBuilder().setReportStyle(1).setPeriodMs(1000)).build());
        allNodes.get(60, TimeUnit.SECONDS);
      }
    }
    KpmReport r1 = byNode.get("gnb-1");
    assertThat(r1.getKpmVersion()).isEqualTo(kpmVersion);
    assertThat(r1.getReceivedNs()).isPositive();
    assertThat(r1.getMeasurementsList()).anySatisfy(m -> {
      assertThat(m.getName()).isEqualTo("DRB.UEThpDl");
      assertThat(m.getScope().getCellId()).isEqualTo("cell-1");
      assertThat(m.getReal()).isPositive();
    });
    assertThat(byNode.keySet()).containsExactlyInAnyOrder("gnb-1", "gnb-2", "gnb-3", "gnb-4", "gnb-5", "gnb-6", "gnb-7");
    Map<String, E2Node> nodes = TopicConsumer.snapshot(kafka.settings(), RicTopic.E2_NODES, java.time.Duration.ofSeconds(30));
    assertThat(nodes.get("gnb-1").getRanFunctionsList()).anySatisfy(f -> assertThat(f.getServiceModelVersion()).isNotEmpty());
  }

  private static boolean hasCellThroughput(KpmReport r) {
    for (Measurement m : r.getMeasurementsList()) {
      if (m.getName().equals("DRB.UEThpDl") && !m.getScope().getCellId().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
