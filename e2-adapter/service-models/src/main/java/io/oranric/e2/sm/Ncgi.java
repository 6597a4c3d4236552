package io.oranric.e2.sm;

import io.oranric.e2.aper.BitString;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.protocol.Plmn;

/**
 * An NR cell global identity (3GPP TS 38.413 NR-CGI): PLMN plus the 36-bit NR cell identity. The value
 * type every service model here uses for cells, so that KPM scopes, RC targets and CCC cell lists agree.
 */
public record Ncgi(Plmn plmn, long nci) {
  public static final long MAX_NCI = (1L << 36) - 1;

  public Ncgi {
    if (plmn == null) {
      throw new IllegalArgumentException("NR CGI needs a PLMN");
    }
    if (nci < 0 || nci > MAX_NCI) {
      throw new IllegalArgumentException("NR cell identity is 36 bits: " + nci);
    }
  }

  /** The inventory key {@code <mcc><mnc>-<nci, 9 hex digits>} that {@link CellNaming} uses. */
  public String key() {
    return CellNaming.cgiKey(plmn, nci);
  }

  public static Ncgi fromKey(String key) {
    int dash = key.indexOf('-');
    if (dash < 5) {
      throw new IllegalArgumentException("not an NR CGI key (<mcc><mnc>-<nci hex>): " + key);
    }
    String plmn = key.substring(0, dash);
    return new Ncgi(new Plmn(plmn.substring(0, 3), plmn.substring(3)), Long.parseLong(key.substring(dash + 1), 16));
  }

  public OctetString plmnOctets() {
    return OctetString.wrap(plmn.toBytes());
  }

  public BitString nciBits() {
    return BitString.ofLong(nci, 36);
  }

  /** From the E2SM encoding (3-octet TBCD PLMN, 36-bit BIT STRING). */
  public static Ncgi of(OctetString plmn, BitString nci) {
    if (nci.size() != 36) {
      throw new IllegalArgumentException("NR cell identity must be 36 bits, got " + nci.size());
    }
    return new Ncgi(Plmn.fromBytes(plmn.toByteArray()), nci.toLong());
  }

  public io.oranric.contract.v1.NrCgi toProto() {
    return io.oranric.contract.v1.NrCgi.newBuilder()
        .setPlmn(io.oranric.contract.v1.Plmn.newBuilder().setMcc(plmn.mcc()).setMnc(plmn.mnc()))
        .setNrCellId(nci).build();
  }

  public static Ncgi fromProto(io.oranric.contract.v1.NrCgi p) {
    return new Ncgi(new Plmn(p.getPlmn().getMcc(), p.getPlmn().getMnc()), p.getNrCellId());
  }

  @Override
  public String toString() {
    return key();
  }
}
