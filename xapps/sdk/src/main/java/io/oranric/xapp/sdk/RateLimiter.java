package io.oranric.xapp.sdk;

/**
 * A token bucket: at most {@code burst} actions at once, refilled at {@code perSecond}. xApps use
 * one per (cell, parameter) so that a noisy KPI never floods a base station with control.
 * Not thread safe: each xApp keeps its state on its own event loop.
 */
public final class RateLimiter {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;

  public RateLimiter(double perSecond, int burst, long nowNanos) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
    }
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  /** Takes a token if one is there. */
  public boolean tryAcquire(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
    last = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
