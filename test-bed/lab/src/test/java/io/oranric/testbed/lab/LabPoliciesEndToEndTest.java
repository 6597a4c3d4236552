package io.oranric.testbed.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlStatus;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Policies in, radio behaviour out: each policy type, submitted to the policy REST interface, is
 * enforced by its xApp as control on the E2 wire, and the simulated network's KPM move as intended.
 * The xApps run with short hold times so that each effect shows within a minute.
 */
class LabPoliciesEndToEndTest {
  private static Lab lab;
  private static final List<KpmReport> reports = new CopyOnWriteArrayList<>();
  private static final List<ControlOutcome> outcomes = new CopyOnWriteArrayList<>();
  private static TopicConsumer<KpmReport> kpm;
  private static TopicConsumer<ControlOutcome> outcomeReader;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    XAppRuntime.Settings quick = LabTesting.quickXApps(
        new EnergySavingLogic.Config(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofSeconds(3), 15, 70, Duration.ofSeconds(3), false),
        new TrafficSteeringLogic.Config(Duration.ofSeconds(30), Duration.ofMinutes(2), 3, Duration.ofMinutes(5), Duration.ofSeconds(10), 5,
            95, Duration.ofMinutes(2)));
    lab = Lab.start(LabOptions.defaults().withPorts(0, 0, 0).withSpeedup(2).withDirectStream(true), new PrintStream(System.out), quick);
    kpm = TopicConsumer.start(lab.kafka().settings(), TopicConsumer.Options.tail(RicTopic.E2_KPM), batch -> {
      batch.forEach(r -> reports.add(r.value()));
      synchronized (reports) {
        reports.notifyAll();
      }
      return CompletableFuture.completedFuture(null);
    });
    outcomeReader = TopicConsumer.start(lab.kafka().settings(), TopicConsumer.Options.replay(RicTopic.E2_CONTROL_OUTCOMES), batch -> {
      batch.forEach(r -> outcomes.add(r.value()));
      synchronized (reports) {
        reports.notifyAll();
      }
      return CompletableFuture.completedFuture(null);
    });
    kpm.caughtUp().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    kpm.close();
    outcomeReader.close();
    lab.close();
  }

  private static String submit(String json) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(lab.policies().url() + "/policies"))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    assertThat(r.body()).contains("\"ACTIVE\"");
    return r.body();
  }

  @Test
  void prb_quota_caps_the_slice_on_the_wire_and_in_the_kpm() throws Exception {
    double before = meanOfNext(3, cellSlice("cell-2", 1, "RRU.PrbUsedDl"));
    submit("{\"type\":\"PrbQuota\",\"scope\":{\"cells\":[\"cell-2\"],\"slice\":\"embb\"},\"statement\":{\"maxPrbPct\":15},\"priority\":60}");
    double after = awaitValue(cellSlice("cell-2", 1, "RRU.PrbUsedDl"), v -> v <= 0.15 * 106 + 0.5, 60);
    System.out.printf("PrbQuota: embb PRBs on cell-2 %.1f -> %.1f%n", before, after);
    assertThat(after).isLessThan(before);
  }

  @Test
  void tx_power_steps_the_cell_down_and_its_power_draw_follows() throws Exception {
    double before = meanOfNext(3, cellLevel("cell-5", "PEE.AvgPower"));
    submit("{\"type\":\"TxPower\",\"scope\":{\"cells\":[\"cell-5\"]},\"statement\":{\"maxTxPowerDbm\":37}}");
    double after = awaitValue(cellLevel("cell-5", "PEE.AvgPower"), v -> v < before - 20, 60);
    System.out.printf("TxPower: cell-5 power %.0f W -> %.0f W%n", before, after);
    // The outcome travels on its own topic and consumer: it may arrive after the KPM that shows its effect.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (outcomes.stream().noneMatch(o -> o.getProvenance().getXapp().equals("tx-power"))) {
      waitForReports(deadline);
    }
    assertThat(outcomes).anySatisfy(o -> {
      assertThat(o.getProvenance().getXapp()).isEqualTo("tx-power");
      assertThat(o.getStatus()).isEqualTo(ControlStatus.CONTROL_STATUS_SUCCESS);
    });
  }

  @Test
  void spectrum_narrows_the_carrier_to_the_prbs_of_20_mhz() throws Exception {
    submit("{\"type\":\"Spectrum\",\"scope\":{\"cells\":[\"cell-4\"]},\"statement\":{\"bandwidthMHz\":20}}");
    double avail = awaitValue(cellLevel("cell-4", "RRU.PrbAvailDl"), v -> Math.abs(v - 51) < 0.5, 60);
    assertThat(avail).isEqualTo(51, org.assertj.core.data.Offset.offset(0.5));
  }

  @Test
  void energy_saving_sleeps_a_cell_and_keeps_its_neighbours_awake() throws Exception {
    submit("{\"type\":\"EnergySaving\",\"scope\":{\"cells\":[\"cell-7\"]},\"statement\":{\"mode\":\"SLEEP\",\"whenLoadBelowPct\":100}}");
    double power = awaitValue(cellLevel("cell-7", "PEE.AvgPower"), v -> v < 10, 90);
    System.out.printf("EnergySaving: cell-7 asleep at %.1f W%n", power);
    // Its neighbours (cell-1 at the centre among them) still serve.
    assertThat(meanOfNext(2, cellLevel("cell-1", "RRU.PrbAvailDl"))).isGreaterThan(0);
  }

  @Test
  void slice_sla_brings_a_starved_urllc_slice_back_under_its_delay_target() throws Exception {
    double free = meanOfNext(3, cellSlice("cell-3", 2, "DRB.RlcSduDelayDl"));
    // Starve urllc first (a low-priority quota), so that its delay misses any sensible target ...
    submit("{\"type\":\"PrbQuota\",\"scope\":{\"cells\":[\"cell-3\"],\"slice\":\"urllc\"},\"statement\":{\"maxPrbPct\":1},"
        + "\"priority\":20}");
    double starved = awaitValue(cellSlice("cell-3", 2, "DRB.RlcSduDelayDl"), v -> v > free * 3, 60);
    // ... then ask for a delay between the two: the SLA outranks the quota and the slice xApp buys the PRBs back.
    double target = Math.round((free + (starved - free) / 3) * 10) / 10.0;
    submit("{\"type\":\"SliceSla\",\"scope\":{\"cells\":[\"cell-3\"],\"slice\":\"urllc\"},\"statement\":{\"maxDlLatencyMs\":"
        + target + "},\"priority\":70}");
    double after;
    try {
      after = awaitValue(cellSlice("cell-3", 2, "DRB.RlcSduDelayDl"), v -> v <= target, 90);
    } catch (AssertionError e) {
      String policies = http.send(HttpRequest.newBuilder(URI.create(lab.policies().url() + "/policies")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      List<String> sla = outcomes.stream().filter(o -> o.getProvenance().getXapp().equals("slice-sla")).map(Object::toString).toList();
      throw new AssertionError(e.getMessage() + "\npolicies: " + policies + "\nslice-sla outcomes: " + sla, e);
    }
    System.out.printf("SliceSla: urllc delay on cell-3 %.2f ms free, %.2f ms starved, %.2f ms under the SLA (target %.1f)%n", free,
        starved, after, target);
    assertThat(after).isLessThanOrEqualTo(target).isLessThan(starved);
  }

  @Test
  void traffic_steering_moves_ues_out_of_an_avoided_cell() throws Exception {
    submit("{\"type\":\"TrafficSteering\",\"scope\":{},\"statement\":{\"preference\":\"AVOID\",\"targetCells\":[\"cell-6\"]}}");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && outcomes.stream().noneMatch(o -> o.getProvenance().getXapp().equals("traffic-steering")
        && o.getStatus() == ControlStatus.CONTROL_STATUS_SUCCESS)) {
      meanOfNext(1, cellLevel("cell-6", "RRU.PrbUsedDl"));
    }
    assertThat(outcomes).anySatisfy(o -> {
      assertThat(o.getProvenance().getXapp()).isEqualTo("traffic-steering");
      assertThat(o.getStatus()).isEqualTo(ControlStatus.CONTROL_STATUS_SUCCESS);
    });
  }

  // ---- KPM helpers ---------------------------------------------------------------------------

  private static Predicate<Measurement> cellLevel(String cell, String name) {
    return m -> m.getName().equals(name) && m.getScope().getCellId().equals(cell) && !m.getScope().hasSlice()
        && m.getScope().getUeId().isEmpty() && (m.hasReal() || m.getValueCase() == Measurement.ValueCase.INTEGER);
  }

  private static Predicate<Measurement> cellSlice(String cell, int sst, String name) {
    return m -> m.getName().equals(name) && m.getScope().getCellId().equals(cell) && m.getScope().hasSlice()
        && m.getScope().getSlice().getSst() == sst && m.getScope().getUeId().isEmpty()
        && (m.hasReal() || m.getValueCase() == Measurement.ValueCase.INTEGER);
  }

  private static double value(Measurement m) {
    return m.hasReal() ? m.getReal() : m.getInteger();
  }

  private static double meanOfNext(int n, Predicate<Measurement> which) throws InterruptedException {
    int from = reports.size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      List<Double> v = LabTesting.since(reports, from).stream().flatMap(r -> r.getMeasurementsList().stream()).filter(which)
          .map(LabPoliciesEndToEndTest::value).toList();
      if (v.size() >= n) {
        return v.stream().limit(n).mapToDouble(Double::doubleValue).average().orElseThrow();
      }
      waitForReports(deadline);
    }
  }

  /** Waits until a new report's value satisfies the condition; returns it. */
  private static double awaitValue(Predicate<Measurement> which, Predicate<Double> ok, int seconds) throws InterruptedException {
    int from = reports.size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    double last = Double.NaN;
    while (true) {
      List<KpmReport> fresh = LabTesting.since(reports, from);
      for (KpmReport r : fresh) {
        for (Measurement m : r.getMeasurementsList()) {
          if (which.test(m)) {
            last = value(m);
            if (ok.test(last)) {
              return last;
            }
          }
        }
      }
      from += fresh.size();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the value never got there within " + seconds + " s; last " + last);
      }
      waitForReports(deadline);
    }
  }

  private static void waitForReports(long deadline) throws InterruptedException {
    if (System.nanoTime() > deadline) {
      throw new AssertionError("no reports before the deadline");
    }
    synchronized (reports) {
      reports.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
  }
}
