package io.oranric.xapp.sdk;

/**
 * A two-threshold switch with a hold count: it turns ON only after the value stayed at or above
 * {@code high} for {@code hold} consecutive samples, and OFF only after it stayed at or below
 * {@code low} as long. Between the thresholds it keeps its state. This is what keeps energy saving
 * from flapping a cell to sleep and back on every report.
 */
public final class Hysteresis {
  private final double low;
  private final double high;
  private final int hold;
  private boolean on;
  private int streak;

  public Hysteresis(double low, double high, int hold, boolean initiallyOn) {
    if (low > high) {
      throw new IllegalArgumentException("low threshold " + low + " above high " + high);
    }
    if (hold < 1) {
      throw new IllegalArgumentException("hold must be >= 1");
    }
    this.low = low;
    this.high = high;
    this.hold = hold;
    this.on = initiallyOn;
  }

  /** Feeds one sample; returns true when the state changed with it. */
  public boolean update(double value) {
    boolean pushesOn = !on && value >= high;
    boolean pushesOff = on && value <= low;
    if (pushesOn || pushesOff) {
      if (++streak >= hold) {
        on = !on;
        streak = 0;
        return true;
      }
    } else {
      streak = 0;
    }
    return false;
  }

  public boolean isOn() {
    return on;
  }
}
