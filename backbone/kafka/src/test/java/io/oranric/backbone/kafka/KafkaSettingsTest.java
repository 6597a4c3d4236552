package io.oranric.backbone.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

  @Test
  void config_keys_pass_through_and_the_environment_wins() {
    KafkaSettings s = KafkaSettings.fromConfig(
        Map.of("kafka.bootstrap.servers", "broker-a:9092", "kafka.security.protocol", "SASL_SSL", "other.key", "x"),
        Map.of("RIC_KAFKA_BOOTSTRAP_SERVERS", "broker-b:9093", "RIC_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"));
    assertThat(s.bootstrapServers()).isEqualTo("broker-b:9093");
    assertThat(s.toProperties()).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("bootstrap.servers", "broker-b:9093")
        .doesNotContainKey("other.key");
  }

  @Test
  void no_bootstrap_anywhere_means_embedded() {
    assertThat(KafkaSettings.fromConfig(Map.of("kafka.acks", "1"), Map.of())).isNull();
  }

  @Test
  void secrets_never_reach_the_log() {
    KafkaSettings s = KafkaSettings.of("b:9092")
        .with("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required password=\"hunter2\";")
        .with("ssl.truststore.password", "hunter3").with("ssl.truststore.location", "/etc/ts.jks");
    assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("hunter3").contains("/etc/ts.jks");
  }

  @Test
  void an_empty_bootstrap_is_a_clear_error() {
    assertThatThrownBy(() -> KafkaSettings.of(" ")).hasMessageContaining("bootstrap.servers");
  }
}
