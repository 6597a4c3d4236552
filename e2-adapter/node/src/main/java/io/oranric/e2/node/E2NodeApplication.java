package io.oranric.e2.node;

import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.ComponentConfig;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.GlobalNodeId;
import io.oranric.e2.protocol.RanFunction;
import java.util.List;

/**
 * What an E2 node does above E2AP: which RAN functions it offers (with E2SM-encoded definitions),
 * how it answers subscriptions, what it reports each period, and how it executes control. The
 * simulator implements it on its radio model; tests implement small ones. Called on the session's
 * event loop only.
 */
public interface E2NodeApplication {
  GlobalNodeId nodeId();

  List<RanFunction> ranFunctions();

  /**
   * The node's interface components for E2 Setup. E2AP v2 and later make the list mandatory with at
   * least one item; a gNB always has its NG interface, so that is the default.
   */
  default List<ComponentConfig> components() {
    return List.of(new ComponentConfig(ComponentConfig.InterfaceType.NG, "amf-" + nodeId().text(), new byte[0], new byte[0]));
  }

  /** Decides on a subscription request: which actions, at what period, or why not. */
  SubscriptionDecision subscribe(E2apMessage.RicSubscriptionRequest request);

  /** This period's indications of an active subscription (one per admitted action, usually). */
  List<Report> report(ActiveSubscription subscription, long nowMillis);

  default void unsubscribe(ActiveSubscription subscription) {}

  /** Executes a control request; a failure carries the cause the node reports. */
  ControlResult control(E2apMessage.RicControlRequest request);

  /** A subscription the node accepted. {@code state} is the application's own (decoded action, ...). */
  record ActiveSubscription(E2apMessage.RicSubscriptionRequest request, long periodMillis, List<Integer> admittedActions,
      Object state) {}

  record SubscriptionDecision(boolean accepted, long periodMillis, List<Integer> admitted,
      List<E2apMessage.ActionRejection> notAdmitted, Cause cause, Object state) {
    public static SubscriptionDecision accept(long periodMillis, List<Integer> admitted, Object state) {
      return new SubscriptionDecision(true, periodMillis, admitted, List.of(), null, state);
    }

    public static SubscriptionDecision refuse(Cause cause) {
      return new SubscriptionDecision(false, 0, List.of(), List.of(), cause, null);
    }
  }

  record Report(int actionId, byte[] header, byte[] message) {}

  record ControlResult(boolean success, Cause cause, byte[] outcome) {
    public static ControlResult ok(byte[] outcome) {
      return new ControlResult(true, null, outcome);
    }

    public static ControlResult fail(Cause cause) {
      return new ControlResult(false, cause, null);
    }
  }
}
