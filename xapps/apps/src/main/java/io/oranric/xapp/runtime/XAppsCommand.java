package io.oranric.xapp.runtime;

import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.stream.KafkaE2Stream;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.xapp.kpm.KpmMonitorXApp;
import io.oranric.xapp.sdk.PolicyView;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./ric xapps run [names...]}: the xApps as one process against Kafka, until Ctrl-C. Scale out
 * by starting more processes with the same {@code --group}: they share the E2 nodes (KPM is keyed
 * by node), and each rebuilds its state from ric.policies and e2.kpm on start.
 */
@Command(name = "xapps", mixinStandardHelpOptions = true, description = "The policy-enforcing xApps.",
    subcommands = {XAppsCommand.Run.class, XAppsCommand.ListApps.class})
public final class XAppsCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "list", description = "Name the xApps that `run` can start.")
  static final class ListApps implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      XAppRuntime.ALL.forEach(spec.commandLine().getOut()::println);
      spec.commandLine().getOut().flush();
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run xApps (all when none is named) against Kafka until Ctrl-C.")
  static final class Run implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "xApps to run: ${COMPLETION-CANDIDATES}; default all.",
        completionCandidates = Names.class)
    List<String> names = new ArrayList<>();

    @Option(names = "--kafka", paramLabel = "embedded|HOST:PORT",
        description = "Kafka: 'embedded' starts a broker in this process (useful alone only for a demo); otherwise bootstrap "
            + "servers. Default: $RIC_KAFKA_BOOTSTRAP_SERVERS if set, else embedded.")
    String kafka;

    @Option(names = "--group", defaultValue = "ric-xapps", description = "Consumer group of the KPM subscription. Default: ${DEFAULT-VALUE}.")
    String group;

    @Option(names = "--lab-cells", defaultValue = "7",
        description = "Inventory: the lab layout with this many cells (cell-i on gnb-i, ring of coverage areas). Default: ${DEFAULT-VALUE}.")
    int cells;

    @Option(names = "--zone", description = "Time zone daily policy windows are read in. Default: the system zone.")
    ZoneId zone;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address of the HTTP servers. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--health-port", defaultValue = "8090", description = "/health and /metrics port (0: any). Default: ${DEFAULT-VALUE}.")
    int healthPort;

    @Option(names = "--kpm-port", defaultValue = "8091", description = "KPM monitor HTTP port (0: any). Default: ${DEFAULT-VALUE}.")
    int kpmPort;

    @Option(names = "--guard-window", defaultValue = "30", description = "Seconds an xApp owns a parameter it set. Default: ${DEFAULT-VALUE}.")
    int guardWindowS;

    @Override
    public Integer call() throws Exception {
      ZoneId z = zone != null ? zone : ZoneId.systemDefault();
      XAppRuntime.Options options = new XAppRuntime.Options(NetworkInventory.lab(cells, z), z, names, group, host, healthPort,
          Duration.ofSeconds(guardWindowS), null, XAppRuntime.Settings.defaults()
          .withKpm(new KpmMonitorXApp.Config(Duration.ofSeconds(30), 128, host, kpmPort)), null);
      KafkaBackbone backbone = KafkaBackbone.open(kafka, System.getenv(), null);
      RicProducer producer = RicProducer.create(backbone.settings(), "xapps-" + group);
      KafkaE2Stream stream = new KafkaE2Stream(backbone.settings(), producer);
      PolicyView policies = PolicyView.follow(backbone.settings());
      Vertx vertx = Vertx.vertx();
      CountDownLatch stopped = new CountDownLatch(1);
      try {
        policies.ready().get(60, TimeUnit.SECONDS);
        XAppRuntime rt = XAppRuntime.deploy(vertx, stream, policies,
            options.withAudit(e -> producer.send(RicTopic.RIC_AUDIT, e.getPolicyId().isEmpty() ? e.getNodeId() : e.getPolicyId(), e)))
            .await();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          System.err.println("stopping xApps ...");
          try {
            rt.stop().await();
            vertx.close().await();
          } finally {
            policies.close();
            stream.close();
            producer.close();
            backbone.close();
            stopped.countDown();
          }
        }, "ric-xapps-shutdown"));
        System.out.printf("xApps %s up on %s (consumer group %s)%n", options.apps(), backbone.describe(), group);
        System.out.printf("  health:  http://%s:%d/health  metrics: /metrics%n", host, rt.healthPort());
        if (rt.kpmHttpPort() > 0) {
          System.out.printf("  KPM:     http://%s:%d/kpm/cells%n", host, rt.kpmHttpPort());
        }
        System.out.println("Ctrl-C stops them.");
        System.out.flush();
      } catch (Exception | Error e) {
        vertx.close();
        policies.close();
        stream.close();
        producer.close();
        backbone.close();
        throw e;
      }
      stopped.await();
      return 0;
    }
  }

  static final class Names extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Names() {
      super(XAppRuntime.ALL);
    }
  }
}
