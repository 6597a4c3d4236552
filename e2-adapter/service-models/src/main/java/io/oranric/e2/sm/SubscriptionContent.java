package io.oranric.e2.sm;

import io.oranric.e2.protocol.RicAction;
import java.util.List;

/**
 * The E2SM bytes of one subscription, plus what the indication decoder needs to read the reports
 * it will bring (e.g. the measurement names of a KPM format 1 action, in order).
 */
public record SubscriptionContent(byte[] eventTrigger, List<RicAction> actions, Object decodeContext) {}
