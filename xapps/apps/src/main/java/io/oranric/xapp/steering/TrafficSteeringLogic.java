package io.oranric.xapp.steering;

import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.Handover;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyType;
import io.oranric.policies.model.TrafficSteering;
import io.oranric.policies.model.TrafficSteering.Preference;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.CellLoad;
import io.oranric.xapp.common.ControlLogic;
import io.oranric.xapp.common.Decision;
import io.oranric.xapp.sdk.KpmSample;
import io.oranric.xapp.sdk.RateLimiter;
import io.oranric.xapp.sdk.Slices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traffic steering by handover. Each UE seen in UE-level KPM is served by the cell of its report.
 * Against the TrafficSteering policies that cover it (UE, slice, serving cell; the stronger policy
 * decides a cell's preference):
 * <ul>
 *   <li>served by a FORBID cell: moved to a neighbour that is not forbidden, preferred first, then
 *       the least loaded;</li>
 *   <li>served by an AVOID cell: moved to a neighbour that is neither avoided nor forbidden when
 *       one is less loaded and under the load limit;</li>
 *   <li>otherwise, when a neighbour is PREFERred and under the load limit and the serving cell is
 *       not itself preferred: moved there.</li>
 * </ul>
 * Ping-pong protection: no UE moves again within {@code ueHold} of its last move, never back to the
 * cell it just left within {@code noReturn}, at most {@code maxPerWindow} handovers per UE per
 * {@code window}; a handover in flight blocks further ones for that UE until the UE shows up in its
 * new cell or {@code pendingTimeout} passes; each source cell hands over at most
 * {@code perCellPerSecond} UEs a second.
 */
public final class TrafficSteeringLogic implements ControlLogic {

  public record Config(Duration ueHold, Duration noReturn, int maxPerWindow, Duration window, Duration pendingTimeout,
      double perCellPerSecond, double loadLimitPct, Duration ueIdle) {
    public static Config defaults() {
      return new Config(Duration.ofSeconds(30), Duration.ofMinutes(2), 3, Duration.ofMinutes(5), Duration.ofSeconds(10), 5,
          80, Duration.ofMinutes(2));
    }
  }

  private static final class Ue {
    String cell;
    String node;
    int sst;
    long seenNs;
    String leftCell;
    long leftAtNs = Long.MIN_VALUE / 2;
    long lastMoveNs = Long.MIN_VALUE / 2;
    final ArrayDeque<Long> handovers = new ArrayDeque<>();
    String pendingTarget;
    long pendingUntilNs;
  }

  private final Config config;
  private final io.oranric.xapp.sdk.TypedPolicies policies;
  private final CellDirectory cells;
  private final Map<String, Ue> ues = new HashMap<>();
  private final Map<String, Double> load = new HashMap<>();
  private final Map<String, RateLimiter> perCell = new HashMap<>();
  private long lastSweepNs;

  public TrafficSteeringLogic(Config config, io.oranric.xapp.sdk.TypedPolicies policies, CellDirectory cells) {
    this.config = config;
    this.policies = policies;
    this.cells = cells;
  }

  @Override
  public List<Decision> onKpm(List<KpmSample> samples, Instant now) {
    long nowNs = nanos(now);
    load.putAll(CellLoad.dlPct(samples));
    Map<String, Long> seen = new LinkedHashMap<>();
    for (KpmSample s : samples) {
      cells.learn(s);
      if (!s.isUeLevel() || s.cellId().isEmpty()) {
        continue;
      }
      Ue u = ues.computeIfAbsent(s.ueId(), k -> new Ue());
      if (u.cell != null && !u.cell.equals(s.cellId())) {
        // moved, by us or by the node's own mobility: either way it just left that cell
        u.leftCell = u.cell;
        u.leftAtNs = nowNs;
        u.lastMoveNs = Math.max(u.lastMoveNs, nowNs);
        u.pendingTarget = null;
      }
      u.cell = s.cellId();
      u.node = s.nodeId();
      if (s.sliceSst() != 0) {
        u.sst = s.sliceSst();
      }
      u.seenNs = nowNs;
      seen.merge(s.ueId(), s.receivedNs(), Math::max);
    }
    List<Decision> out = new ArrayList<>();
    List<Policy> inForce = policies.inForce(PolicyType.TRAFFIC_STEERING, now);
    if (!inForce.isEmpty()) {
      for (var e : seen.entrySet()) {
        decide(e.getKey(), ues.get(e.getKey()), inForce, nowNs, e.getValue(), out);
      }
    }
    if (nowNs - lastSweepNs > config.ueIdle().toNanos()) {
      sweep(nowNs);
    }
    return out;
  }

  @Override
  public void onOutcome(Decision d, ControlOutcome outcome, Instant now) {
    if (outcome.getStatus() != ControlStatus.CONTROL_STATUS_SUCCESS) {
      Ue u = ues.get(d.request().getHandover().getUeId());
      if (u != null) {
        // the attempt still counts against the UE's budget: a cell that keeps refusing is not hammered
        u.pendingTarget = null;
      }
    }
  }

  private void decide(String ueId, Ue u, List<Policy> inForce, long nowNs, long trigger, List<Decision> out) {
    if (u.pendingTarget != null && nowNs < u.pendingUntilNs) {
      return;
    }
    u.pendingTarget = null;
    if (nowNs - u.lastMoveNs < config.ueHold().toNanos()) {
      return;
    }
    long windowStart = nowNs - config.window().toNanos();
    while (!u.handovers.isEmpty() && u.handovers.peekFirst() < windowStart) {
      u.handovers.removeFirst();
    }
    if (u.handovers.size() >= config.maxPerWindow()) {
      return;
    }
    // the effective preference of each cell for this UE: the strongest covering policy that names it
    Map<String, Preference> pref = new HashMap<>();
    Map<String, Policy> why = new HashMap<>();
    for (Policy p : inForce) {
      if (!covers(p, ueId, u)) {
        continue;
      }
      TrafficSteering ts = (TrafficSteering) p.statement();
      for (String c : ts.targetCells()) {
        if (!pref.containsKey(c)) {
          pref.put(c, ts.preference());
          why.put(c, p);
        }
      }
    }
    if (pref.isEmpty()) {
      return;
    }
    Preference here = pref.get(u.cell);
    String target = null;
    Policy policy = null;
    String reason = null;
    if (here == Preference.FORBID) {
      target = best(u, pref, true, Double.POSITIVE_INFINITY, nowNs);
      policy = why.get(u.cell);
      reason = u.cell + " is forbidden";
    } else if (here == Preference.AVOID) {
      target = best(u, pref, false, loadOf(u.cell), nowNs);
      policy = why.get(u.cell);
      reason = u.cell + " is avoided";
    } else if (here != Preference.PREFER) {
      for (String n : cells.neighbours(u.cell)) {
        if (pref.get(n) == Preference.PREFER && allowedTarget(u, n, nowNs) && loadOf(n) < config.loadLimitPct()
            && (target == null || loadOf(n) < loadOf(target))) {
          target = n;
        }
      }
      if (target != null) {
        policy = why.get(target);
        reason = target + " is preferred";
      }
    }
    if (target == null || u.node == null) {
      return;
    }
    RateLimiter limiter = perCell.computeIfAbsent(u.cell, c -> new RateLimiter(config.perCellPerSecond(),
        (int) Math.max(1, Math.ceil(config.perCellPerSecond())), nowNs));
    if (!limiter.tryAcquire(nowNs)) {
      return;
    }
    ControlRequest.Builder r = ControlRequest.newBuilder().setNodeId(u.node)
        .setHandover(Handover.newBuilder().setUeId(ueId).setSourceCellId(u.cell).setTargetCellId(target));
    out.add(Decision.of("ue/" + ueId, r, policy, trigger, "UE " + ueId + " " + u.cell + " -> " + target + ": " + reason));
    u.pendingTarget = target;
    u.pendingUntilNs = nowNs + config.pendingTimeout().toNanos();
    u.lastMoveNs = nowNs;
    u.handovers.addLast(nowNs);
  }

  /** The neighbour to leave for: preferred first, then least loaded; never forbidden, avoided only if forced. */
  private String best(Ue u, Map<String, Preference> pref, boolean forced, double mustBeBelow, long nowNs) {
    String best = null;
    int bestRank = Integer.MAX_VALUE;
    for (String n : cells.neighbours(u.cell)) {
      Preference p = pref.get(n);
      if (p == Preference.FORBID || !allowedTarget(u, n, nowNs)) {
        continue;
      }
      if (p == Preference.AVOID && !forced) {
        continue;
      }
      double l = loadOf(n);
      if (!forced && (l >= config.loadLimitPct() || l >= mustBeBelow)) {
        continue;
      }
      int rank = p == Preference.PREFER ? 0 : p == null ? 1 : 2;
      if (rank < bestRank || (rank == bestRank && l < loadOf(best))) {
        best = n;
        bestRank = rank;
      }
    }
    return best;
  }

  private boolean allowedTarget(Ue u, String cell, long nowNs) {
    return !(cell.equals(u.leftCell) && nowNs - u.leftAtNs < config.noReturn().toNanos());
  }

  private boolean covers(Policy p, String ueId, Ue u) {
    var scope = p.scope();
    if (!scope.ues().isEmpty() && !scope.ues().contains(ueId)) {
      return false;
    }
    if (scope.slice() != null && Slices.sst(scope.slice()) != u.sst) {
      return false;
    }
    return cells.covers(scope, u.cell);
  }

  private double loadOf(String cell) {
    Double l = cell == null ? null : load.get(cell);
    return l == null ? 0 : l;
  }

  private void sweep(long nowNs) {
    lastSweepNs = nowNs;
    long idle = config.ueIdle().toNanos();
    for (Iterator<Ue> it = ues.values().iterator(); it.hasNext(); ) {
      Ue u = it.next();
      // a UE gone for long is forgotten, but only once its ping-pong guards have run out
      if (nowNs - u.seenNs > idle && nowNs - u.lastMoveNs > config.window().toNanos()) {
        it.remove();
      }
    }
  }

  /** The cell a UE was last seen in, or null. */
  public String servingCell(String ue) {
    Ue u = ues.get(ue);
    return u == null ? null : u.cell;
  }

  public int trackedUes() {
    return ues.size();
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
