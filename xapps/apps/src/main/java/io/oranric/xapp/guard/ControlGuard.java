package io.oranric.xapp.guard;

import io.oranric.contract.v1.ControlRequest;
import io.oranric.xapp.guard.ControlKeys.Setting;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Run-time conflict mitigation: every control request of every xApp passes here before it reaches
 * the E2 stream. Each (node, cell, parameter) has at most one owner, the xApp that last set it; the
 * ownership is a lease that each new setting renews and that lapses after {@code window}. Within the
 * lease, a different xApp that sets the same key to a different value contradicts the owner:
 * the higher policy priority wins (the incumbent on a tie, as at admission time), the loser's request
 * is rejected before it reaches the node, and the conflict is logged to the listeners.
 *
 * <p>Two contradictions across parameters are caught as well: a handover into a cell another xApp
 * has put to sleep (rejected: the cell cannot take the UE), and putting to sleep a cell into which
 * another xApp steered UEs within the window (settled by priority).
 *
 * <p>Pure and thread safe (one lock; a check is a few map look-ups). Across processes the same class
 * runs where all requests of a node meet in order: see {@code README} of this package.
 */
public final class ControlGuard {

  /** Who holds a key, with what, since when. */
  public record Claim(String xapp, String policyId, int priority, String value, String requestId, long atNs) {}

  /** A contradiction caught and how it was settled. */
  public record Conflict(String key, Claim winner, Claim loser, boolean preempted, String description, long atNs) {
    @Override
    public String toString() {
      return description;
    }
  }

  /** @param cause why it was rejected, null when allowed */
  public record Verdict(boolean allowed, String cause, List<Conflict> conflicts) {
    static final Verdict ALLOW = new Verdict(true, null, List.of());
  }

  private final long windowNs;
  private final Map<String, Claim> owners = new HashMap<>();
  private final Map<String, Claim> asleep = new HashMap<>();
  private final Map<String, Claim> steeredInto = new HashMap<>();
  private final ArrayDeque<Conflict> recent = new ArrayDeque<>();
  private final List<Consumer<Conflict>> listeners = new CopyOnWriteArrayList<>();
  private long checked;
  private long rejected;
  private long lastPurgeNs = Long.MIN_VALUE;

  public ControlGuard(Duration window) {
    this.windowNs = window.toNanos();
  }

  public void onConflict(Consumer<Conflict> listener) {
    listeners.add(listener);
  }

  /** Checks a request and, when it passes, records its settings as claims. */
  public Verdict check(ControlRequest r, int priority, long nowNs) {
    List<Setting> settings = ControlKeys.of(r);
    if (settings.isEmpty()) {
      return Verdict.ALLOW;
    }
    String xapp = r.getProvenance().getXapp();
    Claim mine = new Claim(xapp, r.getProvenance().getPolicyId(), priority, null, r.getRequestId(), nowNs);
    List<Conflict> found = new ArrayList<>();
    String cause = null;
    synchronized (this) {
      checked++;
      purge(nowNs);
      for (Setting s : settings) {
        Claim want = withValue(mine, s.value());
        Claim owner = owners.get(s.key());
        if (owner != null && !owner.xapp().equals(xapp) && nowNs - owner.atNs() <= windowNs && !owner.value().equals(s.value())) {
          boolean wins = priority > owner.priority();
          found.add(new Conflict(s.key(), wins ? want : owner, wins ? owner : want, wins, describe(s.key(), want, owner, wins), nowNs));
          if (!wins) {
            cause = "conflict on " + s.key() + ": owned by " + owner.xapp() + " (policy " + owner.policyId() + ", priority "
                + owner.priority() + ") with " + owner.value() + " set " + (nowNs - owner.atNs()) / 1_000_000 + " ms ago";
          }
        }
        if (s.param().startsWith(ControlKeys.SERVING_CELL)) {
          Claim sleeper = asleep.get(s.value());
          if (sleeper != null && !sleeper.xapp().equals(xapp)) {
            found.add(new Conflict(s.key(), sleeper, want, false, xapp + " hands " + s.param() + " to " + s.value()
                + " which " + sleeper.xapp() + " put to sleep (policy " + sleeper.policyId() + ")", nowNs));
            cause = "target cell " + s.value() + " is asleep (" + sleeper.xapp() + ", policy " + sleeper.policyId() + ")";
          }
        }
        if (s.param().equals(ControlKeys.CELL_STATE) && s.value().equals("SLEEP")) {
          Claim steer = steeredInto.get(s.cell());
          if (steer != null && !steer.xapp().equals(xapp) && nowNs - steer.atNs() <= windowNs && steer.priority() >= priority) {
            found.add(new Conflict(s.key(), steer, want, false, xapp + " (priority " + priority + ") would sleep " + s.cell()
                + " while " + steer.xapp() + " (policy " + steer.policyId() + ", priority " + steer.priority()
                + ") steers UEs into it", nowNs));
            cause = "cell " + s.cell() + " is a steering target of policy " + steer.policyId() + " (priority " + steer.priority() + ")";
          }
        }
      }
      if (cause == null) {
        for (Setting s : settings) {
          Claim want = withValue(mine, s.value());
          Claim owner = owners.get(s.key());
          // an agreeing setting of another xApp does not take the key over
          if (owner == null || owner.xapp().equals(xapp) || nowNs - owner.atNs() > windowNs || !owner.value().equals(s.value())) {
            owners.put(s.key(), want);
          }
          if (s.param().equals(ControlKeys.CELL_STATE)) {
            if (s.value().equals("SLEEP")) {
              asleep.put(s.cell(), want);
            } else if (s.value().equals("WAKE")) {
              asleep.remove(s.cell());
            }
          }
          if (s.param().startsWith(ControlKeys.SERVING_CELL)) {
            steeredInto.put(s.value(), want);
          }
        }
      } else {
        rejected++;
      }
      for (Conflict c : found) {
        recent.addLast(c);
        if (recent.size() > 200) {
          recent.removeFirst();
        }
      }
    }
    for (Conflict c : found) {
      listeners.forEach(l -> l.accept(c));
    }
    return cause == null ? (found.isEmpty() ? Verdict.ALLOW : new Verdict(true, null, List.copyOf(found)))
        : new Verdict(false, cause, List.copyOf(found));
  }

  /** Lapsed leases go, at most once per window: per-UE keys would otherwise pile up forever. */
  private void purge(long nowNs) {
    if (lastPurgeNs != Long.MIN_VALUE && nowNs - lastPurgeNs < windowNs) {
      return;
    }
    lastPurgeNs = nowNs;
    owners.values().removeIf(c -> nowNs - c.atNs() > windowNs);
    steeredInto.values().removeIf(c -> nowNs - c.atNs() > windowNs);
  }

  /**
   * A request that did not take effect (the node refused it, or no answer) gives its claims back, so
   * an owner cannot block others with settings that never applied.
   */
  public synchronized void release(ControlRequest r) {
    for (Setting s : ControlKeys.of(r)) {
      Claim c = owners.get(s.key());
      if (c != null && c.requestId().equals(r.getRequestId())) {
        owners.remove(s.key());
      }
      if (s.param().equals(ControlKeys.CELL_STATE)) {
        Claim a = asleep.get(s.cell());
        if (a != null && a.requestId().equals(r.getRequestId())) {
          asleep.remove(s.cell());
        }
      }
    }
  }

  public synchronized List<Conflict> recentConflicts() {
    return List.copyOf(recent);
  }

  public synchronized Map<String, Claim> owners() {
    return Map.copyOf(owners);
  }

  public synchronized long checked() {
    return checked;
  }

  public synchronized long rejected() {
    return rejected;
  }

  private static Claim withValue(Claim c, String value) {
    return new Claim(c.xapp(), c.policyId(), c.priority(), value, c.requestId(), c.atNs());
  }

  private static String describe(String key, Claim want, Claim owner, boolean wins) {
    String a = want.xapp() + " (policy " + want.policyId() + ", priority " + want.priority() + ") sets " + key + " = " + want.value();
    String b = owner.xapp() + " (policy " + owner.policyId() + ", priority " + owner.priority() + ") set " + owner.value();
    return a + " but " + b + ": " + (wins ? want.xapp() + " takes over" : owner.xapp() + " keeps it, request rejected");
  }
}
