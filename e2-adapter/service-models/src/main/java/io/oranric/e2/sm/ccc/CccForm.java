package io.oranric.e2.sm.ccc;

/**
 * How a node carries E2SM-CCC. {@link #JSON}: the O-RAN JSON encoding of E2SM-CCC (v3 and later) inside
 * the E2AP OCTET STRINGs, as srsRAN Project does (OID 1.3.6.1.4.1.53148.1.6.2.4); every configuration
 * structure is available. {@link #ASN1}: the APER encoding of E2SM-CCC v1.01, whose configuration
 * structures are typed ASN.1 (O-RRMPolicyRatio and O-BWP here; O-NRSectorCarrier and
 * O-CESManagementFunction do not exist in it).
 */
public enum CccForm {
  JSON("CCC-JSON"),
  ASN1("CCC1");

  private final String version;

  CccForm(String version) {
    this.version = version;
  }

  /** The {@code RanFunctionInfo.version} of a function in this form. */
  public String version() {
    return version;
  }

  public static CccForm of(String version) {
    return JSON.version.equals(version) ? JSON : ASN1;
  }
}
