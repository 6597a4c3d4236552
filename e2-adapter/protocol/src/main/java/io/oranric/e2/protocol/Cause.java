package io.oranric.e2.protocol;

import java.util.List;

/**
 * An E2AP Cause: group and the index of the value in its ENUMERATED (extension values continue the
 * numbering after the root, as PER encodes them). Values we do not know by name are kept by number.
 */
public record Cause(Group group, int value) {

  public enum Group {
    RIC_REQUEST("ricRequest", List.of("ran-function-id-invalid", "action-not-supported", "excessive-actions",
        "duplicate-action", "duplicate-event-trigger", "function-resource-limit", "request-id-unknown",
        "inconsistent-action-subsequent-action-sequence", "control-message-invalid", "ric-call-process-id-invalid",
        "control-timer-expired", "control-failed-to-execute", "system-not-ready", "unspecified",
        "ric-subscription-end-time-expired", "ric-subscription-end-time-invalid", "duplicate-ric-request-id",
        "eventTriggerNotSupported", "requested-information-unavailable", "invalid-information-request"), 14),
    RIC_SERVICE("ricService", List.of("ran-function-not-supported", "excessive-functions", "ric-resource-limit"), 3),
    E2_NODE("e2Node", List.of("e2node-component-unknown"), 1),
    TRANSPORT("transport", List.of("unspecified", "transport-resource-unavailable"), 2),
    PROTOCOL("protocol", List.of("transfer-syntax-error", "abstract-syntax-error-reject",
        "abstract-syntax-error-ignore-and-notify", "message-not-compatible-with-receiver-state", "semantic-error",
        "abstract-syntax-error-falsely-constructed-message", "unspecified"), 7),
    MISC("misc", List.of("control-processing-overload", "hardware-failure", "om-intervention", "unspecified"), 4);

    private final String asn1Name;
    private final List<String> names;
    private final int rootCount;

    Group(String asn1Name, List<String> names, int rootCount) {
      this.asn1Name = asn1Name;
      this.names = names;
      this.rootCount = rootCount;
    }

    public String asn1Name() {
      return asn1Name;
    }

    /** Values in the ENUMERATED root; the rest are extension additions. */
    public int rootCount() {
      return rootCount;
    }

    public int indexOf(String name) {
      int i = names.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException(asn1Name + " has no value " + name);
      }
      return i;
    }

    String name(int value) {
      return value >= 0 && value < names.size() ? names.get(value) : "#" + value;
    }
  }

  public static Cause of(Group group, String name) {
    return new Cause(group, group.indexOf(name));
  }

  // The causes the RIC itself sends most.
  public static final Cause RAN_FUNCTION_ID_INVALID = of(Group.RIC_REQUEST, "ran-function-id-invalid");
  public static final Cause ACTION_NOT_SUPPORTED = of(Group.RIC_REQUEST, "action-not-supported");
  public static final Cause REQUEST_ID_UNKNOWN = of(Group.RIC_REQUEST, "request-id-unknown");
  public static final Cause CONTROL_MESSAGE_INVALID = of(Group.RIC_REQUEST, "control-message-invalid");
  public static final Cause CONTROL_FAILED_TO_EXECUTE = of(Group.RIC_REQUEST, "control-failed-to-execute");
  public static final Cause CONTROL_TIMER_EXPIRED = of(Group.RIC_REQUEST, "control-timer-expired");
  public static final Cause RAN_FUNCTION_NOT_SUPPORTED = of(Group.RIC_SERVICE, "ran-function-not-supported");
  public static final Cause TRANSFER_SYNTAX_ERROR = of(Group.PROTOCOL, "transfer-syntax-error");
  public static final Cause ABSTRACT_SYNTAX_ERROR_REJECT = of(Group.PROTOCOL, "abstract-syntax-error-reject");
  public static final Cause ABSTRACT_SYNTAX_FALSELY_CONSTRUCTED = of(Group.PROTOCOL, "abstract-syntax-error-falsely-constructed-message");
  public static final Cause NOT_COMPATIBLE_WITH_STATE = of(Group.PROTOCOL, "message-not-compatible-with-receiver-state");
  public static final Cause SEMANTIC_ERROR = of(Group.PROTOCOL, "semantic-error");
  public static final Cause MISC_UNSPECIFIED = of(Group.MISC, "unspecified");
  public static final Cause OVERLOAD = of(Group.MISC, "control-processing-overload");

  /** e.g. {@code ricRequest/control-failed-to-execute}. */
  @Override
  public String toString() {
    return group.asn1Name() + "/" + group.name(value);
  }
}
