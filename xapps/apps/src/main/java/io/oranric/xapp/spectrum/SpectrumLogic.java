package io.oranric.xapp.spectrum;

import io.oranric.contract.v1.Bwp;
import io.oranric.contract.v1.CccConfiguration;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.SectorCarrier;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyType;
import io.oranric.policies.model.Spectrum;
import io.oranric.policies.validation.SafetyEnvelope;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.ControlLogic;
import io.oranric.xapp.common.Decision;
import io.oranric.xapp.sdk.KpmSample;
import io.oranric.xapp.sdk.TypedPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spectrum. The strongest Spectrum policy in force for a cell sets its carrier (channel bandwidth and
 * DL ARFCN, one O-NRSectorCarrier change) and its active bandwidth part (one O-BWP change) through
 * E2SM-CCC. A carrier change drops every UE of the cell, so each cell changes at most once per
 * {@code minInterval}, and only to values inside the safety envelope (re-checked here: a policy that
 * slipped past validation still never reaches the node).
 *
 * <p>What was applied is known from acknowledgements; after a restart the xApp sends its settings
 * once more (they are absolute, so sending them again is harmless). A policy that ends leaves the
 * carrier as it is: the original configuration belongs to the node's management plane.
 */
public final class SpectrumLogic implements ControlLogic {

  public record Config(Duration minInterval, SafetyEnvelope envelope) {
    public static Config defaults() {
      return new Config(Duration.ofSeconds(60), SafetyEnvelope.labDefaults());
    }
  }

  /** Highest NR-ARFCN of TS 38.104 (global frequency raster). */
  static final long MAX_NR_ARFCN = 3_279_165;

  private static final class Cell {
    Double bandwidth;
    Long arfcn;
    Integer bwp;
    long lastChangeNs = Long.MIN_VALUE / 2;
    boolean carrierPending;
    boolean bwpPending;
    String rejected;
  }

  private final Config config;
  private final TypedPolicies policies;
  private final CellDirectory cells;
  private final Map<String, Cell> state = new HashMap<>();

  public SpectrumLogic(Config config, TypedPolicies policies, CellDirectory cells) {
    this.config = config;
    this.policies = policies;
    this.cells = cells;
  }

  @Override
  public List<Decision> onKpm(List<KpmSample> samples, Instant now) {
    Map<String, Long> triggers = new HashMap<>();
    for (KpmSample s : samples) {
      cells.learn(s);
      if (!s.cellId().isEmpty()) {
        triggers.merge(s.cellId(), s.receivedNs(), Math::max);
      }
    }
    List<Policy> inForce = policies.inForce(PolicyType.SPECTRUM, now);
    List<Decision> out = new ArrayList<>();
    if (inForce.isEmpty()) {
      return out;
    }
    long nowNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    for (var e : triggers.entrySet()) {
      evaluate(e.getKey(), inForce, nowNs, e.getValue(), out);
    }
    return out;
  }

  @Override
  public void onOutcome(Decision d, ControlOutcome outcome, Instant now) {
    CccConfiguration ccc = d.request().getCcc();
    Cell c = state.get(ccc.getCellId());
    if (c == null) {
      return;
    }
    boolean ok = outcome.getStatus() == ControlStatus.CONTROL_STATUS_SUCCESS;
    if (ccc.hasSectorCarrier()) {
      c.carrierPending = false;
      if (ok) {
        SectorCarrier sc = ccc.getSectorCarrier();
        if (sc.hasBsChannelBwDlMhz()) {
          c.bandwidth = (double) sc.getBsChannelBwDlMhz();
        }
        if (sc.hasArfcnDl()) {
          c.arfcn = (long) sc.getArfcnDl();
        }
      }
    } else if (ccc.hasBwp()) {
      c.bwpPending = false;
      if (ok) {
        c.bwp = ccc.getBwp().getBwpId();
      }
    }
  }

  private void evaluate(String cellId, List<Policy> inForce, long nowNs, long trigger, List<Decision> out) {
    Policy p = null;
    for (Policy candidate : inForce) {
      if (cells.covers(candidate.scope(), cellId)) {
        p = candidate;
        break;
      }
    }
    String node = cells.nodeOf(cellId);
    if (p == null || node == null) {
      return;
    }
    Spectrum s = (Spectrum) p.statement();
    Cell c = state.computeIfAbsent(cellId, k -> new Cell());
    if (nowNs - c.lastChangeNs < config.minInterval().toNanos()) {
      return;
    }
    String invalid = invalid(s);
    if (invalid != null) {
      c.rejected = invalid;
      return;
    }
    boolean bwChange = s.bandwidthMHz() != null && !Objects.equals(s.bandwidthMHz(), c.bandwidth);
    boolean arfcnChange = s.arfcnDl() != null && !Objects.equals(s.arfcnDl(), c.arfcn);
    if ((bwChange || arfcnChange) && !c.carrierPending) {
      SectorCarrier.Builder sc = SectorCarrier.newBuilder();
      if (s.bandwidthMHz() != null) {
        sc.setBsChannelBwDlMhz((int) Math.round(s.bandwidthMHz()));
      }
      if (s.arfcnDl() != null) {
        sc.setArfcnDl((int) (long) s.arfcnDl());
      }
      out.add(Decision.of(cellId + "/carrier", ControlRequest.newBuilder().setNodeId(node)
          .setCcc(CccConfiguration.newBuilder().setCellId(cellId).setSectorCarrier(sc)), p, trigger,
          cellId + " carrier" + (s.bandwidthMHz() != null ? " " + fmt(s.bandwidthMHz()) + " MHz" : "")
              + (s.arfcnDl() != null ? " ARFCN " + s.arfcnDl() : "")));
      c.carrierPending = true;
      c.lastChangeNs = nowNs;
    }
    if (s.bwpId() != null && !Objects.equals(s.bwpId(), c.bwp) && !c.bwpPending) {
      out.add(Decision.of(cellId + "/bwp", ControlRequest.newBuilder().setNodeId(node)
          .setCcc(CccConfiguration.newBuilder().setCellId(cellId).setBwp(Bwp.newBuilder().setBwpId(s.bwpId()))), p, trigger,
          cellId + " active BWP " + s.bwpId()));
      c.bwpPending = true;
      c.lastChangeNs = nowNs;
    }
  }

  private String invalid(Spectrum s) {
    if (s.bandwidthMHz() != null && !config.envelope().allowedBandwidthsMHz().contains(s.bandwidthMHz())) {
      return "bandwidthMHz " + fmt(s.bandwidthMHz()) + " not one of " + config.envelope().allowedBandwidthsMHz();
    }
    if (s.arfcnDl() != null && (s.arfcnDl() < 0 || s.arfcnDl() > MAX_NR_ARFCN)) {
      return "arfcnDl " + s.arfcnDl() + " outside 0.." + MAX_NR_ARFCN;
    }
    if (s.bwpId() != null && (s.bwpId() < 0 || s.bwpId() > 4)) {
      return "bwpId " + s.bwpId() + " outside 0..4";
    }
    return null;
  }

  /** Why the policy of a cell was not applied, or null. */
  public String rejected(String cell) {
    Cell c = state.get(cell);
    return c == null ? null : c.rejected;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
