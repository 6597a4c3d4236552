package io.oranric.xapp.kpm;

import io.micrometer.core.instrument.Gauge;
import io.oranric.contract.v1.KpmReport;
import io.oranric.xapp.common.KpmBatch;
import io.oranric.xapp.sdk.XApp;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The KPM monitor: keeps rolling aggregates of everything on {@code e2.kpm} and serves them, to Java
 * callers through {@link KpmQuery} and over HTTP as JSON:
 * <pre>
 *   GET /kpm/cells                          every cell with its cell-level aggregates
 *   GET /kpm/cells/{cell}                   one cell, its slices and UE count
 *   GET /kpm/cells/{cell}/slices/{slice}    one slice of a cell (name or SST)
 *   GET /kpm/cells/{cell}/ues               the UEs a cell serves
 *   GET /kpm/ues/{ue}                       one UE, in the cell that served it last
 * </pre>
 * It never sends control. After a restart its windows fill again from the stream within one window.
 */
public final class KpmMonitorXApp extends XApp implements KpmQuery {
  public static final String NAME = "kpm-monitor";

  /** @param httpPort 0 for any free port, negative for no HTTP server */
  public record Config(Duration window, int maxSamplesPerSeries, String httpHost, int httpPort) {
    public static Config defaults() {
      return new Config(Duration.ofSeconds(30), 128, "0.0.0.0", 8091);
    }
  }

  private final Config config;
  private final KpmStore store;
  private HttpServer server;
  private volatile int port = -1;
  private long sweepTimer = -1;

  public KpmMonitorXApp(Config config) {
    this.config = config;
    this.store = new KpmStore(config.window().toNanos(), config.maxSamplesPerSeries());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected Future<?> onStart() {
    Gauge.builder("kpm_monitor_series", store, KpmStore::series).register(ctx.metrics());
    sweepTimer = vertx.setPeriodic(Math.max(1000, config.window().toMillis() / 2), id -> store.evictIdle(nowNs()));
    if (config.httpPort() < 0) {
      return Future.succeededFuture();
    }
    server = vertx.createHttpServer().requestHandler(this::serve);
    return server.listen(config.httpPort(), config.httpHost()).map(s -> port = s.actualPort());
  }

  @Override
  public Future<?> stop() {
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    Future<?> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.compose(v -> super.stop());
  }

  /** The HTTP port actually bound, -1 before start or without HTTP. */
  public int httpPort() {
    return port;
  }

  @Override
  protected void onKpm(List<KpmReport> reports) {
    store.ingest(KpmBatch.of(reports).samples(), nowNs());
  }

  private long nowNs() {
    var t = ctx.clock().instant();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  // ------------------------------------------------------------------ Java API

  private <T> CompletionStage<T> onLoop(Function<Long, T> read) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> {
      try {
        p.complete(read.apply(nowNs()));
      } catch (RuntimeException e) {
        p.fail(e);
      }
    });
    return p.future().toCompletionStage();
  }

  @Override
  public CompletionStage<List<KpmStore.CellKpis>> cells() {
    return onLoop(store::cells);
  }

  @Override
  public CompletionStage<Optional<KpmStore.CellKpis>> cell(String cell) {
    return onLoop(now -> Optional.ofNullable(store.cell(cell, now)));
  }

  @Override
  public CompletionStage<Optional<KpmStore.SliceKpis>> slice(String cell, String slice) {
    return onLoop(now -> Optional.ofNullable(store.slice(cell, slice, now)));
  }

  @Override
  public CompletionStage<List<KpmStore.UeKpis>> ues(String cell) {
    return onLoop(now -> store.uesOf(cell, now));
  }

  @Override
  public CompletionStage<Optional<KpmStore.UeKpis>> ue(String ue) {
    return onLoop(now -> Optional.ofNullable(store.ue(ue, now)));
  }

  // ------------------------------------------------------------------ HTTP

  private void serve(HttpServerRequest req) {
    // the server was created by this verticle, so its handler runs on this event loop
    String[] parts = req.path().replaceAll("/+$", "").split("/");
    long now = nowNs();
    Object body = null;
    if (req.method().name().equals("GET") && parts.length >= 3 && parts[1].equals("kpm")) {
      if (parts[2].equals("cells")) {
        if (parts.length == 3) {
          JsonArray a = new JsonArray();
          store.cells(now).forEach(c -> a.add(json(c)));
          body = a;
        } else if (parts.length == 4) {
          KpmStore.CellKpis c = store.cell(parts[3], now);
          body = c == null ? null : json(c);
        } else if (parts.length == 6 && parts[4].equals("slices")) {
          KpmStore.SliceKpis s = store.slice(parts[3], parts[5], now);
          body = s == null ? null : new JsonObject().put("cell", s.cell()).put("slice", s.slice()).put("sst", s.sst())
              .put("metrics", json(s.metrics()));
        } else if (parts.length == 5 && parts[4].equals("ues")) {
          JsonArray a = new JsonArray();
          store.uesOf(parts[3], now).forEach(u -> a.add(json(u)));
          body = a;
        }
      } else if (parts[2].equals("ues") && parts.length == 4) {
        KpmStore.UeKpis u = store.ue(parts[3], now);
        body = u == null ? null : json(u);
      }
    }
    if (body == null) {
      req.response().setStatusCode(404).putHeader("content-type", "application/json")
          .end(new JsonObject().put("error", "nothing at " + req.path()).put("try", new JsonArray(List.of("/kpm/cells",
              "/kpm/cells/{cell}", "/kpm/cells/{cell}/slices/{slice}", "/kpm/cells/{cell}/ues", "/kpm/ues/{ue}"))).encode());
      return;
    }
    req.response().putHeader("content-type", "application/json").end(body.toString());
  }

  private static JsonObject json(KpmStore.CellKpis c) {
    return new JsonObject().put("cell", c.cell()).put("node", c.node()).put("metrics", json(c.metrics()))
        .put("slices", new JsonArray(new ArrayList<>(c.slices()))).put("ues", c.ues());
  }

  private static JsonObject json(KpmStore.UeKpis u) {
    return new JsonObject().put("ue", u.ue()).put("cell", u.cell()).put("sst", u.sst()).put("metrics", json(u.metrics()));
  }

  private static JsonObject json(Map<String, Aggregate> metrics) {
    JsonObject o = new JsonObject();
    metrics.forEach((name, a) -> o.put(name, new JsonObject().put("last", a.last()).put("mean", a.mean()).put("p95", a.p95())
        .put("min", a.min()).put("max", a.max()).put("count", a.count())));
    return o;
  }
}
