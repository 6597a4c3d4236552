package io.oranric.e2.node;

public enum LinkKind {
  SCTP,
  TCP,
  UDP;

  public static LinkKind parse(String s) {
    return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
