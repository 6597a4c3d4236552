package io.oranric.backbone.kafka;

import com.google.protobuf.Message;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes one topic on a dedicated thread and hands each polled batch to a handler.
 *
 * <p>Why not vertx-kafka-client: it runs the same KafkaConsumer on a worker and then hops to the
 * event loop once per record with its own buffering, and it pins its own kafka-clients line. Here
 * the poll loop is ours: one hop per batch onto the handler's context, offsets committed only after
 * the handler finished the batch (at-least-once), and a {@link #caughtUp()} signal that services
 * use to know they have rebuilt their state from a compacted topic before serving.
 *
 * <p>The handler's completion is awaited before the next poll, which keeps records of one key in
 * order and gives natural back-pressure.
 */
public final class TopicConsumer<T extends Message> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicConsumer.class);

  /** Where a consumer without committed offsets starts. */
  public enum Start { EARLIEST, LATEST }

  /**
   * @param groupId null for a private reader that sees every partition (state rebuilders, tools);
   *     a group id to share the partitions with other instances of the same xApp
   */
  public record Options(RicTopic topic, String groupId, Start start, Duration pollTimeout, Map<String, String> overrides) {
    public Options {
      Objects.requireNonNull(topic, "topic");
      start = start == null ? Start.LATEST : start;
      pollTimeout = pollTimeout == null ? Duration.ofMillis(100) : pollTimeout;
      overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    public static Options group(RicTopic topic, String groupId) {
      return new Options(topic, groupId, Start.EARLIEST, null, null);
    }

    public static Options replay(RicTopic topic) {
      return new Options(topic, null, Start.EARLIEST, null, null);
    }

    public static Options tail(RicTopic topic) {
      return new Options(topic, null, Start.LATEST, null, null);
    }
  }

  /** Handles one batch; the returned stage completes when the batch may be committed. */
  @FunctionalInterface
  public interface BatchHandler<T> {
    CompletionStage<Void> handle(List<ConsumerRecord<String, T>> batch);
  }

  private final KafkaConsumer<String, T> consumer;
  private final Options options;
  private final BatchHandler<T> handler;
  private final Thread thread;
  private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
  private volatile boolean running = true;
  private Map<TopicPartition, Long> catchUpTargets;
  private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
  private long lastCommitNanos;
  /** Offsets go to the group coordinator at most this often: a commit per small batch costs the broker more than the batch. */
  static final long COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private TopicConsumer(KafkaSettings settings, Options options, BatchHandler<T> handler, String clientId) {
    this.options = options;
    this.handler = handler;
    this.consumer = new KafkaConsumer<>(consumerProperties(settings, options, clientId), new StringDeserializer(),
        new ProtobufSerde.ProtobufDeserializer<T>(options.topic().parser()));
    this.thread = new Thread(this::run, "kafka-" + options.topic().topicName() + "-" + clientId);
    this.thread.setDaemon(true);
  }

  /**
   * The consumer's client properties. Streams (telemetry, control) answer a fetch as soon as one byte
   * is there and ask the broker to hold an empty fetch at most {@link #STREAM_FETCH_MAX_WAIT_MS}.
   * Compacted registry topics change rarely and nobody waits on them within milliseconds: their
   * readers let the broker hold an empty fetch {@link #REGISTRY_FETCH_MAX_WAIT_MS}, because an idle
   * reader re-fetching every 5 ms costs the in-process broker about a tenth of a core (measured on
   * the 2-core lab machine) that the near-RT streams then wait for. With {@code fetch.min.bytes=1}
   * the broker answers a held fetch as soon as a record is appended, so registry updates are not
   * delayed by it.
   */
  static Properties consumerProperties(KafkaSettings settings, Options options, String clientId) {
    Properties p = new Properties();
    p.put("client.id", clientId);
    p.put("auto.offset.reset", options.start() == Start.EARLIEST ? "earliest" : "latest");
    p.put("enable.auto.commit", "false");
    p.put("fetch.min.bytes", "1");
    p.put("fetch.max.wait.ms", String.valueOf(options.topic().compacted() ? REGISTRY_FETCH_MAX_WAIT_MS : STREAM_FETCH_MAX_WAIT_MS));
    p.put("max.poll.records", "1000");
    if (options.groupId() != null) {
      p.put("group.id", options.groupId());
    }
    p.putAll(settings.toProperties());
    p.putAll(options.overrides());
    return p;
  }

  static final int STREAM_FETCH_MAX_WAIT_MS = 5;
  static final int REGISTRY_FETCH_MAX_WAIT_MS = 500;

  /** Starts consuming; the handler runs on the consumer's own thread. */
  public static <T extends Message> TopicConsumer<T> start(KafkaSettings settings, Options options,
      BatchHandler<T> handler) {
    String clientId = (options.groupId() != null ? options.groupId() : "reader") + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    TopicConsumer<T> c = new TopicConsumer<>(settings, options, handler, clientId);
    c.thread.start();
    return c;
  }

  /**
   * Starts consuming and runs the handler on a Vert.x context (an event loop of the calling
   * verticle): one context hop per batch, the poll thread waits for the handler's future.
   */
  public static <T extends Message> TopicConsumer<T> start(KafkaSettings settings, Options options,
      Context context, Function<List<ConsumerRecord<String, T>>, Future<Void>> handler) {
    return start(settings, options, batch -> {
      Promise<Void> done = Promise.promise();
      context.runOnContext(v -> {
        try {
          handler.apply(batch).onComplete(done);
        } catch (RuntimeException e) {
          done.fail(e);
        }
      });
      return done.future().toCompletionStage();
    });
  }

  /**
   * Completes once this consumer has read everything that was in its partitions when it started
   * (immediately for a consumer that starts at the end). A state rebuilder waits for it.
   */
  public CompletableFuture<Void> caughtUp() {
    return caughtUp;
  }

  private void run() {
    try {
      subscribe();
      while (running) {
        ConsumerRecords<String, T> records = consumer.poll(options.pollTimeout());
        if (!records.isEmpty()) {
          List<ConsumerRecord<String, T>> batch = new ArrayList<>(records.count());
          records.forEach(batch::add);
          try {
            handler.handle(batch).toCompletableFuture().get();
          } catch (ExecutionException | RuntimeException e) {
            // A failing handler (a poison record, a bug) must neither stop the stream nor lose the
            // batch silently: log it, and do not commit it, so a restart redelivers it.
            LOG.error("handler failed on {} records of {} (offsets {}..{} not committed)", batch.size(),
                options.topic().topicName(), batch.get(0).offset(), batch.get(batch.size() - 1).offset(),
                e instanceof ExecutionException ? e.getCause() : e);
            checkCaughtUp();
            continue;
          }
          if (options.groupId() != null) {
            commit(batch);
          }
        }
        checkCaughtUp();
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("consumer of {} woke up unexpectedly", options.topic().topicName(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("consumer of {} stopped: {}", options.topic().topicName(), e.toString(), e);
      caughtUp.completeExceptionally(e);
    } finally {
      try {
        if (options.groupId() != null && !handled.isEmpty()) {
          // The last async commit may still be in flight: make what we handled durable.
          consumer.commitSync(handled, Duration.ofSeconds(5));
        }
      } catch (RuntimeException e) {
        LOG.warn("final offset commit on {} failed: {}", options.topic().topicName(), e.toString());
      }
      try {
        consumer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.debug("closing consumer: {}", e.toString());
      }
    }
  }

  private void subscribe() {
    String topic = options.topic().topicName();
    if (options.groupId() == null) {
      List<TopicPartition> parts = partitions(topic);
      consumer.assign(parts);
      if (options.start() == Start.EARLIEST) {
        consumer.seekToBeginning(parts);
      } else {
        consumer.seekToEnd(parts);
      }
      catchUpTargets = endOffsets(parts);
    } else {
      consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          if (catchUpTargets == null) {
            catchUpTargets = endOffsets(partitions);
          }
        }
      });
    }
  }

  private List<TopicPartition> partitions(String topic) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos != null && !infos.isEmpty()) {
        List<TopicPartition> parts = new ArrayList<>();
        infos.forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
        return parts;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topic " + topic + " does not exist (create the RIC topics first)");
      }
    }
  }

  private Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> parts) {
    return new HashMap<>(consumer.endOffsets(parts));
  }

  private void checkCaughtUp() {
    if (caughtUp.isDone() || catchUpTargets == null) {
      return;
    }
    for (Map.Entry<TopicPartition, Long> e : catchUpTargets.entrySet()) {
      if (consumer.assignment().contains(e.getKey()) && consumer.position(e.getKey()) < e.getValue()) {
        return;
      }
    }
    caughtUp.complete(null);
  }

  private void commit(List<ConsumerRecord<String, T>> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<String, T> r : batch) {
      offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
    }
    handled.putAll(offsets);
    uncommitted.putAll(offsets);
    long now = System.nanoTime();
    if (now - lastCommitNanos < COMMIT_INTERVAL_NANOS) {
      return;
    }
    lastCommitNanos = now;
    Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>(uncommitted);
    uncommitted.clear();
    consumer.commitAsync(toCommit, (o, err) -> {
      if (err != null) {
        LOG.warn("offset commit on {} failed: {}", options.topic().topicName(), err.toString());
      }
    });
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Reads a compacted topic from the beginning to its current end and returns the newest value per
   * key (tombstones remove keys): how a service rebuilds a registry or the policy store on start.
   */
  public static <T extends Message> Map<String, T> snapshot(KafkaSettings settings, RicTopic topic, Duration timeout) {
    Map<String, T> state = new HashMap<>();
    TopicConsumer<T> c = start(settings, Options.replay(topic), batch -> {
      synchronized (state) {
        for (ConsumerRecord<String, T> r : batch) {
          if (r.value() == null) {
            state.remove(r.key());
          } else {
            state.put(r.key(), r.value());
          }
        }
      }
      return CompletableFuture.completedFuture(null);
    });
    try {
      c.caughtUp().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not read " + topic.topicName() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      c.close();
    }
    synchronized (state) {
      return Map.copyOf(state);
    }
  }
}
