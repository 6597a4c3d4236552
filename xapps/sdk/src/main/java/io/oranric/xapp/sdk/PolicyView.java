package io.oranric.xapp.sdk;

import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.PolicyRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A live view of the policy store: replays the compacted {@code ric.policies} topic on start and
 * follows it. {@link #ready()} completes once the replay reached the end, so an xApp never acts on
 * half a store. Listeners hear every change (the new record; a removed policy arrives as a record
 * with status other than ACTIVE, or as a tombstone reported by id).
 */
public final class PolicyView implements AutoCloseable {
  private final Map<String, PolicyRecord> policies = new ConcurrentHashMap<>();
  private final List<Consumer<PolicyChange>> listeners = new CopyOnWriteArrayList<>();
  private final TopicConsumer<PolicyRecord> consumer;

  /** A policy changed: {@code record} is null when it was deleted from the store. */
  public record PolicyChange(String policyId, PolicyRecord record) {}

  private PolicyView(KafkaSettings settings) {
    this.consumer = TopicConsumer.start(settings, TopicConsumer.Options.replay(RicTopic.RIC_POLICIES), batch -> {
      for (var r : batch) {
        apply(r.key(), r.value());
      }
      return CompletableFuture.completedFuture(null);
    });
  }

  /** For tests and in-process use: a view fed by the caller instead of Kafka. */
  private PolicyView() {
    this.consumer = null;
  }

  public static PolicyView follow(KafkaSettings settings) {
    return new PolicyView(settings);
  }

  public static PolicyView detached() {
    return new PolicyView();
  }

  /** Applies one store record (used by the Kafka reader, and directly in tests). */
  public void apply(String policyId, PolicyRecord record) {
    if (record == null) {
      policies.remove(policyId);
    } else {
      policies.put(policyId, record);
    }
    PolicyChange change = new PolicyChange(policyId, record);
    listeners.forEach(l -> l.accept(change));
  }

  public CompletableFuture<Void> ready() {
    return consumer == null ? CompletableFuture.completedFuture(null) : consumer.caughtUp();
  }

  /** ACTIVE policies of one type ("PrbQuota", "SliceSla", ...). */
  public List<PolicyRecord> active(String type) {
    return policies.values().stream().filter(p -> "ACTIVE".equals(p.getStatus()) && type.equals(p.getType())).toList();
  }

  public List<PolicyRecord> all() {
    return List.copyOf(policies.values());
  }

  public void onChange(Consumer<PolicyChange> listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close();
    }
  }
}
