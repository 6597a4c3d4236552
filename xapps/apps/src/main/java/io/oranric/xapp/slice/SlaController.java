package io.oranric.xapp.slice;

/**
 * The feedback loop of one (cell, slice): a PI controller in velocity form whose output is the
 * slice's guaranteed PRB share (percent).
 *
 * <p>Each period it gets the normalised SLA error {@code e} (positive: a target is violated, by that
 * fraction of the set-point; clamped to [-1, 1]) and a flag telling whether every target is
 * comfortably met. Three zones give the hysteresis:
 * <ul>
 *   <li>violated ({@code e > 0}): {@code ΔF = Kp·(e − e_prev) + Ki·e}, at least {@code minStep} so the
 *       loop reaches the set-point in finitely many periods, at most {@code maxStep};</li>
 *   <li>comfortable: release slowly, {@code releaseStep} per period, so a slice that recovered hands
 *       PRBs back without oscillating;</li>
 *   <li>in between: hold; the loop has settled.</li>
 * </ul>
 * In velocity form the output itself is the integrator state, so clamping the output to
 * [{@code lo}, {@code hi}] is the anti-windup; {@link #grant} back-calculates the state when the cell
 * budget granted less than asked, so a starved slice does not wind up a demand it cannot get.
 */
public final class SlaController {
  public record Gains(double kp, double ki, double minStep, double maxStep, double releaseStep) {
    public static Gains defaults() {
      return new Gains(4, 12, 1, 10, 2);
    }
  }

  public enum Zone { RAISE, HOLD, RELEASE }

  private final Gains gains;
  private double share;
  private double prevError;
  private Zone lastZone = Zone.HOLD;
  private int saturatedPeriods;

  public SlaController(Gains gains, double initialShare) {
    this.gains = gains;
    this.share = initialShare;
  }

  /**
   * One control period.
   *
   * @param error normalised violation of the worst target, NaN when nothing was measured (hold)
   * @param comfortable every target met with the release margin
   * @param lo lower bound of the share (a PrbQuota floor, or 0)
   * @param hi upper bound (a PrbQuota ceiling, or the controller's cap)
   * @return the new share
   */
  public double step(double error, boolean comfortable, double lo, double hi) {
    Zone zone;
    double next = share;
    if (Double.isNaN(error)) {
      zone = Zone.HOLD;
    } else if (error > 0) {
      zone = Zone.RAISE;
      double e = Math.min(1, error);
      double ePrev = lastZone == Zone.RAISE ? prevError : 0;
      double delta = gains.kp() * (e - ePrev) + gains.ki() * e;
      delta = Math.max(gains.minStep(), Math.min(gains.maxStep(), delta));
      next = share + delta;
      prevError = e;
    } else if (comfortable) {
      zone = Zone.RELEASE;
      next = share - gains.releaseStep();
    } else {
      zone = Zone.HOLD;
    }
    lastZone = zone;
    double bounded = Math.max(lo, Math.min(hi, next));
    saturatedPeriods = zone == Zone.RAISE && bounded < next ? saturatedPeriods + 1 : 0;
    share = bounded;
    return share;
  }

  /** The cell budget granted {@code granted}; the loop continues from there (back-calculation). */
  public void grant(double granted) {
    if (granted < share) {
      share = granted;
    }
  }

  public double share() {
    return share;
  }

  public Zone lastZone() {
    return lastZone;
  }

  /** Consecutive periods the loop wanted more than its ceiling: the SLA is not feasible here. */
  public int saturatedPeriods() {
    return saturatedPeriods;
  }
}
