package io.oranric.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicAdmin;
import io.oranric.backbone.kafka.TopicConsumer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Topic tools for an existing cluster: list, create, and tail a topic as JSON lines. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "List, create or tail the RIC topics on a Kafka cluster.",
    subcommands = {TopicsCommand.List.class, TopicsCommand.Create.class, TopicsCommand.Tail.class})
final class TopicsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", description = "The RIC topics, their value types and compaction.")
  static final class List implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      for (RicTopic t : RicTopic.values()) {
        out.printf("%-22s %-16s %-10s %d partitions%n", t.topicName(),
            t.valueTypeName(),
            t.compacted() ? "compacted" : "log", t.defaultPartitions());
      }
      out.flush();
    }
  }

  @Command(name = "create", description = "Create the RIC topics that are missing on a cluster.")
  static final class Create implements Callable<Integer> {
    @Mixin KafkaOptions kafka;
    @Spec CommandSpec spec;

    @Option(names = "--replication-factor", defaultValue = "3", description = "Default: ${DEFAULT-VALUE}.")
    short replicationFactor;

    @Option(names = "--partitions", defaultValue = "0",
        description = "Partitions of the streams (e2.kpm, e2.rc.reports, e2.control.*); 0: their defaults. Registries and the audit log keep one.")
    int partitions;

    @Override
    public Integer call() {
      KafkaSettings s = KafkaSettings.fromConfig(Map.of("kafka.bootstrap.servers", kafka.requireExternal()), System.getenv());
      java.util.List<RicTopic> created = TopicAdmin.ensureAll(s, replicationFactor, partitions);
      spec.commandLine().getOut().println(created.isEmpty() ? "all RIC topics exist" : "created " + created.stream().map(RicTopic::topicName).toList());
      return 0;
    }
  }

  @Command(name = "tail", description = "Print a topic's records as JSON lines (key, partition, offset, value).")
  static final class Tail implements Callable<Integer> {
    @Mixin KafkaOptions kafka;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TOPIC", description = "One of: e2.nodes, e2.kpm, e2.rc.reports, e2.control.requests, e2.control.outcomes, ric.policies, ric.intents, ric.audit, ric.experience")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of new ones.")
    boolean fromBeginning;

    @Option(names = "--max", defaultValue = "0", description = "Stop after N records (0: run until Ctrl-C).")
    int max;

    @Override
    public Integer call() throws Exception {
      RicTopic t = RicTopic.byName(topic);
      KafkaSettings s = KafkaSettings.fromConfig(Map.of("kafka.bootstrap.servers", kafka.requireExternal()), System.getenv());
      PrintWriter out = spec.commandLine().getOut();
      JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
      CountDownLatch done = new CountDownLatch(1);
      AtomicInteger seen = new AtomicInteger();
      TopicConsumer.Options o = fromBeginning ? TopicConsumer.Options.replay(t) : TopicConsumer.Options.tail(t);
      try (TopicConsumer<Message> c = TopicConsumer.start(s, o, batch -> {
        for (var r : batch) {
          if (max > 0 && seen.get() >= max) {
            break;
          }
          out.println(line(printer, r.key(), r.partition(), r.offset(), r.value()));
          if (max > 0 && seen.incrementAndGet() >= max) {
            done.countDown();
          }
        }
        out.flush();
        return CompletableFuture.completedFuture(null);
      })) {
        done.await();
      }
      return 0;
    }

    static String line(JsonFormat.Printer printer, String key, int partition, long offset, Message value) {
      String v;
      try {
        v = value == null ? "null" : printer.print(value);
      } catch (InvalidProtocolBufferException e) {
        v = "\"<unprintable: " + e.getMessage() + ">\"";
      }
      return "{\"key\":" + (key == null ? "null" : "\"" + key.replace("\"", "\\\"") + "\"") + ",\"partition\":" + partition
          + ",\"offset\":" + offset + ",\"value\":" + v + "}";
    }
  }
}
