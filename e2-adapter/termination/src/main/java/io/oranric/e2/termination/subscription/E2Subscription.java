package io.oranric.e2.termination.subscription;

import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.RicRequestId;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.SubscriptionContent;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One E2 subscription on one node, shared by every xApp wish that asked for the same thing. Mutated
 * only on the termination's control context; the indication path reads {@link #function} and
 * {@link #content}, which never change after creation.
 */
public final class E2Subscription {
  final String nodeKey;
  final RanFunctionInfo function;
  final RicRequestId requestId;
  final SubscriptionContent content;
  final String contentKey;
  final Set<String> subscribers = new LinkedHashSet<>();
  volatile SubscriptionState state = SubscriptionState.REQUESTED;
  Cause lastCause;
  String lastError;
  int attempts;
  long deadlineMillis;
  long retryAtMillis;

  E2Subscription(String nodeKey, RanFunctionInfo function, RicRequestId requestId, SubscriptionContent content, String contentKey) {
    this.nodeKey = nodeKey;
    this.function = function;
    this.requestId = requestId;
    this.content = content;
    this.contentKey = contentKey;
  }

  public String id() {
    return nodeKey + "/" + function.id() + "/" + requestId;
  }

  public String nodeKey() {
    return nodeKey;
  }

  public RanFunctionInfo function() {
    return function;
  }

  public RicRequestId requestId() {
    return requestId;
  }

  public SubscriptionContent content() {
    return content;
  }

  public SubscriptionState state() {
    return state;
  }

  public Set<String> subscribers() {
    return Set.copyOf(subscribers);
  }

  public String lastError() {
    return lastError;
  }

  @Override
  public String toString() {
    return id() + " " + state + " for " + subscribers;
  }
}
