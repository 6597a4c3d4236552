package io.oranric.testbed.sim.bench;

import io.oranric.testbed.sim.model.CellInfo;
import io.oranric.testbed.sim.model.KpmMeter;
import io.oranric.testbed.sim.model.MeasurementReport;
import io.oranric.testbed.sim.model.Network;
import io.oranric.testbed.sim.scenario.Scenario;
import io.oranric.testbed.sim.scenario.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Measures what one model step costs, per cell and per UE, with a 1 s KPM meter read for every cell each period
 * (what the E2 agents will do). Costs are the stepping thread's CPU time after a warm-up, so other load on the
 * machine inflates them little; the real-time factor uses the same CPU time (wall-clock is printed alongside):
 *
 * <pre>
 *   java -cp ric-simulator.jar:snakeyaml.jar io.oranric.testbed.sim.bench.StepCost [scenario|file.yaml ...]
 *        [--seconds N] [--warmup N]
 * </pre>
 */
public final class StepCost {

    private StepCost() {
    }

    public static void main(String[] args) {
        int seconds = 60;
        int warmup = 20;
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> names.add(args[i]);
            }
        }
        if (names.isEmpty()) {
            names = ScenarioLoader.BUILT_IN;
        }
        System.out.printf("%-16s %6s %7s %6s %10s %12s %11s %10s %10s %10s%n", "scenario", "cells", "UEs", "tick",
                "us/tick", "ns/cell-tick", "ns/UE-tick", "x realtime", "read ms/s", "wall/cpu");
        for (String name : names) {
            Scenario sc = Files.exists(Path.of(name)) ? ScenarioLoader.load(Path.of(name)) : ScenarioLoader.builtIn(name);
            run(sc, warmup, seconds);
        }
    }

    private static void run(Scenario sc, int warmupS, int seconds) {
        Network net = sc.newNetwork();
        KpmMeter meter = net.meter(Duration.ofSeconds(1), 2);
        List<String> cells = net.cells().stream().map(CellInfo::id).toList();
        net.step(Duration.ofSeconds(warmupS));
        long ticksPerSecond = 1000 / net.tick().toMillis();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long stepNs = 0;
        long readNs = 0;
        long wallNs = 0;
        double sink = 0;
        for (int s = 0; s < seconds; s++) {
            long w0 = System.nanoTime();
            long t0 = cpu.getCurrentThreadCpuTime();
            net.stepTicks(ticksPerSecond);
            long t1 = cpu.getCurrentThreadCpuTime();
            for (String c : cells) {
                MeasurementReport r = meter.snapshot(c).orElseThrow();
                sink += r.cell().asMap().size() + r.ues().size();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            wallNs += System.nanoTime() - w0;
            stepNs += t1 - t0;
            readNs += t2 - t1;
        }
        double ticks = (double) seconds * ticksPerSecond;
        double perTickUs = stepNs / ticks / 1000.0;
        System.out.printf("%-16s %6d %7d %4dms %10.1f %12.0f %11.1f %10.1f %10.2f %10.2f%s%n", sc.name(),
                net.cellCount(), net.ueCount(), net.tick().toMillis(), perTickUs, stepNs / ticks / net.cellCount(),
                stepNs / ticks / net.ueCount(), seconds * 1e9 / (stepNs + readNs), readNs / 1e6 / seconds,
                (double) wallNs / (stepNs + readNs), sink < 0 ? "!" : "");
    }
}
