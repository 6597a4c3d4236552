package io.oranric.testbed.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.testbed.sim.model.Control;
import io.oranric.testbed.sim.model.KpmMeter;
import io.oranric.testbed.sim.model.MeasurementReport;
import io.oranric.testbed.sim.model.Network;
import io.oranric.testbed.sim.scenario.ScenarioLoader;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacedRunnerTest {

    @Test
    void runs_the_model_on_its_thread_and_interleaves_controls_and_reads() throws Exception {
        Network net = ScenarioLoader.builtIn("lab-default").newNetwork();
        KpmMeter meter = net.meter(Duration.ofSeconds(1));
        CompletableFuture<MeasurementReport> third = new CompletableFuture<>();
        meter.addListener((m, end) -> {
            if (end.equals(Duration.ofSeconds(3))) {
                third.complete(m.snapshot("cell-1").orElseThrow());
            }
        });
        try (PacedRunner runner = new PacedRunner(net, Double.POSITIVE_INFINITY, Duration.ofMillis(10))) {
            runner.start();
            assertThat(runner.apply(Control.txPower("cell-1", 40)).accepted()).isTrue();
            MeasurementReport r = third.get(60, TimeUnit.SECONDS);
            assertThat(r.periodEnd()).isEqualTo(Duration.ofSeconds(3));
            String thread = runner.submit(n -> Thread.currentThread().getName()).get(60, TimeUnit.SECONDS);
            assertThat(thread).isEqualTo("sim-runner");
            assertThat(runner.submit(n -> n.cell("cell-1").txPowerDbm()).get(60, TimeUnit.SECONDS)).isEqualTo(40.0);
        }
    }

    @Test
    void a_paced_runner_follows_the_wall_clock_times_the_speedup() throws Exception {
        Network net = ScenarioLoader.builtIn("night-low-load").newNetwork();
        KpmMeter meter = net.meter(Duration.ofMillis(500));
        CompletableFuture<Duration> first = new CompletableFuture<>();
        meter.addListener((m, end) -> first.complete(end));
        try (PacedRunner runner = new PacedRunner(net, 50, Duration.ofMillis(10))) {
            long t0 = System.nanoTime();
            runner.start();
            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(Duration.ofMillis(500));
            // 500 ms of model time at 50x takes at least 10 ms of wall time
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
