package io.oranric.xapp.sdk;

import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.Measurement;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured value with its scope, flattened from a KPM report: what most xApps want to look at.
 *
 * @param sliceSst 0 when the value is not per slice
 * @param ueId empty when the value is not per UE
 * @param receivedNs when the termination read the indication (for the near-RT budget)
 */
public record KpmSample(String nodeId, String cellId, int sliceSst, String ueId, String name, double value,
    long timeNs, long receivedNs) {

  public boolean isCellLevel() {
    return sliceSst == 0 && ueId.isEmpty();
  }

  public boolean isSliceLevel() {
    return sliceSst != 0 && ueId.isEmpty();
  }

  public boolean isUeLevel() {
    return !ueId.isEmpty();
  }

  /** Every numeric value of a report; noValue entries are skipped. */
  public static List<KpmSample> of(KpmReport r) {
    List<KpmSample> out = new ArrayList<>(r.getMeasurementsCount());
    for (Measurement m : r.getMeasurementsList()) {
      double v;
      switch (m.getValueCase()) {
        case INTEGER -> v = m.getInteger();
        case REAL -> v = m.getReal();
        default -> {
          continue;
        }
      }
      var scope = m.getScope();
      out.add(new KpmSample(r.getNodeId(), scope.getCellId(), scope.hasSlice() ? scope.getSlice().getSst() : 0,
          scope.getUeId(), m.getName(), v, m.getTimeNs() != 0 ? m.getTimeNs() : r.getCollectStartNs(), r.getReceivedNs()));
    }
    return out;
  }
}
