package io.oranric.testbed.lab.load;

import io.oranric.e2.node.E2NodeApplication;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.GlobalNodeId;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.kpm.KpmFunctionSpec;
import io.oranric.e2.sm.kpm.KpmIndication;
import io.oranric.e2.sm.kpm.KpmNodeSide;
import io.oranric.e2.sm.kpm.KpmVersion;
import io.oranric.e2.sm.rc.RcFunctionSpec;
import io.oranric.e2.sm.rc.RcNodeSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lightweight E2 node for load: no radio model, just a real KPM function whose indications carry a
 * realistic format 1 report (seven cell measurements, three slices), and a real RC function that
 * parses each control request and acknowledges it. Thousands fit in one process; each costs what an
 * E2 node costs the termination on the wire.
 */
public final class LoadNode implements E2NodeApplication {
  static final int KPM = 2;
  static final int RC = 3;
  static final List<String> MEASUREMENTS = List.of("DRB.UEThpDl", "DRB.UEThpUl", "DRB.RlcSduDelayDl", "RRU.PrbUsedDl",
      "RRU.PrbUsedUl", "RRU.PrbTotDl", "PEE.AvgPower");
  private static final KpmNodeSide KPM_SIDE = new KpmNodeSide(KpmVersion.KPM3);
  private static final RcNodeSide RC_SIDE = new RcNodeSide();
  private static final List<RanFunction> FUNCTIONS = functions();

  private final GlobalNodeId id;
  private final int index;
  private long counter;

  public LoadNode(int index) {
    this.index = index;
    this.id = GlobalNodeId.gnb(new Plmn("001", "01"), 0x10000 + index, 22);
  }

  private static List<RanFunction> functions() {
    try {
      KpmFunctionSpec kpm = new KpmFunctionSpec("ORAN-E2SM-KPM", KpmVersion.OID_V2, "load generator", null,
          List.of(new KpmFunctionSpec.ReportStyle(1, KpmFunctionSpec.styleName(1), 1, 1, 1, MEASUREMENTS)));
      return List.of(new RanFunction(KPM, 1, kpm.oid(), KPM_SIDE.ranFunctionDefinition(kpm)),
          new RanFunction(RC, 1, RcFunctionSpec.OID, RC_SIDE.ranFunctionDefinition(RcFunctionSpec.controlOnly())));
    } catch (ServiceModelException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public GlobalNodeId nodeId() {
    return id;
  }

  @Override
  public List<RanFunction> ranFunctions() {
    return FUNCTIONS;
  }

  @Override
  public SubscriptionDecision subscribe(E2apMessage.RicSubscriptionRequest r) {
    if (r.ranFunctionId() != KPM || r.actions().isEmpty()) {
      return SubscriptionDecision.refuse(Cause.RAN_FUNCTION_ID_INVALID);
    }
    try {
      long period = KPM_SIDE.parseEventTrigger(r.eventTrigger());
      List<Integer> ids = new ArrayList<>();
      r.actions().forEach(a -> ids.add(a.actionId()));
      return SubscriptionDecision.accept(period, ids, null);
    } catch (ServiceModelException e) {
      return SubscriptionDecision.refuse(e.e2apCause());
    }
  }

  @Override
  public List<Report> report(ActiveSubscription s, long nowMillis) {
    counter++;
    // Values move a little so that nothing downstream could cache them: one of LOAD_STEPS loads.
    int step = (int) ((index * 7 + counter) % LOAD_STEPS);
    try {
      byte[] header = KPM_SIDE.indicationHeader(KpmIndication.Header.at(Instant.ofEpochMilli(nowMillis)));
      byte[] message = MESSAGES.computeIfAbsent(((long) s.periodMillis() << 8) | step, k -> message(step, s.periodMillis()));
      List<Report> out = new ArrayList<>(s.admittedActions().size());
      for (int a : s.admittedActions()) {
        out.add(new Report(a, header, message));
      }
      return out;
    } catch (ServiceModelException e) {
      throw new IllegalStateException(e);
    }
  }

  static final int LOAD_STEPS = 50;
  /**
   * Encoded indication messages by period and load step. The simulated nodes share the machine's cores
   * with the termination they load; encoding the same few messages again for every indication was a
   * twentieth of the CPU at 10,000 indications/s, spent by the simulator, not by what it measures. The
   * bytes on the wire are the same.
   */
  private static final Map<Long, byte[]> MESSAGES = new ConcurrentHashMap<>();

  static byte[] message(int step, long periodMillis) {
    double load = 30 + step;
    List<KpmIndication.Value> values = List.of(KpmIndication.of(50_000 + load * 100), KpmIndication.of(8_000 + load * 10),
        KpmIndication.of(2.5 + load / 20), KpmIndication.of(load), KpmIndication.of(load / 3), KpmIndication.of(load),
        KpmIndication.of(250 + load));
    List<KpmIndication.MeasInfo> infos = MEASUREMENTS.stream().map(KpmIndication.MeasInfo::of).toList();
    try {
      return KPM_SIDE.indicationMessage(new KpmIndication.Format1(infos, List.of(new KpmIndication.Record(values, false)), periodMillis));
    } catch (ServiceModelException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ControlResult control(E2apMessage.RicControlRequest r) {
    try {
      return ControlResult.ok(RC_SIDE.controlOutcome(RC_SIDE.parseControl(r.header(), r.message())));
    } catch (ServiceModelException e) {
      return ControlResult.fail(e.e2apCause());
    }
  }
}
