package io.oranric.testbed.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.testbed.sim.scenario.ScenarioLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RadioLinkFailureTest {

    /**
     * Two co-sited cells on one carrier: cell-2 is 33 dB stronger, but CIOs of +24 / -24 dB keep UEs on cell-1,
     * where cell-2's idle interference alone puts the SINR below CQI 1. After T310 the UEs re-establish on the
     * other cell.
     */
    private static final String HELD_ON_A_WEAK_CELL = """
            name: rlf
            handover: {t310Ms: 1000}
            topology:
              layout: explicit
              cells:
                - {id: cell-1, gnb: gnb-1, x: 0, y: 0, txPowerDbm: 10, cioDb: 24, dropRadiusM: 60}
                - {id: cell-2, gnb: gnb-2, x: 0, y: 0, txPowerDbm: 43, cioDb: -24, dropRadiusM: 60}
            diurnal: {profile: flat}
            slices:
              embb:
                ues: 4
                mobility: {staticFraction: 1}
                traffic: {dl: {model: full-buffer}}
            """;

    @Test
    void a_ue_that_cannot_be_decoded_reestablishes_on_another_cell_after_t310() {
        Network net = ScenarioLoader.parse(HELD_ON_A_WEAK_CELL, "rlf.yaml").newNetwork();
        KpmMeter m = net.meter(Duration.ofMillis(500));
        net.step(Duration.ofMillis(500));
        assertThat(net.uesServedBy("cell-1")).hasSize(4).allSatisfy(u -> assertThat(u.cqi()).isZero());
        MeasurementReport first = m.snapshot("cell-1").orElseThrow();
        assertThat(first.get(Kpm.DRB_PDCP_SDU_VOLUME_DL)).isZero();
        assertThat(first.get(Kpm.DRB_MEAN_ACTIVE_UE_DL)).isEqualTo(4.0);

        net.step(Duration.ofMillis(600));
        double reestablished = m.drain("cell-2").stream().mapToDouble(r -> r.get(Kpm.RRC_REESTAB_ATT)).sum();
        assertThat(reestablished).isEqualTo(4.0);
        assertThat(net.uesServedBy("cell-2")).hasSize(4);
        net.step(Duration.ofMillis(400));
        assertThat(m.snapshot("cell-2").orElseThrow().get(Kpm.DRB_PDCP_SDU_VOLUME_DL)).isPositive();
        // the CIOs still favour cell-1 by 15 dB: A3 hands the UEs back after the time to trigger, and the
        // misconfiguration ping-pongs as it would in a real network
        assertThat(net.uesServedBy("cell-1")).hasSize(4);
        assertThat(m.snapshot("cell-2").orElseThrow().get(Kpm.MM_HO_EXE_INTER_REQ)).isEqualTo(4.0);
    }
}
