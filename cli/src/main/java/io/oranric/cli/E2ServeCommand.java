package io.oranric.cli;

import com.google.protobuf.util.JsonFormat;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.SubscriptionRequest;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.StandardServiceModels;
import io.oranric.e2.sm.kpm.KpmVersion;
import io.oranric.e2.termination.TerminationConfig;
import io.oranric.e2.termination.TerminationService;
import io.oranric.e2.termination.transport.TransportKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./ric e2 serve}: the E2 termination alone, in front of real or simulated gNBs. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the E2 termination: gNBs connect over SCTP, TCP (4-byte length prefix) or UDP (one PDU per "
        + "datagram); decoded KPM goes to Kafka as Protobuf, control requests come from Kafka.")
final class E2ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KafkaOptions kafka;

  @Option(names = "--transport", paramLabel = "sctp|tcp|udp", split = ",",
      description = "Transports to serve (repeatable or comma separated). Default: tcp and udp, plus sctp where the kernel has it.")
  List<String> transports;

  @Option(names = "--port", defaultValue = "36421", description = "E2 port of every transport. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--metrics-port", defaultValue = "8080", description = "/health and /metrics (Prometheus); -1 for none. Default: ${DEFAULT-VALUE}.")
  int metricsPort;

  @Option(names = "--inventory", paramLabel = "FILE", description = "Network inventory (JSON): cell and node names by NR CGI and global id.")
  Path inventory;

  @Option(names = "--e2ap", defaultValue = "3.01", description = "E2AP version tried first on a new association (the other follows). Default: ${DEFAULT-VALUE}.")
  String e2ap;

  @Option(names = "--kpm-layout", defaultValue = "3",
      description = "KPM layout read first under the v2 OID: 3 for srsRAN (v3 layout under the v2 OID), 2 for OAI. Default: ${DEFAULT-VALUE}.")
  int kpmLayout;

  @Option(names = "--subscribe", paramLabel = "kpm", description = "Subscribe every node's KPM function itself and print each decoded indication as one JSON line.")
  String subscribe;

  @Option(names = "--period", defaultValue = "1000", description = "Report period of --subscribe, ms. Default: ${DEFAULT-VALUE}.")
  int periodMs;

  @Override
  public Integer call() throws Exception {
    Set<TransportKind> kinds = new LinkedHashSet<>();
    if (transports == null || transports.isEmpty()) {
      kinds.add(TransportKind.TCP);
      kinds.add(TransportKind.UDP);
      if (io.oranric.e2.termination.transport.SctpTransport.isSupported()) {
        kinds.add(TransportKind.SCTP);
      }
    } else {
      for (String t : transports) {
        kinds.add(TransportKind.valueOf(t.trim().toUpperCase(java.util.Locale.ROOT)));
      }
    }
    if (subscribe != null && !subscribe.equals("kpm")) {
      throw new IllegalArgumentException("--subscribe takes kpm");
    }
    List<TerminationConfig.Listener> listeners = new ArrayList<>();
    kinds.forEach(k -> listeners.add(new TerminationConfig.Listener(k, port)));
    CellNaming naming = inventory == null ? CellNaming.none() : InventoryFile.read(inventory).naming();
    TerminationConfig config = TerminationConfig.defaults(listeners).withHost(host).withNaming(naming)
        .withPreferredVersion(E2apVersion.parse(e2ap));
    StandardServiceModels models = new StandardServiceModels(naming,
        new StandardServiceModels.Options(kpmLayout == 2 ? KpmVersion.KPM2 : KpmVersion.KPM3));
    KafkaBackbone backbone = kafka.open();
    TerminationService service = new TerminationService(null, config, models, backbone.settings(), null);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      backbone.close();
      stopped.countDown();
    }, "ric-e2-shutdown"));
    service.start(host, metricsPort).await(60, TimeUnit.SECONDS);
    System.err.printf("E2 termination on %s (port %d), Kafka: %s%s%n", service.ports(), port, backbone.describe(),
        metricsPort >= 0 ? ", metrics http://" + host + ":" + service.httpPort() + "/metrics" : "");
    if (subscribe != null) {
      PrintWriter out = spec.commandLine().getOut();
      JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
      service.termination().indications().listener(r -> {
        try {
          String line = printer.print(r);
          synchronized (out) {
            out.println(line);
            out.flush();
          }
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          System.err.println("unprintable report: " + e.getMessage());
        }
      });
      service.termination().want("cli/kpm", SubscriptionRequest.newBuilder().setXapp("cli").setName("kpm")
          .setKpm(KpmSubscription.newBuilder().setReportStyle(1).setPeriodMs(periodMs)).build());
    }
    stopped.await();
    return 0;
  }
}
