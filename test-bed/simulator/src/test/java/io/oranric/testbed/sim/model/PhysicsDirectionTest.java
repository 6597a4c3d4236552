package io.oranric.testbed.sim.model;

import static io.oranric.testbed.sim.model.TestScenarios.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.testbed.sim.scenario.Scenario;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each test runs two networks from the same scenario and seed, applies a control to one of them (B) and compares
 * the following granularity period with the untouched one (A). Determinism makes the comparison exact: any
 * difference is the control's doing.
 */
class PhysicsDirectionTest {

    private static final Snssai EMBB = Snssai.of(1);
    private static final Snssai URLLC = Snssai.of(2);

    private Network a;
    private Network b;
    private KpmMeter ma;
    private KpmMeter mb;

    @BeforeEach
    void warmUp() {
        Scenario sc = TestScenarios.loaded7();
        a = sc.newNetwork();
        b = sc.newNetwork();
        ma = a.meter(s(2));
        mb = b.meter(s(2));
        a.step(s(2));
        b.step(s(2));
    }

    /** Applies to B, then runs both through a settling period and a measured period. */
    private void applyAndMeasure(Control c) {
        assertThat(b.apply(c).accepted()).as("control %s accepted", c).isTrue();
        a.step(s(4));
        b.step(s(4));
    }

    private MeasurementReport ra(String cell) {
        return ma.snapshot(cell).orElseThrow();
    }

    private MeasurementReport rb(String cell) {
        return mb.snapshot(cell).orElseThrow();
    }

    @Test
    void lowering_tx_power_lowers_cell_edge_throughput_and_average_power() {
        List<UeInfo> served = b.uesServedBy("cell-1").stream().filter(u -> u.slice().equals("embb")).toList();
        Set<String> edge = served.stream().sorted(Comparator.comparingDouble(UeInfo::rsrpDbm))
                .limit(Math.max(2, served.size() / 3)).map(UeInfo::id).collect(Collectors.toSet());

        applyAndMeasure(Control.txPower("cell-1", 34));

        // volume, not DRB.UEThpDl: an edge UE that loses coverage has no throughput sample at all
        double edgeA = edge.stream().mapToDouble(u -> ma.snapshotUe(u).orElseThrow()
                .get(Kpm.DRB_PDCP_SDU_VOLUME_DL)).average().orElseThrow();
        double edgeB = edge.stream().mapToDouble(u -> mb.snapshotUe(u).orElseThrow()
                .get(Kpm.DRB_PDCP_SDU_VOLUME_DL)).average().orElseThrow();
        assertThat(edgeB).as("cell-edge DL throughput after -9 dB").isLessThan(0.9 * edgeA);
        assertThat(rb("cell-1").get(Kpm.PEE_AVG_POWER)).isLessThan(ra("cell-1").get(Kpm.PEE_AVG_POWER) - 20);
        assertThat(rb("cell-1").get(Kpm.CARR_MAX_TX_PWR)).isEqualTo(34.0);
        assertThat(rb("cell-1").get(Kpm.CARR_MEAN_TX_PWR)).isLessThan(ra("cell-1").get(Kpm.CARR_MEAN_TX_PWR));
    }

    @Test
    void raising_a_neighbours_load_lowers_sinr_through_interference() {
        // cell-2 sleeps in B: its interference disappears for the cell-1 UEs that stay put
        List<String> stay = a.uesServedBy("cell-1").stream().map(UeInfo::id).toList();
        applyAndMeasure(Control.sleep("cell-2"));
        double sinrA = stay.stream().mapToDouble(u -> a.ue(u).sinrDb()).average().orElseThrow();
        double sinrB = stay.stream().mapToDouble(u -> b.ue(u).sinrDb()).average().orElseThrow();
        assertThat(sinrB).isGreaterThan(sinrA);
    }

    @Test
    void dedicated_prbs_for_urllc_lower_its_delay() {
        applyAndMeasure(Control.sliceQuota("cell-1", URLLC, new PrbQuota(20, 100, 20)));
        double delayA = ra("cell-1").slice("urllc").orElseThrow().get(Kpm.DRB_RLC_SDU_DELAY_DL);
        double delayB = rb("cell-1").slice("urllc").orElseThrow().get(Kpm.DRB_RLC_SDU_DELAY_DL);
        assertThat(delayB).isLessThan(delayA * 0.95);
        // the reservation is dedicated: PRBs urllc leaves unused stay idle, so eMBB loses capacity
        assertThat(rb("cell-1").get(Kpm.RRU_PRB_USED_DL)).isLessThan(ra("cell-1").get(Kpm.RRU_PRB_USED_DL));
    }

    @Test
    void prioritized_prbs_for_urllc_lower_its_delay_without_idling_prbs() {
        applyAndMeasure(Control.sliceQuota("cell-1", URLLC, new PrbQuota(20, 100, 0)));
        double delayA = ra("cell-1").slice("urllc").orElseThrow().get(Kpm.DRB_RLC_SDU_DELAY_DL);
        double delayB = rb("cell-1").slice("urllc").orElseThrow().get(Kpm.DRB_RLC_SDU_DELAY_DL);
        assertThat(delayB).isLessThan(delayA * 0.95);
        assertThat(rb("cell-1").get(Kpm.RRU_PRB_USED_DL)).isGreaterThan(0.99 * rb("cell-1").get(Kpm.RRU_PRB_AVAIL_DL));
    }

    @Test
    void capping_embb_max_prbs_lowers_its_prb_usage_and_throughput() {
        applyAndMeasure(Control.sliceQuota("cell-1", EMBB, new PrbQuota(0, 30, 0)));
        SliceReport embbA = ra("cell-1").slice(EMBB).orElseThrow();
        SliceReport embbB = rb("cell-1").slice(EMBB).orElseThrow();
        double avail = rb("cell-1").get(Kpm.RRU_PRB_AVAIL_DL);
        assertThat(embbB.get(Kpm.RRU_PRB_USED_DL)).isLessThanOrEqualTo(0.30 * avail + 1e-6)
                .isLessThan(0.5 * embbA.get(Kpm.RRU_PRB_USED_DL));
        assertThat(embbB.get(Kpm.DRB_UE_THP_DL)).isLessThan(0.6 * embbA.get(Kpm.DRB_UE_THP_DL));
        assertThat(embbB.get(Kpm.DRB_PDCP_SDU_VOLUME_DL)).isLessThan(embbA.get(Kpm.DRB_PDCP_SDU_VOLUME_DL));
    }

    @Test
    void sleeping_a_cell_moves_its_ues_to_neighbours_and_drops_its_power() {
        List<String> before = b.uesServedBy("cell-1").stream().map(UeInfo::id).toList();
        assertThat(before).isNotEmpty();
        applyAndMeasure(Control.sleep("cell-1"));

        assertThat(b.uesServedBy("cell-1")).isEmpty();
        long moved = before.stream().map(b::ue).filter(u -> u.servingCellId() != null).count();
        assertThat(moved).as("UEs re-attached to a neighbour").isGreaterThanOrEqualTo(before.size() * 8L / 10);
        assertThat(b.cell("cell-1").mode()).isEqualTo(CellMode.SLEEPING);

        MeasurementReport sleeping = rb("cell-1");
        assertThat(sleeping.get(Kpm.PEE_AVG_POWER)).isLessThan(5.0)
                .isLessThan(0.02 * ra("cell-1").get(Kpm.PEE_AVG_POWER));
        assertThat(sleeping.get(Kpm.RRU_PRB_USED_DL)).isZero();
        assertThat(sleeping.get(Kpm.RRU_PRB_AVAIL_DL)).isZero();
        assertThat(sleeping.get(Kpm.RRC_CONN_MEAN)).isZero();
        double neighboursA = List.of("cell-2", "cell-3", "cell-4", "cell-5", "cell-6", "cell-7").stream()
                .mapToDouble(c -> ra(c).get(Kpm.RRC_CONN_MEAN)).sum();
        double neighboursB = List.of("cell-2", "cell-3", "cell-4", "cell-5", "cell-6", "cell-7").stream()
                .mapToDouble(c -> rb(c).get(Kpm.RRC_CONN_MEAN)).sum();
        assertThat(neighboursB).isGreaterThan(neighboursA);
    }

    @Test
    void the_period_of_a_sleep_counts_the_handovers_out_of_the_cell() {
        long connected = b.uesServedBy("cell-1").stream().filter(UeInfo::connected).count();
        KpmMeter fine = b.meter(s(1));
        b.step(s(1));
        b.apply(Control.sleep("cell-1"));
        b.step(s(1));
        MeasurementReport r = fine.snapshot("cell-1").orElseThrow();
        assertThat(r.get(Kpm.MM_HO_EXE_INTER_REQ)).isGreaterThan(0).isLessThanOrEqualTo(connected);
        assertThat(r.get(Kpm.MM_HO_EXE_INTER_SUCC)).isEqualTo(r.get(Kpm.MM_HO_EXE_INTER_REQ));
    }

    @Test
    void a_woken_cell_serves_again_after_its_wake_up_time() {
        b.apply(Control.sleep("cell-1"));
        b.step(s(2));
        b.apply(Control.wake("cell-1"));
        assertThat(b.cell("cell-1").mode()).isEqualTo(CellMode.WAKING);
        b.step(s(4));
        assertThat(b.cell("cell-1").mode()).isEqualTo(CellMode.ACTIVE);
        assertThat(b.uesServedBy("cell-1")).isNotEmpty();
        assertThat(mb.snapshot("cell-1").orElseThrow().get(Kpm.PEE_AVG_POWER)).isGreaterThan(250);
    }

    @Test
    void a_legal_bandwidth_increase_raises_capacity() {
        applyAndMeasure(Control.bandwidth("cell-1", 100));
        assertThat(b.cell("cell-1").carrierPrbs()).isEqualTo(273);
        assertThat(rb("cell-1").get(Kpm.RRU_PRB_AVAIL_DL)).isEqualTo(273.0);
        assertThat(rb("cell-1").get(Kpm.DRB_PDCP_SDU_VOLUME_DL))
                .isGreaterThan(1.5 * ra("cell-1").get(Kpm.DRB_PDCP_SDU_VOLUME_DL));
        assertThat(rb("cell-1").slice(EMBB).orElseThrow().get(Kpm.DRB_UE_THP_DL))
                .isGreaterThan(ra("cell-1").slice(EMBB).orElseThrow().get(Kpm.DRB_UE_THP_DL));
    }

    @Test
    void a_narrower_bwp_lowers_available_prbs_and_volume() {
        applyAndMeasure(new Control.SetBwp("cell-1", new Bwp(1, 0, 51)));
        assertThat(rb("cell-1").get(Kpm.RRU_PRB_AVAIL_DL)).isEqualTo(51.0);
        assertThat(rb("cell-1").get(Kpm.DRB_PDCP_SDU_VOLUME_DL))
                .isLessThan(0.7 * ra("cell-1").get(Kpm.DRB_PDCP_SDU_VOLUME_DL));
    }

    @Test
    void moving_the_carrier_off_the_neighbours_frequency_removes_their_interference() {
        List<String> stay = a.uesServedBy("cell-1").stream().map(UeInfo::id).toList();
        // 630000 is 3450 MHz; 636668 is 3550.02 MHz: 40 MHz carriers no longer overlap
        applyAndMeasure(new Control.SetArfcn("cell-1", 636668));
        assertThat(b.cell("cell-1").frequencyMHz()).isBetween(3550.0, 3550.1);
        double sinrA = stay.stream().map(b::ue).filter(u -> "cell-1".equals(u.servingCellId()))
                .mapToDouble(u -> a.ue(u.id()).sinrDb()).average().orElseThrow();
        double sinrB = stay.stream().map(b::ue).filter(u -> "cell-1".equals(u.servingCellId()))
                .mapToDouble(UeInfo::sinrDb).average().orElseThrow();
        assertThat(sinrB).isGreaterThan(sinrA + 3);
    }

    @Test
    void a_forced_handover_moves_the_ue_to_the_target() {
        UeInfo ue = b.uesServedBy("cell-1").stream().filter(UeInfo::connected)
                .filter(u -> u.bestNeighbour().map(n -> u.rsrpByCellDbm().get(n) > -115).orElse(false))
                .findFirst().orElseThrow();
        String target = ue.bestNeighbour().orElseThrow();
        ControlResult r = b.apply(Control.handover(ue.id(), target));
        assertThat(r.accepted()).as(r.detail()).isTrue();
        assertThat(b.ue(ue.id()).servingCellId()).isEqualTo(target);
        b.step(s(1));
        assertThat(mb.snapshot("cell-1").isPresent()).isTrue();
    }

    @Test
    void a_positive_cell_individual_offset_attracts_ues() {
        int before = b.uesServedBy("cell-2").size();
        applyAndMeasure(Control.cio("cell-2", 6));
        assertThat(b.uesServedBy("cell-2").size()).isGreaterThan(before);
        assertThat(a.uesServedBy("cell-2").size()).isEqualTo(before);
    }
}
