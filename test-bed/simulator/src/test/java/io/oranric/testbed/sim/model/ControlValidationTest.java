package io.oranric.testbed.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.testbed.sim.scenario.ScenarioLoader;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Out-of-range and inconsistent controls are refused with a typed reason and change nothing. */
class ControlValidationTest {

    private Network net;
    private CellInfo before;

    @BeforeEach
    void setUp() {
        net = ScenarioLoader.builtIn("lab-default").newNetwork();
        net.step(TestScenarios.s(1));
        before = net.cell("cell-3");
    }

    private void assertRejected(Control c, RejectReason reason, String detailPart) {
        ControlResult r = net.apply(c);
        assertThat(r.accepted()).isFalse();
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.detail()).contains(detailPart);
        assertThat(net.cell("cell-3")).isEqualTo(before);
    }

    @Test
    void tx_power_outside_the_radio_range_is_out_of_range() {
        assertRejected(Control.txPower("cell-3", 90), RejectReason.OUT_OF_RANGE, "90.0 dBm");
        assertRejected(Control.txPower("cell-3", 5), RejectReason.OUT_OF_RANGE, "[10.0, 46.0]");
        assertRejected(Control.txPower("cell-3", Double.NaN), RejectReason.OUT_OF_RANGE, "NaN");
        assertThat(net.apply(Control.txPower("cell-3", 46)).accepted()).isTrue();
        assertThat(net.cell("cell-3").txPowerDbm()).isEqualTo(46.0);
    }

    @Test
    void bandwidth_must_be_a_channel_bandwidth_of_the_band_and_fit_in_it() {
        assertRejected(Control.bandwidth("cell-3", 33), RejectReason.NOT_ALLOWED_VALUE, "33 MHz");
        assertRejected(Control.bandwidth("cell-3", 5), RejectReason.NOT_ALLOWED_VALUE, "n78");
        assertThat(net.apply(Control.bandwidth("cell-3", 20)).accepted()).isTrue();
        assertThat(net.cell("cell-3").carrierPrbs()).isEqualTo(51);
        // near the band edge a wide carrier would leave the band
        assertThat(net.apply(new Control.SetArfcn("cell-3", 621000)).accepted()).isTrue(); // 3315 MHz
        ControlResult r = net.apply(Control.bandwidth("cell-3", 100));
        assertThat(r.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(r.detail()).contains("leaves n78");
    }

    @Test
    void arfcn_must_be_on_the_raster_of_the_band() {
        assertRejected(new Control.SetArfcn("cell-3", 630001), RejectReason.NOT_ALLOWED_VALUE, "raster");
        assertRejected(new Control.SetArfcn("cell-3", 500000), RejectReason.NOT_ALLOWED_VALUE, "raster");
    }

    @Test
    void bwp_must_fit_the_carrier() {
        assertRejected(new Control.SetBwp("cell-3", new Bwp(1, 100, 24)), RejectReason.OUT_OF_RANGE, "106 PRBs");
        assertRejected(new Control.SetBwp("cell-3", new Bwp(7, 0, 24)), RejectReason.OUT_OF_RANGE, "id 0..4");
    }

    @Test
    void slice_quotas_are_checked_alone_and_together() {
        Snssai embb = Snssai.of(1);
        Snssai urllc = Snssai.of(2);
        assertRejected(Control.sliceQuota("cell-3", embb, new PrbQuota(0, 130, 0)), RejectReason.OUT_OF_RANGE,
                "maxPrbPct 130");
        assertRejected(Control.sliceQuota("cell-3", embb, new PrbQuota(10, 50, 20)), RejectReason.INCONSISTENT,
                "exceeds minPrbPct");
        assertRejected(Control.sliceQuota("cell-3", embb, new PrbQuota(60, 50, 0)), RejectReason.INCONSISTENT,
                "exceeds maxPrbPct");
        assertRejected(new Control.SetSliceQuotas("cell-3",
                        Map.of(embb, new PrbQuota(70, 100, 0), urllc, new PrbQuota(40, 100, 10)), Direction.BOTH),
                RejectReason.INCONSISTENT, "sum to 110");
        assertRejected(Control.sliceQuota("cell-3", new Snssai(9, 1), new PrbQuota(10, 100, 0)),
                RejectReason.UNKNOWN_SLICE, "not configured");
        // the sum counts quotas already in force
        assertThat(net.apply(Control.sliceQuota("cell-3", embb, new PrbQuota(70, 100, 0))).accepted()).isTrue();
        before = net.cell("cell-3");
        assertRejected(Control.sliceQuota("cell-3", urllc, new PrbQuota(40, 100, 0)), RejectReason.INCONSISTENT,
                "> 100");
        // a direction only checks that direction
        assertThat(net.apply(Control.sliceQuota("cell-3", urllc, new PrbQuota(40, 100, 0), Direction.UL))
                .accepted()).isFalse();
        assertThat(net.apply(Control.sliceQuota("cell-3", urllc, new PrbQuota(30, 100, 0), Direction.DL))
                .accepted()).isTrue();
        assertThat(net.cell("cell-3").quotasDl().get(urllc)).isEqualTo(new PrbQuota(30, 100, 0));
        assertThat(net.cell("cell-3").quotasUl().get(urllc)).isEqualTo(PrbQuota.UNRESTRICTED);
    }

    @Test
    void unknown_targets_are_named() {
        assertThat(net.apply(Control.txPower("cell-99", 40)).reason()).isEqualTo(RejectReason.UNKNOWN_CELL);
        assertThat(net.apply(Control.handover("ue-99999", "cell-1")).reason()).isEqualTo(RejectReason.UNKNOWN_UE);
        assertThat(net.apply(Control.cio("cell-3", 30)).reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    }

    @Test
    void handover_needs_a_connected_ue_and_an_active_reachable_target() {
        UeInfo ue = net.ues().stream().filter(UeInfo::connected).filter(u -> "cell-1".equals(u.servingCellId()))
                .findFirst().orElseThrow();
        assertThat(net.apply(Control.handover(ue.id(), "cell-1")).reason()).isEqualTo(RejectReason.ALREADY_SERVING);
        net.apply(Control.sleep("cell-2"));
        ControlResult asleep = net.apply(Control.handover(ue.id(), "cell-2"));
        if (ue.servingCellId().equals(net.ue(ue.id()).servingCellId())) {
            assertThat(asleep.reason()).isEqualTo(RejectReason.CELL_NOT_ACTIVE);
        }
        UeInfo idle = net.ues().stream().filter(u -> !u.connected() && u.servingCellId() != null)
                .findFirst().orElseThrow();
        assertThat(net.apply(Control.handover(idle.id(), "cell-4")).reason())
                .isEqualTo(RejectReason.UE_NOT_CONNECTED);
    }

    @Test
    void an_unreachable_target_is_refused() {
        // cell-2 sits 20 km away: no UE near cell-1 can hear it
        Network far = ScenarioLoader.parse("""
                name: far
                topology:
                  layout: explicit
                  cells:
                    - {id: cell-1, gnb: gnb-1, x: 0, y: 0}
                    - {id: cell-2, gnb: gnb-2, x: 20000, y: 0}
                diurnal: {profile: flat}
                slices:
                  embb:
                    ues: 5
                    mobility: {staticFraction: 1}
                    traffic: {dl: {model: full-buffer}}
                """, "far.yaml").newNetwork();
        far.step(TestScenarios.s(1));
        UeInfo ue = far.uesServedBy("cell-1").get(0);
        ControlResult r = far.apply(Control.handover(ue.id(), "cell-2"));
        assertThat(r.reason()).isEqualTo(RejectReason.TARGET_NOT_REACHABLE);
        assertThat(r.detail()).contains("q-RxLevMin");
    }

    @Test
    void accepted_controls_report_no_reason() {
        ControlResult r = net.apply(Control.txPower("cell-3", 40));
        assertThat(r.accepted()).isTrue();
        assertThat(r.reason()).isNull();
    }
}
