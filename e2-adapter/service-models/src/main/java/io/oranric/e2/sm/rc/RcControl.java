package io.oranric.e2.sm.rc;

import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.UeId;
import java.util.List;

/** A typed E2SM-RC control request, as the node reads it and the RIC builds it. */
public sealed interface RcControl permits RcControl.SlicePrbQuota, RcControl.Handover {

  int style();

  int action();

  /** PRB ratios (percent of the cell's PRBs) for the UEs of one slice. */
  record SliceQuota(Plmn plmn, SliceId slice, int minRatio, int maxRatio, int dedicatedRatio) {}

  /**
   * Style 2 action 6. The UE id of the header is required by ControlHeader-Format1 even though the
   * action is cell level: {@code anchor} is whatever the RIC put there (the RIC sends gNB-DU UE 0 when
   * the request names no UE).
   */
  record SlicePrbQuota(UeId anchor, List<SliceQuota> slices) implements RcControl {
    public SlicePrbQuota {
      slices = List.copyOf(slices);
    }

    @Override
    public int style() {
      return 2;
    }

    @Override
    public int action() {
      return 6;
    }
  }

  /** Style 3 action 1: hand the UE over to the target NR cell. */
  record Handover(UeId ue, Ncgi target) implements RcControl {
    @Override
    public int style() {
      return 3;
    }

    @Override
    public int action() {
      return 1;
    }
  }
}
