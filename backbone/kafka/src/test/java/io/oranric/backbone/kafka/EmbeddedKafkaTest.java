package io.oranric.backbone.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.contract.v1.KpmReport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backbone contract against the in-process KRaft broker that the lab and CI use. */
class EmbeddedKafkaTest extends BackboneContractTest {
  private static EmbeddedKafka kafka;
  private static long startToFirstConsumedMs;

  @BeforeAll
  static void start() throws Exception {
    long t0 = System.nanoTime();
    kafka = EmbeddedKafka.start();
    TopicAdmin.ensureAll(kafka.settings(), (short) 1);
    CompletableFuture<KpmReport> first = new CompletableFuture<>();
    try (TopicConsumer<KpmReport> c = TopicConsumer.start(kafka.settings(), TopicConsumer.Options.replay(RicTopic.E2_KPM),
        batch -> {
          first.complete(batch.get(0).value());
          return CompletableFuture.completedFuture(null);
        }); RicProducer p = RicProducer.create(kafka.settings(), "startup-probe")) {
      p.send(RicTopic.E2_KPM, "gnb-probe", TopicSamples.sample(RicTopic.E2_KPM, "gnb-probe", 0));
      assertThat(first.get(60, TimeUnit.SECONDS).getNodeId()).isEqualTo("gnb-probe");
    }
    startToFirstConsumedMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
    System.out.printf("embedded KRaft: broker ready in %d ms, start to first consumed record %d ms%n",
        kafka.startupTime().toMillis(), startToFirstConsumedMs);
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Override
  KafkaSettings settings() {
    return kafka.settings();
  }

  @Test
  void topics_are_created_once_with_compaction_where_the_architecture_says() throws Exception {
    assertThat(TopicAdmin.ensureAll(kafka.settings(), (short) 1)).as("second call creates nothing").isEmpty();
    try (var admin = org.apache.kafka.clients.admin.Admin.create(kafka.settings().toProperties())) {
      var resources = java.util.Arrays.stream(RicTopic.values())
          .map(t -> new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, t.topicName()))
          .toList();
      var configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
      for (RicTopic t : RicTopic.values()) {
        var cfg = configs.get(new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, t.topicName()));
        assertThat(cfg.get("cleanup.policy").value()).as(t.topicName()).isEqualTo(t.compacted() ? "compact" : "delete");
      }
      var kpm = admin.describeTopics(java.util.List.of("e2.kpm")).allTopicNames().get(30, TimeUnit.SECONDS).get("e2.kpm");
      assertThat(kpm.partitions()).hasSize(RicTopic.E2_KPM.defaultPartitions());
    }
  }

  @Test
  void the_data_directory_is_removed_when_a_temporary_broker_closes() {
    EmbeddedKafka other = EmbeddedKafka.start();
    var dir = other.dataDir();
    assertThat(dir).exists();
    other.close();
    assertThat(dir).doesNotExist();
  }

  @Test
  void the_broker_log_cleaner_really_compacts_to_the_newest_value_per_key() throws Exception {
    String topic = "compaction-probe-" + System.nanoTime();
    try (var admin = org.apache.kafka.clients.admin.Admin.create(kafka.settings().toProperties())) {
      admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1).configs(java.util.Map.of(
          "cleanup.policy", "compact", "segment.ms", "100", "min.cleanable.dirty.ratio", "0.01",
          "min.compaction.lag.ms", "0", "delete.retention.ms", "0")))).all().get(30, TimeUnit.SECONDS);
    }
    var props = kafka.settings().toProperties();
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(props,
        new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
      for (int v = 0; v < 50; v++) {
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "cell-3", "v" + v)).get();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      java.util.List<String> values;
      do {
        // Each append after segment.ms rolls the active segment, which makes the old one cleanable.
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "filler", "x")).get();
        values = readAll(topic, "cell-3");
      } while (values.size() > 1 && System.nanoTime() < deadline);
      assertThat(values).containsExactly("v49");
    }
  }

  private static java.util.List<String> readAll(String topic, String key) {
    var props = kafka.settings().toProperties();
    java.util.List<String> out = new java.util.ArrayList<>();
    try (var c = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props,
        new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.StringDeserializer())) {
      var tp = new org.apache.kafka.common.TopicPartition(topic, 0);
      c.assign(java.util.List.of(tp));
      c.seekToBeginning(java.util.List.of(tp));
      long end = c.endOffsets(java.util.List.of(tp)).get(tp);
      while (c.position(tp) < end) {
        for (var r : c.poll(Duration.ofMillis(200))) {
          if (key.equals(r.key())) {
            out.add(r.value());
          }
        }
      }
    }
    return out;
  }

  @Test
  void startup_is_measured() {
    assertThat(startToFirstConsumedMs).isPositive();
    assertThat(kafka.startupTime()).isPositive();
  }
}
