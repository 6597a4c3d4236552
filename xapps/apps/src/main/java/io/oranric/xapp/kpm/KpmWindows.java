package io.oranric.xapp.kpm;

import io.oranric.xapp.sdk.KpmSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rolling windows of KPM values per (cell, slice, UE, measurement): the shared memory of every xApp
 * that looks beyond the last report. Each series is a ring buffer bounded both by age and by count,
 * so a chatty node cannot grow it; series that stop reporting (UEs that left) are dropped by
 * {@link #evictIdle}. Time is whatever the owner passes in, so tests drive it with a fixed clock.
 *
 * <p>Not thread safe: one owner, on its event loop.
 */
public final class KpmWindows {
  /**
   * @param cell the cell id, or the node id for node-level values
   * @param sst 0 when not per slice
   * @param ue empty when not per UE
   */
  public record Key(String cell, int sst, String ue, String name) {
    public static Key cell(String cell, String name) {
      return new Key(cell, 0, "", name);
    }

    public static Key slice(String cell, int sst, String name) {
      return new Key(cell, sst, "", name);
    }
  }

  private final long windowNs;
  private final int maxSamples;
  private final Map<Key, Series> series = new HashMap<>();
  private double[] scratch = new double[64];

  public KpmWindows(long windowNs, int maxSamples) {
    if (windowNs <= 0 || maxSamples < 1) {
      throw new IllegalArgumentException("window must be > 0 and maxSamples >= 1");
    }
    this.windowNs = windowNs;
    this.maxSamples = maxSamples;
  }

  public static Key keyOf(KpmSample s) {
    return new Key(s.cellId().isEmpty() ? s.nodeId() : s.cellId(), s.sliceSst(), s.ueId(), s.name());
  }

  public void add(KpmSample s, long nowNs) {
    add(keyOf(s), s.nodeId(), s.value(), nowNs);
  }

  public void add(Key key, String nodeId, double value, long nowNs) {
    Series sr = series.get(key);
    if (sr == null) {
      sr = new Series(Math.min(maxSamples, 16));
      series.put(key, sr);
    }
    sr.node = nodeId;
    sr.push(nowNs, value, maxSamples);
  }

  /** Statistics of a series over the window ending at {@code nowNs}, or null when it has no sample there. */
  public Aggregate aggregate(Key key, long nowNs) {
    Series sr = series.get(key);
    if (sr == null) {
      return null;
    }
    sr.expire(nowNs - windowNs);
    if (sr.size == 0) {
      return null;
    }
    if (scratch.length < sr.size) {
      scratch = new double[Math.max(sr.size, scratch.length * 2)];
    }
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < sr.size; i++) {
      double v = sr.value(i);
      scratch[i] = v;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    Arrays.sort(scratch, 0, sr.size);
    int rank = (int) Math.ceil(0.95 * sr.size) - 1;
    return new Aggregate(sr.value(sr.size - 1), sum / sr.size, scratch[Math.max(0, rank)], min, max, sr.size,
        sr.time(sr.size - 1));
  }

  /**
   * Mean of the samples taken strictly after {@code afterNs} (and inside the window), NaN when none:
   * a control period ending now sees only what arrived since the previous one.
   */
  public double meanAfter(Key key, long afterNs, long nowNs) {
    Series sr = series.get(key);
    if (sr == null) {
      return Double.NaN;
    }
    sr.expire(nowNs - windowNs);
    double sum = 0;
    int n = 0;
    for (int i = sr.size - 1; i >= 0 && sr.time(i) > afterNs; i--) {
      sum += sr.value(i);
      n++;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** The last value, NaN when none is left in the window. */
  public double last(Key key, long nowNs) {
    Series sr = series.get(key);
    if (sr == null) {
      return Double.NaN;
    }
    sr.expire(nowNs - windowNs);
    return sr.size == 0 ? Double.NaN : sr.value(sr.size - 1);
  }

  /** The node that last reported the series, or null. */
  public String nodeOf(Key key) {
    Series sr = series.get(key);
    return sr == null ? null : sr.node;
  }

  public Set<Key> keys() {
    return series.keySet();
  }

  public List<Key> keys(Predicate<Key> filter) {
    List<Key> out = new ArrayList<>();
    for (Key k : series.keySet()) {
      if (filter.test(k)) {
        out.add(k);
      }
    }
    return out;
  }

  /** Drops series with no sample in the window; returns how many went. */
  public int evictIdle(long nowNs) {
    int n = 0;
    for (Iterator<Series> it = series.values().iterator(); it.hasNext(); ) {
      Series sr = it.next();
      sr.expire(nowNs - windowNs);
      if (sr.size == 0) {
        it.remove();
        n++;
      }
    }
    return n;
  }

  public int size() {
    return series.size();
  }

  public long windowNs() {
    return windowNs;
  }

  /** A ring buffer of (time, value), oldest first, growing up to the sample bound. */
  private static final class Series {
    long[] times;
    double[] values;
    int head;
    int size;
    String node;

    Series(int capacity) {
      times = new long[capacity];
      values = new double[capacity];
    }

    void push(long t, double v, int maxSamples) {
      if (size == times.length) {
        if (size < maxSamples) {
          grow(Math.min(maxSamples, size * 2));
        } else {
          head = (head + 1) % times.length;
          size--;
        }
      }
      int i = (head + size) % times.length;
      times[i] = t;
      values[i] = v;
      size++;
    }

    private void grow(int capacity) {
      long[] t = new long[capacity];
      double[] v = new double[capacity];
      for (int i = 0; i < size; i++) {
        t[i] = time(i);
        v[i] = value(i);
      }
      times = t;
      values = v;
      head = 0;
    }

    void expire(long cutoffNs) {
      while (size > 0 && times[head] < cutoffNs) {
        head = (head + 1) % times.length;
        size--;
      }
    }

    long time(int i) {
      return times[(head + i) % times.length];
    }

    double value(int i) {
      return values[(head + i) % times.length];
    }
  }
}
