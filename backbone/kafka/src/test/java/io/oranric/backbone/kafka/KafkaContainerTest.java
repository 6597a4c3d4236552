package io.oranric.backbone.kafka;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same contract against the real apache/kafka image, for developers with Docker. Skipped
 * (not failed) where no Docker engine runs, as on CI machines without one.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerTest extends BackboneContractTest {
  private static KafkaContainer kafka;
  private static KafkaSettings settings;

  @BeforeAll
  static void start() {
    kafka = new KafkaContainer("apache/kafka:4.1.0");
    kafka.start();
    settings = KafkaSettings.of(kafka.getBootstrapServers());
    TopicAdmin.ensureAll(settings, (short) 1);
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.stop();
    }
  }

  @Override
  KafkaSettings settings() {
    return settings;
  }
}
