package io.oranric.xapp.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.backbone.ops.HealthServer;
import io.oranric.backbone.stream.KafkaE2Stream;
import io.oranric.contract.v1.*;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An xApp on the SDK, end to end through a real broker: KPM in from e2.kpm, a decision, a control
 * request on e2.control.requests, and its outcome back from e2.control.outcomes, answered here by
 * a stand-in termination that acknowledges every request.
 */
class XAppOverKafkaTest {
  private static KafkaBackbone kafka;

  @BeforeAll
  static void start() {
    kafka = KafkaBackbone.open("embedded");
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  /** Sends a PRB quota whenever a cell reports more than 80 % PRB use. */
  static final class BusyCellXApp extends XApp {
    final CompletableFuture<ControlOutcome> outcome = new CompletableFuture<>();

    @Override
    public String name() {
      return "busy-cell";
    }

    @Override
    protected void onKpm(List<KpmReport> reports) {
      for (KpmReport r : reports) {
        for (KpmSample s : KpmSample.of(r)) {
          if (s.name().equals("RRU.PrbUsedDl") && s.isCellLevel() && s.value() > 80) {
            control(ControlRequest.newBuilder().setNodeId(s.nodeId()).setSlicePrbQuota(SlicePrbQuota.newBuilder()
                    .setCellId(s.cellId()).addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(1)).setMaxPrbPct(60))),
                Provenance.newBuilder().setPolicyId("p-1"), s.receivedNs())
                .onComplete(ar -> {
                  if (ar.succeeded()) {
                    outcome.complete(ar.result());
                  } else {
                    outcome.completeExceptionally(ar.cause());
                  }
                });
          }
        }
      }
    }
  }

  @Test
  void kpm_in_control_out_outcome_back() throws Exception {
    Vertx vertx = Vertx.vertx();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (RicProducer producer = RicProducer.create(kafka.settings(), "test");
         KafkaE2Stream stream = new KafkaE2Stream(kafka.settings(), producer);
         PolicyView policies = PolicyView.follow(kafka.settings());
         // the stand-in termination: acknowledges each control request it sees
         TopicConsumer<ControlRequest> termination = TopicConsumer.start(kafka.settings(),
             TopicConsumer.Options.group(RicTopic.E2_CONTROL_REQUESTS, "stand-in-termination"), batch -> {
               for (var rec : batch) {
                 ControlRequest req = rec.value();
                 if (!req.hasSlicePrbQuota()) {
                   continue; // not this test's request
                 }
                 producer.send(RicTopic.E2_CONTROL_OUTCOMES, req.getNodeId(), ControlOutcome.newBuilder()
                     .setRequestId(req.getRequestId()).setNodeId(req.getNodeId()).setProvenance(req.getProvenance())
                     .setStatus(req.getSlicePrbQuota().getSlices(0).getMaxPrbPct() == 60
                         ? ControlStatus.CONTROL_STATUS_SUCCESS : ControlStatus.CONTROL_STATUS_FAILURE)
                     .build());
               }
               return CompletableFuture.completedFuture(null);
             })) {
      policies.ready().get(30, TimeUnit.SECONDS);
      BusyCellXApp app = new BusyCellXApp();
      app.withContext(new XAppContext(stream, policies, registry, Clock.systemUTC(), "test"));
      vertx.deployVerticle(app).await();
      HealthServer health = new HealthServer(vertx, registry).check("kafka", () -> true);
      int port = health.start("127.0.0.1", 0).await();

      // The xApp's group starts at the end of e2.kpm: keep reporting until it has reacted.
      KpmReport busy = KpmReport.newBuilder().setNodeId("gnb-1").setReceivedNs(System.currentTimeMillis() * 1_000_000L)
          .addMeasurements(Measurement.newBuilder().setName("RRU.PrbUsedDl").setReal(93.0)
              .setScope(MeasurementScope.newBuilder().setCellId("cell-1"))).build();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!app.outcome.isDone() && System.nanoTime() < deadline) {
        producer.send(RicTopic.E2_KPM, "gnb-1", busy).get(10, TimeUnit.SECONDS);
        try {
          app.outcome.get(500, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException notYet) {
          // not consumed yet: the group is still joining
        }
      }
      ControlOutcome outcome = app.outcome.get(1, TimeUnit.SECONDS);
      assertThat(outcome.getStatus()).isEqualTo(ControlStatus.CONTROL_STATUS_SUCCESS);
      assertThat(outcome.getProvenance().getXapp()).isEqualTo("busy-cell");
      assertThat(outcome.getProvenance().getPolicyId()).isEqualTo("p-1");

      String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).contains("xapp_controls_sent_total{xapp=\"busy-cell\"}");
      var healthResponse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(healthResponse.statusCode()).isEqualTo(200);
      assertThat(healthResponse.body()).contains("\"status\":\"UP\"");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void a_request_nobody_answers_times_out_instead_of_hanging() throws Exception {
    try (KafkaE2Stream stream = new KafkaE2Stream(kafka.settings(), null)) {
      ControlOutcome o = stream.control(ControlRequest.newBuilder().setRequestId("lonely-1").setNodeId("gnb-nobody")
          .setTimeoutMs(100).build()).toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(o.getStatus()).isEqualTo(ControlStatus.CONTROL_STATUS_TIMEOUT);
      assertThat(o.getCause()).contains("no outcome");
    }
  }
}
