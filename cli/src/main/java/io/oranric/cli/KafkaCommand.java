package io.oranric.cli;

import io.oranric.backbone.kafka.EmbeddedKafka;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicTopic;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the embedded KRaft broker for other processes (a termination here, xApps there). */
@Command(name = "kafka", mixinStandardHelpOptions = true,
    description = "Start an embedded single-node Kafka (KRaft) with the RIC topics and keep it running until Ctrl-C.")
final class KafkaCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "9092", description = "Client port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on and advertise. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the broker's data here across runs. Default: a temporary directory, deleted on exit.")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    if (port != 0) {
      PortCheck.requireFree(host, port, "--port");
    }
    EmbeddedKafka.Options options = new EmbeddedKafka.Options(dataDir, host, port, 0, Map.of());
    KafkaBackbone backbone = KafkaBackbone.open(KafkaBackbone.EMBEDDED, Map.of(), options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("stopping Kafka ...");
      backbone.close();
      stopped.countDown();
    }, "ric-kafka-shutdown"));
    EmbeddedKafka k = backbone.embedded();
    System.out.printf("Kafka (embedded KRaft) ready on %s in %.1f s%n", k.bootstrapServers(), k.startupTime().toMillis() / 1000.0);
    System.out.printf("  data:   %s%s%n", k.dataDir(), dataDir == null ? " (temporary)" : "");
    System.out.printf("  topics: %s%n", Arrays.stream(RicTopic.values())
        .map(t -> t.topicName() + (t.compacted() ? " (compacted)" : "")).collect(Collectors.joining(", ")));
    System.out.printf("  use it: --kafka %s   or   export RIC_KAFKA_BOOTSTRAP_SERVERS=%s%n", k.bootstrapServers(), k.bootstrapServers());
    System.out.println("Ctrl-C stops it.");
    System.out.flush();
    stopped.await();
    return 0;
  }
}
