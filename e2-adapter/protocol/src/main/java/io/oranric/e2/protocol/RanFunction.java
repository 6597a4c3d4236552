package io.oranric.e2.protocol;

/** A RAN function an E2 node offers: its E2SM is named by the OID, its definition stays opaque here. */
public record RanFunction(int id, int revision, String oid, byte[] definition) {
  public RanFunction {
    if (id < 0 || id > 4095) {
      throw new IllegalArgumentException("RAN function id is 0..4095: " + id);
    }
    definition = definition == null ? new byte[0] : definition;
  }
}
