package io.oranric.testbed.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.Plmn;
import io.oranric.contract.v1.SlicePrbQuota;
import io.oranric.contract.v1.SliceQuota;
import io.oranric.contract.v1.Snssai;
import io.oranric.contract.v1.SubscriptionRequest;
import io.oranric.e2.node.E2NodeSession;
import io.oranric.e2.node.LinkKind;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.protocol.adapter.E2apCodecs;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.StandardServiceModels;
import io.oranric.e2.termination.TerminationConfig;
import io.oranric.e2.termination.TerminationService;
import io.oranric.e2.termination.subscription.SubscriptionState;
import io.oranric.e2.termination.transport.TransportKind;
import io.oranric.testbed.lab.load.LoadNode;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The termination under the things real networks do: nodes that drop and come back many times, and
 * a node that sends garbage while its neighbours stream. Over TCP and over UDP, with real APER.
 */
class TerminationRobustnessTest {
  private KafkaBackbone kafka;
  private Vertx ric;
  private Vertx ran;
  private TerminationService termination;
  private final Map<String, AtomicLong> reportsByNode = new ConcurrentHashMap<>();
  private TopicConsumer<KpmReport> reports;

  @BeforeEach
  void start() throws Exception {
    kafka = KafkaBackbone.open("embedded");
    ric = Vertx.vertx();
    ran = Vertx.vertx();
    reports = TopicConsumer.start(kafka.settings(), TopicConsumer.Options.tail(RicTopic.E2_KPM), batch -> {
      batch.forEach(r -> reportsByNode.computeIfAbsent(r.key(), k -> new AtomicLong()).incrementAndGet());
      return CompletableFuture.completedFuture(null);
    });
    reports.caughtUp().get(30, TimeUnit.SECONDS);
  }

  private int startTermination(TransportKind kind) throws Exception {
    termination = new TerminationService(ric, TerminationConfig.defaults(List.of(new TerminationConfig.Listener(kind, 0)))
        .withHost("127.0.0.1"), new StandardServiceModels(CellNaming.none()), kafka.settings(), null);
    termination.start("127.0.0.1", -1).await(30, TimeUnit.SECONDS);
    termination.termination().want("test/kpm", SubscriptionRequest.newBuilder().setXapp("test").setName("kpm")
        .setKpm(KpmSubscription.newBuilder().setReportStyle(1).setPeriodMs(100)).build());
    return termination.ports().get(kind);
  }

  @AfterEach
  void stop() {
    reports.close();
    if (termination != null) {
      termination.close();
    }
    ran.close().await();
    ric.close().await();
    kafka.close();
  }

  private List<E2NodeSession> nodes(int n, LinkKind kind, int port) throws Exception {
    List<E2NodeSession> s = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      E2NodeSession session = new E2NodeSession(ran, E2apCodecs.of(E2apVersion.V3_01), new LoadNode(i),
          new E2NodeSession.Target(kind, "127.0.0.1", port, 70), false);
      session.start().await(30, TimeUnit.SECONDS);
      s.add(session);
    }
    return s;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      // condition polled against live counters: no event to wait on across two processes' worth of parts
      Thread.onSpinWait();
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private long active() {
    return termination.termination().subscriptionCounts().getOrDefault(SubscriptionState.ACTIVE, 0L);
  }

  @ParameterizedTest
  @EnumSource(value = TransportKind.class, names = {"TCP", "UDP"})
  void nodes_that_flap_fifty_times_get_every_subscription_back_and_leave_nothing_behind(TransportKind kind) throws Exception {
    int port = startTermination(kind);
    List<E2NodeSession> nodes = nodes(3, LinkKind.valueOf(kind.name()), port);
    await("3 active subscriptions", () -> active() == 3);
    for (int flap = 0; flap < 50; flap++) {
      E2NodeSession n = nodes.get(flap % 3);
      n.disconnect().await(10, TimeUnit.SECONDS);
      if (kind == TransportKind.TCP) {
        int f = flap;
        await("the termination to see flap " + f, () -> termination.termination().nodes().connectedCount() == 2);
      }
      n.reconnectNow().await(30, TimeUnit.SECONDS);
    }
    await("every subscription restored", () -> active() == 3 && nodes.stream().allMatch(s -> s.activeSubscriptions() == 1));
    // Nothing piles up: one registry entry, one subscription and one session per node.
    assertThat(termination.termination().nodes().all()).hasSize(3);
    assertThat(termination.termination().describeSubscriptions().await(10, TimeUnit.SECONDS)).hasSize(3);
    assertThat(termination.metrics().find("e2_associations").gauge().value()).isEqualTo(3.0);
    // And reports flow again from every node after its last flap.
    Map<String, Long> before = snapshot();
    await("reports from all three nodes", () -> snapshot().entrySet().stream()
        .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L)).count() == 3);
  }

  @ParameterizedTest
  @EnumSource(value = TransportKind.class, names = {"TCP", "UDP"})
  void garbage_from_one_node_never_disturbs_another_nodes_stream(TransportKind kind) throws Exception {
    int port = startTermination(kind);
    List<E2NodeSession> nodes = nodes(2, LinkKind.valueOf(kind.name()), port);
    E2NodeSession good = nodes.get(0);
    E2NodeSession bad = nodes.get(1);
    await("both subscribed", () -> active() == 2);
    String goodKey = good.application().nodeId().text();
    long goodBefore = count(goodKey);
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 500; i++) {
      byte[] garbage = new byte[1 + random.nextInt(200)];
      random.nextBytes(garbage);
      bad.sendRaw(garbage);
    }
    // The good node's reports keep coming (100 ms period) while the bad one is answered or ignored.
    await("the good node to report on", () -> count(goodKey) >= goodBefore + 20);
    double errors = termination.metrics().find("e2_decode_errors").counter().count();
    assertThat(errors).isGreaterThan(0);
    if (kind == TransportKind.TCP) {
      // A stream peer gets an Error Indication for what did not decode; the association lives on.
      await("error indications at the bad node", () -> bad.errorIndications() > 0);
      assertThat(bad.state()).isEqualTo(E2NodeSession.State.READY);
    }
    // Control still reaches the good node and comes back acknowledged.
    CompletableFuture<ControlOutcome> outcome = new CompletableFuture<>();
    try (TopicConsumer<ControlOutcome> outcomes = TopicConsumer.start(kafka.settings(), TopicConsumer.Options.tail(RicTopic.E2_CONTROL_OUTCOMES),
        batch -> {
          batch.forEach(r -> {
            if (r.value().getRequestId().equals("quota-after-garbage")) {
              outcome.complete(r.value());
            }
          });
          return CompletableFuture.completedFuture(null);
        }); RicProducer p = RicProducer.create(kafka.settings(), "test")) {
      outcomes.caughtUp().get(30, TimeUnit.SECONDS);
      p.send(RicTopic.E2_CONTROL_REQUESTS, goodKey, ControlRequest.newBuilder().setRequestId("quota-after-garbage").setNodeId(goodKey)
          .setSlicePrbQuota(SlicePrbQuota.newBuilder().addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(2))
              .setPlmn(Plmn.newBuilder().setMcc("001").setMnc("01")).setMinPrbPct(20).setMaxPrbPct(80))).build());
      assertThat(outcome.get(60, TimeUnit.SECONDS).getStatus()).isEqualTo(ControlStatus.CONTROL_STATUS_SUCCESS);
    }
    assertThat(good.controlsExecuted()).isEqualTo(1);
  }

  private long count(String node) {
    AtomicLong c = reportsByNode.get(node);
    return c == null ? 0 : c.get();
  }

  private Map<String, Long> snapshot() {
    Map<String, Long> m = new ConcurrentHashMap<>();
    reportsByNode.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }
}
