package io.oranric.backbone.kafka;

import com.google.protobuf.Message;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One producer per process, shared by every component: the Kafka producer is thread safe and
 * batches per partition, so sharing it costs nothing and saves connections.
 *
 * <p>Defaults favour latency over throughput ({@code linger.ms=0}): the near-RT control path
 * crosses the broker twice and every millisecond of lingering is spent twice. Anything given in
 * the settings' client properties wins over these defaults.
 */
public final class RicProducer implements AutoCloseable {
  private final KafkaProducer<String, Message> producer;

  private RicProducer(KafkaProducer<String, Message> producer) {
    this.producer = producer;
  }

  public static RicProducer create(KafkaSettings settings, String clientId) {
    return create(settings, clientId, java.util.Map.of());
  }

  /**
   * A producer with some defaults changed, e.g. a telemetry producer that batches for a millisecond:
   * at thousands of reports a second one request per record costs the broker more than it saves.
   */
  public static RicProducer create(KafkaSettings settings, String clientId, java.util.Map<String, String> defaults) {
    Properties p = new Properties();
    p.put("client.id", clientId);
    p.put("linger.ms", "0");
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("max.in.flight.requests.per.connection", "5");
    p.put("delivery.timeout.ms", "30000");
    p.put("request.timeout.ms", "15000");
    p.putAll(defaults);
    p.putAll(settings.toProperties());
    return new RicProducer(new KafkaProducer<>(p, new StringSerializer(), new ProtobufSerde.ProtobufSerializer()));
  }

  /** Sends a value keyed by E2 node / policy / intent id; completes when the broker has it. */
  public CompletableFuture<RecordMetadata> send(RicTopic topic, String key, Message value) {
    if (value == null) {
      throw new IllegalArgumentException("null value on " + topic.topicName() + ": use tombstone()");
    }
    return doSend(new ProducerRecord<>(topic.topicName(), key, value));
  }

  /** Deletes a key from a compacted topic. */
  public CompletableFuture<RecordMetadata> tombstone(RicTopic topic, String key) {
    if (!topic.compacted()) {
      throw new IllegalArgumentException(topic.topicName() + " is not compacted");
    }
    return doSend(new ProducerRecord<>(topic.topicName(), key, null));
  }

  /** The same send, completed on a Vert.x context so a verticle can compose it. */
  public Future<RecordMetadata> send(Context context, RicTopic topic, String key, Message value) {
    return Future.fromCompletionStage(send(topic, key, value), context);
  }

  private CompletableFuture<RecordMetadata> doSend(ProducerRecord<String, Message> record) {
    CompletableFuture<RecordMetadata> f = new CompletableFuture<>();
    try {
      producer.send(record, (md, err) -> {
        if (err != null) {
          f.completeExceptionally(err);
        } else {
          f.complete(md);
        }
      });
    } catch (RuntimeException e) {
      f.completeExceptionally(e);
    }
    return f;
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
