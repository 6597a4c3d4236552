package io.oranric.e2.protocol;

/** The E2AP versions we speak; chosen per association from its first PDU or by configuration. */
public enum E2apVersion {
  V2_03("2.03", "E2AP2"),
  V3_01("3.01", "E2AP3");

  private final String label;
  private final String asn1Set;

  E2apVersion(String label, String asn1Set) {
    this.label = label;
    this.asn1Set = asn1Set;
  }

  public String label() {
    return label;
  }

  /** The ASN.1 set name used by the codecs and the CLI ({@code E2AP2}, {@code E2AP3}). */
  public String asn1Set() {
    return asn1Set;
  }

  public static E2apVersion parse(String s) {
    for (E2apVersion v : values()) {
      if (v.label.equals(s) || v.asn1Set.equalsIgnoreCase(s) || v.name().equalsIgnoreCase(s)
          || ("v" + v.label).equalsIgnoreCase(s)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown E2AP version '" + s + "' (2.03 or 3.01)");
  }
}
