package io.oranric.testbed.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class PropagationTest {

    @Test
    void uma_los_path_loss_matches_tr_38_901_by_hand() {
        // d2D 100 m, hBS 25 m, hUT 1.5 m, 3.5 GHz: below the breakpoint, PL1 = 28 + 22 log10(d3D) + 20 log10(fc)
        double d3d = Math.hypot(100, 23.5);
        double expected = 28 + 22 * Math.log10(d3d) + 20 * Math.log10(3.5);
        assertThat(Environment.UMA.pathLossDb(true, 100, 25, 1.5, 3.5)).isEqualTo(expected, offset(1e-9));
    }

    @Test
    void nlos_is_never_below_los_and_loss_grows_with_distance() {
        for (Environment env : Environment.values()) {
            double last = 0;
            for (double d = 10; d <= 3000; d += 10) {
                double los = env.pathLossDb(true, d, 25, 1.5, 3.5);
                double nlos = env.pathLossDb(false, d, 25, 1.5, 3.5);
                assertThat(nlos).isGreaterThanOrEqualTo(los);
                assertThat(nlos).isGreaterThanOrEqualTo(last);
                last = nlos;
            }
        }
        assertThat(Environment.UMA.pathLossDb(false, 500, 25, 1.5, 3.5))
                .isGreaterThan(Environment.UMA.pathLossDb(false, 500, 25, 1.5, 2.0));
    }

    @Test
    void los_probability_falls_with_distance() {
        assertThat(Environment.UMA.losProbability(10, 1.5)).isEqualTo(1.0);
        assertThat(Environment.UMA.losProbability(100, 1.5)).isBetween(0.2, 0.4);
        assertThat(Environment.UMI.losProbability(200, 1.5)).isLessThan(Environment.UMI.losProbability(50, 1.5));
    }

    @Test
    void shadow_field_has_unit_variance_and_is_correlated_at_short_range() {
        int n = 20000;
        double sum = 0;
        double sq = 0;
        double near = 0;
        double far = 0;
        for (int i = 0; i < n; i++) {
            double x = i * 137.0;
            double y = i * 71.0;
            double v = ShadowField.sample(42, 3, x, y, 50);
            sum += v;
            sq += v * v;
            near += v * ShadowField.sample(42, 3, x + 5, y, 50);
            far += v * ShadowField.sample(42, 3, x + 400, y, 50);
        }
        double mean = sum / n;
        assertThat(mean).isBetween(-0.05, 0.05);
        assertThat(sq / n).isBetween(0.9, 1.1);
        assertThat(near / n).isGreaterThan(0.85);
        assertThat(Math.abs(far / n)).isLessThan(0.1);
        // co-sited sectors share the field, other sites do not
        assertThat(ShadowField.sample(42, 3, 10, 20, 50)).isEqualTo(ShadowField.sample(42, 3, 10, 20, 50));
        assertThat(ShadowField.sample(42, 4, 10, 20, 50)).isNotEqualTo(ShadowField.sample(42, 3, 10, 20, 50));
    }

    @Test
    void sector_antenna_attenuates_off_boresight() {
        assertThat(Environment.sectorAttenuationDb(0)).isZero();
        assertThat(Environment.sectorAttenuationDb(32.5)).isEqualTo(3.0, offset(1e-9));
        assertThat(Environment.sectorAttenuationDb(180)).isEqualTo(30.0);
    }

    @Test
    void energy_profile_follows_earth() {
        EnergyProfile macro = EnergyProfile.macro();
        assertThat(macro.activePowerW(20, 0)).isEqualTo(260.0);
        assertThat(macro.activePowerW(20, 1)).isEqualTo(260 + 4.7 * 20, offset(1e-9));
        assertThat(macro.deepSleepW()).isEqualTo(150.0 / 45, offset(1e-9));
    }
}
