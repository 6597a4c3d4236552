package io.oranric.e2.protocol;

/**
 * A PLMN identity as operators write it (MCC "001", MNC "01" or "001"), with the 3-octet TBCD
 * form of 3GPP TS 38.413 used on the wire.
 */
public record Plmn(String mcc, String mnc) {
  public Plmn {
    if (!digits(mcc, 3, 3)) {
      throw new IllegalArgumentException("MCC must be 3 digits: " + mcc);
    }
    if (!digits(mnc, 2, 3)) {
      throw new IllegalArgumentException("MNC must be 2 or 3 digits: " + mnc);
    }
  }

  // by hand, not a regex: a PLMN is built for every control request and every decoded cell id
  private static boolean digits(String s, int min, int max) {
    if (s == null || s.length() < min || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** TBCD: MCC2 MCC1 | MNC3(or F) MCC3 | MNC2 MNC1. */
  public byte[] toBytes() {
    int m1 = mcc.charAt(0) - '0', m2 = mcc.charAt(1) - '0', m3 = mcc.charAt(2) - '0';
    int n1 = mnc.charAt(0) - '0', n2 = mnc.charAt(1) - '0';
    int n3 = mnc.length() == 3 ? mnc.charAt(2) - '0' : 0xF;
    return new byte[] {(byte) ((m2 << 4) | m1), (byte) ((n3 << 4) | m3), (byte) ((n2 << 4) | n1)};
  }

  public static Plmn fromBytes(byte[] b) {
    if (b == null || b.length != 3) {
      throw new IllegalArgumentException("PLMN identity must be 3 octets");
    }
    String mcc = "" + digit(b[0] & 0xF) + digit((b[0] >> 4) & 0xF) + digit(b[1] & 0xF);
    int n3 = (b[1] >> 4) & 0xF;
    String mnc = "" + digit(b[2] & 0xF) + digit((b[2] >> 4) & 0xF) + (n3 == 0xF ? "" : String.valueOf(digit(n3)));
    return new Plmn(mcc, mnc);
  }

  private static char digit(int d) {
    if (d > 9) {
      throw new IllegalArgumentException("PLMN identity holds a non-decimal digit " + d);
    }
    return (char) ('0' + d);
  }

  @Override
  public String toString() {
    return mcc + mnc;
  }
}
