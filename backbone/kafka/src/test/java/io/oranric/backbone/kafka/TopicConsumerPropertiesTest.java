package io.oranric.backbone.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicConsumerPropertiesTest {
  private static final KafkaSettings SETTINGS = KafkaSettings.of("b:9092");

  @Test
  void streams_answer_a_fetch_on_the_first_byte_and_hold_an_empty_one_briefly() {
    var p = TopicConsumer.consumerProperties(SETTINGS, TopicConsumer.Options.group(RicTopic.E2_CONTROL_REQUESTS, "t"), "c");
    assertThat(p).containsEntry("fetch.min.bytes", "1").containsEntry("fetch.max.wait.ms", "5")
        .containsEntry("group.id", "t").containsEntry("enable.auto.commit", "false");
  }

  @Test
  void idle_registry_readers_do_not_refetch_every_few_milliseconds() {
    for (RicTopic t : RicTopic.values()) {
      var p = TopicConsumer.consumerProperties(SETTINGS, TopicConsumer.Options.replay(t), "c");
      assertThat(p.getProperty("fetch.max.wait.ms")).as(t.topicName()).isEqualTo(t.compacted() ? "500" : "5");
      assertThat(p).as(t.topicName()).containsEntry("fetch.min.bytes", "1").doesNotContainKey("group.id");
    }
  }

  @Test
  void overrides_win() {
    var o = new TopicConsumer.Options(RicTopic.E2_SUBSCRIPTIONS, null, null, null, Map.of("fetch.max.wait.ms", "20"));
    assertThat(TopicConsumer.consumerProperties(SETTINGS, o, "c")).containsEntry("fetch.max.wait.ms", "20");
  }
}
