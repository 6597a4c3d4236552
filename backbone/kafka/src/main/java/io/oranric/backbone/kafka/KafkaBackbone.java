package io.oranric.backbone.kafka;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a service holds to reach Kafka: the client settings, and the embedded broker when it runs
 * one. Every service opens it the same way, from one spec: {@code embedded} (or nothing) for the
 * in-process broker, or {@code host:port[,host:port]} for an external cluster.
 */
public final class KafkaBackbone implements AutoCloseable {
  public static final String EMBEDDED = "embedded";

  private final KafkaSettings settings;
  private final EmbeddedKafka embedded;

  private KafkaBackbone(KafkaSettings settings, EmbeddedKafka embedded) {
    this.settings = settings;
    this.embedded = embedded;
  }

  /**
   * Opens the backbone and makes sure the RIC topics exist.
   *
   * @param spec {@code embedded}, null or blank for the embedded broker; else bootstrap servers
   * @param environment where {@code RIC_KAFKA_*} settings (security and so on) come from
   * @param embeddedOptions options of the embedded broker, when one is started
   */
  public static KafkaBackbone open(String spec, Map<String, String> environment, EmbeddedKafka.Options embeddedOptions) {
    KafkaSettings fromEnv = KafkaSettings.fromConfig(Map.of(), environment);
    boolean embeddedWanted = spec == null || spec.isBlank() ? fromEnv == null : EMBEDDED.equals(spec);
    if (embeddedWanted) {
      EmbeddedKafka kafka = EmbeddedKafka.start(embeddedOptions == null ? EmbeddedKafka.Options.defaults() : embeddedOptions);
      try {
        TopicAdmin.ensureAll(kafka.settings(), (short) 1, streamPartitions(environment, EMBEDDED_STREAM_PARTITIONS));
      } catch (RuntimeException e) {
        kafka.close();
        throw e;
      }
      return new KafkaBackbone(kafka.settings(), kafka);
    }
    KafkaSettings settings = spec == null || spec.isBlank()
        ? fromEnv
        : new KafkaSettings(spec, fromEnv == null ? Map.of() : fromEnv.clientProperties());
    TopicAdmin.ensureAll(settings, replicationFactor(environment), streamPartitions(environment, 0));
    return new KafkaBackbone(settings, null);
  }

  /**
   * Partitions of the streams (telemetry and control) on the embedded broker. Partitions there buy no
   * parallelism (one broker, one process) and cost the broker per partition on every produce and fetch:
   * at 10,000 indications/s on the 2-core lab machine one partition halved the E2 bench's Kafka path
   * (p99 49 -> 24 ms, p50 11.6 -> 5.5 ms). Clusters keep the topics' defaults to spread brokers and
   * consumer groups; {@code RIC_TOPIC_PARTITIONS} sets either.
   */
  static final int EMBEDDED_STREAM_PARTITIONS = 1;

  private static int streamPartitions(Map<String, String> environment, int otherwise) {
    String p = environment.get("RIC_TOPIC_PARTITIONS");
    if (p == null || p.isBlank()) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(p.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("RIC_TOPIC_PARTITIONS must be a positive number, not '" + p + "'");
    }
  }

  public static KafkaBackbone open(String spec) {
    return open(spec, System.getenv(), null);
  }

  public static KafkaBackbone open(String spec, Path dataDir) {
    return open(spec, System.getenv(), EmbeddedKafka.Options.defaults().withDataDir(dataDir));
  }

  private static short replicationFactor(Map<String, String> environment) {
    String rf = environment.get("RIC_TOPIC_REPLICATION_FACTOR");
    return rf == null ? (short) 1 : Short.parseShort(rf);
  }

  public KafkaSettings settings() {
    return settings;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  public EmbeddedKafka embedded() {
    return embedded;
  }

  public String describe() {
    return isEmbedded()
        ? "embedded KRaft broker on " + settings.bootstrapServers()
        : "Kafka cluster at " + settings.bootstrapServers();
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
