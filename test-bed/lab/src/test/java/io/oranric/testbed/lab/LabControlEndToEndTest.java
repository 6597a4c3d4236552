package io.oranric.testbed.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.CccConfiguration;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.Measurement;
import io.oranric.contract.v1.SectorCarrier;
import io.oranric.contract.v1.SlicePrbQuota;
import io.oranric.contract.v1.SliceQuota;
import io.oranric.contract.v1.Snssai;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab's acceptance: its simulated network streams KPM through the termination to Kafka; a slice
 * PRB quota sent as a control request on e2.control.requests changes that slice's reported PRB usage
 * and throughput in the following reports the way the model predicts; a power reduction lowers the
 * cell's reported power draw. Everything crosses the E2AP socket.
 */
class LabControlEndToEndTest {
  private static Lab lab;
  private static final List<KpmReport> reports = new CopyOnWriteArrayList<>();
  private static final Map<String, CompletableFuture<ControlOutcome>> outcomes = new ConcurrentHashMap<>();
  private static TopicConsumer<KpmReport> kpm;
  private static TopicConsumer<ControlOutcome> outcomeReader;

  @BeforeAll
  static void start() throws Exception {
    // Five model seconds per wall second: the quota and the power step show within a few reports.
    lab = Lab.start(LabOptions.defaults().withPorts(0, 0, 0).withSpeedup(5), new PrintStream(System.out));
    kpm = TopicConsumer.start(lab.kafka().settings(), TopicConsumer.Options.tail(RicTopic.E2_KPM), batch -> {
      batch.forEach(r -> reports.add(r.value()));
      synchronized (reports) {
        reports.notifyAll();
      }
      return CompletableFuture.completedFuture(null);
    });
    outcomeReader = TopicConsumer.start(lab.kafka().settings(), TopicConsumer.Options.tail(RicTopic.E2_CONTROL_OUTCOMES), batch -> {
      batch.forEach(r -> outcomes.computeIfAbsent(r.value().getRequestId(), k -> new CompletableFuture<>()).complete(r.value()));
      return CompletableFuture.completedFuture(null);
    });
    kpm.caughtUp().get(30, TimeUnit.SECONDS);
    outcomeReader.caughtUp().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    kpm.close();
    outcomeReader.close();
    lab.close();
  }

  @Test
  void a_slice_prb_cap_lowers_that_slices_prb_usage_and_throughput() throws Exception {
    String cell = "cell-2";
    double prbBefore = meanOfNext(4, cell, 1, "RRU.PrbUsedDl");
    double thpBefore = meanOfNext(4, cell, 1, "DRB.UEThpDl");
    ControlOutcome o = control(ControlRequest.newBuilder().setRequestId("test-quota-1").setNodeId("gnb-2")
        .setSlicePrbQuota(SlicePrbQuota.newBuilder().setCellId(cell).addSlices(SliceQuota.newBuilder()
            .setSlice(Snssai.newBuilder().setSst(1)).setMinPrbPct(0).setMaxPrbPct(10).setDedicatedPrbPct(0))).build());
    assertThat(o.getStatus()).as(o.getCause()).isEqualTo(ControlStatus.CONTROL_STATUS_SUCCESS);
    skipReports(2, cell);
    double prbAfter = meanOfNext(4, cell, 1, "RRU.PrbUsedDl");
    double thpAfter = meanOfNext(4, cell, 1, "DRB.UEThpDl");
    System.out.printf("embb on %s: PRBs %.1f -> %.1f, throughput %.0f -> %.0f kbps%n", cell, prbBefore, prbAfter, thpBefore, thpAfter);
    // 10 % of 106 PRBs is 10.6: the slice may not use more, and with fewer PRBs its UEs get less.
    assertThat(prbAfter).isLessThanOrEqualTo(10.6 + 0.5).isLessThan(prbBefore);
    assertThat(thpAfter).isLessThan(thpBefore);
  }

  @Test
  void a_power_reduction_lowers_the_cells_reported_power_draw() throws Exception {
    String cell = "cell-5";
    double before = meanOfNext(3, cell, 0, "PEE.AvgPower");
    ControlOutcome o = control(ControlRequest.newBuilder().setRequestId("test-power-1").setNodeId("gnb-5")
        .setCcc(CccConfiguration.newBuilder().setCellId(cell).setSectorCarrier(SectorCarrier.newBuilder()
            .setConfiguredMaxTxPowerDbm(33))).build());
    assertThat(o.getStatus()).as(o.getCause()).isEqualTo(ControlStatus.CONTROL_STATUS_SUCCESS);
    skipReports(2, cell);
    double after = meanOfNext(3, cell, 0, "PEE.AvgPower");
    System.out.printf("%s power %.1f W -> %.1f W after 43 -> 33 dBm%n", cell, before, after);
    assertThat(after).isLessThan(before - 5);
  }

  @Test
  void an_out_of_range_power_is_refused_by_the_node_with_a_cause() throws Exception {
    ControlOutcome o = control(ControlRequest.newBuilder().setRequestId("test-power-90").setNodeId("gnb-3")
        .setCcc(CccConfiguration.newBuilder().setCellId("cell-3").setSectorCarrier(SectorCarrier.newBuilder()
            .setConfiguredMaxTxPowerDbm(70))).build());
    assertThat(o.getStatus()).isEqualTo(ControlStatus.CONTROL_STATUS_FAILURE);
    assertThat(o.getCause()).contains("control-message-invalid");
  }

  private static ControlOutcome control(ControlRequest r) throws Exception {
    CompletableFuture<ControlOutcome> f = outcomes.computeIfAbsent(r.getRequestId(), k -> new CompletableFuture<>());
    try (RicProducer p = RicProducer.create(lab.kafka().settings(), "test")) {
      p.send(RicTopic.E2_CONTROL_REQUESTS, r.getNodeId(), r).get(30, TimeUnit.SECONDS);
    }
    return f.get(60, TimeUnit.SECONDS);
  }

  /** Waits for the next n reports of the cell that carry the value and averages it. */
  private static double meanOfNext(int n, String cell, int sst, String name) throws InterruptedException {
    int from = reports.size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      List<Double> values = LabTesting.since(reports, from).stream().flatMap(r -> r.getMeasurementsList().stream())
          .filter(matching(cell, sst, name)).map(m -> m.hasReal() ? m.getReal() : m.getInteger()).map(Number::doubleValue).toList();
      if (values.size() >= n) {
        return values.stream().limit(n).mapToDouble(Double::doubleValue).average().orElseThrow();
      }
      synchronized (reports) {
        // woken by the consumer when reports arrive; the deadline bounds the wait
        reports.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    }
    throw new AssertionError("fewer than " + n + " reports of " + name + " for " + cell + "/sst " + sst);
  }

  private static void skipReports(int n, String cell) throws InterruptedException {
    meanOfNext(n, cell, 0, "RRU.PrbUsedDl");
  }

  private static Predicate<Measurement> matching(String cell, int sst, String name) {
    return m -> m.getName().equals(name) && m.getScope().getCellId().equals(cell) && m.getScope().getUeId().isEmpty()
        && (sst == 0 ? !m.getScope().hasSlice() : m.getScope().hasSlice() && m.getScope().getSlice().getSst() == sst)
        && (m.hasReal() || m.getValueCase() == Measurement.ValueCase.INTEGER);
  }
}
