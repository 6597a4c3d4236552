package io.oranric.xapp.slice;

import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.SlicePrbQuota;
import io.oranric.contract.v1.SliceQuota;
import io.oranric.contract.v1.Snssai;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyType;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.validation.CellInfo;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.ControlLogic;
import io.oranric.xapp.common.Decision;
import io.oranric.xapp.common.KpmNames;
import io.oranric.xapp.kpm.KpmWindows;
import io.oranric.xapp.kpm.KpmWindows.Key;
import io.oranric.xapp.sdk.KpmSample;
import io.oranric.xapp.sdk.Slices;
import io.oranric.xapp.sdk.TypedPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Slice SLA enforcement. Every control period and for every cell that reports, each slice with a
 * SliceSla in force gets a guaranteed PRB share from its own {@link SlaController}, fed by the
 * slice's measured DL/UL throughput, DL delay and DL drop rate since the previous period. PrbQuota
 * policies are applied as they are, and bound the controller where both cover a slice (floor,
 * ceiling, dedicated part). The floors of one cell never add up to more than its budget: slices
 * are served in policy priority order and a trimmed loop continues from what it got.
 *
 * <p>One E2SM-RC "slice-level PRB quota" request per (cell, slice) that changed by at least
 * {@code minChangePct}, so each request names the one policy behind it (the conflict guard
 * arbitrates by that policy's priority). A slice whose policy ended gets the neutral quota
 * (0 / 100 / 0) once.
 */
public final class SliceSlaLogic implements ControlLogic {

  /**
   * @param headroom set-points sit this fraction inside the targets (latency 0.9 × max, throughput
   *     1.1 × guaranteed): the loop stops raising before the SLA line, not on it
   * @param releaseMargin comfortable when latency and loss are below this fraction of their limit and
   *     throughput is above its inverse times the guarantee
   * @param initialLatencySharePct starting share of a slice whose SLA has no throughput target
   * @param feedForwardMargin the starting share of a throughput target: guarantee over cell peak, times this
   * @param dedicatedFraction part of the guaranteed share made dedicated for latency-bound slices
   */
  public record Config(Duration period, Duration window, SlaController.Gains gains, double headroom,
      double releaseMargin, double initialLatencySharePct, double feedForwardMargin, double capSharePct,
      double dedicatedFraction, double cellBudgetPct, double minChangePct) {
    public static Config defaults() {
      return new Config(Duration.ofSeconds(1), Duration.ofSeconds(30), SlaController.Gains.defaults(), 0.1, 0.6,
          10, 1.2, 80, 0.5, 100, 2);
    }
  }

  /** One slice's quota as sent: percent values as the E2SM-RC message carries them. */
  public record Quota(int min, int max, int dedicated) {
    static final Quota NEUTRAL = new Quota(0, 100, 0);

    boolean differsFrom(Quota o, double by) {
      return o == null || Math.abs(min - o.min) >= by || Math.abs(max - o.max) >= by
          || Math.abs(dedicated - o.dedicated) >= by || (o.min == 0) != (min == 0);
    }
  }

  private static final class SliceState {
    SlaController controller;
    Quota sent;
    String sentPolicy;
    Policy policy;
  }

  private record Target(int sst, Policy policy, Quota quota, SliceState state) {}

  private final Config config;
  private final TypedPolicies policies;
  private final CellDirectory cells;
  private final KpmWindows windows;
  private final Map<String, Map<Integer, SliceState>> byCell = new HashMap<>();
  private final Map<String, Long> lastEvalNs = new HashMap<>();

  public SliceSlaLogic(Config config, TypedPolicies policies, CellDirectory cells) {
    this.config = config;
    this.policies = policies;
    this.cells = cells;
    this.windows = new KpmWindows(config.window().toNanos(), 256);
  }

  @Override
  public List<Decision> onKpm(List<KpmSample> samples, Instant now) {
    long nowNs = nanos(now);
    Map<String, Long> triggers = new LinkedHashMap<>();
    for (KpmSample s : samples) {
      cells.learn(s);
      if (s.cellId().isEmpty()) {
        continue;
      }
      if (s.isSliceLevel() && isSliceMetric(s.name())) {
        windows.add(s, nowNs);
      }
      triggers.merge(s.cellId(), s.receivedNs(), Math::max);
    }
    List<Decision> out = new ArrayList<>();
    long periodNs = config.period().toNanos();
    for (var e : triggers.entrySet()) {
      Long last = lastEvalNs.get(e.getKey());
      if (last == null || nowNs - last >= periodNs) {
        evaluate(e.getKey(), last == null ? Long.MIN_VALUE : last, nowNs, now, e.getValue(), out);
        lastEvalNs.put(e.getKey(), nowNs);
      }
    }
    return out;
  }

  @Override
  public List<Decision> onTick(Instant now) {
    windows.evictIdle(nanos(now));
    return List.of();
  }

  @Override
  public void onPolicyChange(Instant now) {
    // next report of each cell re-evaluates at once instead of waiting out its period
    lastEvalNs.clear();
  }

  @Override
  public void onOutcome(Decision d, ControlOutcome outcome, Instant now) {
    if (outcome.getStatus() == ControlStatus.CONTROL_STATUS_SUCCESS) {
      return;
    }
    SlicePrbQuota q = d.request().getSlicePrbQuota();
    Map<Integer, SliceState> m = byCell.get(q.getCellId());
    SliceState st = m == null || q.getSlicesCount() == 0 ? null : m.get(q.getSlices(0).getSlice().getSst());
    if (st != null) {
      // not applied: forget it was sent so that the next period sends again
      st.sent = null;
    }
  }

  private void evaluate(String cell, long sinceNs, long nowNs, Instant now, long trigger, List<Decision> out) {
    String node = cells.nodeOf(cell);
    if (node == null) {
      return;
    }
    List<Policy> slas = applicable(PolicyType.SLICE_SLA, cell, now);
    List<Policy> quotas = applicable(PolicyType.PRB_QUOTA, cell, now);
    Map<Integer, SliceState> states = byCell.computeIfAbsent(cell, k -> new HashMap<>());
    TreeSet<Integer> ssts = new TreeSet<>(states.keySet());
    for (Policy p : slas) {
      addSlices(p, cell, ssts);
    }
    for (Policy p : quotas) {
      addSlices(p, cell, ssts);
    }

    List<Target> targets = new ArrayList<>();
    for (int sst : ssts) {
      Policy sla = first(slas, sst);
      Policy quota = first(quotas, sst);
      SliceState st = states.get(sst);
      if (sla == null && quota == null) {
        if (st != null && st.sent != null && !Quota.NEUTRAL.equals(st.sent)) {
          out.add(decision(node, cell, sst, Quota.NEUTRAL, st.policy, trigger, "policy no longer in force: neutral quota"));
        }
        states.remove(sst);
        continue;
      }
      if (st == null) {
        st = new SliceState();
        states.put(sst, st);
      }
      // A quota bounds the SLA loop only when it is at least as strong: a higher-priority SLA is not
      // held back by a weaker operator cap on the same slice (run-time conflict resolution by priority).
      PrbQuota q = quota == null || (sla != null && sla.priority() > quota.priority()) ? null : (PrbQuota) quota.statement();
      Quota desired;
      Policy winner;
      if (sla != null) {
        SliceSla s = (SliceSla) sla.statement();
        double lo = q == null ? 0 : firstNonNull(q.minPrbPct(), q.dedicatedPrbPct(), 0.0);
        double hi = q == null || q.maxPrbPct() == null ? config.capSharePct() : q.maxPrbPct();
        hi = Math.max(lo, hi);
        if (st.controller == null) {
          st.controller = new SlaController(config.gains(), clamp(feedForward(s, cell), lo, hi));
        }
        double[] err = error(s, cell, sst, sinceNs, nowNs);
        double share = st.controller.step(err[0], err[1] > 0, lo, hi);
        int min = (int) Math.round(share);
        int ded = s.maxDlLatencyMs() != null ? (int) Math.round(share * config.dedicatedFraction()) : 0;
        if (q != null && q.dedicatedPrbPct() != null) {
          ded = Math.max(ded, (int) Math.round(q.dedicatedPrbPct()));
        }
        int max = q == null || q.maxPrbPct() == null ? 100 : (int) Math.round(q.maxPrbPct());
        desired = new Quota(min, max, ded);
        winner = sla;
      } else {
        st.controller = null;
        q = (PrbQuota) quota.statement();
        int ded = q.dedicatedPrbPct() == null ? 0 : (int) Math.round(q.dedicatedPrbPct());
        int min = (int) Math.round(firstNonNull(q.minPrbPct(), q.dedicatedPrbPct(), 0.0));
        int max = q.maxPrbPct() == null ? 100 : (int) Math.round(q.maxPrbPct());
        desired = new Quota(min, max, ded);
        winner = quota;
      }
      targets.add(new Target(sst, winner, desired, st));
    }

    // floors of one cell share its budget; stronger policies are served first
    targets.sort(Comparator.comparingInt((Target t) -> t.policy().priority()).reversed());
    double remaining = config.cellBudgetPct();
    for (Target t : targets) {
      int granted = (int) Math.max(0, Math.min(t.quota().min(), Math.floor(remaining)));
      remaining -= granted;
      if (t.state().controller != null) {
        t.state().controller.grant(granted);
      }
      int max = Math.max(granted, t.quota().max());
      Quota q = new Quota(granted, Math.min(100, max), Math.min(granted, t.quota().dedicated()));
      SliceState st = t.state();
      boolean policyChanged = st.sentPolicy == null || !st.sentPolicy.equals(t.policy().policyId());
      st.policy = t.policy();
      if (policyChanged || q.differsFrom(st.sent, config.minChangePct())) {
        String why = st.controller == null ? "PrbQuota" : "SLA loop " + st.controller.lastZone()
            + (st.controller.saturatedPeriods() > 0 ? " (at its ceiling for " + st.controller.saturatedPeriods() + " periods)" : "");
        out.add(decision(node, cell, t.sst(), q, t.policy(), trigger, why));
        st.sent = q;
        st.sentPolicy = t.policy().policyId();
      }
    }
  }

  private Decision decision(String node, String cell, int sst, Quota q, Policy policy, long trigger, String why) {
    ControlRequest.Builder r = ControlRequest.newBuilder().setNodeId(node).setSlicePrbQuota(SlicePrbQuota.newBuilder()
        .setCellId(cell).addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(sst))
            .setMinPrbPct(q.min()).setMaxPrbPct(q.max()).setDedicatedPrbPct(q.dedicated())));
    return Decision.of(cell + "/prb-quota/" + sst, r, policy, trigger,
        Slices.name(sst) + " in " + cell + " -> min " + q.min() + " % max " + q.max() + " % dedicated " + q.dedicated() + " % (" + why + ")");
  }

  /** {worst normalised error or NaN, 1 when comfortably inside every target} */
  private double[] error(SliceSla s, String cell, int sst, long sinceNs, long nowNs) {
    double worst = Double.NaN;
    boolean comfortable = true;
    boolean any = false;
    double h = config.headroom();
    double r = config.releaseMargin();
    if (s.guaranteedDlMbps() != null && s.guaranteedDlMbps() > 0) {
      double m = KpmNames.mbps(windows.meanAfter(Key.slice(cell, sst, KpmNames.THP_DL), sinceNs, nowNs));
      if (!Double.isNaN(m)) {
        double sp = s.guaranteedDlMbps() * (1 + h);
        worst = max(worst, (sp - m) / sp);
        comfortable &= m >= s.guaranteedDlMbps() / r;
        any = true;
      }
    }
    if (s.guaranteedUlMbps() != null && s.guaranteedUlMbps() > 0) {
      double m = KpmNames.mbps(windows.meanAfter(Key.slice(cell, sst, KpmNames.THP_UL), sinceNs, nowNs));
      if (!Double.isNaN(m)) {
        double sp = s.guaranteedUlMbps() * (1 + h);
        worst = max(worst, (sp - m) / sp);
        comfortable &= m >= s.guaranteedUlMbps() / r;
        any = true;
      }
    }
    if (s.maxDlLatencyMs() != null && s.maxDlLatencyMs() > 0) {
      double m = windows.meanAfter(Key.slice(cell, sst, KpmNames.DELAY_DL), sinceNs, nowNs);
      if (!Double.isNaN(m)) {
        double sp = s.maxDlLatencyMs() * (1 - h);
        worst = max(worst, (m - sp) / sp);
        comfortable &= m <= s.maxDlLatencyMs() * r;
        any = true;
      }
    }
    if (s.maxPacketLossPct() != null) {
      double m = KpmNames.pctFromPpm(windows.meanAfter(Key.slice(cell, sst, KpmNames.DROP_RATE_DL), sinceNs, nowNs));
      if (!Double.isNaN(m)) {
        if (s.maxPacketLossPct() > 0) {
          double sp = s.maxPacketLossPct() * (1 - h);
          worst = max(worst, (m - sp) / sp);
          comfortable &= m <= s.maxPacketLossPct() * r;
        } else {
          worst = max(worst, m > 0 ? 1 : -1);
          comfortable &= m == 0;
        }
        any = true;
      }
    }
    if (!Double.isNaN(worst)) {
      worst = Math.max(-1, Math.min(1, worst));
    }
    return new double[] {worst, any && comfortable ? 1 : 0};
  }

  private double feedForward(SliceSla s, String cell) {
    CellInfo info = cells.info(cell);
    double share = s.guaranteedDlMbps() == null && s.guaranteedUlMbps() == null ? config.initialLatencySharePct() : 0;
    if (info != null && s.guaranteedDlMbps() != null && info.peakDlMbps() > 0) {
      share = Math.max(share, 100 * s.guaranteedDlMbps() / info.peakDlMbps() * config.feedForwardMargin());
    }
    if (info != null && s.guaranteedUlMbps() != null && info.peakUlMbps() > 0) {
      share = Math.max(share, 100 * s.guaranteedUlMbps() / info.peakUlMbps() * config.feedForwardMargin());
    }
    return share == 0 ? config.initialLatencySharePct() : share;
  }

  private List<Policy> applicable(PolicyType type, String cell, Instant now) {
    List<Policy> out = new ArrayList<>();
    for (Policy p : policies.inForce(type, now)) {
      if (cells.covers(p.scope(), cell)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Slices a policy names; one without a slice covers every slice the cell reports. */
  private void addSlices(Policy p, String cell, TreeSet<Integer> ssts) {
    if (p.scope().slice() != null) {
      int sst = Slices.sst(p.scope().slice());
      if (sst > 0) {
        ssts.add(sst);
      }
    } else {
      for (Key k : windows.keys()) {
        if (k.sst() != 0 && k.cell().equals(cell) && k.ue().isEmpty()) {
          ssts.add(k.sst());
        }
      }
    }
  }

  private static Policy first(List<Policy> sorted, int sst) {
    for (Policy p : sorted) {
      if (p.scope().slice() == null || Slices.sst(p.scope().slice()) == sst) {
        return p;
      }
    }
    return null;
  }

  private static boolean isSliceMetric(String name) {
    return name.equals(KpmNames.THP_DL) || name.equals(KpmNames.THP_UL) || name.equals(KpmNames.DELAY_DL)
        || name.equals(KpmNames.DROP_RATE_DL);
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) ? b : Math.max(a, b);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static double firstNonNull(Double a, Double b, double fallback) {
    return a != null ? a : b != null ? b : fallback;
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** The share the loop of a (cell, slice) currently holds, NaN when it has none (for tests and status). */
  public double share(String cell, int sst) {
    Map<Integer, SliceState> m = byCell.get(cell);
    SliceState st = m == null ? null : m.get(sst);
    return st == null || st.controller == null ? Double.NaN : st.controller.share();
  }
}
