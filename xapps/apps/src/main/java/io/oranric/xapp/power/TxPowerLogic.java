package io.oranric.xapp.power;

import io.oranric.contract.v1.CccConfiguration;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.SectorCarrier;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyType;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.validation.SafetyEnvelope;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.ControlLogic;
import io.oranric.xapp.common.Decision;
import io.oranric.xapp.common.KpmNames;
import io.oranric.xapp.kpm.KpmWindows;
import io.oranric.xapp.kpm.KpmWindows.Key;
import io.oranric.xapp.sdk.KpmSample;
import io.oranric.xapp.sdk.TypedPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TX power. The strongest TxPower policy in force for a cell sets a target: {@code maxTxPowerDbm},
 * or {@code deltaDb} from the power the cell had when that policy version first applied. The target
 * is clamped to the safety envelope and approached in steps of at most {@code stepDb} (never more
 * than the envelope's per-change bound), one step per {@code stepInterval} once the previous one
 * was acknowledged. When no policy covers a cell any more, it steps back to the power it had before
 * the first policy.
 *
 * <p>A raise is held while a neighbour's DL throughput fell by more than {@code degradePct} percent,
 * or its SS-SINR by more than {@code degradeSinrDb}, against its level when the previous raise was
 * made (or, before the first raise, against its own mean over the window): more power here is
 * interference there. Lowering power is always allowed.
 *
 * <p>The current power comes from the cell's CARR.MaxTxPwr reports, from acknowledged changes, or
 * from the inventory; without any of them the cell is left alone.
 */
public final class TxPowerLogic implements ControlLogic {

  public record Config(double stepDb, Duration stepInterval, double degradePct, double degradeSinrDb,
      Duration recent, Duration window, SafetyEnvelope envelope) {
    public static Config defaults() {
      return new Config(3, Duration.ofSeconds(5), 10, 1.0, Duration.ofSeconds(5), Duration.ofSeconds(60), SafetyEnvelope.labDefaults());
    }
  }

  private static final class Cell {
    double current = Double.NaN;
    double original = Double.NaN;
    String baselineFor;
    double baseline;
    long lastStepNs = Long.MIN_VALUE / 2;
    boolean pending;
    Policy policy;
    Map<String, double[]> snapshot;
    String held;
  }

  private final Config config;
  private final TypedPolicies policies;
  private final CellDirectory cells;
  private final KpmWindows windows;
  private final Map<String, Cell> state = new HashMap<>();

  public TxPowerLogic(Config config, TypedPolicies policies, CellDirectory cells) {
    this.config = config;
    this.policies = policies;
    this.cells = cells;
    this.windows = new KpmWindows(config.window().toNanos(), 256);
  }

  @Override
  public List<Decision> onKpm(List<KpmSample> samples, Instant now) {
    long nowNs = nanos(now);
    Map<String, Long> triggers = new HashMap<>();
    for (KpmSample s : samples) {
      cells.learn(s);
      if (!s.isCellLevel() || s.cellId().isEmpty()) {
        continue;
      }
      triggers.merge(s.cellId(), s.receivedNs(), Math::max);
      switch (s.name()) {
        case KpmNames.THP_DL, KpmNames.SS_SINR -> windows.add(s, nowNs);
        case KpmNames.MAX_TX_PWR -> {
          Cell c = cell(s.cellId());
          if (!c.pending) {
            c.current = s.value();
          }
        }
        default -> {
        }
      }
    }
    List<Decision> out = new ArrayList<>();
    List<Policy> inForce = policies.inForce(PolicyType.TX_POWER, now);
    for (var e : triggers.entrySet()) {
      evaluate(e.getKey(), inForce, nowNs, e.getValue(), out);
    }
    return out;
  }

  @Override
  public List<Decision> onTick(Instant now) {
    windows.evictIdle(nanos(now));
    return List.of();
  }

  @Override
  public void onOutcome(Decision d, ControlOutcome outcome, Instant now) {
    Cell c = state.get(d.request().getCcc().getCellId());
    if (c == null) {
      return;
    }
    c.pending = false;
    if (outcome.getStatus() == ControlStatus.CONTROL_STATUS_SUCCESS) {
      c.current = d.request().getCcc().getSectorCarrier().getConfiguredMaxTxPowerDbm();
    }
  }

  private void evaluate(String cellId, List<Policy> inForce, long nowNs, long trigger, List<Decision> out) {
    Cell c = cell(cellId);
    if (Double.isNaN(c.current)) {
      var info = cells.info(cellId);
      if (info == null || info.txPowerDbm() == null) {
        return;
      }
      c.current = info.txPowerDbm();
    }
    Policy p = null;
    for (Policy candidate : inForce) {
      if (cells.covers(candidate.scope(), cellId)) {
        p = candidate;
        break;
      }
    }
    double target;
    if (p != null) {
      if (Double.isNaN(c.original)) {
        c.original = c.current;
      }
      TxPower tx = (TxPower) p.statement();
      if (tx.maxTxPowerDbm() != null) {
        target = tx.maxTxPowerDbm();
      } else {
        String version = p.policyId() + " v" + p.version();
        if (!version.equals(c.baselineFor)) {
          c.baselineFor = version;
          c.baseline = c.current;
        }
        target = c.baseline + tx.deltaDb();
      }
      c.policy = p;
    } else if (!Double.isNaN(c.original)) {
      target = c.original;
    } else {
      return;
    }
    target = Math.max(config.envelope().minTxPowerDbm(), Math.min(config.envelope().maxTxPowerDbm(), target));
    double gap = target - c.current;
    if (Math.abs(gap) < 0.05) {
      if (p == null) {
        // back where it was before any policy: nothing of ours is left on this cell
        c.original = Double.NaN;
        c.baselineFor = null;
        c.policy = null;
      }
      return;
    }
    if (c.pending || nowNs - c.lastStepNs < config.stepInterval().toNanos()) {
      return;
    }
    double maxStep = Math.min(config.stepDb(), config.envelope().maxTxPowerStepDb());
    double step = Math.max(-maxStep, Math.min(maxStep, gap));
    String node = cells.nodeOf(cellId);
    if (node == null) {
      return;
    }
    if (step > 0) {
      String degraded = degradedNeighbour(cellId, c, nowNs);
      if (degraded != null) {
        c.held = degraded;
        return;
      }
      c.snapshot = neighbourLevels(cellId, nowNs, nowNs - config.recent().toNanos());
    }
    c.held = null;
    double next = Math.round((c.current + step) * 10) / 10.0;
    ControlRequest.Builder r = ControlRequest.newBuilder().setNodeId(node).setCcc(CccConfiguration.newBuilder().setCellId(cellId)
        .setSectorCarrier(SectorCarrier.newBuilder().setConfiguredMaxTxPowerDbm(next)));
    out.add(Decision.of(cellId + "/tx-power", r, p != null ? p : c.policy, trigger, String.format("%s TX power %.1f -> %.1f dBm (target %.1f%s)",
        cellId, c.current, next, target, p == null ? ", policy ended: back to the original" : "")));
    c.pending = true;
    c.lastStepNs = nowNs;
  }

  /** A neighbour whose throughput or SINR fell since the last raise, or null. */
  private String degradedNeighbour(String cellId, Cell c, long nowNs) {
    long recentFrom = nowNs - config.recent().toNanos();
    Map<String, double[]> reference = c.snapshot;
    if (reference == null) {
      // no raise yet: compare each neighbour's recent level with its level over the whole window
      reference = neighbourLevels(cellId, nowNs, Long.MIN_VALUE);
    }
    // the neighbours' recent level, counting only what they reported after the last raise
    long after = c.snapshot != null ? Math.max(c.lastStepNs, recentFrom) : recentFrom;
    Map<String, double[]> nowLevels = neighbourLevels(cellId, nowNs, after);
    for (var e : nowLevels.entrySet()) {
      double[] ref = reference.get(e.getKey());
      double[] cur = e.getValue();
      if (ref == null) {
        continue;
      }
      if (!Double.isNaN(ref[0]) && !Double.isNaN(cur[0]) && cur[0] < ref[0] * (1 - config.degradePct() / 100)) {
        return String.format("%s DL throughput %.0f -> %.0f kbps", e.getKey(), ref[0], cur[0]);
      }
      if (!Double.isNaN(ref[1]) && !Double.isNaN(cur[1]) && cur[1] < ref[1] - config.degradeSinrDb()) {
        return String.format("%s SINR %.1f -> %.1f dB", e.getKey(), ref[1], cur[1]);
      }
    }
    return null;
  }

  private Map<String, double[]> neighbourLevels(String cellId, long nowNs, long afterNs) {
    Map<String, double[]> out = new HashMap<>();
    for (String n : cells.neighbours(cellId)) {
      out.put(n, new double[] {windows.meanAfter(Key.cell(n, KpmNames.THP_DL), afterNs, nowNs),
          windows.meanAfter(Key.cell(n, KpmNames.SS_SINR), afterNs, nowNs)});
    }
    return out;
  }

  private Cell cell(String id) {
    return state.computeIfAbsent(id, k -> new Cell());
  }

  /** The last known TX power of a cell, NaN when unknown. */
  public double current(String cell) {
    Cell c = state.get(cell);
    return c == null ? Double.NaN : c.current;
  }

  /** Why the last raise of a cell was held back, or null. */
  public String held(String cell) {
    Cell c = state.get(cell);
    return c == null ? null : c.held;
  }

  public Set<String> cells() {
    return new LinkedHashSet<>(state.keySet());
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
