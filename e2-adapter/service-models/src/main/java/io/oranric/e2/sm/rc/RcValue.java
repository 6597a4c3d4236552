package io.oranric.e2.sm.rc;

import io.oranric.e2.aper.BitString;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An E2SM-RC RAN parameter value (RANParameter-ValueType): an element (with its key flag), a structure of
 * parameters, or a list of structures. Element values are Long, Double, Boolean, byte[] (OCTET STRING),
 * BitString or String (PrintableString); null for an element sent without value.
 */
public sealed interface RcValue permits RcValue.Element, RcValue.Struct, RcValue.ListOf {

  /** A RAN parameter: its id and value. */
  record Param(long id, RcValue value) {}

  record Element(Object value, boolean key) implements RcValue {
    public Element {
      if (value != null && !(value instanceof Long || value instanceof Double || value instanceof Boolean
          || value instanceof byte[] || value instanceof BitString || value instanceof String)) {
        throw new IllegalArgumentException("RAN parameter element of type " + value.getClass());
      }
    }

    public Long asLong() {
      return value instanceof Long l ? l : null;
    }

    public byte[] asOctets() {
      return value instanceof byte[] b ? b : null;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Element e && e.key == key && (value instanceof byte[] a && e.value instanceof byte[] b
          ? Arrays.equals(a, b) : Objects.equals(value, e.value));
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, value instanceof byte[] b ? Arrays.hashCode(b) : value);
    }

    @Override
    public String toString() {
      return value instanceof byte[] b ? "0x" + java.util.HexFormat.of().formatHex(b) : String.valueOf(value);
    }
  }

  record Struct(List<Param> params) implements RcValue {
    public Struct {
      params = List.copyOf(params);
    }

    /** The first parameter with this id, or null. */
    public RcValue get(long id) {
      for (Param p : params) {
        if (p.id() == id) {
          return p.value();
        }
      }
      return null;
    }
  }

  record ListOf(List<Struct> items) implements RcValue {
    public ListOf {
      items = List.copyOf(items);
    }
  }

  static Element of(long v) {
    return new Element(v, false);
  }

  static Element of(byte[] v) {
    return new Element(v, false);
  }

  static Struct struct(Param... params) {
    return new Struct(List.of(params));
  }

  static Param param(long id, RcValue v) {
    return new Param(id, v);
  }
}
