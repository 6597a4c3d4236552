package io.oranric.backbone.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the RIC topics with their partitions and compaction settings where they are missing. */
public final class TopicAdmin {
  private TopicAdmin() {}

  /**
   * Ensures every topic exists, with each topic's default partitions. Existing topics are left as
   * they are: an operator may have sized them differently on a real cluster.
   *
   * @param replicationFactor 1 for the embedded broker; a real cluster wants 3
   * @return the topics that were created
   */
  public static List<RicTopic> ensureTopics(KafkaSettings settings, Collection<RicTopic> topics,
      short replicationFactor) {
    return ensureTopics(settings, topics, replicationFactor, 0);
  }

  /**
   * Like {@link #ensureTopics(KafkaSettings, Collection, short)}, with the partitions of the topics
   * that scale out by node key (those with more than one by default) set to {@code streamPartitions}
   * (0: their defaults). Single-partition topics (registries, audit) keep one: readers rely on one order.
   */
  public static List<RicTopic> ensureTopics(KafkaSettings settings, Collection<RicTopic> topics,
      short replicationFactor, int streamPartitions) {
    if (streamPartitions < 0) {
      throw new IllegalArgumentException("partitions must be positive (0: the topics' defaults): " + streamPartitions);
    }
    try (Admin admin = Admin.create(settings.toProperties())) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> toCreate = new ArrayList<>();
      List<RicTopic> created = new ArrayList<>();
      for (RicTopic t : topics) {
        if (!existing.contains(t.topicName())) {
          int partitions = streamPartitions > 0 && t.defaultPartitions() > 1 ? streamPartitions : t.defaultPartitions();
          toCreate.add(new NewTopic(t.topicName(), partitions, replicationFactor).configs(t.topicConfigs()));
          created.add(t);
        }
      }
      if (!toCreate.isEmpty()) {
        try {
          admin.createTopics(toCreate).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e; // another service racing us to create it is fine; anything else is not
          }
        }
      }
      return created;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics on " + settings.bootstrapServers() + ": "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  public static List<RicTopic> ensureAll(KafkaSettings settings, short replicationFactor) {
    return ensureTopics(settings, List.of(RicTopic.values()), replicationFactor);
  }

  public static List<RicTopic> ensureAll(KafkaSettings settings, short replicationFactor, int streamPartitions) {
    return ensureTopics(settings, List.of(RicTopic.values()), replicationFactor, streamPartitions);
  }
}
