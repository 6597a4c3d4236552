package io.oranric.testbed.lab;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.kpi.QueryKpis;
import io.oranric.agent.policy.StorePolicyGateway;
import io.oranric.agent.service.AgentConfig;
import io.oranric.agent.service.AgentService;
import io.oranric.backbone.kafka.EmbeddedKafka;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.stream.E2Stream;
import io.oranric.backbone.stream.KafkaE2Stream;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.SubscriptionRequest;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.StandardServiceModels;
import io.oranric.e2.sm.ccc.CccForm;
import io.oranric.e2.termination.TerminationConfig;
import io.oranric.e2.termination.TerminationService;
import io.oranric.e2.termination.direct.DirectE2Stream;
import io.oranric.e2.termination.transport.TransportKind;
import io.oranric.policies.a1.PolicyServer;
import io.oranric.policies.store.PolicyStore;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.SafetyEnvelope;
import io.oranric.testbed.sim.e2.SimulatedNetwork;
import io.oranric.testbed.sim.model.Network;
import io.oranric.testbed.sim.scenario.Scenario;
import io.oranric.testbed.sim.scenario.ScenarioLoader;
import io.oranric.xapp.runtime.XAppRuntime;
import io.oranric.xapp.sdk.PolicyView;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole lab in one JVM: Kafka (embedded unless given), the E2 termination on TCP and UDP, the
 * simulated gNBs of a scenario connecting to it over real E2AP, the policy store with its A1-style
 * REST interface, every xApp, and the intent agent (offline translator, guardrails, assurance on the
 * KPM monitor's live view). The simulated gNBs and the termination meet only on the socket.
 */
public final class Lab implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lab.class);

  private final LabOptions options;
  private final List<AutoCloseable> parts = new ArrayList<>();
  private KafkaBackbone kafka;
  private Vertx ricVertx;
  private Vertx ranVertx;
  private TerminationService termination;
  private SimulatedNetwork simulated;
  private PolicyServer policies;
  private XAppRuntime xapps;
  private AgentService agent;
  private NetworkInventory inventory;
  private Scenario scenario;
  private long startedNanos;

  private final XAppRuntime.Settings xappSettings;
  private final Assurance assurance;

  /**
   * How often the agent checks each active intent against the KPIs, and after how many short checks
   * in a row it proposes an adjustment. The lab's KPM arrives every second, so it can look more
   * often than a production default.
   */
  public record Assurance(Duration every, int patience) {
    public static Assurance labDefaults() {
      return new Assurance(Duration.ofSeconds(5), 4);
    }
  }

  private Lab(LabOptions options, XAppRuntime.Settings xappSettings, Assurance assurance) {
    this.options = options;
    this.xappSettings = xappSettings;
    this.assurance = assurance == null ? Assurance.labDefaults() : assurance;
  }

  /** Starts every part; on failure stops what already runs and rethrows. */
  public static Lab start(LabOptions options, PrintStream out) {
    return start(options, out, null);
  }

  /** The same with the xApps' own settings (hold times, steps), e.g. shorter ones for a quick demonstration. */
  public static Lab start(LabOptions options, PrintStream out, XAppRuntime.Settings xappSettings) {
    return start(options, out, xappSettings, null);
  }

  /** The same with the agent's assurance cadence too. */
  public static Lab start(LabOptions options, PrintStream out, XAppRuntime.Settings xappSettings, Assurance assurance) {
    Lab lab = new Lab(options, xappSettings, assurance);
    try {
      lab.startParts(out);
      return lab;
    } catch (RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  private void startParts(PrintStream out) {
    try {
      startAll(out);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the lab did not start within a minute: " + e.getMessage(), e);
    }
  }

  private void startAll(PrintStream out) throws java.util.concurrent.TimeoutException {
    startedNanos = System.nanoTime();
    scenario = options.scenarioFile() != null ? ScenarioLoader.load(options.scenarioFile()) : ScenarioLoader.builtIn(options.scenario());
    Network net = scenario.newNetwork();
    CellNaming naming = SimulatedNetwork.naming(net.nodes(), net.cells());
    inventory = LabInventory.of(net.nodes(), net.cells(), ZoneId.systemDefault());

    kafka = KafkaBackbone.open(options.kafka(), System.getenv(), EmbeddedKafka.Options.defaults());
    parts.add(kafka);
    line(out, "kafka", kafka.describe());

    // The RIC side and the simulated RAN run on Vert.x instances of their own, as they would in two processes.
    ricVertx = Vertx.vertx();
    TerminationConfig config = TerminationConfig.defaults(List.of(new TerminationConfig.Listener(TransportKind.TCP, options.e2Port()),
        new TerminationConfig.Listener(TransportKind.UDP, options.e2Port()))).withHost(options.host()).withNaming(naming)
        .withPreferredVersion(options.e2ap());
    termination = new TerminationService(ricVertx, config, new StandardServiceModels(naming), kafka.settings(), null);
    termination.start(options.host(), options.metricsPort()).await(60, TimeUnit.SECONDS);
    parts.add(termination);
    line(out, "e2 termination", "E2AP over TCP " + options.host() + ":" + termination.ports().get(TransportKind.TCP) + " and UDP :"
        + termination.ports().get(TransportKind.UDP) + "; health and metrics http://" + options.host() + ":" + termination.httpPort()
        + "/metrics");

    PolicyValidator validator = new PolicyValidator(SafetyEnvelope.labDefaults(), inventory);
    policies = PolicyServer.start(kafka.settings(), validator, PolicyStore.Options.defaults().withAutoApprove(options.autoApprove()),
        options.host(), options.policyPort(), Duration.ofSeconds(60));
    parts.add(policies);
    line(out, "policies", "A1-style REST " + policies.url() + " (OpenAPI at /openapi.json)" + (options.autoApprove() ? ", auto-approve" : ""));

    E2Stream e2 = options.directStream()
        ? new DirectE2Stream(termination.termination(), RicProducer.create(kafka.settings(), "lab-direct-record"))
        : new KafkaE2Stream(kafka.settings(), null);
    parts.add(e2);
    PolicyView view = PolicyView.follow(kafka.settings());
    parts.add(view);
    XAppRuntime.Options xo = XAppRuntime.Options.lab(inventory).withHealth(options.host(), 0);
    if (xappSettings != null) {
      xo = xo.withSettings(xappSettings);
    }
    xapps = XAppRuntime.deploy(ricVertx, e2, view, xo)
        .await(60, TimeUnit.SECONDS);
    parts.add(xapps);
    line(out, "xapps", String.join(", ", xapps.apps().keySet()) + " over the " + e2.kind() + " stream; KPM monitor http://"
        + options.host() + ":" + xapps.kpmHttpPort() + "/kpm/cells");

    // The agent submits to the same store the REST interface fronts, and reads the KPM monitor in
    // this process; intents from ./ric intent reach its assurance through ric.intents.
    Duration window = xappSettings != null ? xappSettings.kpm().window() : io.oranric.xapp.kpm.KpmMonitorXApp.Config.defaults().window();
    AgentConfig ac = AgentConfig.lab().withHost(options.host()).withPort(options.agentPort()).withInventory(inventory)
        .withApproval(options.autoApprove() ? IntentAgent.Approval.AUTO : IntentAgent.Approval.OPERATOR)
        .withAssurance(assurance.every(), window, assurance.patience());
    agent = AgentService.start(ac, kafka.settings(), new StorePolicyGateway(policies.store()), new QueryKpis(xapps.kpm(), window),
        ricVertx);
    parts.add(agent);
    line(out, "agent", agent.url() + " (POST /intents, MCP at /mcp; offline translator"
        + (options.autoApprove() ? ", auto-approve" : ", operator approval") + ", assurance every " + assurance.every().toSeconds()
        + " s): ./ric intent --agent " + agent.url() + " \"keep urllc latency under 5 ms in cell-3\"");

    // What the xApps read: cell and slice KPM every second, and every UE's for steering.
    termination.termination().want("lab/kpm-cells", SubscriptionRequest.newBuilder().setXapp("lab").setName("kpm-cells")
        .setKpm(KpmSubscription.newBuilder().setReportStyle(1).setPeriodMs(1000)
            .addSlices(io.oranric.contract.v1.Snssai.newBuilder().setSst(1))
            .addSlices(io.oranric.contract.v1.Snssai.newBuilder().setSst(2))
            .addSlices(io.oranric.contract.v1.Snssai.newBuilder().setSst(3))).build());
    termination.termination().want("lab/kpm-ues", SubscriptionRequest.newBuilder().setXapp("lab").setName("kpm-ues")
        .setKpm(KpmSubscription.newBuilder().setReportStyle(4).setPeriodMs(1000)).build());

    if (options.externalGnbs()) {
      line(out, "gNBs", "waiting for real gNBs on E2 port " + termination.ports().get(TransportKind.TCP) + " (TCP/UDP)");
    } else {
      ranVertx = Vertx.vertx();
      int port = termination.ports().get(options.gnbTransport() == io.oranric.e2.node.LinkKind.UDP ? TransportKind.UDP : TransportKind.TCP);
      SimulatedNetwork.Options so = SimulatedNetwork.Options.tcp(options.host(), port).withTransport(options.gnbTransport())
          .withVersions(options.e2ap(), options.kpm()).withSpeedup(options.speedup());
      simulated = new SimulatedNetwork(ranVertx, net, so, CccForm.JSON);
      parts.add(simulated);
      simulated.start().await(60, TimeUnit.SECONDS);
      line(out, "gNBs", simulated.nodes().size() + " simulated gNBs (" + scenario.name() + ", " + simulated.cells().size() + " cells) over "
          + options.gnbTransport() + ", E2AP " + options.e2ap().label() + ", " + options.kpm());
    }
    LOG.info("lab up in {} ms", (System.nanoTime() - startedNanos) / 1_000_000);
  }

  private static void line(PrintStream out, String what, String where) {
    out.printf("  %-15s %s%n", what, where);
    out.flush();
  }

  // ---- what the lab reports -----------------------------------------------------------------

  /** One status snapshot: nodes, indication rate, control outcomes and latencies. */
  public record Status(long nodesConnected, long indications, double indicationsPerSecond, long controlsOk, long controlsFailed,
      long controlsRejected, long controlsTimedOut, double controlP50Ms, double controlP99Ms, double indicationToControlP99Ms) {}

  private long lastIndications;
  private long lastStatusNanos;

  public Status status() {
    var m = termination.metrics();
    long ind = (long) m.find("e2_indications").tag("result", "published").counters().stream().mapToDouble(Counter::count).sum();
    long now = System.nanoTime();
    double rate = lastStatusNanos == 0 ? 0 : (ind - lastIndications) / ((now - lastStatusNanos) / 1e9);
    lastIndications = ind;
    lastStatusNanos = now;
    Timer rt = m.find("e2_control_round_trip").timer();
    Timer i2c = m.find("e2_indication_to_control").timer();
    return new Status(termination.termination().nodes().connectedCount(), ind, rate, rt == null ? 0 : rt.count(),
        count(m, "failure"), count(m, "rejected"), count(m, "timeout"), pct(rt, 0.5), pct(rt, 0.99), pct(i2c, 0.99));
  }

  private static long count(io.micrometer.core.instrument.MeterRegistry m, String status) {
    Counter c = m.find("e2_control_outcomes").tag("status", status).counter();
    return c == null ? 0 : (long) c.count();
  }

  private static double pct(Timer t, double p) {
    if (t == null || t.count() == 0) {
      return Double.NaN;
    }
    for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
      if (Math.abs(v.percentile() - p) < 1e-9) {
        return v.value(TimeUnit.MILLISECONDS);
      }
    }
    return Double.NaN;
  }

  public String statusLine() {
    Status s = status();
    return String.format("nodes %d | indications %,d (%.1f/s) | controls ok %d, failed %d, rejected %d, timed out %d | "
        + "control round trip p50 %s p99 %s | indication->control p99 %s", s.nodesConnected(), s.indications(),
        s.indicationsPerSecond(), s.controlsOk(), s.controlsFailed(), s.controlsRejected(), s.controlsTimedOut(),
        ms(s.controlP50Ms()), ms(s.controlP99Ms()), ms(s.indicationToControlP99Ms()));
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.1f ms", v);
  }

  /** The end-of-run summary: what ran, what flowed, and the network's state per cell. */
  public Map<String, Object> summary() {
    Status s = status();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scenario", scenario.name());
    out.put("seconds", Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0);
    out.put("nodesConnected", s.nodesConnected());
    out.put("indications", s.indications());
    out.put("indicationsSentByGnbs", simulated == null ? 0 : simulated.indicationsSent());
    Map<String, Object> controls = new LinkedHashMap<>();
    controls.put("ok", s.controlsOk());
    controls.put("failed", s.controlsFailed());
    controls.put("rejected", s.controlsRejected());
    controls.put("timedOut", s.controlsTimedOut());
    controls.put("roundTripP50Ms", nanToNull(s.controlP50Ms()));
    controls.put("roundTripP99Ms", nanToNull(s.controlP99Ms()));
    controls.put("indicationToControlP99Ms", nanToNull(s.indicationToControlP99Ms()));
    out.put("controls", controls);
    List<Map<String, Object>> cells = new ArrayList<>();
    if (xapps != null) {
      for (String cell : inventory.cellNames()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("cell", cell);
        xapps.kpm().cell(cell).toCompletableFuture().join().ifPresent(v -> {
          c.put("dlThroughputMbps", round(mean(v, "DRB.UEThpDl") / 1000.0));
          c.put("prbUsedPct", round(mean(v, "RRU.PrbTotDl")));
          c.put("powerW", round(mean(v, "PEE.AvgPower")));
          c.put("activeUes", round(mean(v, "DRB.MeanActiveUeDl")));
        });
        cells.add(c);
      }
    }
    out.put("cells", cells);
    out.put("activePolicies", policies.store().list(io.oranric.policies.model.PolicyStatus.ACTIVE).size());
    List<Map<String, Object>> intents = new ArrayList<>();
    if (agent != null) {
      for (io.oranric.contract.v1.IntentRecord r : agent.agent().journal().all()) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("intentId", r.getIntentId());
        i.put("text", r.getText());
        i.put("state", r.getState().name().replace("INTENT_STATE_", ""));
        i.put("fulfilment", r.hasFulfilment() ? r.getFulfilment().getStatus().name().replace("STATUS_", "") : null);
        intents.add(i);
      }
    }
    out.put("intents", intents);
    return out;
  }

  private static double mean(io.oranric.xapp.kpm.KpmStore.CellKpis k, String name) {
    var a = k.metrics().get(name);
    return a == null ? Double.NaN : a.mean();
  }

  private static Object nanToNull(double v) {
    return Double.isNaN(v) ? null : round(v);
  }

  private static double round(double v) {
    return Double.isNaN(v) ? 0 : Math.round(v * 100) / 100.0;
  }

  public TerminationService termination() {
    return termination;
  }

  public SimulatedNetwork simulated() {
    return simulated;
  }

  public PolicyServer policies() {
    return policies;
  }

  public XAppRuntime xapps() {
    return xapps;
  }

  public AgentService agent() {
    return agent;
  }

  public KafkaBackbone kafka() {
    return kafka;
  }

  public NetworkInventory inventory() {
    return inventory;
  }

  @Override
  public void close() {
    List<AutoCloseable> reversed = new ArrayList<>(parts);
    java.util.Collections.reverse(reversed);
    for (AutoCloseable p : reversed) {
      try {
        p.close();
      } catch (Exception e) {
        LOG.debug("stopping {}: {}", p.getClass().getSimpleName(), e.toString());
      }
    }
    if (ranVertx != null) {
      ranVertx.close().await();
    }
    if (ricVertx != null) {
      ricVertx.close().await();
    }
  }
}
