package io.oranric.testbed.sim.model;

import static io.oranric.testbed.sim.model.TestScenarios.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.oranric.testbed.sim.scenario.ScenarioLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KpmMeterTest {

    private Network net;

    @BeforeEach
    void setUp() {
        net = ScenarioLoader.builtIn("lab-default").newNetwork();
    }

    @Test
    void periods_end_on_multiples_of_the_granularity_and_drain_once() {
        KpmMeter m = net.meter(Duration.ofMillis(500));
        assertThat(m.snapshot("cell-1")).isEmpty();
        net.step(Duration.ofMillis(1730));
        assertThat(m.completedPeriods()).isEqualTo(3);
        List<MeasurementReport> first = m.drain("cell-1");
        assertThat(first).extracting(r -> r.periodEnd().toMillis()).containsExactly(500L, 1000L, 1500L);
        assertThat(m.drain("cell-1")).isEmpty();
        net.step(Duration.ofMillis(300));
        assertThat(m.drain("cell-1")).extracting(r -> r.periodStart().toMillis()).containsExactly(1500L);
        assertThat(m.drain("cell-2")).hasSize(4);
    }

    @Test
    void history_is_bounded() {
        KpmMeter m = net.meter(s(1), 2);
        net.step(s(5));
        assertThat(m.drain("cell-1")).extracting(r -> r.periodEnd().toSeconds()).containsExactly(4L, 5L);
    }

    @Test
    void meters_are_shared_and_granularity_must_fit_the_tick() {
        assertThat(net.meter(s(1))).isSameAs(net.meter(s(1)));
        assertThatThrownBy(() -> net.meter(Duration.ofMillis(15))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of the tick");
        assertThatThrownBy(() -> net.meter(s(1)).snapshot("cell-42")).hasMessageContaining("cell-42");
    }

    @Test
    void cell_slice_and_ue_levels_add_up() {
        KpmMeter m = net.meter(s(2));
        net.step(s(6));
        for (CellInfo c : net.cells()) {
            MeasurementReport r = m.snapshot(c.id()).orElseThrow();
            double sliceVolume = r.slices().stream().mapToDouble(x -> x.get(Kpm.DRB_PDCP_SDU_VOLUME_DL)).sum();
            assertThat(sliceVolume).isEqualTo(r.get(Kpm.DRB_PDCP_SDU_VOLUME_DL), offset(1e-6));
            double slicePrb = r.slices().stream().mapToDouble(x -> x.get(Kpm.RRU_PRB_USED_DL)).sum();
            assertThat(slicePrb).isEqualTo(r.get(Kpm.RRU_PRB_USED_DL), offset(1e-6));
            assertThat(r.get(Kpm.RRU_PRB_USED_DL)).isLessThanOrEqualTo(r.get(Kpm.RRU_PRB_AVAIL_DL) + 1e-9);
            assertThat(r.get(Kpm.RRU_PRB_TOT_DL)).isBetween(0.0, 100.0);
            assertThat(r.get(Kpm.RRC_CONN_MAX)).isGreaterThanOrEqualTo(r.get(Kpm.RRC_CONN_MEAN) - 1e-9);
            assertThat(r.get(Kpm.PEE_MAX_POWER)).isGreaterThanOrEqualTo(r.get(Kpm.PEE_AVG_POWER) - 1e-9);
            assertThat(r.get(Kpm.PEE_MIN_POWER)).isLessThanOrEqualTo(r.get(Kpm.PEE_AVG_POWER) + 1e-9);
            assertThat(r.get(Kpm.PEE_ENERGY)).isEqualTo(r.get(Kpm.PEE_AVG_POWER) * 2 / 3.6e6, offset(1e-12));
            for (UeReport u : r.ues()) {
                assertThat(u.servingCellId()).isEqualTo(c.id());
            }
        }
        double ues = net.cells().stream().mapToDouble(c -> m.snapshot(c.id()).orElseThrow().ues().size()).sum();
        assertThat(ues).isPositive();
    }

    @Test
    void the_ue_report_and_the_node_report_are_available() {
        KpmMeter m = net.meter(s(1));
        net.step(s(3));
        UeInfo any = net.ues().stream().filter(UeInfo::connected).findFirst().orElseThrow();
        UeReport ur = m.snapshotUe(any.id()).orElseThrow();
        assertThat(ur.ueId()).isEqualTo(any.id());
        assertThat(net.ueByRanId(ur.ranUeId()).id()).isEqualTo(any.id()).isEqualTo("ue-" + ur.ranUeId());
        assertThat(ur.snssai()).isEqualTo(net.snssai(any.slice()));
        NodeReport node = m.snapshotNode("gnb-4").orElseThrow();
        assertThat(node.cells()).extracting(MeasurementReport::cellId).containsExactly("cell-4");
        assertThat(node.node().get(Kpm.PEE_AVG_POWER))
                .isEqualTo(node.cells().get(0).get(Kpm.PEE_AVG_POWER), offset(1e-9));
    }

    @Test
    void a_period_with_no_samples_reports_no_value_rather_than_zero() {
        KpmMeter m = net.meter(s(1));
        net.apply(Control.sleep("cell-6"));
        net.step(s(2));
        MeasurementReport r = m.snapshot("cell-6").orElseThrow();
        assertThat(r.cell().has(Kpm.DRB_UE_THP_DL)).isFalse();
        assertThat(r.get(Kpm.DRB_UE_THP_DL)).isNaN();
        assertThat(r.get(Kpm.RRU_PRB_TOT_DL)).isZero();
    }
}
