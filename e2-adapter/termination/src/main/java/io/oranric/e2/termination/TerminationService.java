package io.oranric.e2.termination;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.backbone.ops.HealthServer;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.SubscriptionRequest;
import io.oranric.e2.protocol.adapter.E2apCodecs;
import io.oranric.e2.sm.ServiceModels;
import io.oranric.e2.termination.sink.KafkaSink;
import io.oranric.e2.termination.sink.TerminationSink;
import io.oranric.e2.termination.transport.TransportKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The termination as a service: E2 transports in front, Kafka behind. Control requests come from
 * {@code e2.control.requests} (a consumer group, so several terminations could share nodes by key),
 * wishes from the compacted {@code e2.subscriptions}, and everything learned goes out through the
 * Kafka sink. Health and Prometheus metrics are served over HTTP.
 */
public final class TerminationService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TerminationService.class);

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RicProducer producer;
  private final RicProducer batched;
  private final E2Termination termination;
  private final List<AutoCloseable> consumers = new ArrayList<>();
  private final KafkaSettings settings;
  private HealthServer health;
  private int httpPort = -1;
  private Map<TransportKind, Integer> ports = Map.of();

  public TerminationService(Vertx vertx, TerminationConfig config, ServiceModels models, KafkaSettings settings,
      TerminationSink extraSink) {
    this.ownsVertx = vertx == null;
    this.vertx = vertx != null ? vertx : Vertx.vertx();
    this.settings = settings;
    this.producer = RicProducer.create(settings, "e2-termination");
    // KPM reports and control outcomes are the bulk of what the termination writes: batch them for a
    // millisecond. Not compressed: the lz4 block stream allocates its 64 KB buffers per batch, a third
    // of all allocation in the 1k/s E2 bench (JFR); without it young collections fell from ~3 to ~1 a
    // second (latency unchanged within noise: the tail there is CPU queueing on 2 cores).
    this.batched = RicProducer.create(settings, "e2-termination-streams",
        Map.of("linger.ms", "1", "batch.size", String.valueOf(128 * 1024), "compression.type", "none"));
    KafkaSink kafkaSink = new KafkaSink(producer, batched);
    TerminationSink sink = extraSink == null ? kafkaSink : TerminationSink.all(kafkaSink, extraSink);
    this.termination = new E2Termination(config, this.vertx, E2apCodecs.all(), models, sink, metrics);
  }

  /**
   * Starts transports, Kafka consumers and the HTTP endpoint.
   *
   * @param httpPort port for /health and /metrics; -1 for none, 0 for any free port
   */
  public Future<Void> start(String httpHost, int httpPort) {
    return termination.start().compose(p -> {
      this.ports = p;
      consumers.add(TopicConsumer.<ControlRequest>start(settings,
          TopicConsumer.Options.group(RicTopic.E2_CONTROL_REQUESTS, "e2-termination"), batch -> {
            // Submitted in order, not awaited: outcomes go to Kafka when the nodes answer.
            batch.forEach(r -> {
              if (!io.oranric.e2.termination.direct.DirectE2Stream.VIA.equals(r.value().getVia())) {
                termination.control(r.value());
              }
            });
            return CompletableFuture.completedFuture(null);
          }));
      TopicConsumer<SubscriptionRequest> wishes = TopicConsumer.start(settings, TopicConsumer.Options.replay(RicTopic.E2_SUBSCRIPTIONS),
          batch -> {
            batch.forEach(r -> {
              if (r.value() == null) {
                termination.withdraw(r.key());
              } else {
                termination.want(r.key(), r.value());
              }
            });
            return CompletableFuture.completedFuture(null);
          });
      consumers.add(wishes);
      if (httpPort < 0) {
        return Future.succeededFuture();
      }
      health = new HealthServer(vertx, metrics).check("transports", () -> !ports.isEmpty())
          .check("subscriptions-replayed", () -> wishes.caughtUp().isDone() && !wishes.caughtUp().isCompletedExceptionally());
      return health.start(httpHost, httpPort).map(port -> {
        this.httpPort = port;
        LOG.info("E2 termination health and metrics on http://{}:{}/health and /metrics", httpHost, port);
        return null;
      });
    }).mapEmpty();
  }

  public E2Termination termination() {
    return termination;
  }

  public Map<TransportKind, Integer> ports() {
    return ports;
  }

  public int httpPort() {
    return httpPort;
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  @Override
  public void close() {
    for (AutoCloseable c : consumers) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("closing consumer: {}", e.toString());
      }
    }
    try {
      termination.stop().await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("stopping termination: {}", e.toString());
    }
    if (health != null) {
      health.stop();
    }
    producer.close();
    batched.close();
    if (ownsVertx) {
      vertx.close().await();
    }
  }

  /** How long {@link #close} may take at most, for shutdown hooks. */
  public static Duration closeBudget() {
    return Duration.ofSeconds(15);
  }
}
