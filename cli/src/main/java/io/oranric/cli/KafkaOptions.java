package io.oranric.cli;

import io.oranric.backbone.kafka.EmbeddedKafka;
import io.oranric.backbone.kafka.KafkaBackbone;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --kafka embedded|host:port}: how every long-running command reaches Kafka. */
public final class KafkaOptions {
  @Option(names = "--kafka", paramLabel = "embedded|HOST:PORT",
      description = "Kafka to use: 'embedded' starts a KRaft broker in this process; otherwise bootstrap servers. "
          + "Default: $RIC_KAFKA_BOOTSTRAP_SERVERS if set, else embedded. Client settings (security) come from "
          + "RIC_KAFKA_* variables, e.g. RIC_KAFKA_SECURITY_PROTOCOL=SASL_SSL.")
  String kafka;

  @Option(names = "--kafka-data-dir", paramLabel = "DIR",
      description = "Data directory of the embedded broker (kept across runs). Default: a temporary directory.")
  Path dataDir;

  public KafkaBackbone open() {
    EmbeddedKafka.Options o = EmbeddedKafka.Options.defaults();
    if (dataDir != null) {
      o = o.withDataDir(dataDir);
    }
    return KafkaBackbone.open(kafka, System.getenv(), o);
  }

  /** For tools that only read or write an existing cluster: an embedded broker would be empty. */
  public String requireExternal() {
    String spec = kafka != null ? kafka : System.getenv("RIC_KAFKA_BOOTSTRAP_SERVERS");
    if (spec == null || spec.isBlank() || KafkaBackbone.EMBEDDED.equals(spec)) {
      throw new IllegalArgumentException("give the cluster with --kafka HOST:PORT (or RIC_KAFKA_BOOTSTRAP_SERVERS)");
    }
    return spec;
  }
}
