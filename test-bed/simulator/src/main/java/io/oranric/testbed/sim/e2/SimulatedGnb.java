package io.oranric.testbed.sim.e2;

import io.oranric.e2.node.E2NodeApplication;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.ComponentConfig;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.GlobalNodeId;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.protocol.RicAction;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.UeId;
import io.oranric.e2.sm.kpm.KpmFunctionSpec;
import io.oranric.e2.sm.kpm.KpmIndication;
import io.oranric.e2.sm.kpm.KpmLabel;
import io.oranric.e2.sm.kpm.KpmNodeSide;
import io.oranric.e2.sm.kpm.KpmSubscriptionSpec;
import io.oranric.e2.sm.kpm.KpmVersion;
import io.oranric.e2.sm.kpm.TestCondition;
import io.oranric.e2.sm.kpm.UeSelection;
import io.oranric.testbed.sim.model.CellInfo;
import io.oranric.testbed.sim.model.Kpm;
import io.oranric.testbed.sim.model.MeasurementReport;
import io.oranric.testbed.sim.model.Measurements;
import io.oranric.testbed.sim.model.NodeInfo;
import io.oranric.testbed.sim.model.NodeReport;
import io.oranric.testbed.sim.model.SliceReport;
import io.oranric.testbed.sim.model.UeReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A simulated gNB as an E2 node: offers E2SM-KPM, E2SM-RC and E2SM-CCC with proper RAN function
 * definitions, answers subscriptions with indications built from the radio model's closed
 * measurement periods, and executes control on the model. It shares nothing with the termination
 * but the E2AP bytes on the wire.
 */
public final class SimulatedGnb implements E2NodeApplication {
  public static final int KPM_FUNCTION = 2;
  public static final int RC_FUNCTION = 3;
  public static final int CCC_FUNCTION = 4;
  /** The styles this node reports: node/cell (1), one UE (2), UEs matching conditions (4), a UE list (5). */
  static final int[] REPORT_STYLES = {1, 2, 4, 5};

  private final NodeInfo node;
  private final List<CellInfo> cells;
  private final ModelFeed feed;
  private final KpmNodeSide kpm;
  private final KpmFunctionSpec kpmSpec;
  private final GlobalNodeId nodeId;
  private final Plmn plmn;
  private final SimControl control;
  /** Last period reported per subscription, so a timer that fires twice in one period sends it once. */
  private final Map<E2apMessage.RicSubscriptionRequest, Long> lastPeriod = new ConcurrentHashMap<>();

  /** The parsed actions of one accepted KPM subscription. */
  record KpmActions(List<Integer> actionIds, List<KpmSubscriptionSpec> specs) {}

  public SimulatedGnb(NodeInfo node, List<CellInfo> cells, ModelFeed feed, KpmVersion kpmVersion, SimControl control) {
    this.node = node;
    this.cells = List.copyOf(cells);
    this.feed = feed;
    this.kpm = new KpmNodeSide(kpmVersion);
    this.plmn = new Plmn(node.plmn().mcc(), node.plmn().mnc());
    this.nodeId = GlobalNodeId.gnb(plmn, node.gnbId(), node.gnbIdBits());
    this.kpmSpec = kpmSpec(kpmVersion);
    this.control = control;
  }

  static KpmFunctionSpec kpmSpec(KpmVersion version) {
    List<String> cellAndNode = new ArrayList<>(new LinkedHashSet<>(concat(Kpm.CELL, Kpm.NODE)));
    List<KpmFunctionSpec.ReportStyle> styles = new ArrayList<>();
    for (int s : REPORT_STYLES) {
      styles.add(new KpmFunctionSpec.ReportStyle(s, KpmFunctionSpec.styleName(s), s, 1, KpmFunctionSpec.messageFormatOf(s),
          s == 1 ? cellAndNode : Kpm.UE));
    }
    // srsRAN's habit: the v3 layout under the v2 OID; a KPM2 node is OAI-like and uses the v2 OID too.
    return new KpmFunctionSpec("ORAN-E2SM-KPM", KpmVersion.OID_V2, "KPM monitor (simulated gNB, " + version + " layout)", null,
        styles);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Override
  public GlobalNodeId nodeId() {
    return nodeId;
  }

  public String name() {
    return node.name();
  }

  @Override
  public List<RanFunction> ranFunctions() {
    List<RanFunction> fns = new ArrayList<>();
    try {
      fns.add(new RanFunction(KPM_FUNCTION, 1, kpmSpec.oid(), kpm.ranFunctionDefinition(kpmSpec)));
    } catch (ServiceModelException e) {
      throw new IllegalStateException("our own KPM definition does not encode: " + e.getMessage(), e);
    }
    fns.addAll(control.ranFunctions());
    return fns;
  }

  @Override
  public List<ComponentConfig> components() {
    // One NG interface towards the (simulated) core, as a gNB reports in E2 Setup.
    return List.of(new ComponentConfig(ComponentConfig.InterfaceType.NG, "sim-amf", new byte[] {0}, new byte[] {0}));
  }

  // ---- subscriptions -------------------------------------------------------------------

  @Override
  public SubscriptionDecision subscribe(E2apMessage.RicSubscriptionRequest r) {
    if (r.ranFunctionId() != KPM_FUNCTION) {
      return control.subscribe(r);
    }
    try {
      long period = kpm.parseEventTrigger(r.eventTrigger());
      if (period < 10) {
        return SubscriptionDecision.refuse(Cause.of(Cause.Group.RIC_REQUEST, "eventTriggerNotSupported"));
      }
      List<Integer> admitted = new ArrayList<>();
      List<E2apMessage.ActionRejection> refused = new ArrayList<>();
      List<KpmSubscriptionSpec> specs = new ArrayList<>();
      for (RicAction a : r.actions()) {
        if (a.type() != RicAction.Type.REPORT || a.definition() == null) {
          refused.add(new E2apMessage.ActionRejection(a.actionId(), Cause.ACTION_NOT_SUPPORTED));
          continue;
        }
        try {
          KpmSubscriptionSpec spec = kpm.parseAction(a.definition(), period);
          KpmNodeSide.check(kpmSpec, spec);
          if (spec.cell() != null && cellOf(spec.cell()) == null) {
            refused.add(new E2apMessage.ActionRejection(a.actionId(), Cause.ACTION_NOT_SUPPORTED));
            continue;
          }
          admitted.add(a.actionId());
          specs.add(spec);
        } catch (ServiceModelException e) {
          refused.add(new E2apMessage.ActionRejection(a.actionId(), e.e2apCause()));
        }
      }
      if (admitted.isEmpty()) {
        return SubscriptionDecision.refuse(Cause.ACTION_NOT_SUPPORTED);
      }
      return new SubscriptionDecision(true, period, admitted, refused, null, new KpmActions(admitted, specs));
    } catch (ServiceModelException e) {
      return SubscriptionDecision.refuse(e.e2apCause());
    }
  }

  @Override
  public void unsubscribe(ActiveSubscription s) {
    lastPeriod.remove(s.request());
  }

  @Override
  public List<Report> report(ActiveSubscription s, long nowMillis) {
    if (!(s.state() instanceof KpmActions actions)) {
      return List.of();
    }
    ModelFeed.Period p = feed.latest();
    if (p.index() < 0 || Long.valueOf(p.index()).equals(lastPeriod.put(s.request(), p.index()))) {
      return List.of(); // nothing new closed since the last report
    }
    List<Report> out = new ArrayList<>();
    try {
      byte[] header = kpm.indicationHeader(new KpmIndication.Header(Instant.ofEpochMilli(nowMillis - feed.granularity().toMillis()),
          null, "simulated-" + node.name(), "gNB", "oranric"));
      for (int i = 0; i < actions.specs().size(); i++) {
        KpmIndication.Message m = message(actions.specs().get(i), p);
        if (m != null) {
          out.add(new Report(actions.actionIds().get(i), header, kpm.indicationMessage(m)));
        }
      }
    } catch (ServiceModelException e) {
      throw new IllegalStateException("our own KPM indication does not encode: " + e.getMessage(), e);
    }
    return out;
  }

  private KpmIndication.Message message(KpmSubscriptionSpec spec, ModelFeed.Period p) {
    List<CellInfo> scope = spec.cell() != null ? List.of(cellOf(spec.cell())) : cells;
    long gran = spec.granularityMs();
    if (spec.actionFormat() == 1) {
      // Node level without a cell: a one-cell gNB's cell values, and node values for PEE.
      CellInfo cell = scope.get(0);
      MeasurementReport cr = p.cell(cell.id()).orElse(null);
      NodeReport nr = p.node(node.name()).orElse(null);
      if (cr == null) {
        return null;
      }
      List<KpmIndication.MeasInfo> infos = new ArrayList<>();
      List<KpmIndication.Value> values = new ArrayList<>();
      for (KpmSubscriptionSpec.Measurement m : spec.measurements()) {
        infos.add(new KpmIndication.MeasInfo(m.name(), m.id(), m.labels()));
        for (KpmLabel l : m.labels()) {
          values.add(value(m.name(), l, cr, nr, spec.cell() == null));
        }
      }
      return new KpmIndication.Format1(infos, List.of(new KpmIndication.Record(values, false)), gran);
    }
    // UE-level styles: one format 1 report per selected UE.
    List<UeReport> ues = new ArrayList<>();
    for (CellInfo c : scope) {
      p.cell(c.id()).ifPresent(r -> ues.addAll(r.ues()));
    }
    List<KpmIndication.UeReport> reports = new ArrayList<>();
    for (UeReport u : ues) {
      if (!selected(u, spec.ues())) {
        continue;
      }
      List<KpmIndication.MeasInfo> infos = new ArrayList<>();
      List<KpmIndication.Value> values = new ArrayList<>();
      for (KpmSubscriptionSpec.Measurement m : spec.measurements()) {
        infos.add(new KpmIndication.MeasInfo(m.name(), m.id(), m.labels()));
        for (KpmLabel l : m.labels()) {
          values.add(of(u.measurements(), m.name()));
        }
      }
      reports.add(new KpmIndication.UeReport(ueId(u.ranUeId()), new KpmIndication.Format1(infos,
          List.of(new KpmIndication.Record(values, false)), gran)));
    }
    if (spec.actionFormat() == 2 && reports.isEmpty()) {
      return null; // the UE is not here (any more)
    }
    return new KpmIndication.Format3(reports);
  }

  private boolean selected(UeReport u, UeSelection sel) {
    if (sel instanceof UeSelection.One one) {
      return sameUe(one.ue(), u.ranUeId());
    }
    if (sel instanceof UeSelection.Listed listed) {
      return listed.ues().stream().anyMatch(id -> sameUe(id, u.ranUeId()));
    }
    if (sel instanceof UeSelection.Matching matching) {
      boolean all = true;
      for (TestCondition t : matching.conditions()) {
        all &= matches(t, u);
      }
      return all;
    }
    return true;
  }

  private static boolean matches(TestCondition t, UeReport u) {
    if (t.type() == TestCondition.Type.S_NSSAI) {
      if (t.expr() == TestCondition.Expr.PRESENT || t.value() == null) {
        return true;
      }
      if (t.value() instanceof Long sst) {
        return u.snssai().sst() == sst;
      }
      if (t.value() instanceof byte[] b && b.length > 0) {
        return u.snssai().sst() == (b[0] & 0xff);
      }
      return false;
    }
    // Conditions on radio quality the node does not track per UE this way are taken as met.
    return true;
  }

  private static KpmIndication.Value value(String name, KpmLabel label, MeasurementReport cell, NodeReport node, boolean nodeLevel) {
    if (label.slice() != null) {
      SliceReport s = cell.slices().stream().filter(x -> x.snssai().sst() == label.slice().sst()).findFirst().orElse(null);
      return s == null ? KpmIndication.NO_VALUE : of(s.measurements(), name);
    }
    if (nodeLevel && node != null && name.startsWith("PEE.")) {
      return of(node.node(), name);
    }
    return of(cell.cell(), name);
  }

  private static KpmIndication.Value of(Measurements m, String name) {
    double v = m.get(name);
    return Double.isNaN(v) ? KpmIndication.NO_VALUE : KpmIndication.of(v);
  }

  private CellInfo cellOf(Ncgi cgi) {
    for (CellInfo c : cells) {
      if (c.nci() == cgi.nci()) {
        return c;
      }
    }
    return null;
  }

  // ---- UE ids: the RAN UE id of the model, carried as a gNB UE id --------------------------

  static final UeId.Guami GUAMI = new UeId.Guami(new Plmn("001", "01"), 1, 1, 1);

  static UeId ueId(long ranUeId) {
    return new UeId.Gnb(ranUeId, GUAMI, ranUeId);
  }

  static boolean sameUe(UeId id, long ranUeId) {
    if (id instanceof UeId.Gnb g) {
      return g.amfUeNgapId() == ranUeId || (g.ranUeId() != null && g.ranUeId() == ranUeId);
    }
    return false;
  }

  // ---- control --------------------------------------------------------------------------

  @Override
  public ControlResult control(E2apMessage.RicControlRequest r) {
    return control.execute(r);
  }

  /** The node's cells by name, for the lab's inventory. */
  public List<CellInfo> cells() {
    return cells;
  }

  public static Function<SliceId, String> sliceNames() {
    return s -> switch (s.sst()) {
      case 1 -> "embb";
      case 2 -> "urllc";
      case 3 -> "miot";
      default -> "sst-" + s.sst();
    };
  }

  static Set<Integer> styles() {
    Set<Integer> s = new LinkedHashSet<>();
    for (int x : REPORT_STYLES) {
      s.add(x);
    }
    return s;
  }
}
