package io.oranric.cli;

import io.oranric.testbed.lab.load.E2LoadBench;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Benchmarks that users run on their own machines; numbers, not pass/fail. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks of the near-RT path.",
    subcommands = {BenchCommand.E2.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "e2", mixinStandardHelpOptions = true,
      description = "Indication on the socket -> termination -> (Kafka | direct) -> reacting consumer -> control request on the "
          + "socket, with lightweight E2 nodes over TCP. Reports p50/p90/p99/p99.9 per rate and stream.")
  static final class E2 implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "100", description = "E2 nodes. Default: ${DEFAULT-VALUE}.")
    int nodes;

    @Option(names = "--rate", defaultValue = "1000,10000", split = ",", description = "Indications per second, all nodes together. Default: ${DEFAULT-VALUE}.")
    List<Integer> rates;

    @Option(names = "--stream", defaultValue = "kafka,direct", split = ",", description = "kafka (two broker hops), direct (in-process). Default: ${DEFAULT-VALUE}.")
    List<String> streams;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds per run. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds per run. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--kafka", defaultValue = "embedded", description = "Default: ${DEFAULT-VALUE}.")
    String kafka;

    @Option(names = "--plot", defaultValue = "ric-bench-e2.svg", description = "SVG of the latency percentiles. Default: ${DEFAULT-VALUE}.")
    java.nio.file.Path plot;

    @Override
    public Integer call() throws Exception {
      List<E2LoadBench.Result> results = new ArrayList<>();
      for (String stream : streams) {
        for (int rate : rates) {
          System.out.printf("== %s stream, %,d indications/s, %d nodes%n", stream, rate, nodes);
          results.add(E2LoadBench.run(new E2LoadBench.Options(nodes, rate, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds),
              "direct".equals(stream), kafka), System.out));
        }
      }
      System.out.println();
      System.out.println("Results (near-RT budget: indication to control p99 within 10 ms):");
      results.forEach(r -> System.out.println("  " + r.table()));
      List<io.oranric.testbed.lab.load.LatencyPlot.Curve> curves = new ArrayList<>();
      results.forEach(r -> curves.add(new io.oranric.testbed.lab.load.LatencyPlot.Curve(
          (r.options().direct() ? "direct" : "kafka") + String.format(" %,d/s", r.options().ratePerSecond()), r.samples(),
          r.p99PerSecondMs(), r.cpuCores())));
      io.oranric.testbed.lab.load.LatencyPlot.write(plot, "Indication on the socket to control request on the socket ("
          + nodes + " E2 nodes)", curves, 10);
      System.out.println("Plot: " + plot.toAbsolutePath());
      return 0;
    }
  }
}
