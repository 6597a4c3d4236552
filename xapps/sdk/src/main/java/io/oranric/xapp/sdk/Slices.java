package io.oranric.xapp.sdk;

import java.util.Map;

/**
 * Slice names of the policy contract and their SST values. Policies name slices ("urllc"), KPM and
 * control carry S-NSSAIs: this is the one place that maps between them. A numeric name ("2") is
 * taken as the SST itself so that operator-defined slices work without a table entry.
 */
public final class Slices {
  private static final Map<String, Integer> BY_NAME = Map.of("embb", 1, "urllc", 2, "miot", 3, "v2x", 4);

  private Slices() {}

  /** The SST of a slice name, or 0 when the name is neither known nor a number. */
  public static int sst(String name) {
    if (name == null || name.isEmpty()) {
      return 0;
    }
    Integer known = BY_NAME.get(name.toLowerCase(java.util.Locale.ROOT));
    if (known != null) {
      return known;
    }
    try {
      int v = Integer.parseInt(name);
      return v > 0 && v < 256 ? v : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The contract name of an SST ("urllc" for 2), or the number as text. */
  public static String name(int sst) {
    for (var e : BY_NAME.entrySet()) {
      if (e.getValue() == sst) {
        return e.getKey();
      }
    }
    return Integer.toString(sst);
  }
}
