package io.oranric.e2.protocol;

import java.util.List;

/**
 * Every E2AP message the termination and the E2 node simulator exchange, independent of the wire
 * version (E2AP v2.03 and v3.01 carry the same information for these; the version adapters map
 * between the generated ASN.1 types and these records). E2SM payloads (event triggers, action
 * definitions, indication headers and messages, control headers and messages) stay opaque bytes:
 * the E2SM codecs read them, E2AP never does.
 */
public sealed interface E2apMessage {

  /** The elementary procedure this message belongs to, with its E2AP procedure code. */
  Procedure procedure();

  /** Which of the three PDU kinds carries the message. */
  Kind kind();

  enum Kind { INITIATING, SUCCESSFUL, UNSUCCESSFUL }

  enum Procedure {
    E2_SETUP(1), ERROR_INDICATION(2), RESET(3), RIC_CONTROL(4), RIC_INDICATION(5), RIC_SERVICE_QUERY(6),
    RIC_SERVICE_UPDATE(7), RIC_SUBSCRIPTION(8), RIC_SUBSCRIPTION_DELETE(9), E2_NODE_CONFIGURATION_UPDATE(10),
    E2_CONNECTION_UPDATE(11), RIC_SUBSCRIPTION_DELETE_REQUIRED(12), E2_REMOVAL(13);

    public final int code;

    Procedure(int code) {
      this.code = code;
    }
  }

  // ---- E2 Setup (node -> RIC) ------------------------------------------------------------

  record E2SetupRequest(int transactionId, GlobalNodeId nodeId, List<RanFunction> ranFunctions,
      List<ComponentConfig> components) implements E2apMessage {
    public Procedure procedure() { return Procedure.E2_SETUP; }
    public Kind kind() { return Kind.INITIATING; }
  }

  record RanFunctionRejection(int ranFunctionId, Cause cause) {}

  record E2SetupResponse(int transactionId, Plmn ricPlmn, long ricId, List<Integer> acceptedRanFunctions,
      List<RanFunctionRejection> rejectedRanFunctions, List<ComponentConfig> componentAcks) implements E2apMessage {
    public Procedure procedure() { return Procedure.E2_SETUP; }
    public Kind kind() { return Kind.SUCCESSFUL; }
  }

  record E2SetupFailure(int transactionId, Cause cause, Integer timeToWait) implements E2apMessage {
    public Procedure procedure() { return Procedure.E2_SETUP; }
    public Kind kind() { return Kind.UNSUCCESSFUL; }
  }

  // ---- Subscriptions (RIC -> node) ------------------------------------------------------

  record RicSubscriptionRequest(RicRequestId requestId, int ranFunctionId, byte[] eventTrigger,
      List<RicAction> actions) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SUBSCRIPTION; }
    public Kind kind() { return Kind.INITIATING; }
  }

  record ActionRejection(int actionId, Cause cause) {}

  record RicSubscriptionResponse(RicRequestId requestId, int ranFunctionId, List<Integer> admittedActions,
      List<ActionRejection> notAdmittedActions) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SUBSCRIPTION; }
    public Kind kind() { return Kind.SUCCESSFUL; }
  }

  record RicSubscriptionFailure(RicRequestId requestId, int ranFunctionId, Cause cause) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SUBSCRIPTION; }
    public Kind kind() { return Kind.UNSUCCESSFUL; }
  }

  record RicSubscriptionDeleteRequest(RicRequestId requestId, int ranFunctionId) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SUBSCRIPTION_DELETE; }
    public Kind kind() { return Kind.INITIATING; }
  }

  record RicSubscriptionDeleteResponse(RicRequestId requestId, int ranFunctionId) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SUBSCRIPTION_DELETE; }
    public Kind kind() { return Kind.SUCCESSFUL; }
  }

  record RicSubscriptionDeleteFailure(RicRequestId requestId, int ranFunctionId, Cause cause) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SUBSCRIPTION_DELETE; }
    public Kind kind() { return Kind.UNSUCCESSFUL; }
  }

  record SubscriptionToDelete(RicRequestId requestId, int ranFunctionId, Cause cause) {}

  /** Node-initiated: the node can no longer serve these subscriptions. */
  record RicSubscriptionDeleteRequired(List<SubscriptionToDelete> subscriptions) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SUBSCRIPTION_DELETE_REQUIRED; }
    public Kind kind() { return Kind.INITIATING; }
  }

  // ---- Indications (node -> RIC) --------------------------------------------------------

  record RicIndication(RicRequestId requestId, int ranFunctionId, int actionId, Long sequenceNumber,
      RicAction.Type type, byte[] header, byte[] message, byte[] callProcessId) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_INDICATION; }
    public Kind kind() { return Kind.INITIATING; }
  }

  // ---- Control (RIC -> node) ------------------------------------------------------------

  record RicControlRequest(RicRequestId requestId, int ranFunctionId, byte[] callProcessId, byte[] header,
      byte[] message, Boolean ackRequested) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_CONTROL; }
    public Kind kind() { return Kind.INITIATING; }
  }

  record RicControlAcknowledge(RicRequestId requestId, int ranFunctionId, byte[] callProcessId, byte[] outcome)
      implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_CONTROL; }
    public Kind kind() { return Kind.SUCCESSFUL; }
  }

  record RicControlFailure(RicRequestId requestId, int ranFunctionId, byte[] callProcessId, Cause cause,
      byte[] outcome) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_CONTROL; }
    public Kind kind() { return Kind.UNSUCCESSFUL; }
  }

  // ---- Service update / query (node <-> RIC) -------------------------------------------

  record RicServiceUpdate(int transactionId, List<RanFunction> added, List<RanFunction> modified,
      List<Integer> deleted) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SERVICE_UPDATE; }
    public Kind kind() { return Kind.INITIATING; }
  }

  record RicServiceUpdateAcknowledge(int transactionId, List<Integer> accepted, List<RanFunctionRejection> rejected)
      implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SERVICE_UPDATE; }
    public Kind kind() { return Kind.SUCCESSFUL; }
  }

  record RicServiceUpdateFailure(int transactionId, Cause cause, Integer timeToWait) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SERVICE_UPDATE; }
    public Kind kind() { return Kind.UNSUCCESSFUL; }
  }

  record RicServiceQuery(int transactionId, List<Integer> acceptedRanFunctions) implements E2apMessage {
    public Procedure procedure() { return Procedure.RIC_SERVICE_QUERY; }
    public Kind kind() { return Kind.INITIATING; }
  }

  // ---- E2 node configuration update (node -> RIC) --------------------------------------

  record E2NodeConfigurationUpdate(int transactionId, GlobalNodeId nodeId, List<ComponentConfig> additions,
      List<ComponentConfig> updates, List<ComponentConfig> removals) implements E2apMessage {
    public Procedure procedure() { return Procedure.E2_NODE_CONFIGURATION_UPDATE; }
    public Kind kind() { return Kind.INITIATING; }
  }

  record E2NodeConfigurationUpdateAcknowledge(int transactionId, List<ComponentConfig> additionAcks,
      List<ComponentConfig> updateAcks, List<ComponentConfig> removalAcks) implements E2apMessage {
    public Procedure procedure() { return Procedure.E2_NODE_CONFIGURATION_UPDATE; }
    public Kind kind() { return Kind.SUCCESSFUL; }
  }

  record E2NodeConfigurationUpdateFailure(int transactionId, Cause cause, Integer timeToWait) implements E2apMessage {
    public Procedure procedure() { return Procedure.E2_NODE_CONFIGURATION_UPDATE; }
    public Kind kind() { return Kind.UNSUCCESSFUL; }
  }

  // ---- Reset, Error Indication, Removal (either side) ----------------------------------

  record ResetRequest(int transactionId, Cause cause) implements E2apMessage {
    public Procedure procedure() { return Procedure.RESET; }
    public Kind kind() { return Kind.INITIATING; }
  }

  record ResetResponse(int transactionId) implements E2apMessage {
    public Procedure procedure() { return Procedure.RESET; }
    public Kind kind() { return Kind.SUCCESSFUL; }
  }

  /** Every field is optional: an error indication says what it can about the offending message. */
  record ErrorIndication(Integer transactionId, RicRequestId requestId, Integer ranFunctionId, Cause cause)
      implements E2apMessage {
    public Procedure procedure() { return Procedure.ERROR_INDICATION; }
    public Kind kind() { return Kind.INITIATING; }
  }

  record E2RemovalRequest(int transactionId) implements E2apMessage {
    public Procedure procedure() { return Procedure.E2_REMOVAL; }
    public Kind kind() { return Kind.INITIATING; }
  }

  record E2RemovalResponse(int transactionId) implements E2apMessage {
    public Procedure procedure() { return Procedure.E2_REMOVAL; }
    public Kind kind() { return Kind.SUCCESSFUL; }
  }

  record E2RemovalFailure(int transactionId, Cause cause) implements E2apMessage {
    public Procedure procedure() { return Procedure.E2_REMOVAL; }
    public Kind kind() { return Kind.UNSUCCESSFUL; }
  }
}
