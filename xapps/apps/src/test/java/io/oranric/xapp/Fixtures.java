package io.oranric.xapp;

import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.Measurement;
import io.oranric.contract.v1.MeasurementScope;
import io.oranric.contract.v1.PolicyRecord;
import io.oranric.contract.v1.Snssai;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import io.oranric.policies.validation.CellInfo;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.xapp.sdk.KpmSample;
import io.oranric.xapp.sdk.PolicyView;
import io.oranric.xapp.sdk.TypedPolicies;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared test data: the lab inventory, policies as the store writes them, KPM samples. */
public final class Fixtures {
  public static final ZoneId ZONE = ZoneOffset.UTC;
  public static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

  private Fixtures() {}

  /**
   * The lab layout (a ring of two-cell coverage areas). Two cells are built here: the policy
   * module's lab(2) trips over the ring closing on itself (both neighbours are the same cell).
   */
  public static NetworkInventory lab(int cells) {
    if (cells == 2) {
      return new NetworkInventory(Map.of(
          "cell-1", new CellInfo("cell-1", "gnb-1", 800, 200, null, Set.of("cell-2")),
          "cell-2", new CellInfo("cell-2", "gnb-2", 800, 200, null, Set.of("cell-1"))),
          Set.of("gnb-1", "gnb-2"), Set.of("embb", "urllc", "miot"), Map.of("area-1-2", Set.of("cell-1", "cell-2")), ZONE);
    }
    return NetworkInventory.lab(cells, ZONE);
  }

  /** A store record around a policy written in the contract's JSON, ACTIVE unless the JSON says otherwise. */
  public static PolicyRecord record(String json) {
    Policy p = PolicyJson.read(json);
    String status = json.contains("\"status\"") ? p.status().name() : "ACTIVE";
    return PolicyRecord.newBuilder().setPolicyId(p.policyId()).setVersion(p.version()).setType(p.type().wireName())
        .setStatus(status).setPolicyJson(json).setPriority(p.priority()).build();
  }

  /** A detached store with the given policies (JSON) already in it. */
  public static final class Store {
    public final PolicyView view = PolicyView.detached();
    public final TypedPolicies typed = TypedPolicies.over(view, ZONE);

    public Store put(String json) {
      PolicyRecord r = record(json);
      view.apply(r.getPolicyId(), r);
      return this;
    }

    public Store remove(String policyId) {
      view.apply(policyId, null);
      return this;
    }
  }

  public static KpmSample cell(String cell, String name, double v) {
    return new KpmSample(node(cell), cell, 0, "", name, v, 0, 1);
  }

  public static KpmSample slice(String cell, int sst, String name, double v) {
    return new KpmSample(node(cell), cell, sst, "", name, v, 0, 1);
  }

  public static KpmSample ue(String cell, String ue, int sst, String name, double v) {
    return new KpmSample(node(cell), cell, sst, ue, name, v, 0, 1);
  }

  /** cell-7 is served by gnb-7, as in the lab layout. */
  public static String node(String cell) {
    return "gnb-" + cell.substring(cell.indexOf('-') + 1);
  }

  /** A KPM report as the termination publishes it. */
  public static KpmReport report(String node, long receivedNs, List<KpmSample> samples) {
    KpmReport.Builder b = KpmReport.newBuilder().setNodeId(node).setReceivedNs(receivedNs);
    for (KpmSample s : samples) {
      MeasurementScope.Builder scope = MeasurementScope.newBuilder().setCellId(s.cellId()).setUeId(s.ueId());
      if (s.sliceSst() != 0) {
        scope.setSlice(Snssai.newBuilder().setSst(s.sliceSst()));
      }
      b.addMeasurements(Measurement.newBuilder().setName(s.name()).setReal(s.value()).setScope(scope));
    }
    return b.build();
  }

  public static List<KpmSample> list(KpmSample... s) {
    return new ArrayList<>(List.of(s));
  }
}
