package io.oranric.testbed.lab.load;

import java.util.Arrays;

/** Exact latency samples (nanoseconds) and their percentiles; no estimation, the benchmark keeps them all. */
public final class LatencySamples {
  private long[] samples = new long[1 << 16];
  private int size;

  public synchronized void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  public synchronized int size() {
    return size;
  }

  /** Percentile in milliseconds (nearest rank). */
  public double percentileMs(double p) {
    long[] sorted = sortedCopy();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
  }

  /**
   * Sorted outside the lock: the recording thread is the measured path itself (an event loop of the
   * termination), and sorting 30,000 samples under the lock stalled it for milliseconds each time the
   * progress line asked for the p99 so far.
   */
  public long[] sortedCopy() {
    long[] copy;
    synchronized (this) {
      copy = Arrays.copyOf(samples, size);
    }
    Arrays.sort(copy);
    return copy;
  }
}
