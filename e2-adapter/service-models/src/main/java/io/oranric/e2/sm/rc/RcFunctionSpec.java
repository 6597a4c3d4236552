package io.oranric.e2.sm.rc;

import java.util.List;

/**
 * What an E2 node offers through E2SM-RC: the control actions this project uses (style 2 action 6
 * "Slice-level PRB quota", style 3 action 1 "Handover Control") with the parameter IDs it announces,
 * plus REPORT and INSERT styles described generically.
 */
public record RcFunctionSpec(String shortName, String oid, String description, Long instance, boolean slicePrbQuota,
    boolean handover, SliceQuotaParams sliceParams, List<RcDefinition.Style> reportStyles, List<RcDefinition.Style> insertStyles) {

  public static final String OID = "1.3.6.1.4.1.53148.1.1.2.3";

  public RcFunctionSpec {
    reportStyles = reportStyles == null ? List.of() : List.copyOf(reportStyles);
    insertStyles = insertStyles == null ? List.of() : List.copyOf(insertStyles);
    sliceParams = sliceParams == null ? SliceQuotaParams.SPEC : sliceParams;
  }

  /** Both control actions with the specification's parameter IDs, no REPORT or INSERT styles. */
  public static RcFunctionSpec controlOnly() {
    return new RcFunctionSpec("ORAN-E2SM-RC", OID, "RAN Control", null, true, true, SliceQuotaParams.SPEC, List.of(), List.of());
  }
}
