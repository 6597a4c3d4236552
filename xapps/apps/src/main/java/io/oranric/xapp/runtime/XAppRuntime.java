package io.oranric.xapp.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.oranric.backbone.ops.HealthServer;
import io.oranric.backbone.stream.E2Stream;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.contract.v1.AuditKind;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.energy.EnergySavingLogic;
import io.oranric.xapp.energy.EnergySavingXApp;
import io.oranric.xapp.guard.ControlGuard;
import io.oranric.xapp.guard.GuardedE2Stream;
import io.oranric.xapp.kpm.KpmMonitorXApp;
import io.oranric.xapp.kpm.KpmQuery;
import io.oranric.xapp.power.TxPowerLogic;
import io.oranric.xapp.power.TxPowerXApp;
import io.oranric.xapp.sdk.PolicyView;
import io.oranric.xapp.sdk.TypedPolicies;
import io.oranric.xapp.sdk.XApp;
import io.oranric.xapp.sdk.XAppContext;
import io.oranric.xapp.slice.SliceSlaLogic;
import io.oranric.xapp.slice.SliceSlaXApp;
import io.oranric.xapp.spectrum.SpectrumLogic;
import io.oranric.xapp.spectrum.SpectrumXApp;
import io.oranric.xapp.steering.TrafficSteeringLogic;
import io.oranric.xapp.steering.TrafficSteeringXApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys a chosen set of xApps on one Vert.x, sharing one E2 stream (behind the conflict guard
 * and one KPM subscription), one policy view, one metrics registry and one health server. The lab
 * calls it in-process; {@code ./ric xapps run} calls it with Kafka.
 *
 * <pre>{@code
 * XAppRuntime rt = XAppRuntime.deploy(vertx, e2, policies, XAppRuntime.Options.lab(inventory)).await();
 * rt.kpm().cell("cell-3");   // live context for the agent
 * rt.close();
 * }</pre>
 */
public final class XAppRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(XAppRuntime.class);

  public static final List<String> ALL = List.of(KpmMonitorXApp.NAME, SliceSlaXApp.NAME, TxPowerXApp.NAME, SpectrumXApp.NAME,
      EnergySavingXApp.NAME, TrafficSteeringXApp.NAME);

  /** Per-xApp configuration, the lab defaults unless replaced. */
  public record Settings(KpmMonitorXApp.Config kpm, SliceSlaLogic.Config slice, TxPowerLogic.Config power,
      SpectrumLogic.Config spectrum, EnergySavingLogic.Config energy, TrafficSteeringLogic.Config steering) {
    public static Settings defaults() {
      return new Settings(KpmMonitorXApp.Config.defaults(), SliceSlaLogic.Config.defaults(), TxPowerLogic.Config.defaults(),
          SpectrumLogic.Config.defaults(), EnergySavingLogic.Config.defaults(), TrafficSteeringLogic.Config.defaults());
    }

    public Settings withKpm(KpmMonitorXApp.Config c) {
      return new Settings(c, slice, power, spectrum, energy, steering);
    }

    public Settings withEnergy(EnergySavingLogic.Config c) {
      return new Settings(kpm, slice, power, spectrum, c, steering);
    }

    public Settings withSlice(SliceSlaLogic.Config c) {
      return new Settings(kpm, c, power, spectrum, energy, steering);
    }

    public Settings withSteering(TrafficSteeringLogic.Config c) {
      return new Settings(kpm, slice, power, spectrum, energy, c);
    }
  }

  /**
   * @param apps names from {@link #ALL}; empty for all of them
   * @param group the Kafka consumer group of this runtime's KPM subscription (instances sharing it
   *     share the nodes)
   * @param healthPort port of /health and /metrics, 0 for any free one, negative for none
   * @param guardWindow how long an xApp's setting of a (node, cell, parameter) stays its own
   * @param audit where caught conflicts go besides the log and the metrics (ric.audit), or null
   */
  public record Options(NetworkInventory inventory, ZoneId zone, Collection<String> apps, String group, String healthHost,
      int healthPort, Duration guardWindow, Clock clock, Settings settings, Consumer<AuditEvent> audit) {
    public Options {
      apps = apps == null || apps.isEmpty() ? ALL : List.copyOf(apps);
      for (String a : apps) {
        if (!ALL.contains(a)) {
          throw new IllegalArgumentException("unknown xApp '" + a + "' (known: " + String.join(", ", ALL) + ")");
        }
      }
      zone = zone != null ? zone : inventory != null ? inventory.zone() : ZoneId.systemDefault();
      clock = clock != null ? clock : Clock.system(zone);
      settings = settings != null ? settings : Settings.defaults();
      guardWindow = guardWindow != null ? guardWindow : Duration.ofSeconds(30);
      group = group != null ? group : "ric-xapps";
      healthHost = healthHost != null ? healthHost : "0.0.0.0";
    }

    /** Every xApp, lab defaults, no fixed ports (health and KPM HTTP on free ports). */
    public static Options lab(NetworkInventory inventory) {
      return new Options(inventory, null, ALL, null, "127.0.0.1", 0, null, null,
          Settings.defaults().withKpm(new KpmMonitorXApp.Config(Duration.ofSeconds(30), 128, "127.0.0.1", 0)), null);
    }

    public Options withApps(Collection<String> names) {
      return new Options(inventory, zone, names, group, healthHost, healthPort, guardWindow, clock, settings, audit);
    }

    public Options withClock(Clock c) {
      return new Options(inventory, zone, apps, group, healthHost, healthPort, guardWindow, c, settings, audit);
    }

    public Options withSettings(Settings s) {
      return new Options(inventory, zone, apps, group, healthHost, healthPort, guardWindow, clock, s, audit);
    }

    public Options withAudit(Consumer<AuditEvent> a) {
      return new Options(inventory, zone, apps, group, healthHost, healthPort, guardWindow, clock, settings, a);
    }

    public Options withGroup(String g) {
      return new Options(inventory, zone, apps, g, healthHost, healthPort, guardWindow, clock, settings, audit);
    }

    public Options withHealth(String host, int port) {
      return new Options(inventory, zone, apps, group, host, port, guardWindow, clock, settings, audit);
    }
  }

  private final Vertx vertx;
  private final Options options;
  private final PrometheusMeterRegistry registry;
  private final ControlGuard guard;
  private final FanOutE2Stream stream;
  private final TypedPolicies typed;
  private final Map<String, XApp> apps = new LinkedHashMap<>();
  private final List<String> deployments = new ArrayList<>();
  private final Set<String> up = new LinkedHashSet<>();
  private HealthServer health;
  private int healthPort = -1;

  private XAppRuntime(Vertx vertx, E2Stream e2, PolicyView policies, Options options) {
    this.vertx = vertx;
    this.options = options;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.typed = new TypedPolicies(policies, options.zone());
    this.guard = new ControlGuard(options.guardWindow());
    guard.onConflict(this::conflict);
    FunctionCounter.builder("xapp_guard_checked", guard, ControlGuard::checked).register(registry);
    FunctionCounter.builder("xapp_guard_rejected", guard, ControlGuard::rejected).register(registry);
    FunctionCounter.builder("xapp_policies_unreadable", typed, TypedPolicies::unreadable).register(registry);
    this.stream = new FanOutE2Stream(new GuardedE2Stream(e2, guard, typed::priorityOf), options.group());
    XAppContext ctx = new XAppContext(stream, policies, registry, options.clock(), options.group());
    Settings s = options.settings();
    for (String name : options.apps()) {
      XApp app = switch (name) {
        case KpmMonitorXApp.NAME -> new KpmMonitorXApp(s.kpm());
        case SliceSlaXApp.NAME -> new SliceSlaXApp(s.slice(), typed, cells());
        case TxPowerXApp.NAME -> new TxPowerXApp(s.power(), typed, cells());
        case SpectrumXApp.NAME -> new SpectrumXApp(s.spectrum(), typed, cells());
        case EnergySavingXApp.NAME -> new EnergySavingXApp(s.energy(), typed, cells());
        case TrafficSteeringXApp.NAME -> new TrafficSteeringXApp(s.steering(), typed, cells());
        default -> throw new IllegalArgumentException(name);
      };
      apps.put(name, app.withContext(ctx));
    }
  }

  private CellDirectory cells() {
    // one per xApp: each lives on its own event loop
    return new CellDirectory(options.inventory());
  }

  /** Deploys the chosen xApps (each on its own event loop) and starts the health server. */
  public static Future<XAppRuntime> deploy(Vertx vertx, E2Stream e2, PolicyView policies, Options options) {
    XAppRuntime rt = new XAppRuntime(vertx, e2, policies, options);
    return rt.start().map(v -> rt);
  }

  private Future<Void> start() {
    Future<Void> chain = Future.succeededFuture();
    for (var e : apps.entrySet()) {
      chain = chain.compose(v -> vertx.deployVerticle(e.getValue()).<Void>map(id -> {
        deployments.add(id);
        up.add(e.getKey());
        return null;
      }));
    }
    return chain.compose(v -> {
      if (options.healthPort() < 0) {
        return Future.succeededFuture();
      }
      health = new HealthServer(vertx, registry);
      for (String name : apps.keySet()) {
        health.check(name, () -> up.contains(name));
      }
      return health.start(options.healthHost(), options.healthPort()).<Void>map(p -> {
        healthPort = p;
        return null;
      });
    }).onSuccess(v -> LOG.info("xApps up: {} (E2 stream {}, consumer group {}, health port {}{})", apps.keySet(), stream.kind(),
        options.group(), healthPort, kpmMonitor() != null ? ", KPM HTTP port " + kpmMonitor().httpPort() : ""))
        .onFailure(e -> LOG.error("xApps did not start: {}", e.toString()));
  }

  private void conflict(ControlGuard.Conflict c) {
    // node/cell/parameter[/detail]: the metric keeps the parameter only, cells and UEs would explode it
    String[] parts = c.key().split("/", 4);
    String param = parts.length > 2 ? parts[2] : c.key();
    Counter.builder("xapp_conflicts").description("contradicting control requests caught by the guard")
        .tag("parameter", param).tag("winner", c.winner().xapp()).tag("loser", c.loser().xapp()).register(registry).increment();
    LOG.warn("conflict: {}", c.description());
    if (options.audit() != null) {
      try {
        options.audit().accept(AuditEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTimeNs(c.atNs())
            .setActor("xapp-guard").setKind(AuditKind.AUDIT_KIND_CONFLICT).setPolicyId(c.loser().policyId())
            .setNodeId(c.key().substring(0, c.key().indexOf('/'))).setSummary(c.description()).build());
      } catch (RuntimeException e) {
        LOG.debug("audit of a conflict failed: {}", e.toString());
      }
    }
  }

  public KpmQuery kpm() {
    return kpmMonitor();
  }

  private KpmMonitorXApp kpmMonitor() {
    return (KpmMonitorXApp) apps.get(KpmMonitorXApp.NAME);
  }

  /** The KPM monitor's HTTP port, -1 when it is not running or serves no HTTP. */
  public int kpmHttpPort() {
    KpmMonitorXApp m = kpmMonitor();
    return m == null ? -1 : m.httpPort();
  }

  public int healthPort() {
    return healthPort;
  }

  public ControlGuard guard() {
    return guard;
  }

  public PrometheusMeterRegistry metrics() {
    return registry;
  }

  public Map<String, XApp> apps() {
    return Map.copyOf(apps);
  }

  public TypedPolicies policies() {
    return typed;
  }

  /** Undeploys every xApp and stops the health server; the E2 stream and policy view stay the caller's. */
  public Future<Void> stop() {
    Future<Void> chain = health == null ? Future.succeededFuture() : health.stop();
    for (String id : deployments) {
      chain = chain.compose(v -> vertx.undeploy(id).otherwise(e -> null));
    }
    return chain.onComplete(ar -> {
      stream.close();
      up.clear();
    });
  }

  @Override
  public void close() {
    stop().await();
  }
}
