package io.oranric.e2.sm.kpm;

import io.oranric.e2.sm.SliceId;

/**
 * An E2SM-KPM TestCondInfo: a UE property ({@link Type}), a comparison and a value. The value is a
 * {@code Long}, {@code Double}, {@code Boolean}, {@code String} (printable) or {@code byte[]} (octets),
 * or null with {@link Expr#PRESENT}.
 */
public record TestCondition(Type type, Expr expr, Object value) {
  public enum Type { GBR, AMBR, IS_STAT, IS_CAT_M, RSRP, RSRQ, UL_RSRP, CQI, FIVE_QI, QCI, S_NSSAI }

  public enum Expr { EQUAL, GREATER_THAN, LESS_THAN, CONTAINS, PRESENT }

  public TestCondition {
    if (type == null) {
      throw new IllegalArgumentException("test condition needs a type");
    }
    if (value != null && !(value instanceof Long || value instanceof Double || value instanceof Boolean
        || value instanceof String || value instanceof byte[])) {
      throw new IllegalArgumentException("test value must be Long, Double, Boolean, String or byte[]: " + value.getClass());
    }
  }

  /**
   * UEs of a slice. The value is the SST as an integer when there is no SD (as FlexRIC's xApps send),
   * or the S-NSSAI octets SST|SD otherwise.
   */
  public static TestCondition slice(SliceId s) {
    if (s.sd() == null) {
      return new TestCondition(Type.S_NSSAI, Expr.EQUAL, (long) s.sst());
    }
    byte[] sd = s.sdOctets();
    return new TestCondition(Type.S_NSSAI, Expr.EQUAL, new byte[] {(byte) s.sst(), sd[0], sd[1], sd[2]});
  }

  /** Every UE (any S-NSSAI present). */
  public static TestCondition anyUe() {
    return new TestCondition(Type.S_NSSAI, Expr.PRESENT, null);
  }

  /** The slice this condition selects, or null when it does not select one slice. */
  public SliceId sliceOrNull() {
    if (type != Type.S_NSSAI || expr != Expr.EQUAL) {
      return null;
    }
    if (value instanceof Long l && l >= 0 && l <= 255) {
      return SliceId.of(l.intValue());
    }
    if (value instanceof byte[] b && (b.length == 1 || b.length == 4)) {
      return b.length == 1 ? SliceId.of(b[0] & 0xFF)
          : new SliceId(b[0] & 0xFF, ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestCondition t && t.type == type && t.expr == expr
        && (value instanceof byte[] a && t.value instanceof byte[] b ? java.util.Arrays.equals(a, b)
            : java.util.Objects.equals(value, t.value));
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(type, expr, value instanceof byte[] b ? java.util.Arrays.hashCode(b) : value);
  }
}
