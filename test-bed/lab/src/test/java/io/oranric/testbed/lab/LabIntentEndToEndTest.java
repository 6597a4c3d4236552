package io.oranric.testbed.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.Fulfilment;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.Measurement;
import io.oranric.xapp.energy.EnergySavingLogic;
import io.oranric.xapp.runtime.XAppRuntime;
import io.oranric.xapp.steering.TrafficSteeringLogic;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop from plain language to radio: an operator's intent, posted to the lab's agent over
 * HTTP, becomes a validated SliceSla policy in the store, the slice xApp turns it into RC control on
 * the E2 wire, the simulated gNB schedules differently, and the agent's assurance reports the intent
 * FULFILLED once the KPM it receives meets the target. urllc is starved first by a low-priority
 * quota so that the intent starts out unmet and the report has to change.
 */
class LabIntentEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Lab lab;
  private static final List<KpmReport> reports = new CopyOnWriteArrayList<>();
  private static final List<ControlOutcome> outcomes = new CopyOnWriteArrayList<>();
  private static final List<IntentRecord> intents = new CopyOnWriteArrayList<>();
  private static final List<TopicConsumer<?>> consumers = new ArrayList<>();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final Object arrivals = new Object();

  @BeforeAll
  static void start() throws Exception {
    XAppRuntime.Settings quick = LabTesting.quickXApps(EnergySavingLogic.Config.defaults(), TrafficSteeringLogic.Config.defaults());
    // Assurance looks every 2 s; a patience of 30 keeps its own adjustments out of this test's story.
    lab = Lab.start(LabOptions.defaults().withPorts(0, 0, 0, 0).withSpeedup(2).withDirectStream(true), new PrintStream(System.out),
        quick, new Lab.Assurance(Duration.ofSeconds(2), 30));
    consumers.add(collect(TopicConsumer.Options.tail(RicTopic.E2_KPM), reports));
    consumers.add(collect(TopicConsumer.Options.replay(RicTopic.E2_CONTROL_OUTCOMES), outcomes));
    consumers.add(collect(TopicConsumer.Options.replay(RicTopic.RIC_INTENTS), intents));
    for (TopicConsumer<?> c : consumers) {
      c.caughtUp().get(30, TimeUnit.SECONDS);
    }
  }

  private static <T extends com.google.protobuf.Message> TopicConsumer<T> collect(TopicConsumer.Options options, List<T> into) {
    return TopicConsumer.start(lab.kafka().settings(), options, batch -> {
      batch.forEach(r -> into.add(r.value()));
      synchronized (arrivals) {
        arrivals.notifyAll();
      }
      return CompletableFuture.completedFuture(null);
    });
  }

  @AfterAll
  static void stop() {
    consumers.forEach(TopicConsumer::close);
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void an_intent_becomes_policy_then_control_then_a_fulfilled_report() throws Exception {
    double free = meanOfNext(3, urllcDelay("cell-3"));
    post(lab.policies().url() + "/policies", "{\"type\":\"PrbQuota\",\"scope\":{\"cells\":[\"cell-3\"],\"slice\":\"urllc\"},"
        + "\"statement\":{\"maxPrbPct\":1},\"priority\":20}", 200, 201);
    double starved = await(() -> latest(urllcDelay("cell-3")), v -> v > 10, 60, "urllc delay on cell-3 above 10 ms once starved");
    // What the agent will judge by: the KPM monitor's window, which must forget the free minutes first.
    double windowMean = await(() -> lab.agent().kpis().slice("cell-3", "urllc", Duration.ofSeconds(10))
        .flatMap(k -> k.get("DRB.RlcSduDelayDl")).map(st -> st.mean()), v -> v > 8, 60, "a windowed urllc delay above 8 ms");

    JsonNode answer = post(lab.agent().url() + "/intents", "{\"text\":\"urllc latency under 5 ms in cell-3\",\"operator\":\"e2e\"}", 201);
    String intentId = answer.path("intentId").asText();
    assertThat(answer.path("state").asText()).as(answer.toString()).isEqualTo("ACTIVE");
    JsonNode policy = answer.path("policies").get(0);
    assertThat(policy.path("type").asText()).as(answer.toString()).isEqualTo("SliceSla");
    assertThat(policy.path("scope").path("cells").get(0).asText()).isEqualTo("cell-3");
    assertThat(policy.path("scope").path("slice").asText()).isEqualTo("urllc");
    assertThat(policy.path("statement").path("maxDlLatencyMs").asDouble()).isEqualTo(5.0);
    String policyId = answer.path("submitted").get(0).path("policyId").asText();
    assertThat(answer.path("submitted").get(0).path("status").asText()).isEqualTo("ACTIVE");

    // The first report comes while the KPM window still holds the starved delays.
    IntentRecord first = await(() -> reportsOf(intentId).stream().findFirst(), r -> true, 30, "a first fulfilment report");
    assertThat(first.getFulfilment().getStatus()).as(first.getFulfilment().toString()).isNotEqualTo(Fulfilment.Status.STATUS_FULFILLED);

    // The slice xApp enforces the agent's policy as RC control on the wire, acknowledged by the gNB ...
    ControlOutcome control = await(() -> outcomes.stream().filter(o -> policyId.equals(o.getProvenance().getPolicyId())
        && o.getStatus() == ControlStatus.CONTROL_STATUS_SUCCESS).findFirst(), o -> true, 60, "a successful control for " + policyId);
    assertThat(control.getProvenance().getXapp()).isEqualTo("slice-sla");

    // ... and the intent turns FULFILLED once the measured delay meets 5 ms.
    IntentRecord fulfilled = await(() -> reportsOf(intentId).stream().filter(r -> r.getFulfilment().getStatus()
        == Fulfilment.Status.STATUS_FULFILLED).findFirst(), r -> true, 120, "a FULFILLED report for " + intentId);
    var expectation = fulfilled.getFulfilment().getExpectations(0);
    assertThat(expectation.getMet()).isTrue();
    assertThat(expectation.getMeasured()).isLessThanOrEqualTo(5.0);
    double after = latest(urllcDelay("cell-3")).orElseThrow();
    System.out.printf("Intent %s: urllc delay on cell-3 %.2f ms free, %.2f ms starved (window mean %.2f); first report %s at %.2f ms; "
        + "control by %s; FULFILLED at %.2f ms (target 5), now %.2f ms%n", intentId, free, starved, windowMean,
        first.getFulfilment().getStatus(), first.getFulfilment().getExpectations(0).getMeasured(), control.getProvenance().getXapp(),
        expectation.getMeasured(), after);

    JsonNode report = get(lab.agent().url() + "/intents/" + intentId + "/report");
    assertThat(report.path("fulfilment").path("status").asText()).isEqualTo("FULFILLED");
  }

  private static List<IntentRecord> reportsOf(String intentId) {
    return intents.stream().filter(r -> r.getIntentId().equals(intentId) && r.hasFulfilment()
        && r.getFulfilment().getStatus() != Fulfilment.Status.STATUS_UNSPECIFIED).toList();
  }

  private static JsonNode post(String url, String body, int... ok) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isIn(java.util.Arrays.stream(ok).boxed().toArray());
    return JSON.readTree(r.body());
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** urllc (SST 2) delay of one cell, from the slice-labelled cell reports. */
  private static Predicate<Measurement> urllcDelay(String cell) {
    return m -> m.getName().equals("DRB.RlcSduDelayDl") && m.getScope().getCellId().equals(cell) && m.getScope().hasSlice()
        && m.getScope().getSlice().getSst() == 2 && m.getScope().getUeId().isEmpty()
        && (m.hasReal() || m.getValueCase() == Measurement.ValueCase.INTEGER);
  }

  private static Optional<Double> latest(Predicate<Measurement> which) {
    for (int i = reports.size() - 1; i >= 0; i--) {
      for (Measurement m : reports.get(i).getMeasurementsList()) {
        if (which.test(m)) {
          return Optional.of(value(m));
        }
      }
    }
    return Optional.empty();
  }

  private static double value(Measurement m) {
    return m.hasReal() ? m.getReal() : m.getInteger();
  }

  private static double meanOfNext(int n, Predicate<Measurement> which) throws InterruptedException {
    List<Double> seen = new ArrayList<>();
    int from = reports.size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (seen.size() < n) {
      List<KpmReport> fresh = LabTesting.since(reports, from);
      for (KpmReport r : fresh) {
        r.getMeasurementsList().stream().filter(which).findFirst().ifPresent(m -> seen.add(value(m)));
      }
      from += fresh.size();
      if (seen.size() < n) {
        waitForArrivals(deadline, "" + n + " reports");
      }
    }
    return seen.stream().mapToDouble(Double::doubleValue).limit(n).average().orElseThrow();
  }

  /** Waits, woken by every arriving record, until {@code get} yields a value that passes {@code ok}. */
  private static <T> T await(Supplier<Optional<T>> get, Predicate<T> ok, int seconds, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      Optional<T> v = get.get();
      if (v.isPresent() && ok.test(v.get())) {
        return v.get();
      }
      waitForArrivals(deadline, what + " (last: " + v.orElse(null) + ")");
    }
  }

  private static void waitForArrivals(long deadline, String what) throws InterruptedException {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0) {
      throw new AssertionError("no " + what + " in time; intents seen: " + intents.size() + ", outcomes: " + outcomes.size());
    }
    synchronized (arrivals) {
      arrivals.wait(left);
    }
  }
}
