package io.oranric.xapp.energy;

import io.oranric.contract.v1.CccConfiguration;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.EnergySaving.Mode;
import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyType;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.CellLoad;
import io.oranric.xapp.common.ControlLogic;
import io.oranric.xapp.common.Decision;
import io.oranric.xapp.common.KpmNames;
import io.oranric.xapp.kpm.KpmWindows;
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
 * Energy saving. A cell under an EnergySaving policy in force (validity and daily window in the
 * network's zone) goes to SLEEP, or REDUCE_POWER, after its DL PRB load stayed below
 * {@code whenLoadBelowPct} for {@code sleepHold}, provided it has been awake for {@code minAwake}.
 * A sleep never leaves a coverage area of the inventory without an awake cell, and the cells that
 * stay awake must be able to absorb the load (their mean after the move under {@code absorbLimitPct}).
 * A cell in no coverage area has nothing to stand in for it and never sleeps.
 *
 * <p>It wakes when its policy is no longer in force, or when load returns: the awake cells of one of
 * its areas (or the cell itself, under REDUCE_POWER) above threshold + {@code wakeMarginPct} for
 * {@code wakeHold}, once it slept {@code minSleep}. The gap between the two thresholds and the hold
 * times are the hysteresis that keeps a cell from flapping.
 *
 * <p>State survives restarts through KPM: a cell that reports no available PRBs is asleep.
 */
public final class EnergySavingLogic implements ControlLogic {

  public record Config(Duration sleepHold, Duration wakeHold, Duration minSleep, Duration minAwake,
      Duration retryInterval, double wakeMarginPct, double absorbLimitPct, Duration loadWindow, boolean allowCoverageLoss) {
    public static Config defaults() {
      return new Config(Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofMinutes(2),
          Duration.ofSeconds(10), 15, 70, Duration.ofSeconds(60), false);
    }
  }

  public enum State { AWAKE, SLEEPING, REDUCED }

  private static final String LOAD = "load.dl.pct";

  private static final class Cell {
    State state = State.AWAKE;
    long sinceNs = Long.MIN_VALUE / 2;
    long belowSinceNs = -1;
    long wakeSignalSinceNs = -1;
    long lastControlNs = Long.MIN_VALUE / 2;
    long pendingUntilNs;
    Policy policy;
  }

  private final Config config;
  private final TypedPolicies policies;
  private final CellDirectory cells;
  private final KpmWindows windows;
  private final Map<String, Cell> state = new HashMap<>();

  public EnergySavingLogic(Config config, TypedPolicies policies, CellDirectory cells) {
    this.config = config;
    this.policies = policies;
    this.cells = cells;
    this.windows = new KpmWindows(config.loadWindow().toNanos(), 512);
  }

  @Override
  public List<Decision> onKpm(List<KpmSample> samples, Instant now) {
    long nowNs = nanos(now);
    Map<String, Long> triggers = new HashMap<>();
    for (KpmSample s : samples) {
      cells.learn(s);
      if (s.isCellLevel() && !s.cellId().isEmpty()) {
        triggers.merge(s.cellId(), s.receivedNs(), Math::max);
        if (s.name().equals(KpmNames.PRB_AVAIL_DL)) {
          observe(s.cellId(), s.value() > 0, nowNs);
        }
      }
    }
    for (var e : CellLoad.dlPct(samples).entrySet()) {
      windows.add(KpmWindows.Key.cell(e.getKey(), LOAD), cells.nodeOf(e.getKey()), e.getValue(), nowNs);
    }
    List<Decision> out = new ArrayList<>();
    List<Policy> inForce = policies.inForce(PolicyType.ENERGY_SAVING, now);
    for (var e : triggers.entrySet()) {
      evaluate(e.getKey(), inForce, nowNs, e.getValue(), out);
    }
    // sleeping cells do not report: give them their chance to wake with every batch
    for (var e : state.entrySet()) {
      if (e.getValue().state != State.AWAKE && !triggers.containsKey(e.getKey())) {
        evaluate(e.getKey(), inForce, nowNs, 0, out);
      }
    }
    return out;
  }

  @Override
  public List<Decision> onTick(Instant now) {
    long nowNs = nanos(now);
    windows.evictIdle(nowNs);
    List<Decision> out = new ArrayList<>();
    List<Policy> inForce = policies.inForce(PolicyType.ENERGY_SAVING, now);
    for (String cell : List.copyOf(state.keySet())) {
      if (state.get(cell).state != State.AWAKE) {
        evaluate(cell, inForce, nowNs, 0, out);
      }
    }
    return out;
  }

  @Override
  public void onOutcome(Decision d, ControlOutcome outcome, Instant now) {
    if (outcome.getStatus() == ControlStatus.CONTROL_STATUS_SUCCESS) {
      return;
    }
    Cell c = state.get(d.request().getCcc().getCellId());
    if (c == null) {
      return;
    }
    Mode mode = d.request().getCcc().getEnergySaving().getMode();
    if (mode == Mode.MODE_SLEEP || mode == Mode.MODE_REDUCE_POWER) {
      // it did not happen: the cell is awake, and its load must prove itself again
      c.state = State.AWAKE;
      c.belowSinceNs = -1;
      c.pendingUntilNs = 0;
    }
  }

  /** What the node's own reports say, unless we just changed it and the reports lag. */
  private void observe(String cell, boolean hasPrbs, long nowNs) {
    Cell c = state.computeIfAbsent(cell, k -> new Cell());
    if (nowNs < c.pendingUntilNs) {
      return;
    }
    if (!hasPrbs && c.state == State.AWAKE) {
      c.state = State.SLEEPING;
      c.sinceNs = nowNs;
    } else if (hasPrbs && c.state == State.SLEEPING) {
      c.state = State.AWAKE;
      c.sinceNs = nowNs;
      c.belowSinceNs = -1;
    }
  }

  private void evaluate(String cell, List<Policy> inForce, long nowNs, long trigger, List<Decision> out) {
    Cell c = state.computeIfAbsent(cell, k -> new Cell());
    Policy p = null;
    for (Policy candidate : inForce) {
      if (cells.covers(candidate.scope(), cell)) {
        p = candidate;
        break;
      }
    }
    String node = cells.nodeOf(cell);
    if (node == null) {
      return;
    }
    double load = windows.last(KpmWindows.Key.cell(cell, LOAD), nowNs);
    if (c.state == State.AWAKE) {
      if (p == null) {
        c.belowSinceNs = -1;
        return;
      }
      EnergySaving es = (EnergySaving) p.statement();
      double threshold = es.whenLoadBelowPct() == null ? Double.POSITIVE_INFINITY : es.whenLoadBelowPct();
      if (Double.isNaN(load) || load >= threshold) {
        c.belowSinceNs = -1;
        return;
      }
      if (c.belowSinceNs < 0) {
        c.belowSinceNs = nowNs;
      }
      double mean = windows.aggregate(KpmWindows.Key.cell(cell, LOAD), nowNs).mean();
      if (nowNs - c.belowSinceNs < config.sleepHold().toNanos() || mean >= threshold
          || nowNs - c.sinceNs < config.minAwake().toNanos() || nowNs - c.lastControlNs < config.retryInterval().toNanos()) {
        return;
      }
      if (es.mode() == EnergySaving.Mode.SLEEP) {
        String blocker = coverageBlocker(cell, mean, es.keepCoverage(), nowNs);
        if (blocker != null) {
          return;
        }
        out.add(decision(node, cell, Mode.MODE_SLEEP, p, trigger, String.format("load %.1f %% below %.1f %% for %d s",
            mean, threshold, (nowNs - c.belowSinceNs) / 1_000_000_000L)));
        c.state = State.SLEEPING;
      } else {
        out.add(decision(node, cell, Mode.MODE_REDUCE_POWER, p, trigger, String.format("load %.1f %% below %.1f %%", mean, threshold)));
        c.state = State.REDUCED;
      }
      c.policy = p;
      c.sinceNs = nowNs;
      c.lastControlNs = nowNs;
      c.pendingUntilNs = nowNs + config.retryInterval().toNanos();
      c.wakeSignalSinceNs = -1;
      return;
    }

    // asleep or reduced: wake when the policy ended or the load came back
    String why = null;
    if (p == null) {
      why = "energy saving policy no longer in force";
    } else {
      EnergySaving es = (EnergySaving) p.statement();
      double wakeAt = es.whenLoadBelowPct() == null ? Double.POSITIVE_INFINITY : es.whenLoadBelowPct() + config.wakeMarginPct();
      double demand = c.state == State.SLEEPING ? Math.max(areaLoad(cell, nowNs), nanToZero(load)) : nanToZero(load);
      if (demand > wakeAt) {
        if (c.wakeSignalSinceNs < 0) {
          c.wakeSignalSinceNs = nowNs;
        }
        if (nowNs - c.wakeSignalSinceNs >= config.wakeHold().toNanos() && nowNs - c.sinceNs >= config.minSleep().toNanos()) {
          why = String.format("load back: %.1f %% above %.1f %% for %d s", demand, wakeAt,
              (nowNs - c.wakeSignalSinceNs) / 1_000_000_000L);
        }
      } else {
        c.wakeSignalSinceNs = -1;
      }
    }
    if (why != null && nowNs - c.lastControlNs >= config.retryInterval().toNanos()) {
      out.add(decision(node, cell, Mode.MODE_WAKE, p != null ? p : c.policy, trigger, why));
      c.state = State.AWAKE;
      c.sinceNs = nowNs;
      c.lastControlNs = nowNs;
      c.pendingUntilNs = nowNs + config.retryInterval().toNanos();
      c.belowSinceNs = -1;
      c.wakeSignalSinceNs = -1;
    }
  }

  /**
   * Why the cell may not sleep now, or null: an area it belongs to would have no awake cell left, or
   * the cells left awake could not take its load.
   */
  String coverageBlocker(String cell, double cellLoad, boolean keepCoverage, long nowNs) {
    if (config.allowCoverageLoss() && !keepCoverage) {
      return null;
    }
    var inventory = cells.inventory();
    boolean inAnyArea = false;
    if (inventory != null) {
      for (var area : inventory.coverageAreas().entrySet()) {
        if (!area.getValue().contains(cell)) {
          continue;
        }
        inAnyArea = true;
        double sum = Math.max(0, cellLoad);
        int awake = 0;
        for (String other : area.getValue()) {
          if (!other.equals(cell) && isAwake(other)) {
            awake++;
            sum += nanToZero(windows.last(KpmWindows.Key.cell(other, LOAD), nowNs));
          }
        }
        if (awake == 0) {
          return "last awake cell of " + area.getKey();
        }
        if (sum / awake > config.absorbLimitPct()) {
          return "the rest of " + area.getKey() + " cannot take its load";
        }
      }
    }
    return inAnyArea ? null : "in no coverage area";
  }

  private double areaLoad(String cell, long nowNs) {
    double max = 0;
    var inventory = cells.inventory();
    if (inventory == null) {
      return 0;
    }
    for (Set<String> area : inventory.coverageAreas().values()) {
      if (!area.contains(cell)) {
        continue;
      }
      double sum = 0;
      int n = 0;
      for (String other : area) {
        if (!other.equals(cell) && isAwake(other)) {
          double v = windows.last(KpmWindows.Key.cell(other, LOAD), nowNs);
          if (!Double.isNaN(v)) {
            sum += v;
            n++;
          }
        }
      }
      if (n > 0) {
        max = Math.max(max, sum / n);
      }
    }
    return max;
  }

  private boolean isAwake(String cell) {
    Cell c = state.get(cell);
    return c == null || c.state != State.SLEEPING;
  }

  private Decision decision(String node, String cell, Mode mode, Policy p, long trigger, String why) {
    ControlRequest.Builder r = ControlRequest.newBuilder().setNodeId(node).setCcc(CccConfiguration.newBuilder()
        .setCellId(cell).setEnergySaving(io.oranric.contract.v1.EnergySaving.newBuilder().setMode(mode)));
    return Decision.of(cell + "/cell-state", r, p, trigger, cell + " " + mode.name().replace("MODE_", "") + ": " + why);
  }

  public State state(String cell) {
    Cell c = state.get(cell);
    return c == null ? State.AWAKE : c.state;
  }

  public Set<String> sleeping() {
    Set<String> out = new LinkedHashSet<>();
    state.forEach((k, v) -> {
      if (v.state == State.SLEEPING) {
        out.add(k);
      }
    });
    return out;
  }

  private static double nanToZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
