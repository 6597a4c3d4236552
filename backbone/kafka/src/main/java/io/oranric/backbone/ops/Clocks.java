package io.oranric.backbone.ops;

import java.time.Instant;

/**
 * Wall-clock nanoseconds for timestamps that cross processes (Kafka records), taken from the
 * monotonic clock so that two stamps in one process subtract exactly.
 */
public final class Clocks {
  private static final long OFFSET;

  static {
    Instant now = Instant.now();
    OFFSET = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
  }

  private Clocks() {}

  /** Epoch nanoseconds of a {@link System#nanoTime()} reading. */
  public static long epochNanos(long nanoTime) {
    return OFFSET + nanoTime;
  }

  public static long nowEpochNanos() {
    return OFFSET + System.nanoTime();
  }
}
