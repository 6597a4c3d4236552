package io.oranric.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.oranric.e2.node.LinkKind;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.sm.kpm.KpmVersion;
import io.oranric.testbed.lab.Lab;
import io.oranric.testbed.lab.LabOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./ric lab}: the whole suite and a simulated network in one process. */
@Command(name = "lab", mixinStandardHelpOptions = true,
    description = {"Run the lab: embedded Kafka, the E2 termination, simulated gNBs speaking E2AP to it, the policy store "
        + "with its REST interface and every xApp. Prints what runs where, then one status line a second; Ctrl-C stops it."})
final class LabCommand implements Callable<Integer> {

  @Option(names = "--duration", paramLabel = "S", description = "Run S seconds, print a JSON summary and exit.")
  Integer duration;

  @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = "lab-default",
      description = "Built-in scenario (lab-default, dense-urban, night-low-load, load-1000-cells) or a scenario file. Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(names = "--external-gnbs", description = "Simulate nothing: wait for real gNBs (srsRAN, OAI) on the E2 port.")
  boolean externalGnbs;

  @Option(names = "--kafka", paramLabel = "embedded|HOST:PORT", defaultValue = "embedded", description = "Default: ${DEFAULT-VALUE}.")
  String kafka;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address of every server. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--e2-port", defaultValue = "36421", description = "E2 port for TCP and UDP. Default: ${DEFAULT-VALUE}.")
  int e2Port;

  @Option(names = "--policy-port", defaultValue = "8081", description = "Policy REST port. Default: ${DEFAULT-VALUE}.")
  int policyPort;

  @Option(names = "--agent-port", defaultValue = "8082", description = "Intent agent HTTP API (POST /intents, /mcp). Default: ${DEFAULT-VALUE}.")
  int agentPort;

  @Option(names = "--metrics-port", defaultValue = "8080", description = "Termination /health and /metrics. Default: ${DEFAULT-VALUE}.")
  int metricsPort;

  @Option(names = "--gnb-transport", defaultValue = "tcp", description = "tcp or udp. Default: ${DEFAULT-VALUE}.")
  String gnbTransport;

  @Option(names = "--e2ap", defaultValue = "3.01", description = "E2AP version of the simulated gNBs: 3.01 or 2.03. Default: ${DEFAULT-VALUE}.")
  String e2ap;

  @Option(names = "--kpm", defaultValue = "3", description = "KPM layout of the simulated gNBs: 3 (v3.00) or 2 (v2.03). Default: ${DEFAULT-VALUE}.")
  int kpm;

  @Option(names = "--speedup", defaultValue = "1", description = "Model seconds per wall second. Default: ${DEFAULT-VALUE}.")
  double speedup;

  @Option(names = "--direct", description = "xApps take the termination's in-process stream instead of two Kafka hops.")
  boolean direct;

  @Option(names = "--nodes", paramLabel = "N",
      description = "Load generator instead of the scenario: N lightweight E2 nodes streaming KPM at --rate, a reacting consumer "
          + "answering each report with a control request; prints indication-to-control latency.")
  Integer nodes;

  @Option(names = "--rate", paramLabel = "R", description = "With --nodes: indications per second, all nodes together. Default: 10 per node.")
  Integer rate;

  @Option(names = "--manual-approval", description = "Policies wait for approval instead of activating at once.")
  boolean manualApproval;

  @Override
  public Integer call() throws Exception {
    if (nodes != null) {
      int r = rate != null ? rate : nodes * 10;
      var result = io.oranric.testbed.lab.load.E2LoadBench.run(new io.oranric.testbed.lab.load.E2LoadBench.Options(nodes, r,
          Duration.ofSeconds(10), Duration.ofSeconds(duration == null ? 30 : duration), direct, kafka), System.out);
      System.out.println(result.table());
      return 0;
    }
    Path file = Files.exists(Path.of(scenario)) ? Path.of(scenario) : null;
    for (var p : new int[][] {{e2Port}, {policyPort}, {metricsPort}}) {
      if (p[0] != 0) {
        PortCheck.requireFree(host, p[0], "the matching --*-port option");
      }
    }
    LabOptions options = LabOptions.defaults().withScenario(file == null ? scenario : file.getFileName().toString(), file)
        .withKafka(kafka).withExternalGnbs(externalGnbs).withPorts(e2Port, policyPort, metricsPort, agentPort)
        .withGnbs(LinkKind.parse(gnbTransport), E2apVersion.parse(e2ap), kpm == 2 ? KpmVersion.KPM2 : KpmVersion.KPM3)
        .withSpeedup(speedup).withDirectStream(direct).withAutoApprove(!manualApproval)
        .withDuration(duration == null ? null : Duration.ofSeconds(duration)).withHost(host);
    System.out.println("Starting the lab ...");
    Lab lab = Lab.start(options, System.out);
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      System.err.println("\nstopping the lab ...");
      lab.close();
    }, "ric-lab-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    System.out.println("Lab running." + (duration == null ? " Ctrl-C stops it." : " Summary in " + duration + " s."));
    long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
    boolean tty = System.console() != null;
    int tick = 0;
    while (System.nanoTime() < end && !stop.await(1, TimeUnit.SECONDS)) {
      String s = lab.statusLine();
      // On a terminal the line refreshes in place; in a log one line every five seconds is enough.
      if (tty) {
        System.out.print("\r" + s + "   ");
        System.out.flush();
      } else if (++tick % 5 == 0) {
        System.out.println(s);
      }
    }
    if (duration != null && stop.getCount() > 0) {
      System.out.println();
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      System.out.println(json.writeValueAsString(lab.summary()));
      Runtime.getRuntime().removeShutdownHook(hook);
      lab.close();
    }
    return 0;
  }
}
