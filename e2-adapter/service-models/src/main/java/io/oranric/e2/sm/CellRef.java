package io.oranric.e2.sm;

import io.oranric.e2.protocol.Plmn;

/**
 * A cell as E2 names it (NR CGI: PLMN + 36-bit NR cell identity) together with the operator's name
 * for it ("cell-3") when the inventory knows one.
 */
public record CellRef(Plmn plmn, long nrCellId, String name) {
  /** The name, or a stable hex form of the CGI for cells the inventory does not name. */
  public String displayName() {
    return name != null ? name : "nrcgi-" + plmn + "-" + String.format("%09x", nrCellId);
  }
}
