package io.oranric.xapp.kpm;

import io.oranric.xapp.sdk.KpmSample;
import io.oranric.xapp.sdk.Slices;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the KPM monitor keeps: rolling aggregates of every measurement at every scope, and the
 * read side that turns them into per-cell, per-slice and per-UE views. Pure and single-threaded; the
 * monitor owns it on its event loop.
 */
public final class KpmStore {

  public record CellKpis(String cell, String node, Map<String, Aggregate> metrics, List<String> slices, int ues) {}

  public record SliceKpis(String cell, int sst, String slice, Map<String, Aggregate> metrics) {}

  public record UeKpis(String ue, String cell, int sst, Map<String, Aggregate> metrics) {}

  private final KpmWindows windows;
  private long samples;

  public KpmStore(long windowNs, int maxSamplesPerSeries) {
    this.windows = new KpmWindows(windowNs, maxSamplesPerSeries);
  }

  public void ingest(List<KpmSample> batch, long nowNs) {
    for (KpmSample s : batch) {
      windows.add(s, nowNs);
    }
    samples += batch.size();
  }

  public int evictIdle(long nowNs) {
    return windows.evictIdle(nowNs);
  }

  public long samplesSeen() {
    return samples;
  }

  public int series() {
    return windows.size();
  }

  public List<CellKpis> cells(long nowNs) {
    TreeSet<String> names = new TreeSet<>(KpmStore::byNumber);
    for (KpmWindows.Key k : windows.keys()) {
      names.add(k.cell());
    }
    List<CellKpis> out = new ArrayList<>();
    for (String c : names) {
      CellKpis kpis = cell(c, nowNs);
      if (kpis != null) {
        out.add(kpis);
      }
    }
    return out;
  }

  /** The cell-level aggregates of a cell with the slices and number of UEs seen in it, or null. */
  public CellKpis cell(String cell, long nowNs) {
    Map<String, Aggregate> metrics = new TreeMap<>();
    TreeSet<Integer> ssts = new TreeSet<>();
    TreeSet<String> ues = new TreeSet<>();
    String node = null;
    boolean any = false;
    for (KpmWindows.Key k : windows.keys(k -> k.cell().equals(cell))) {
      Aggregate a = windows.aggregate(k, nowNs);
      if (a == null) {
        continue;
      }
      any = true;
      if (!k.ue().isEmpty()) {
        ues.add(k.ue());
      } else if (k.sst() != 0) {
        ssts.add(k.sst());
      } else {
        metrics.put(k.name(), a);
        node = windows.nodeOf(k);
      }
      if (node == null) {
        node = windows.nodeOf(k);
      }
    }
    if (!any) {
      return null;
    }
    List<String> slices = new ArrayList<>();
    ssts.forEach(s -> slices.add(Slices.name(s)));
    return new CellKpis(cell, node, metrics, slices, ues.size());
  }

  /** @param slice a slice name ("urllc") or SST ("2") */
  public SliceKpis slice(String cell, String slice, long nowNs) {
    int sst = Slices.sst(slice);
    if (sst == 0) {
      return null;
    }
    Map<String, Aggregate> metrics = new TreeMap<>();
    for (KpmWindows.Key k : windows.keys(k -> k.cell().equals(cell) && k.sst() == sst && k.ue().isEmpty())) {
      Aggregate a = windows.aggregate(k, nowNs);
      if (a != null) {
        metrics.put(k.name(), a);
      }
    }
    return metrics.isEmpty() ? null : new SliceKpis(cell, sst, Slices.name(sst), metrics);
  }

  public List<UeKpis> uesOf(String cell, long nowNs) {
    TreeSet<String> ids = new TreeSet<>();
    for (KpmWindows.Key k : windows.keys(k -> k.cell().equals(cell) && !k.ue().isEmpty())) {
      ids.add(k.ue());
    }
    List<UeKpis> out = new ArrayList<>();
    for (String ue : ids) {
      UeKpis u = ue(ue, nowNs);
      if (u != null && cell.equals(u.cell())) {
        out.add(u);
      }
    }
    return out;
  }

  /** A UE's aggregates in the cell that served it last (a UE that moved has older series elsewhere). */
  public UeKpis ue(String ue, long nowNs) {
    Map<String, List<KpmWindows.Key>> byCell = new TreeMap<>();
    String latestCell = null;
    long latest = Long.MIN_VALUE;
    for (KpmWindows.Key k : windows.keys(k -> k.ue().equals(ue))) {
      Aggregate a = windows.aggregate(k, nowNs);
      if (a == null) {
        continue;
      }
      byCell.computeIfAbsent(k.cell(), c -> new ArrayList<>()).add(k);
      if (a.lastAtNs() > latest) {
        latest = a.lastAtNs();
        latestCell = k.cell();
      }
    }
    if (latestCell == null) {
      return null;
    }
    Map<String, Aggregate> metrics = new TreeMap<>();
    int sst = 0;
    List<KpmWindows.Key> keys = byCell.get(latestCell);
    keys.sort(Comparator.comparing(KpmWindows.Key::name));
    for (KpmWindows.Key k : keys) {
      metrics.put(k.name(), windows.aggregate(k, nowNs));
      sst = Math.max(sst, k.sst());
    }
    return new UeKpis(ue, latestCell, sst, metrics);
  }

  static int byNumber(String a, String b) {
    int ia = a.lastIndexOf('-');
    int ib = b.lastIndexOf('-');
    if (ia > 0 && ib > 0 && a.substring(0, ia).equals(b.substring(0, ib))) {
      try {
        return Integer.compare(Integer.parseInt(a.substring(ia + 1)), Integer.parseInt(b.substring(ib + 1)));
      } catch (NumberFormatException ignored) {
        // plain order below
      }
    }
    return a.compareTo(b);
  }
}
