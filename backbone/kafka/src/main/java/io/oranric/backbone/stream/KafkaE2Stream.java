package io.oranric.backbone.stream;

import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.KpmReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The E2 stream through Kafka: KPM from {@code e2.kpm}, control requests to
 * {@code e2.control.requests}, outcomes matched by request id from {@code e2.control.outcomes}.
 * An outcome that never comes is reported as a time-out after the request's own time-out plus a
 * margin for the broker hops, so no caller waits forever.
 */
public final class KafkaE2Stream implements E2Stream {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration HOP_MARGIN = Duration.ofSeconds(2);

  private final KafkaSettings settings;
  private final RicProducer producer;
  private final boolean ownsProducer;
  private final Map<String, CompletableFuture<ControlOutcome>> pending = new ConcurrentHashMap<>();
  private final List<AutoCloseable> consumers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "e2-stream-timeouts");
    t.setDaemon(true);
    return t;
  });
  private final TopicConsumer<ControlOutcome> outcomes;

  public KafkaE2Stream(KafkaSettings settings, RicProducer producer) {
    this.settings = settings;
    this.producer = producer != null ? producer : RicProducer.create(settings, "e2-stream");
    this.ownsProducer = producer == null;
    // Read outcomes from the start, so no caller ever waits for the reader to find the end of the topic.
    this.outcomes = TopicConsumer.start(settings, TopicConsumer.Options.tail(RicTopic.E2_CONTROL_OUTCOMES), batch -> {
      batch.forEach(r -> {
        CompletableFuture<ControlOutcome> p = pending.remove(r.value().getRequestId());
        if (p != null) {
          p.complete(r.value());
        }
      });
      return CompletableFuture.completedFuture(null);
    });
    consumers.add(outcomes);
  }

  @Override
  public AutoCloseable kpm(String group, Consumer<List<KpmReport>> handler) {
    TopicConsumer<KpmReport> c = TopicConsumer.start(settings,
        new TopicConsumer.Options(RicTopic.E2_KPM, group, TopicConsumer.Start.LATEST, Duration.ofMillis(100), Map.of()),
        batch -> {
          List<KpmReport> reports = new ArrayList<>(batch.size());
          batch.forEach(r -> reports.add(r.value()));
          handler.accept(reports);
          return CompletableFuture.completedFuture(null);
        });
    consumers.add(c);
    return c;
  }

  @Override
  public CompletionStage<ControlOutcome> control(ControlRequest request) {
    CompletableFuture<ControlOutcome> f = new CompletableFuture<>();
    pending.put(request.getRequestId(), f);
    Duration timeout = (request.getTimeoutMs() > 0 ? Duration.ofMillis(request.getTimeoutMs()) : DEFAULT_TIMEOUT).plus(HOP_MARGIN);
    timer.schedule(() -> {
      CompletableFuture<ControlOutcome> p = pending.remove(request.getRequestId());
      if (p != null) {
        p.complete(ControlOutcome.newBuilder().setRequestId(request.getRequestId()).setNodeId(request.getNodeId())
            .setStatus(ControlStatus.CONTROL_STATUS_TIMEOUT).setProvenance(request.getProvenance())
            .setCause("no outcome on e2.control.outcomes within " + timeout.toMillis() + " ms").build());
      }
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    // Until the outcome reader sits at the end of its topic an early outcome could pass it by: hold the
    // request back that long (once, at start-up), without blocking the caller's thread.
    if (outcomes.caughtUp().isDone()) {
      publish(request);
    } else {
      outcomes.caughtUp().whenComplete((v, e) -> publish(request));
    }
    return f;
  }

  private void publish(ControlRequest request) {
    producer.send(RicTopic.E2_CONTROL_REQUESTS, request.getNodeId(), request).whenComplete((md, err) -> {
      if (err != null) {
        CompletableFuture<ControlOutcome> p = pending.remove(request.getRequestId());
        if (p != null) {
          p.complete(ControlOutcome.newBuilder().setRequestId(request.getRequestId()).setNodeId(request.getNodeId())
              .setStatus(ControlStatus.CONTROL_STATUS_REJECTED).setProvenance(request.getProvenance())
              .setCause("could not publish the request: " + err.getMessage()).build());
        }
      }
    });
  }

  @Override
  public String kind() {
    return "kafka";
  }

  @Override
  public void close() {
    for (AutoCloseable c : consumers) {
      try {
        c.close();
      } catch (Exception e) {
        // closing is best effort
      }
    }
    timer.shutdownNow();
    if (ownsProducer) {
      producer.close();
    }
  }
}
