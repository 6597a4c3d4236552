package io.oranric.xapp.common;

import io.oranric.xapp.sdk.KpmSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DL PRB load of each cell in a batch, in percent: RRU.PrbUsedDl over RRU.PrbAvailDl when a report
 * carries both (counts, as TS 28.552 defines them), else RRU.PrbTotDl, else RRU.PrbUsedDl read as a
 * percentage (how some nodes report it). A sleeping cell (no PRBs available) has no load value.
 */
public final class CellLoad {
  private CellLoad() {}

  public static Map<String, Double> dlPct(List<KpmSample> samples) {
    Map<String, double[]> acc = new HashMap<>();
    for (KpmSample s : samples) {
      if (!s.isCellLevel() || s.cellId().isEmpty()) {
        continue;
      }
      int slot;
      switch (s.name()) {
        case KpmNames.PRB_USED_DL -> slot = 0;
        case KpmNames.PRB_AVAIL_DL -> slot = 1;
        case KpmNames.PRB_TOT_DL -> slot = 2;
        default -> {
          continue;
        }
      }
      double[] a = acc.computeIfAbsent(s.cellId(), k -> new double[] {Double.NaN, Double.NaN, Double.NaN});
      a[slot] = s.value();
    }
    Map<String, Double> out = new HashMap<>();
    acc.forEach((cell, a) -> {
      double pct;
      if (!Double.isNaN(a[0]) && !Double.isNaN(a[1])) {
        pct = a[1] > 0 ? 100.0 * a[0] / a[1] : Double.NaN;
      } else if (!Double.isNaN(a[2])) {
        pct = a[2];
      } else {
        pct = a[0];
      }
      if (!Double.isNaN(pct)) {
        out.put(cell, Math.max(0, Math.min(100, pct)));
      }
    });
    return out;
  }
}
