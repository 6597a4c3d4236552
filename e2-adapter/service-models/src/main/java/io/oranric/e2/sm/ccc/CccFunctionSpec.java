package io.oranric.e2.sm.ccc;

import io.oranric.e2.sm.Ncgi;
import java.util.List;

/**
 * What an E2 node offers through E2SM-CCC: its cells and, per cell, the configuration structures it
 * lets the RIC write (control style 2, cell configuration), with their attributes.
 */
public record CccFunctionSpec(String shortName, String oid, String description, Long instance, List<Ncgi> cells,
    List<String> structures) {

  /** srsRAN's OID for its JSON E2SM-CCC. */
  public static final String OID_SRSRAN = "1.3.6.1.4.1.53148.1.6.2.4";
  /** E2SM-CCC v1.01 (version 1 in the O-RAN OID tree). */
  public static final String OID_V1 = "1.3.6.1.4.1.53148.1.1.2.4";

  public static final List<String> ALL = List.of("O-NRSectorCarrier", "O-BWP", "O-RRMPolicyRatio", "O-CESManagementFunction");

  public CccFunctionSpec {
    cells = List.copyOf(cells);
    structures = List.copyOf(structures);
  }

  /** The attributes of a structure that control may write. */
  public static List<String> attributes(String structure) {
    switch (structure) {
      case "O-NRSectorCarrier": return List.of("configuredMaxTxPower", "arfcnDL", "bSChannelBwDL");
      case "O-BWP": return List.of("startRB", "numberOfRBs", "subCarrierSpacing");
      case "O-RRMPolicyRatio": return List.of("resourceType", "rRMPolicyMemberList", "rRMPolicyMaxRatio", "rRMPolicyMinRatio",
          "rRMPolicyDedicatedRatio");
      case "O-CESManagementFunction": return List.of("cesSwitch", "energySavingControl");
      default: return List.of();
    }
  }
}
