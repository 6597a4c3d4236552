package io.oranric.backbone.kafka;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How a service reaches Kafka: either an external cluster ({@code bootstrap.servers} plus any
 * client settings passed through verbatim, security included) or the in-process embedded broker.
 *
 * <p>Configuration keys are the plain Kafka client keys under the prefix {@code kafka.}; the
 * environment may override them as {@code RIC_KAFKA_<KEY>} with dots written as underscores
 * (for example {@code RIC_KAFKA_BOOTSTRAP_SERVERS}, {@code RIC_KAFKA_SECURITY_PROTOCOL}).
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientProperties) {

  public static final String PREFIX = "kafka.";
  static final String ENV_PREFIX = "RIC_KAFKA_";

  public KafkaSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("kafka bootstrap.servers is empty");
    }
    clientProperties = Map.copyOf(clientProperties);
  }

  public static KafkaSettings of(String bootstrapServers) {
    return new KafkaSettings(bootstrapServers, Map.of());
  }

  /**
   * Reads {@code kafka.*} keys from a flat configuration map, then lets the environment override
   * them. Returns null when no bootstrap address is configured anywhere: the caller then decides
   * whether to start the embedded broker.
   */
  public static KafkaSettings fromConfig(Map<String, String> config, Map<String, String> environment) {
    Map<String, String> client = new LinkedHashMap<>();
    config.forEach((k, v) -> {
      if (k.startsWith(PREFIX)) {
        client.put(k.substring(PREFIX.length()), v);
      }
    });
    environment.forEach((k, v) -> {
      if (k.startsWith(ENV_PREFIX)) {
        client.put(k.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
      }
    });
    String bootstrap = client.remove("bootstrap.servers");
    if (bootstrap == null || bootstrap.isBlank()) {
      return null;
    }
    return new KafkaSettings(bootstrap, client);
  }

  /** Client properties for any Kafka client: bootstrap plus everything passed through. */
  public Properties toProperties() {
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put("bootstrap.servers", bootstrapServers);
    return p;
  }

  public KafkaSettings with(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(clientProperties);
    m.put(key, value);
    return new KafkaSettings(bootstrapServers, m);
  }

  /** Never prints secrets: SASL JAAS configs, passwords and keys are redacted. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    clientProperties.forEach((k, v) -> shown.put(k, isSecret(k) ? "[redacted]" : v));
    return "KafkaSettings[bootstrap.servers=" + bootstrapServers + ", " + shown + "]";
  }

  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("jaas") || k.endsWith(".key") || k.contains("secret")
        || k.contains("token");
  }
}
