package io.oranric.testbed.sim.model;

import static io.oranric.testbed.sim.model.TestScenarios.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.testbed.sim.scenario.Scenario;
import io.oranric.testbed.sim.scenario.ScenarioLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    /** Runs the lab scenario with a fixed sequence of controls and collects every report. */
    private static List<MeasurementReport> run(Scenario sc, boolean smallSteps) {
        Network net = sc.newNetwork();
        KpmMeter m = net.meter(s(1), 20);
        advance(net, s(3), smallSteps);
        net.apply(Control.txPower("cell-2", 38));
        net.apply(Control.sliceQuota("cell-1", Snssai.of(2), new PrbQuota(20, 80, 10)));
        advance(net, s(3), smallSteps);
        net.apply(Control.sleep("cell-5"));
        net.apply(Control.cio("cell-3", 4));
        advance(net, s(3), smallSteps);
        net.apply(Control.wake("cell-5"));
        net.apply(Control.bandwidth("cell-4", 60));
        advance(net, s(3), smallSteps);
        List<MeasurementReport> out = new ArrayList<>();
        for (CellInfo c : net.cells()) {
            out.addAll(m.drain(c.id()));
        }
        return out;
    }

    private static void advance(Network net, Duration d, boolean smallSteps) {
        if (!smallSteps) {
            net.step(d);
            return;
        }
        // uneven slices that do not line up with the tick: remainders must carry over
        long left = d.toMillis();
        long[] pattern = {3, 7, 25, 1, 64};
        int i = 0;
        while (left > 0) {
            long step = Math.min(left, pattern[i++ % pattern.length]);
            net.step(Duration.ofMillis(step));
            left -= step;
        }
    }

    @Test
    void same_seed_and_same_controls_give_identical_measurements() {
        Scenario sc = ScenarioLoader.builtIn("lab-default");
        List<MeasurementReport> first = run(sc, false);
        List<MeasurementReport> second = run(sc, false);
        assertThat(first).hasSize(7 * 12);
        assertThat(second).isEqualTo(first);
        assertThat(first.stream().mapToInt(r -> r.ues().size()).sum()).isGreaterThan(0);
    }

    @Test
    void how_time_is_sliced_into_steps_does_not_matter() {
        Scenario sc = ScenarioLoader.builtIn("lab-default");
        assertThat(run(sc, true)).isEqualTo(run(sc, false));
    }

    @Test
    void another_seed_gives_another_run() {
        Scenario sc = ScenarioLoader.builtIn("lab-default");
        Scenario other = new Scenario(sc.name(), sc.description(), sc.source(), withSeed(sc, sc.spec().seed() + 1));
        assertThat(run(other, false)).isNotEqualTo(run(sc, false));
    }

    private static NetworkSpec withSeed(Scenario sc, long seed) {
        NetworkSpec p = sc.spec();
        return new NetworkSpec(p.name(), seed, p.tickMs(), p.startTimeOfDay(), p.clockSpeedup(), p.plmn(), p.radio(),
                p.handover(), p.diurnal(), p.gnbs(), p.cells(), p.slices());
    }
}
