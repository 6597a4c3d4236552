package io.oranric.cli;

import io.oranric.e2.node.LinkKind;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.sm.ccc.CccForm;
import io.oranric.e2.sm.kpm.KpmVersion;
import io.oranric.testbed.sim.e2.SimulatedNetwork;
import io.oranric.testbed.sim.model.Network;
import io.oranric.testbed.sim.scenario.ScenarioLoader;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./ric gnbs}: a scenario's simulated gNBs, connecting to any RIC's E2 termination. */
@Command(name = "gnbs", mixinStandardHelpOptions = true,
    description = "Run simulated gNBs (radio, traffic and energy model) that connect to an E2 termination over E2AP.")
final class GnbsCommand implements Callable<Integer> {

  @Option(names = "--ric", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:36421", description = "The E2 termination. Default: ${DEFAULT-VALUE}.")
  String ric;

  @Option(names = "--transport", defaultValue = "tcp", description = "sctp, tcp or udp. Default: ${DEFAULT-VALUE}.")
  String transport;

  @Option(names = "--scenario", defaultValue = "lab-default", description = "Built-in scenario or file. Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(names = "--e2ap", defaultValue = "3.01", description = "3.01 or 2.03. Default: ${DEFAULT-VALUE}.")
  String e2ap;

  @Option(names = "--kpm", defaultValue = "3", description = "KPM layout: 3 or 2. Default: ${DEFAULT-VALUE}.")
  int kpm;

  @Option(names = "--ccc", defaultValue = "json", description = "CCC form: json (srsRAN) or asn1 (v1.01). Default: ${DEFAULT-VALUE}.")
  String ccc;

  @Option(names = "--speedup", defaultValue = "1", description = "Model seconds per wall second. Default: ${DEFAULT-VALUE}.")
  double speedup;

  @Override
  public Integer call() throws Exception {
    int colon = ric.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("--ric takes HOST:PORT");
    }
    Network net = Files.exists(Path.of(scenario)) ? ScenarioLoader.load(Path.of(scenario)).newNetwork()
        : ScenarioLoader.builtIn(scenario).newNetwork();
    Vertx vertx = Vertx.vertx();
    SimulatedNetwork.Options o = SimulatedNetwork.Options.tcp(ric.substring(0, colon), Integer.parseInt(ric.substring(colon + 1)))
        .withTransport(LinkKind.parse(transport)).withVersions(E2apVersion.parse(e2ap), kpm == 2 ? KpmVersion.KPM2 : KpmVersion.KPM3)
        .withSpeedup(speedup);
    SimulatedNetwork sim = new SimulatedNetwork(vertx, net, o, "asn1".equalsIgnoreCase(ccc) ? CccForm.ASN1 : CccForm.JSON);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sim.close();
      vertx.close().await();
      stopped.countDown();
    }, "ric-gnbs-shutdown"));
    System.err.printf("%d simulated gNBs connecting to %s over %s ...%n", sim.nodes().size(), ric, transport);
    sim.start().await(10, TimeUnit.MINUTES);
    System.err.printf("all %d gNBs set up with the RIC; Ctrl-C stops them%n", sim.nodes().size());
    stopped.await();
    return 0;
  }
}
