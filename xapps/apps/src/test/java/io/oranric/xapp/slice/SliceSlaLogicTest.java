package io.oranric.xapp.slice;

import static io.oranric.xapp.Fixtures.T0;
import static io.oranric.xapp.Fixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.SliceQuota;
import io.oranric.xapp.Fixtures;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.Decision;
import io.oranric.xapp.common.KpmNames;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceSlaLogicTest {
  private final Fixtures.Store store = new Fixtures.Store();
  private final SliceSlaLogic logic = new SliceSlaLogic(SliceSlaLogic.Config.defaults(), store.typed,
      new CellDirectory(Fixtures.lab(7)));

  /** A crude scheduler: urllc delay falls as its guaranteed share grows (350 ms·% / share). */
  private static double plantDelayMs(int sharePct) {
    return 350.0 / Math.max(1, sharePct);
  }

  @Test
  void urllc_delay_above_target_raises_its_share_within_a_few_periods_then_settles() {
    store.put("""
        {"policyId":"p-urllc","type":"SliceSla","scope":{"cells":["cell-3"],"slice":"urllc"},
         "statement":{"maxDlLatencyMs":10},"priority":60}""");
    int share = 10;
    int dedicated = 0;
    int periodsToMeet = -1;
    int lastChange = -1;
    for (int k = 0; k < 40; k++) {
      Instant now = T0.plusSeconds(k);
      double delay = plantDelayMs(share);
      if (delay <= 10 && periodsToMeet < 0) {
        periodsToMeet = k;
      }
      List<Decision> ds = logic.onKpm(List.of(slice("cell-3", 2, KpmNames.DELAY_DL, delay)), now);
      for (Decision d : ds) {
        SliceQuota q = d.request().getSlicePrbQuota().getSlices(0);
        assertThat(d.request().getNodeId()).isEqualTo("gnb-3");
        assertThat(q.getSlice().getSst()).isEqualTo(2);
        assertThat(q.getDedicatedPrbPct()).isLessThanOrEqualTo(q.getMinPrbPct());
        assertThat(q.getMinPrbPct() - share).as("bounded step").isLessThanOrEqualTo(10);
        share = q.getMinPrbPct();
        dedicated = q.getDedicatedPrbPct();
        lastChange = k;
      }
    }
    assertThat(periodsToMeet).as("periods until the delay target is met").isBetween(1, 6);
    assertThat(plantDelayMs(share)).isLessThanOrEqualTo(10);
    assertThat(share).as("no more than needed plus one step").isLessThanOrEqualTo(50);
    assertThat(dedicated).as("latency-bound slice gets dedicated PRBs").isGreaterThan(0);
    assertThat(lastChange).as("settled: the last change came within a few periods of meeting the target, "
        + "none in the 30 periods after").isBetween(periodsToMeet, periodsToMeet + 3);
  }

  @Test
  void a_slice_that_recovered_hands_prbs_back_slowly() {
    store.put("""
        {"policyId":"p-urllc","type":"SliceSla","scope":{"cells":["cell-3"],"slice":"urllc"},
         "statement":{"maxDlLatencyMs":10},"priority":60}""");
    for (int k = 0; k < 5; k++) {
      logic.onKpm(List.of(slice("cell-3", 2, KpmNames.DELAY_DL, 30)), T0.plusSeconds(k));
    }
    double raised = logic.share("cell-3", 2);
    assertThat(raised).isGreaterThan(30);
    // traffic went away: delay far below the limit
    logic.onKpm(List.of(slice("cell-3", 2, KpmNames.DELAY_DL, 2)), T0.plusSeconds(5));
    assertThat(logic.share("cell-3", 2)).isEqualTo(raised - 2);
    // inside the hold band (between 6 and 9 ms): nothing moves
    double held = logic.share("cell-3", 2);
    logic.onKpm(List.of(slice("cell-3", 2, KpmNames.DELAY_DL, 8)), T0.plusSeconds(6));
    assertThat(logic.share("cell-3", 2)).isEqualTo(held);
  }

  @Test
  void an_infeasible_sla_saturates_at_the_ceiling_without_winding_up() {
    store.put("""
        {"policyId":"p-urllc","type":"SliceSla","scope":{"cells":["cell-3"],"slice":"urllc"},
         "statement":{"maxDlLatencyMs":1},"priority":60}""");
    store.put("""
        {"policyId":"p-cap","type":"PrbQuota","scope":{"cells":["cell-3"],"slice":"urllc"},
         "statement":{"maxPrbPct":40},"priority":60}""");
    for (int k = 0; k < 30; k++) {
      logic.onKpm(List.of(slice("cell-3", 2, KpmNames.DELAY_DL, 50)), T0.plusSeconds(k));
    }
    assertThat(logic.share("cell-3", 2)).isEqualTo(40);
    // once met comfortably, the release starts at the next period: no wound-up integrator to unwind
    logic.onKpm(List.of(slice("cell-3", 2, KpmNames.DELAY_DL, 0.1)), T0.plusSeconds(30));
    assertThat(logic.share("cell-3", 2)).isLessThan(40);
  }

  @Test
  void a_throughput_guarantee_starts_from_the_feed_forward_share() {
    // 80 Mbps of an 800 Mbps cell, with 20 % margin: 12 %
    store.put("""
        {"policyId":"p-embb","type":"SliceSla","scope":{"cells":["cell-1"],"slice":"embb"},
         "statement":{"guaranteedDlMbps":80},"priority":50}""");
    List<Decision> ds = logic.onKpm(List.of(slice("cell-1", 1, KpmNames.THP_DL, 95_000)), T0);
    assertThat(ds).hasSize(1);
    assertThat(ds.get(0).request().getSlicePrbQuota().getSlices(0).getMinPrbPct()).isEqualTo(12);
    assertThat(ds.get(0).request().getSlicePrbQuota().getSlices(0).getDedicatedPrbPct()).isZero();
    // 50 Mbps measured against an 88 Mbps set-point: raise
    ds = logic.onKpm(List.of(slice("cell-1", 1, KpmNames.THP_DL, 50_000)), T0.plusSeconds(1));
    assertThat(ds.get(0).request().getSlicePrbQuota().getSlices(0).getMinPrbPct()).isGreaterThan(12);
  }

  @Test
  void prb_quota_is_enforced_as_given_and_sent_once() {
    store.put("""
        {"policyId":"p-q","type":"PrbQuota","scope":{"cells":["cell-3"],"slice":"urllc"},
         "statement":{"minPrbPct":20,"maxPrbPct":60,"dedicatedPrbPct":10},"priority":50}""");
    List<Decision> ds = logic.onKpm(List.of(slice("cell-3", 2, KpmNames.THP_DL, 1000)), T0);
    assertThat(ds).hasSize(1);
    SliceQuota q = ds.get(0).request().getSlicePrbQuota().getSlices(0);
    assertThat(List.of(q.getMinPrbPct(), q.getMaxPrbPct(), q.getDedicatedPrbPct())).containsExactly(20, 60, 10);
    assertThat(ds.get(0).provenance().getPolicyId()).isEqualTo("p-q");
    assertThat(logic.onKpm(List.of(slice("cell-3", 2, KpmNames.THP_DL, 1000)), T0.plusSeconds(1))).isEmpty();

    // the node refused it: sent again next period
    logic.onOutcome(ds.get(0), ControlOutcome.newBuilder().setStatus(ControlStatus.CONTROL_STATUS_FAILURE).build(), T0);
    assertThat(logic.onKpm(List.of(slice("cell-3", 2, KpmNames.THP_DL, 1000)), T0.plusSeconds(2))).hasSize(1);

    // the policy went: neutral quota once, then silence
    store.remove("p-q");
    logic.onPolicyChange(T0.plusSeconds(2));
    ds = logic.onKpm(List.of(slice("cell-3", 2, KpmNames.THP_DL, 1000)), T0.plusSeconds(2));
    assertThat(ds).hasSize(1);
    q = ds.get(0).request().getSlicePrbQuota().getSlices(0);
    assertThat(List.of(q.getMinPrbPct(), q.getMaxPrbPct(), q.getDedicatedPrbPct())).containsExactly(0, 100, 0);
    assertThat(logic.onKpm(List.of(slice("cell-3", 2, KpmNames.THP_DL, 1000)), T0.plusSeconds(3))).isEmpty();
  }

  @Test
  void floors_of_a_cell_never_exceed_its_budget_and_the_stronger_policy_is_served_first() {
    store.put("""
        {"policyId":"p-a","type":"PrbQuota","scope":{"cells":["cell-2"],"slice":"embb"},
         "statement":{"minPrbPct":70},"priority":40}""");
    store.put("""
        {"policyId":"p-b","type":"PrbQuota","scope":{"cells":["cell-2"],"slice":"urllc"},
         "statement":{"minPrbPct":50},"priority":90}""");
    List<Decision> ds = logic.onKpm(List.of(slice("cell-2", 1, KpmNames.THP_DL, 1), slice("cell-2", 2, KpmNames.THP_DL, 1)), T0);
    assertThat(ds).hasSize(2);
    int sum = 0;
    for (Decision d : ds) {
      SliceQuota q = d.request().getSlicePrbQuota().getSlices(0);
      sum += q.getMinPrbPct();
      if (q.getSlice().getSst() == 2) {
        assertThat(q.getMinPrbPct()).isEqualTo(50);
      } else {
        assertThat(q.getMinPrbPct()).isEqualTo(50);
      }
    }
    assertThat(sum).isLessThanOrEqualTo(100);
  }

  @Test
  void policies_outside_their_validity_or_not_active_are_ignored() {
    store.put("""
        {"policyId":"p-night","type":"PrbQuota","scope":{"cells":["cell-3"],"slice":"urllc"},
         "statement":{"minPrbPct":20},"validity":{"daily":{"start":"22:00","end":"06:00"}}}""");
    store.put("""
        {"policyId":"p-prop","type":"PrbQuota","scope":{"cells":["cell-3"],"slice":"embb"},
         "statement":{"minPrbPct":20},"status":"PROPOSED"}""");
    assertThat(logic.onKpm(List.of(slice("cell-3", 2, KpmNames.THP_DL, 1)), T0)).isEmpty();
    logic.onPolicyChange(T0);
    assertThat(logic.onKpm(List.of(slice("cell-3", 2, KpmNames.THP_DL, 1)), Instant.parse("2026-11-23T23:00:00Z")))
        .hasSize(1);
  }
}
