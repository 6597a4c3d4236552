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
  public synchronized double percentileMs(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
  }

  public synchronized long[] sortedCopy() {
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    return sorted;
  }
}
