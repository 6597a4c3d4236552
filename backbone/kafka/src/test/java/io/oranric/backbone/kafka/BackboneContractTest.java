package io.oranric.backbone.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every Kafka the RIC runs on must do for us, embedded or external: each topic carries its
 * Protobuf type intact and in key order, and compacted topics keep the newest value per key.
 */
abstract class BackboneContractTest {

  abstract KafkaSettings settings();

  @ParameterizedTest
  @EnumSource(RicTopic.class)
  void each_topic_round_trips_its_protobuf_type_in_order(RicTopic topic) throws Exception {
    String key = "gnb-rt-" + topic.ordinal() + "-" + System.nanoTime();
    List<Message> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add(TopicSamples.sample(topic, key, i));
    }
    List<Message> received = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(sent.size());
    try (TopicConsumer<Message> consumer = TopicConsumer.start(settings(), TopicConsumer.Options.replay(topic), batch -> {
      for (ConsumerRecord<String, Message> r : batch) {
        if (key.equals(r.key())) {
          received.add(r.value());
          done.countDown();
        }
      }
      return CompletableFuture.completedFuture(null);
    }); RicProducer producer = RicProducer.create(settings(), "test-producer")) {
      for (Message m : sent) {
        producer.send(topic, key, m).get(30, TimeUnit.SECONDS);
      }
      assertThat(done.await(60, TimeUnit.SECONDS)).as("all records of %s consumed", topic).isTrue();
    }
    assertThat(received).containsExactlyElementsOf(sent);
    assertThat(received.get(0).getClass()).isEqualTo(sent.get(0).getClass());
  }

  @Test
  void a_snapshot_of_a_compacted_topic_holds_the_newest_value_per_key_and_honours_tombstones() throws Exception {
    String run = "snap-" + System.nanoTime();
    try (RicProducer producer = RicProducer.create(settings(), "test-producer")) {
      for (int v = 1; v <= 3; v++) {
        producer.send(RicTopic.RIC_POLICIES, run + "-a", TopicSamples.sample(RicTopic.RIC_POLICIES, run + "-a", v));
        producer.send(RicTopic.RIC_POLICIES, run + "-b", TopicSamples.sample(RicTopic.RIC_POLICIES, run + "-b", 10 + v));
      }
      producer.send(RicTopic.RIC_POLICIES, run + "-c", TopicSamples.sample(RicTopic.RIC_POLICIES, run + "-c", 1));
      producer.tombstone(RicTopic.RIC_POLICIES, run + "-c").get(30, TimeUnit.SECONDS);
    }
    Map<String, io.oranric.contract.v1.PolicyRecord> state =
        TopicConsumer.snapshot(settings(), RicTopic.RIC_POLICIES, Duration.ofSeconds(60));
    assertThat(state.get(run + "-a").getVersion()).isEqualTo(3);
    assertThat(state.get(run + "-b").getVersion()).isEqualTo(13);
    assertThat(state).doesNotContainKey(run + "-c");
  }

  @Test
  void a_group_consumer_commits_so_a_restarted_instance_resumes_after_what_it_handled() throws Exception {
    String group = "resume-" + System.nanoTime();
    String key = "gnb-resume-" + System.nanoTime();
    try (RicProducer producer = RicProducer.create(settings(), "test-producer")) {
      for (int i = 0; i < 3; i++) {
        producer.send(RicTopic.E2_CONTROL_OUTCOMES, key, TopicSamples.sample(RicTopic.E2_CONTROL_OUTCOMES, key, i)).get(30, TimeUnit.SECONDS);
      }
      assertThat(consumeFromGroup(group, key, 3)).containsExactly("req-0", "req-1", "req-2");
      for (int i = 3; i < 5; i++) {
        producer.send(RicTopic.E2_CONTROL_OUTCOMES, key, TopicSamples.sample(RicTopic.E2_CONTROL_OUTCOMES, key, i)).get(30, TimeUnit.SECONDS);
      }
      // The second instance of the same group sees only what the first did not handle.
      assertThat(consumeFromGroup(group, key, 2)).containsExactly("req-3", "req-4");
    }
  }

  private List<String> consumeFromGroup(String group, String key, int expected) throws InterruptedException {
    List<String> ids = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(expected);
    try (TopicConsumer<io.oranric.contract.v1.ControlOutcome> c = TopicConsumer.start(settings(),
        TopicConsumer.Options.group(RicTopic.E2_CONTROL_OUTCOMES, group), batch -> {
          for (var r : batch) {
            if (key.equals(r.key())) {
              ids.add(r.value().getRequestId());
              done.countDown();
            }
          }
          return CompletableFuture.completedFuture(null);
        })) {
      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    }
    return ids;
  }

  @Test
  void a_handler_that_throws_does_not_stop_the_stream() throws Exception {
    String key = "gnb-poison-" + System.nanoTime();
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch afterPoison = new CountDownLatch(1);
    try (TopicConsumer<io.oranric.contract.v1.ControlOutcome> c = TopicConsumer.start(settings(),
        TopicConsumer.Options.replay(RicTopic.E2_CONTROL_OUTCOMES), batch -> {
          for (var r : batch) {
            if (!key.equals(r.key())) {
              continue;
            }
            if (r.value().getRequestId().equals("req-0")) {
              throw new IllegalStateException("poison record");
            }
            seen.add(r.value().getRequestId());
            afterPoison.countDown();
          }
          return CompletableFuture.completedFuture(null);
        }); RicProducer producer = RicProducer.create(settings(), "test-producer")) {
      producer.send(RicTopic.E2_CONTROL_OUTCOMES, key, TopicSamples.sample(RicTopic.E2_CONTROL_OUTCOMES, key, 0)).get(30, TimeUnit.SECONDS);
      // The poisoned batch is skipped; later records still arrive. Keep sending until one does.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int n = 1;
      while (!afterPoison.await(200, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
        producer.send(RicTopic.E2_CONTROL_OUTCOMES, key, TopicSamples.sample(RicTopic.E2_CONTROL_OUTCOMES, key, n++)).get(30, TimeUnit.SECONDS);
      }
    }
    assertThat(seen).isNotEmpty().doesNotContain("req-0");
  }
}
