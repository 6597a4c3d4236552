package io.oranric.xapp.common;

import io.oranric.contract.v1.ControlOutcome;
import io.oranric.xapp.sdk.KpmSample;
import java.time.Instant;
import java.util.List;

/**
 * The decision core of an xApp, free of I/O: telemetry and time in, control decisions out, outcomes
 * fed back. {@link LogicXApp} drives it on an event loop; tests drive it directly with a fixed clock.
 * Implementations are single-threaded.
 */
public interface ControlLogic {

  /** One batch of KPM values (flattened reports) seen at {@code now}. */
  List<Decision> onKpm(List<KpmSample> samples, Instant now);

  /** A periodic tick without telemetry: policies that start or end, hold times that expire. */
  default List<Decision> onTick(Instant now) {
    return List.of();
  }

  /** The outcome of a decision this logic made (success, failure, time-out, rejected by the guard). */
  default void onOutcome(Decision decision, ControlOutcome outcome, Instant now) {}

  /** The policy store changed: re-evaluate at the next chance rather than waiting for a period. */
  default void onPolicyChange(Instant now) {}
}
