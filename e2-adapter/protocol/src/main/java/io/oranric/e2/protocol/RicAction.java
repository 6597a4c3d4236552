package io.oranric.e2.protocol;

/**
 * One action of a subscription. The definition is the E2SM action definition (e.g. a KPM format 1
 * measurement list), opaque here.
 */
public record RicAction(int actionId, Type type, byte[] definition, Integer executionOrder) {
  public enum Type { REPORT, INSERT, POLICY }

  public RicAction {
    if (actionId < 0 || actionId > 255) {
      throw new IllegalArgumentException("RIC action id is 0..255: " + actionId);
    }
  }
}
