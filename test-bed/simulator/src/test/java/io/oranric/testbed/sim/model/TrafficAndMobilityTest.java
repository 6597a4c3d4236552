package io.oranric.testbed.sim.model;

import static io.oranric.testbed.sim.model.TestScenarios.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.testbed.sim.scenario.Scenario;
import io.oranric.testbed.sim.scenario.ScenarioLoader;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficAndMobilityTest {

    private static double networkVolumeDl(Network net, KpmMeter m) {
        return net.cells().stream().mapToDouble(c -> m.snapshot(c.id()).orElseThrow()
                .get(Kpm.DRB_PDCP_SDU_VOLUME_DL)).sum();
    }

    private static double sliceVolumeDl(Network net, KpmMeter m, String slice) {
        return net.cells().stream().mapToDouble(c -> m.snapshot(c.id()).orElseThrow().slice(slice).orElseThrow()
                .get(Kpm.DRB_PDCP_SDU_VOLUME_DL)).sum();
    }

    @Test
    void traffic_follows_the_time_of_day() {
        String res = "scenarios/lab-default.yaml";
        Network night = ScenarioLoader.parse(read(res).replace("startTimeOfDay: \"10:00\"",
                "startTimeOfDay: \"04:00\""), "night").newNetwork();
        Network evening = ScenarioLoader.parse(read(res).replace("startTimeOfDay: \"10:00\"",
                "startTimeOfDay: \"20:00\""), "evening").newNetwork();
        assertThat(night.trafficFactor("embb")).isLessThan(0.2);
        assertThat(evening.trafficFactor("embb")).isEqualTo(1.0);
        assertThat(night.trafficFactor("urllc")).isEqualTo(1.0);
        KpmMeter mn = night.meter(s(30));
        KpmMeter me = evening.meter(s(30));
        night.step(s(30));
        evening.step(s(30));
        assertThat(sliceVolumeDl(night, mn, "embb")).isLessThan(0.4 * sliceVolumeDl(evening, me, "embb"));
        // urllc has a flat profile: the same offered load day and night
        assertThat(sliceVolumeDl(night, mn, "urllc")).isBetween(0.8 * sliceVolumeDl(evening, me, "urllc"),
                1.25 * sliceVolumeDl(evening, me, "urllc"));
        double nightPower = night.cells().stream().mapToDouble(c -> mn.snapshot(c.id()).orElseThrow()
                .get(Kpm.PEE_AVG_POWER)).sum();
        double eveningPower = evening.cells().stream().mapToDouble(c -> me.snapshot(c.id()).orElseThrow()
                .get(Kpm.PEE_AVG_POWER)).sum();
        assertThat(nightPower).isLessThan(eveningPower);
        assertThat(networkVolumeDl(night, mn)).isLessThan(networkVolumeDl(evening, me));
    }

    @Test
    void the_diurnal_clock_can_run_faster_than_model_time() {
        Network net = ScenarioLoader.builtIn("night-low-load").newNetwork();
        assertThat(net.timeOfDay()).isEqualTo(LocalTime.of(2, 0));
        net.step(s(90));
        assertThat(net.timeOfDay()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void squeezing_urllc_below_its_load_makes_it_drop_packets_and_wait() {
        Scenario sc = TestScenarios.loaded7();
        Network a = sc.newNetwork();
        Network b = sc.newNetwork();
        KpmMeter ma = a.meter(s(2));
        KpmMeter mb = b.meter(s(2));
        assertThat(b.apply(Control.sliceQuota("cell-1", Snssai.of(2), new PrbQuota(0, 1, 0))).accepted()).isTrue();
        a.step(s(4));
        b.step(s(4));
        SliceReport ua = ma.snapshot("cell-1").orElseThrow().slice("urllc").orElseThrow();
        SliceReport ub = mb.snapshot("cell-1").orElseThrow().slice("urllc").orElseThrow();
        assertThat(ua.get(Kpm.DRB_RLC_PACKET_DROP_RATE_DL)).isLessThan(1000);
        assertThat(ub.get(Kpm.DRB_RLC_PACKET_DROP_RATE_DL)).isGreaterThan(10_000);
        assertThat(ub.get(Kpm.DRB_RLC_SDU_DELAY_DL)).isGreaterThan(2 * ua.get(Kpm.DRB_RLC_SDU_DELAY_DL));
        assertThat(ub.get(Kpm.RRU_PRB_USED_DL)).isLessThanOrEqualTo(1.06 + 1e-9);
    }

    @Test
    void moving_ues_hand_over_and_stay_on_a_good_cell() {
        Network net = ScenarioLoader.builtIn("dense-urban").newNetwork();
        KpmMeter m = net.meter(s(20));
        List<double[]> start = new ArrayList<>();
        net.ues().forEach(u -> start.add(new double[] {u.x(), u.y()}));
        net.step(s(20));
        double handovers = net.cells().stream().mapToDouble(c -> {
            MeasurementReport r = m.snapshot(c.id()).orElseThrow();
            return r.get(Kpm.MM_HO_EXE_INTRA_REQ) + r.get(Kpm.MM_HO_EXE_INTER_REQ);
        }).sum();
        assertThat(handovers).isGreaterThan(10);
        List<UeInfo> ues = net.ues();
        long moved = 0;
        for (int i = 0; i < ues.size(); i++) {
            if (Math.hypot(ues.get(i).x() - start.get(i)[0], ues.get(i).y() - start.get(i)[1]) > 5) {
                moved++;
            }
        }
        // about a fifth of the UEs are mobile (miot never moves) and they start with a random pause
        assertThat(moved).isGreaterThan(ues.size() / 20);
        // A3 with 1.5 dB hysteresis and 1 dB offset: apart from UEs inside their time to trigger, nobody sits on
        // a cell much weaker than the best one it hears
        long badlyServed = ues.stream().filter(u -> u.servingCellId() != null).filter(u -> {
            Map.Entry<String, Double> best = u.rsrpByCellDbm().entrySet().iterator().next();
            return best.getValue() - u.rsrpDbm() > 2.5 + 3;
        }).count();
        assertThat(badlyServed).isLessThan(ues.size() / 50);
    }

    @Test
    void meters_tell_listeners_when_a_period_closes() {
        Network net = ScenarioLoader.builtIn("lab-default").newNetwork();
        KpmMeter m = net.meter(Duration.ofMillis(500));
        List<Duration> closed = new ArrayList<>();
        m.addListener((meter, end) -> {
            closed.add(end);
            assertThat(meter.snapshot("cell-1").orElseThrow().periodEnd()).isEqualTo(end);
        });
        net.step(s(2));
        assertThat(closed).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(1500),
                Duration.ofMillis(2000));
        assertThat(net.snapshot("cell-2", 500)).isPresent();
        assertThat(net.snapshot("cell-2", 250)).isEmpty();
    }

    @Test
    void every_reported_name_is_declared() {
        Network net = ScenarioLoader.builtIn("lab-default").newNetwork();
        KpmMeter m = net.meter(s(1));
        net.step(s(3));
        for (CellInfo c : net.cells()) {
            MeasurementReport r = m.snapshot(c.id()).orElseThrow();
            assertThat(Kpm.CELL).containsAll(r.cell().names());
            r.slices().forEach(sr -> assertThat(Kpm.SLICE).containsAll(sr.measurements().names()));
            r.ues().forEach(ur -> assertThat(Kpm.UE).containsAll(ur.measurements().names()));
        }
        assertThat(Kpm.NODE).containsAll(m.snapshotNode("gnb-1").orElseThrow().node().names());
    }

    private static String read(String resource) {
        try (var in = TrafficAndMobilityTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
