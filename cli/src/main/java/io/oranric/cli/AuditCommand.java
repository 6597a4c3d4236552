package io.oranric.cli;

import com.google.protobuf.util.JsonFormat;
import io.oranric.agent.audit.AuditFormat;
import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.AuditEvent;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./ric audit [--intent ID] [--follow] --kafka HOST:PORT}: the audit log ({@code ric.audit})
 * readably: what the agent was asked, which translator answered and why, the model and tool calls,
 * what the guardrails and the validator refused, approvals, and the control actions that followed.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Show the audit log (ric.audit): intents, translations, tool calls, validation, approvals, control actions.")
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--kafka", paramLabel = "HOST:PORT",
      description = "The Kafka cluster. Default: $RIC_KAFKA_BOOTSTRAP_SERVERS.")
  String kafka;

  @Option(names = "--intent", paramLabel = "ID", description = "Only the events of this intent (i-...).")
  String intent;

  @Option(names = "--policy", paramLabel = "ID", description = "Only the events of this policy (p-...).")
  String policy;

  @Option(names = "--follow", description = "Keep showing new events until Ctrl-C.")
  boolean follow;

  @Option(names = "--json", description = "One event a line as JSON (the AuditEvent fields).")
  boolean json;

  @Option(names = "--brief", description = "One line per event, no detail lines.")
  boolean brief;

  @Option(names = "--zone", description = "Time zone of the timestamps. Default: the system zone.")
  String zone;

  @Override
  public Integer call() throws Exception {
    String spec0 = kafka != null ? kafka : System.getenv("RIC_KAFKA_BOOTSTRAP_SERVERS");
    if (spec0 == null || spec0.isBlank() || "embedded".equals(spec0)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give the cluster with --kafka HOST:PORT (or RIC_KAFKA_BOOTSTRAP_SERVERS)");
    }
    KafkaSettings fromEnv = KafkaSettings.fromConfig(java.util.Map.of(), System.getenv());
    KafkaSettings settings = new KafkaSettings(spec0, fromEnv == null ? java.util.Map.of() : fromEnv.clientProperties());
    ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    PrintWriter out = spec.commandLine().getOut();
    int[] shown = {0};
    TopicConsumer<AuditEvent> consumer = TopicConsumer.start(settings, TopicConsumer.Options.replay(RicTopic.RIC_AUDIT), batch -> {
      synchronized (out) {
        for (ConsumerRecord<String, AuditEvent> r : batch) {
          AuditEvent e = r.value();
          if (e == null || !matches(e)) {
            continue;
          }
          shown[0]++;
          if (json) {
            try {
              out.println(JsonFormat.printer().omittingInsignificantWhitespace().print(e));
            } catch (com.google.protobuf.InvalidProtocolBufferException x) {
              out.println(e.getSummary());
            }
          } else {
            AuditFormat.lines(e, z, !brief).forEach(out::println);
          }
        }
        out.flush();
      }
      return CompletableFuture.completedFuture(null);
    });
    try {
      consumer.caughtUp().get(60, TimeUnit.SECONDS);
      if (!follow) {
        synchronized (out) {
          if (shown[0] == 0 && !json) {
            out.println(intent != null ? "no audit events for intent " + intent : "no audit events");
          }
          out.flush();
        }
        return 0;
      }
      CountDownLatch never = new CountDownLatch(1);
      Thread hook = new Thread(never::countDown, "ric-audit-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // shutting down already
        }
      }
      return 0;
    } finally {
      consumer.close();
      out.flush();
    }
  }

  private boolean matches(AuditEvent e) {
    if (intent != null && !intent.equals(e.getIntentId())) {
      return false;
    }
    return policy == null || policy.equals(e.getPolicyId());
  }
}
