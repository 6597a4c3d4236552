package io.oranric.testbed.sim.e2;

import io.oranric.e2.node.E2NodeApplication;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.RanFunction;
import java.util.List;

/**
 * The control side of a simulated gNB: the RC and CCC RAN functions it offers and how their control
 * requests reach the radio model. Separate from the KPM side so each service model stays readable.
 */
public interface SimControl {
  List<RanFunction> ranFunctions();

  E2NodeApplication.SubscriptionDecision subscribe(E2apMessage.RicSubscriptionRequest request);

  E2NodeApplication.ControlResult execute(E2apMessage.RicControlRequest request);
}
