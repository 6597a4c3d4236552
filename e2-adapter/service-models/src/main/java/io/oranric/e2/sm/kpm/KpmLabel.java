package io.oranric.e2.sm.kpm;

import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.sm.SliceId;
import java.util.EnumSet;
import java.util.Set;

/**
 * One E2SM-KPM MeasurementLabel: which subset of a measurement a value covers (a slice, a 5QI, ...).
 * {@link #NONE} is the noLabel label that KPM requires when a measurement is not subdivided.
 */
public record KpmLabel(boolean noLabel, Plmn plmn, SliceId slice, Long fiveQi, Long qfi, Long qci, Long arpMax,
    Long arpMin, Long bitrateRange, Long layerMuMimo, Long distBinX, Long distBinY, Long distBinZ, Long ssbIndex,
    Set<Stat> stats) {

  /** The statistic flags of a label (sum, min, max, avg). */
  public enum Stat { SUM, MIN, MAX, AVG }

  public static final KpmLabel NONE = new KpmLabel(true, null, null, null, null, null, null, null, null, null, null,
      null, null, null, Set.of());

  public KpmLabel {
    stats = stats == null || stats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stats));
  }

  public static KpmLabel slice(Plmn plmn, SliceId slice) {
    return new KpmLabel(false, plmn, slice, null, null, null, null, null, null, null, null, null, null, null, Set.of());
  }

  public static KpmLabel fiveQi(long fiveQi) {
    return new KpmLabel(false, null, null, fiveQi, null, null, null, null, null, null, null, null, null, null, Set.of());
  }

  /** True when nothing but noLabel is set. */
  public boolean isNone() {
    return plmn == null && slice == null && fiveQi == null && qfi == null && qci == null && arpMax == null
        && arpMin == null && bitrateRange == null && layerMuMimo == null && distBinX == null && distBinY == null
        && distBinZ == null && ssbIndex == null && stats.isEmpty();
  }
}
