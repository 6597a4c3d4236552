package io.oranric.backbone.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code /health} (JSON, 200 when every check passes, 503 otherwise) and {@code /metrics}
 * (Prometheus text format) for any RIC process: what Kubernetes probes and Prometheus scrape.
 */
public final class HealthServer {
  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final Map<String, Supplier<Boolean>> checks = new ConcurrentHashMap<>();
  private HttpServer server;

  public HealthServer(Vertx vertx, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
  }

  public HealthServer check(String name, Supplier<Boolean> healthy) {
    checks.put(name, healthy);
    return this;
  }

  public Future<Integer> start(String host, int port) {
    server = vertx.createHttpServer().requestHandler(req -> {
      switch (req.path()) {
        case "/metrics" -> req.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
            .end(registry.scrape());
        case "/health", "/healthz", "/ready" -> {
          JsonObject body = new JsonObject();
          boolean ok = true;
          for (var e : checks.entrySet()) {
            boolean h;
            try {
              h = Boolean.TRUE.equals(e.getValue().get());
            } catch (RuntimeException ex) {
              h = false;
            }
            body.put(e.getKey(), h ? "UP" : "DOWN");
            ok &= h;
          }
          body.put("status", ok ? "UP" : "DOWN");
          req.response().setStatusCode(ok ? 200 : 503).putHeader("content-type", "application/json").end(body.encode());
        }
        default -> req.response().setStatusCode(404).end("try /health or /metrics\n");
      }
    });
    return server.listen(port, host).map(HttpServer::actualPort);
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
