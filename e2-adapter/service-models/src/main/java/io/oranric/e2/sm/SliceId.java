package io.oranric.e2.sm;

import io.oranric.contract.v1.Snssai;

/** An S-NSSAI: slice/service type (0..255) and optional 24-bit slice differentiator. */
public record SliceId(int sst, Integer sd) {
  public SliceId {
    if (sst < 0 || sst > 255) {
      throw new IllegalArgumentException("SST is 0..255: " + sst);
    }
    if (sd != null && (sd < 0 || sd > 0xFFFFFF)) {
      throw new IllegalArgumentException("SD is 24 bits: " + sd);
    }
  }

  public static SliceId of(int sst) {
    return new SliceId(sst, null);
  }

  public byte[] sstOctet() {
    return new byte[] {(byte) sst};
  }

  public byte[] sdOctets() {
    return sd == null ? null : new byte[] {(byte) (sd >> 16), (byte) (sd >> 8), (byte) (int) sd};
  }

  public static SliceId fromOctets(byte[] sst, byte[] sd) {
    if (sst == null || sst.length != 1) {
      throw new IllegalArgumentException("SST must be one octet");
    }
    if (sd != null && sd.length != 3) {
      throw new IllegalArgumentException("SD must be three octets");
    }
    return new SliceId(sst[0] & 0xFF, sd == null ? null : ((sd[0] & 0xFF) << 16) | ((sd[1] & 0xFF) << 8) | (sd[2] & 0xFF));
  }

  public Snssai toProto() {
    Snssai.Builder b = Snssai.newBuilder().setSst(sst);
    if (sd != null) {
      b.setSd(sd);
    }
    return b.build();
  }

  public static SliceId fromProto(Snssai s) {
    return new SliceId(s.getSst(), s.hasSd() ? s.getSd() : null);
  }

  /** e.g. {@code 1} or {@code 1:000001}. */
  @Override
  public String toString() {
    return sd == null ? Integer.toString(sst) : sst + ":" + String.format("%06x", sd);
  }
}
