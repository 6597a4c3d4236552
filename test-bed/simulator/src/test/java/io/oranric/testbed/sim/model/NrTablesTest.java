package io.oranric.testbed.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NrTablesTest {

    @ParameterizedTest(name = "{1} MHz at {0} kHz = {2} PRBs")
    @CsvSource({"15,5,25", "15,20,106", "15,50,270", "30,10,24", "30,20,51", "30,40,106", "30,50,133",
        "30,100,273", "60,100,135", "60,10,11"})
    void prb_counts_follow_ts_38_101_1(int scs, int bw, int prbs) {
        assertThat(NrTables.maxPrbs(scs, bw)).isEqualTo(prbs);
    }

    @Test
    void undefined_combinations_have_no_prb_count() {
        assertThat(NrTables.maxPrbs(30, 33)).isEqualTo(-1);
        assertThat(NrTables.maxPrbs(15, 100)).isEqualTo(-1);
        assertThat(NrTables.maxPrbs(60, 5)).isEqualTo(-1);
        assertThat(NrTables.maxPrbs(120, 50)).isEqualTo(-1);
    }

    @Test
    void cqi_rises_with_sinr_and_efficiency_with_cqi() {
        for (int table = 1; table <= 2; table++) {
            int last = 0;
            for (double sinr = -15; sinr <= 40; sinr += 0.5) {
                int cqi = NrTables.cqi(table, sinr);
                assertThat(cqi).isBetween(last, 15);
                last = cqi;
            }
            assertThat(NrTables.cqi(table, -10)).isZero();
            assertThat(NrTables.cqi(table, 40)).isEqualTo(15);
            for (int cqi = 1; cqi <= 15; cqi++) {
                assertThat(NrTables.efficiency(table, cqi)).isGreaterThan(NrTables.efficiency(table, cqi - 1));
                assertThat(NrTables.cqi(table, NrTables.sinrThresholdDb(table, cqi))).isEqualTo(cqi);
            }
        }
        assertThat(NrTables.efficiency(1, 15)).isEqualTo(5.5547);
        assertThat(NrTables.efficiency(2, 15)).isEqualTo(7.4063);
        assertThat(NrTables.modulationOrder(2, 15)).isEqualTo(8);
        assertThat(NrTables.modulationOrder(1, 15)).isEqualTo(6);
    }

    @Test
    void nr_arfcn_converts_to_frequency_per_ts_38_104() {
        assertThat(NrBand.frequencyMHz(630000)).isEqualTo(3450.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(NrBand.frequencyMHz(620000)).isEqualTo(3300.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(NrBand.frequencyMHz(428000)).isEqualTo(2140.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(NrBand.N78.firstArfcn()).isEqualTo(620000);
        assertThat(NrBand.N78.lastArfcn()).isEqualTo(653333);
        assertThat(NrBand.N78.onRaster(630000, 30)).isTrue();
        assertThat(NrBand.N78.onRaster(630001, 30)).isFalse();
        assertThat(NrBand.N78.onRaster(630001, 15)).isTrue();
        assertThat(NrBand.N1.onRaster(428000, 15)).isTrue();
        assertThat(NrBand.N1.onRaster(428010, 15)).isFalse();
        assertThat(NrBand.N78.carrierFits(630000, 100)).isTrue();
        assertThat(NrBand.N78.carrierFits(621000, 100)).isFalse();
        assertThat(NrBand.N78.allowsBandwidth(30, 100)).isTrue();
        assertThat(NrBand.N78.allowsBandwidth(30, 5)).isFalse();
        assertThat(NrBand.byName("N78")).contains(NrBand.N78);
    }
}
