package io.oranric.backbone.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** How the backbone sizes the topics it creates: one partition per stream on the embedded broker unless told. */
class KafkaBackboneTest {

  private static Map<String, Integer> partitions(KafkaBackbone backbone, RicTopic... topics) throws Exception {
    try (Admin admin = Admin.create(backbone.settings().toProperties())) {
      List<String> names = java.util.Arrays.stream(topics).map(RicTopic::topicName).toList();
      Map<String, Integer> out = new java.util.TreeMap<>();
      admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS)
          .forEach((name, d) -> out.put(name, d.partitions().size()));
      return out;
    }
  }

  @Test
  void the_embedded_broker_gets_one_partition_per_stream_and_RIC_TOPIC_PARTITIONS_sets_another() throws Exception {
    try (KafkaBackbone plain = KafkaBackbone.open(KafkaBackbone.EMBEDDED, Map.of(), EmbeddedKafka.Options.defaults())) {
      assertThat(partitions(plain, RicTopic.E2_KPM, RicTopic.E2_CONTROL_REQUESTS, RicTopic.E2_NODES))
          .containsEntry("e2.kpm", 1).containsEntry("e2.control.requests", 1).containsEntry("e2.nodes", 1);
    }
    try (KafkaBackbone sized = KafkaBackbone.open(KafkaBackbone.EMBEDDED, Map.of("RIC_TOPIC_PARTITIONS", "3"),
        EmbeddedKafka.Options.defaults())) {
      assertThat(partitions(sized, RicTopic.E2_KPM, RicTopic.E2_CONTROL_OUTCOMES, RicTopic.E2_NODES, RicTopic.RIC_AUDIT))
          .as("streams take the setting; registries and the audit log keep their one total order")
          .containsEntry("e2.kpm", 3).containsEntry("e2.control.outcomes", 3).containsEntry("e2.nodes", 1)
          .containsEntry("ric.audit", 1);
    }
  }

  @Test
  void a_partition_count_that_is_not_a_positive_number_is_refused_before_any_topic_is_created() {
    assertThatThrownBy(() -> KafkaBackbone.open("127.0.0.1:1", Map.of("RIC_TOPIC_PARTITIONS", "0"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RIC_TOPIC_PARTITIONS must be a positive number, not '0'");
    assertThatThrownBy(() -> KafkaBackbone.open("127.0.0.1:1", Map.of("RIC_TOPIC_PARTITIONS", "six"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'six'");
  }
}
