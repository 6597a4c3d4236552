package io.oranric.e2.sm.kpm;

/**
 * The two E2SM-KPM layouts. Their ASN.1 differs only in TimeStamp (v2.03 SIZE(4), v3.00 SIZE(8)),
 * which appears only in the indication header; every other E2SM-KPM value encodes identically in
 * both (extension additions of v3.00 are optional). The OID does not tell them apart: srsRAN sends the
 * v3 layout under the v2 OID.
 */
public enum KpmVersion {
  KPM2("1.3.6.1.4.1.53148.1.2.2.2", 4),
  KPM3("1.3.6.1.4.1.53148.1.3.2.2", 8);

  /** The OID the O-RAN specification assigns; srsRAN uses KPM2's with the KPM3 layout. */
  public static final String OID_V2 = KPM2.oid;
  public static final String OID_V3 = KPM3.oid;

  private final String oid;
  private final int timestampOctets;

  KpmVersion(String oid, int timestampOctets) {
    this.oid = oid;
    this.timestampOctets = timestampOctets;
  }

  public String oid() {
    return oid;
  }

  public int timestampOctets() {
    return timestampOctets;
  }

  public KpmVersion other() {
    return this == KPM2 ? KPM3 : KPM2;
  }

  public static boolean isKpmOid(String oid) {
    return oid != null && (oid.startsWith("1.3.6.1.4.1.53148.1.2.2.2") || oid.startsWith("1.3.6.1.4.1.53148.1.3.2.2")
        || oid.startsWith("1.3.6.1.4.1.53148.1.1.2.2"));
  }
}
