package io.oranric.e2.protocol.adapter;

import io.oranric.e2.aper.AperException;
import io.oranric.e2.aper.BitString;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.e2ap.v0301.*;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.ComponentConfig;
import io.oranric.e2.protocol.E2apCodec;
import io.oranric.e2.protocol.E2apDecodeException;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.protocol.GlobalNodeId;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.protocol.RicAction;
import io.oranric.e2.protocol.RicRequestId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * E2AP v3.01 on the wire (generated package {@code io.oranric.e2.codec.e2ap.v0301}) to and from the
 * version-independent message model. Stateless and thread safe.
 *
 * <p>The v2.03 adapter is the same file with the v3-only parts taken out (action execution order).
 */
public final class E2apV0301Codec implements E2apCodec {

  public static final E2apV0301Codec INSTANCE = new E2apV0301Codec();

  @Override
  public E2apVersion version() {
    return E2apVersion.V3_01;
  }

  // ======================================================================== decode

  @Override
  public E2apMessage decode(byte[] pdu) throws E2apDecodeException {
    E2AP_PDU p;
    try {
      p = E2AP_PDU.decode(pdu);
    } catch (AperException e) {
      throw E2apDecodeException.transferSyntax("not an E2AP v3.01 PDU: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw E2apDecodeException.transferSyntax("not an E2AP v3.01 PDU: " + e, e);
    }
    try {
      return fromPdu(p);
    } catch (MissingIe e) {
      throw new E2apDecodeException(e.getMessage(), Cause.ABSTRACT_SYNTAX_FALSELY_CONSTRUCTED, e.transactionId, e.requestId,
          e.ranFunctionId, null);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new E2apDecodeException("E2AP v3.01 message breaks its rules: " + e.getMessage(),
          Cause.ABSTRACT_SYNTAX_FALSELY_CONSTRUCTED, null, null, null, e);
    }
  }

  /** A mandatory IE was missing; carries what could be read for the Error Indication. */
  private static final class MissingIe extends RuntimeException {
    final Integer transactionId;
    final RicRequestId requestId;
    final Integer ranFunctionId;

    MissingIe(String message, Integer transactionId, RicRequestId requestId, Integer ranFunctionId) {
      super(message, null, false, false);
      this.transactionId = transactionId;
      this.requestId = requestId;
      this.ranFunctionId = ranFunctionId;
    }
  }

  private static <T> T need(T v, String ie, String msg) {
    if (v == null) {
      throw new MissingIe(msg + ": mandatory IE " + ie + " missing", null, null, null);
    }
    return v;
  }

  private static E2apMessage fromPdu(E2AP_PDU p) throws E2apDecodeException {
    if (p instanceof E2AP_PDU.InitiatingMessage im) {
      return fromInitiating(im.value());
    } else if (p instanceof E2AP_PDU.SuccessfulOutcome so) {
      return fromSuccessful(so.value());
    } else if (p instanceof E2AP_PDU.UnsuccessfulOutcome uo) {
      return fromUnsuccessful(uo.value());
    }
    throw new E2apDecodeException("E2AP-PDU of an unknown kind", Cause.ABSTRACT_SYNTAX_ERROR_REJECT, null, null, null, null);
  }

  private static E2apMessage fromInitiating(InitiatingMessage m) throws E2apDecodeException {
    if (m instanceof InitiatingMessage.RicIndication x) {
      RICindication v = x.value();
      RicRequestId id = requestId(need(v.ricRequestID(), "RICrequestID", "RICindication"));
      Long fn = v.ranFunctionID();
      if (fn == null || v.ricActionID() == null || v.ricIndicationHeader() == null || v.ricIndicationMessage() == null) {
        throw new MissingIe("RICindication: a mandatory IE is missing", null, id, fn == null ? null : fn.intValue());
      }
      RICindicationType t = v.ricIndicationType();
      return new E2apMessage.RicIndication(id, fn.intValue(), v.ricActionID().intValue(), v.ricIndicationSN(),
          t == RICindicationType.INSERT ? RicAction.Type.INSERT : RicAction.Type.REPORT, v.ricIndicationHeader().toByteArray(),
          v.ricIndicationMessage().toByteArray(), bytes(v.ricCallProcessID()));
    } else if (m instanceof InitiatingMessage.E2setup x) {
      E2setupRequest v = x.value();
      int tx = need(v.transactionID(), "TransactionID", "E2setupRequest").intValue();
      GlobalNodeId node = nodeId(need(v.globalE2node_ID(), "GlobalE2node-ID", "E2setupRequest"));
      return new E2apMessage.E2SetupRequest(tx, node, functions(v.ranFunctionsAdded()), components(v.e2nodeComponentConfigAddition()));
    } else if (m instanceof InitiatingMessage.RicSubscription x) {
      RICsubscriptionRequest v = x.value();
      RicRequestId id = requestId(need(v.ricRequestID(), "RICrequestID", "RICsubscriptionRequest"));
      Long fn = v.ranFunctionID();
      RICsubscriptionDetails d = v.ricSubscriptionDetails();
      if (fn == null || d == null) {
        throw new MissingIe("RICsubscriptionRequest: a mandatory IE is missing", null, id, fn == null ? null : fn.intValue());
      }
      List<RicAction> actions = new ArrayList<>();
      for (RICaction_ToBeSetup_ItemIEs ie : d.ricAction_ToBeSetup_List()) {
        if (ie instanceof RICaction_ToBeSetup_ItemIEs.RICaction_ToBeSetup_Item_IE a) {
          RICaction_ToBeSetup_Item it = a.value();
          actions.add(new RicAction((int) it.ricActionID(), actionType(it.ricActionType()), bytes(it.ricActionDefinition()),
              it.ricActionExecutionOrder() == null ? null : it.ricActionExecutionOrder().intValue()));
        }
      }
      return new E2apMessage.RicSubscriptionRequest(id, fn.intValue(), d.ricEventTriggerDefinition().toByteArray(), actions);
    } else if (m instanceof InitiatingMessage.RicSubscriptionDelete x) {
      RICsubscriptionDeleteRequest v = x.value();
      return new E2apMessage.RicSubscriptionDeleteRequest(requestId(need(v.ricRequestID(), "RICrequestID", "RICsubscriptionDeleteRequest")),
          need(v.ranFunctionID(), "RANfunctionID", "RICsubscriptionDeleteRequest").intValue());
    } else if (m instanceof InitiatingMessage.RicControl x) {
      RICcontrolRequest v = x.value();
      RicRequestId id = requestId(need(v.ricRequestID(), "RICrequestID", "RICcontrolRequest"));
      Long fn = v.ranFunctionID();
      if (fn == null || v.ricControlHeader() == null || v.ricControlMessage() == null) {
        throw new MissingIe("RICcontrolRequest: a mandatory IE is missing", null, id, fn == null ? null : fn.intValue());
      }
      RICcontrolAckRequest ack = v.ricControlAckRequest();
      return new E2apMessage.RicControlRequest(id, fn.intValue(), bytes(v.ricCallProcessID()), v.ricControlHeader().toByteArray(),
          v.ricControlMessage().toByteArray(), ack == null ? null : ack == RICcontrolAckRequest.ACK);
    } else if (m instanceof InitiatingMessage.RicServiceUpdate x) {
      RICserviceUpdate v = x.value();
      List<Integer> deleted = new ArrayList<>();
      if (v.ranFunctionsDeleted() != null) {
        for (RANfunctionID_ItemIEs ie : v.ranFunctionsDeleted()) {
          if (ie instanceof RANfunctionID_ItemIEs.RANfunctionID_Item_IE i) {
            deleted.add((int) i.value().ranFunctionID());
          }
        }
      }
      return new E2apMessage.RicServiceUpdate(need(v.transactionID(), "TransactionID", "RICserviceUpdate").intValue(),
          functions(v.ranFunctionsAdded()), functions(v.ranFunctionsModified()), deleted);
    } else if (m instanceof InitiatingMessage.RicServiceQuery x) {
      RICserviceQuery v = x.value();
      return new E2apMessage.RicServiceQuery(need(v.transactionID(), "TransactionID", "RICserviceQuery").intValue(),
          functionIds(v.ranFunctionsAccepted()));
    } else if (m instanceof InitiatingMessage.E2nodeConfigurationUpdate x) {
      E2nodeConfigurationUpdate v = x.value();
      List<ComponentConfig> updates = new ArrayList<>();
      if (v.e2nodeComponentConfigUpdate() != null) {
        for (E2nodeComponentConfigUpdate_ItemIEs ie : v.e2nodeComponentConfigUpdate()) {
          if (ie instanceof E2nodeComponentConfigUpdate_ItemIEs.E2nodeComponentConfigUpdate_Item_IE i) {
            E2nodeComponentConfigUpdate_Item it = i.value();
            updates.add(component(it.e2nodeComponentInterfaceType(), it.e2nodeComponentID(), it.e2nodeComponentConfiguration()));
          }
        }
      }
      List<ComponentConfig> removals = new ArrayList<>();
      if (v.e2nodeComponentConfigRemoval() != null) {
        for (E2nodeComponentConfigRemoval_ItemIEs ie : v.e2nodeComponentConfigRemoval()) {
          if (ie instanceof E2nodeComponentConfigRemoval_ItemIEs.E2nodeComponentConfigRemoval_Item_IE i) {
            removals.add(component(i.value().e2nodeComponentInterfaceType(), i.value().e2nodeComponentID(), null));
          }
        }
      }
      return new E2apMessage.E2NodeConfigurationUpdate(need(v.transactionID(), "TransactionID", "E2nodeConfigurationUpdate").intValue(),
          v.globalE2node_ID() == null ? null : nodeId(v.globalE2node_ID()), components(v.e2nodeComponentConfigAddition()), updates, removals);
    } else if (m instanceof InitiatingMessage.Reset x) {
      ResetRequest v = x.value();
      return new E2apMessage.ResetRequest(need(v.transactionID(), "TransactionID", "ResetRequest").intValue(),
          cause(need(v.cause(), "Cause", "ResetRequest")));
    } else if (m instanceof InitiatingMessage.ErrorIndication x) {
      ErrorIndication v = x.value();
      return new E2apMessage.ErrorIndication(v.transactionID() == null ? null : v.transactionID().intValue(),
          v.ricRequestID() == null ? null : requestId(v.ricRequestID()), v.ranFunctionID() == null ? null : v.ranFunctionID().intValue(),
          v.cause() == null ? null : cause(v.cause()));
    } else if (m instanceof InitiatingMessage.E2removal x) {
      return new E2apMessage.E2RemovalRequest(need(x.value().transactionID(), "TransactionID", "E2RemovalRequest").intValue());
    } else if (m instanceof InitiatingMessage.RicSubscriptionDeleteRequired x) {
      List<E2apMessage.SubscriptionToDelete> list = new ArrayList<>();
      for (RICsubscription_withCause_ItemIEs ie : need(x.value().ricSubscriptionToBeRemoved(), "RICsubscriptionToBeRemoved",
          "RICsubscriptionDeleteRequired")) {
        if (ie instanceof RICsubscription_withCause_ItemIEs.RICsubscription_withCause_Item_IE i) {
          RICsubscription_withCause_Item it = i.value();
          list.add(new E2apMessage.SubscriptionToDelete(requestId(it.ricRequestID()), (int) it.ranFunctionID(), cause(it.cause())));
        }
      }
      return new E2apMessage.RicSubscriptionDeleteRequired(list);
    }
    throw new E2apDecodeException("initiating message of procedure " + m.procedureCode() + " is not handled",
        Cause.ABSTRACT_SYNTAX_ERROR_REJECT, null, null, null, null);
  }

  private static E2apMessage fromSuccessful(SuccessfulOutcome m) throws E2apDecodeException {
    if (m instanceof SuccessfulOutcome.RicControl x) {
      RICcontrolAcknowledge v = x.value();
      RicRequestId id = requestId(need(v.ricRequestID(), "RICrequestID", "RICcontrolAcknowledge"));
      return new E2apMessage.RicControlAcknowledge(id, need(v.ranFunctionID(), "RANfunctionID", "RICcontrolAcknowledge").intValue(),
          bytes(v.ricCallProcessID()), bytes(v.ricControlOutcome()));
    } else if (m instanceof SuccessfulOutcome.E2setup x) {
      E2setupResponse v = x.value();
      GlobalRIC_ID ric = need(v.globalRIC_ID(), "GlobalRIC-ID", "E2setupResponse");
      return new E2apMessage.E2SetupResponse(need(v.transactionID(), "TransactionID", "E2setupResponse").intValue(),
          Plmn.fromBytes(ric.pLMN_Identity().toByteArray()), ric.ric_ID().toLong(), functionIds(v.ranFunctionsAccepted()),
          rejections(v.ranFunctionsRejected()), componentAcks(v.e2nodeComponentConfigAdditionAck()));
    } else if (m instanceof SuccessfulOutcome.RicSubscription x) {
      RICsubscriptionResponse v = x.value();
      List<Integer> admitted = new ArrayList<>();
      for (RICaction_Admitted_ItemIEs ie : need(v.ricActions_Admitted(), "RICactions-Admitted", "RICsubscriptionResponse")) {
        if (ie instanceof RICaction_Admitted_ItemIEs.RICaction_Admitted_Item_IE a) {
          admitted.add((int) a.value().ricActionID());
        }
      }
      List<E2apMessage.ActionRejection> notAdmitted = new ArrayList<>();
      if (v.ricActions_NotAdmitted() != null) {
        for (RICaction_NotAdmitted_ItemIEs ie : v.ricActions_NotAdmitted()) {
          if (ie instanceof RICaction_NotAdmitted_ItemIEs.RICaction_NotAdmitted_Item_IE a) {
            notAdmitted.add(new E2apMessage.ActionRejection((int) a.value().ricActionID(), cause(a.value().cause())));
          }
        }
      }
      return new E2apMessage.RicSubscriptionResponse(requestId(need(v.ricRequestID(), "RICrequestID", "RICsubscriptionResponse")),
          need(v.ranFunctionID(), "RANfunctionID", "RICsubscriptionResponse").intValue(), admitted, notAdmitted);
    } else if (m instanceof SuccessfulOutcome.RicSubscriptionDelete x) {
      RICsubscriptionDeleteResponse v = x.value();
      return new E2apMessage.RicSubscriptionDeleteResponse(requestId(need(v.ricRequestID(), "RICrequestID", "RICsubscriptionDeleteResponse")),
          need(v.ranFunctionID(), "RANfunctionID", "RICsubscriptionDeleteResponse").intValue());
    } else if (m instanceof SuccessfulOutcome.RicServiceUpdate x) {
      RICserviceUpdateAcknowledge v = x.value();
      return new E2apMessage.RicServiceUpdateAcknowledge(need(v.transactionID(), "TransactionID", "RICserviceUpdateAcknowledge").intValue(),
          functionIds(v.ranFunctionsAccepted()), rejections(v.ranFunctionsRejected()));
    } else if (m instanceof SuccessfulOutcome.E2nodeConfigurationUpdate x) {
      E2nodeConfigurationUpdateAcknowledge v = x.value();
      List<ComponentConfig> adds = new ArrayList<>();
      if (v.e2nodeComponentConfigAdditionAck() != null) {
        adds.addAll(componentAcks(v.e2nodeComponentConfigAdditionAck()));
      }
      List<ComponentConfig> updates = new ArrayList<>();
      if (v.e2nodeComponentConfigUpdateAck() != null) {
        for (E2nodeComponentConfigUpdateAck_ItemIEs ie : v.e2nodeComponentConfigUpdateAck()) {
          if (ie instanceof E2nodeComponentConfigUpdateAck_ItemIEs.E2nodeComponentConfigUpdateAck_Item_IE i) {
            updates.add(component(i.value().e2nodeComponentInterfaceType(), i.value().e2nodeComponentID(), null));
          }
        }
      }
      List<ComponentConfig> removals = new ArrayList<>();
      if (v.e2nodeComponentConfigRemovalAck() != null) {
        for (E2nodeComponentConfigRemovalAck_ItemIEs ie : v.e2nodeComponentConfigRemovalAck()) {
          if (ie instanceof E2nodeComponentConfigRemovalAck_ItemIEs.E2nodeComponentConfigRemovalAck_Item_IE i) {
            removals.add(component(i.value().e2nodeComponentInterfaceType(), i.value().e2nodeComponentID(), null));
          }
        }
      }
      return new E2apMessage.E2NodeConfigurationUpdateAcknowledge(
          need(v.transactionID(), "TransactionID", "E2nodeConfigurationUpdateAcknowledge").intValue(), adds, updates, removals);
    } else if (m instanceof SuccessfulOutcome.Reset x) {
      return new E2apMessage.ResetResponse(need(x.value().transactionID(), "TransactionID", "ResetResponse").intValue());
    } else if (m instanceof SuccessfulOutcome.E2removal x) {
      return new E2apMessage.E2RemovalResponse(need(x.value().transactionID(), "TransactionID", "E2RemovalResponse").intValue());
    }
    throw new E2apDecodeException("successful outcome of procedure " + m.procedureCode() + " is not handled",
        Cause.ABSTRACT_SYNTAX_ERROR_REJECT, null, null, null, null);
  }

  private static E2apMessage fromUnsuccessful(UnsuccessfulOutcome m) throws E2apDecodeException {
    if (m instanceof UnsuccessfulOutcome.RicControl x) {
      RICcontrolFailure v = x.value();
      return new E2apMessage.RicControlFailure(requestId(need(v.ricRequestID(), "RICrequestID", "RICcontrolFailure")),
          need(v.ranFunctionID(), "RANfunctionID", "RICcontrolFailure").intValue(), bytes(v.ricCallProcessID()),
          cause(need(v.cause(), "Cause", "RICcontrolFailure")), bytes(v.ricControlOutcome()));
    } else if (m instanceof UnsuccessfulOutcome.E2setup x) {
      E2setupFailure v = x.value();
      return new E2apMessage.E2SetupFailure(need(v.transactionID(), "TransactionID", "E2setupFailure").intValue(),
          cause(need(v.cause(), "Cause", "E2setupFailure")), timeToWait(v.timeToWait()));
    } else if (m instanceof UnsuccessfulOutcome.RicSubscription x) {
      RICsubscriptionFailure v = x.value();
      return new E2apMessage.RicSubscriptionFailure(requestId(need(v.ricRequestID(), "RICrequestID", "RICsubscriptionFailure")),
          need(v.ranFunctionID(), "RANfunctionID", "RICsubscriptionFailure").intValue(), cause(need(v.cause(), "Cause", "RICsubscriptionFailure")));
    } else if (m instanceof UnsuccessfulOutcome.RicSubscriptionDelete x) {
      RICsubscriptionDeleteFailure v = x.value();
      return new E2apMessage.RicSubscriptionDeleteFailure(requestId(need(v.ricRequestID(), "RICrequestID", "RICsubscriptionDeleteFailure")),
          need(v.ranFunctionID(), "RANfunctionID", "RICsubscriptionDeleteFailure").intValue(),
          cause(need(v.cause(), "Cause", "RICsubscriptionDeleteFailure")));
    } else if (m instanceof UnsuccessfulOutcome.RicServiceUpdate x) {
      RICserviceUpdateFailure v = x.value();
      return new E2apMessage.RicServiceUpdateFailure(need(v.transactionID(), "TransactionID", "RICserviceUpdateFailure").intValue(),
          cause(need(v.cause(), "Cause", "RICserviceUpdateFailure")), timeToWait(v.timeToWait()));
    } else if (m instanceof UnsuccessfulOutcome.E2nodeConfigurationUpdate x) {
      E2nodeConfigurationUpdateFailure v = x.value();
      return new E2apMessage.E2NodeConfigurationUpdateFailure(need(v.transactionID(), "TransactionID", "E2nodeConfigurationUpdateFailure").intValue(),
          cause(need(v.cause(), "Cause", "E2nodeConfigurationUpdateFailure")), timeToWait(v.timeToWait()));
    } else if (m instanceof UnsuccessfulOutcome.E2removal x) {
      E2RemovalFailure v = x.value();
      return new E2apMessage.E2RemovalFailure(need(v.transactionID(), "TransactionID", "E2RemovalFailure").intValue(),
          cause(need(v.cause(), "Cause", "E2RemovalFailure")));
    }
    throw new E2apDecodeException("unsuccessful outcome of procedure " + m.procedureCode() + " is not handled",
        Cause.ABSTRACT_SYNTAX_ERROR_REJECT, null, null, null, null);
  }

  // ======================================================================== encode

  @Override
  public byte[] encode(E2apMessage message) {
    return toPdu(message).encode();
  }

  static E2AP_PDU toPdu(E2apMessage msg) {
    if (msg instanceof E2apMessage.RicIndication m) {
      List<RICindication_IEs> ies = new ArrayList<>();
      ies.add(new RICindication_IEs.RICrequestID_IE(ricRequestId(m.requestId())));
      ies.add(new RICindication_IEs.RANfunctionID_IE((long) m.ranFunctionId()));
      ies.add(new RICindication_IEs.RICactionID_IE((long) m.actionId()));
      if (m.sequenceNumber() != null) {
        ies.add(new RICindication_IEs.RICindicationSN_IE(m.sequenceNumber()));
      }
      ies.add(new RICindication_IEs.RICindicationType_IE(m.type() == RicAction.Type.INSERT ? RICindicationType.INSERT : RICindicationType.REPORT));
      ies.add(new RICindication_IEs.RICindicationHeader_IE(OctetString.wrap(m.header())));
      ies.add(new RICindication_IEs.RICindicationMessage_IE(OctetString.wrap(m.message())));
      if (m.callProcessId() != null) {
        ies.add(new RICindication_IEs.RICcallProcessID_IE(OctetString.wrap(m.callProcessId())));
      }
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicIndication(new RICindication(ies)));
    } else if (msg instanceof E2apMessage.RicControlRequest m) {
      List<RICcontrolRequest_IEs> ies = new ArrayList<>();
      ies.add(new RICcontrolRequest_IEs.RICrequestID_IE(ricRequestId(m.requestId())));
      ies.add(new RICcontrolRequest_IEs.RANfunctionID_IE((long) m.ranFunctionId()));
      if (m.callProcessId() != null) {
        ies.add(new RICcontrolRequest_IEs.RICcallProcessID_IE(OctetString.wrap(m.callProcessId())));
      }
      ies.add(new RICcontrolRequest_IEs.RICcontrolHeader_IE(OctetString.wrap(m.header())));
      ies.add(new RICcontrolRequest_IEs.RICcontrolMessage_IE(OctetString.wrap(m.message())));
      if (m.ackRequested() != null) {
        ies.add(new RICcontrolRequest_IEs.RICcontrolAckRequest_IE(m.ackRequested() ? RICcontrolAckRequest.ACK : RICcontrolAckRequest.NO_ACK));
      }
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicControl(new RICcontrolRequest(ies)));
    } else if (msg instanceof E2apMessage.RicControlAcknowledge m) {
      List<RICcontrolAcknowledge_IEs> ies = new ArrayList<>();
      ies.add(new RICcontrolAcknowledge_IEs.RICrequestID_IE(ricRequestId(m.requestId())));
      ies.add(new RICcontrolAcknowledge_IEs.RANfunctionID_IE((long) m.ranFunctionId()));
      if (m.callProcessId() != null) {
        ies.add(new RICcontrolAcknowledge_IEs.RICcallProcessID_IE(OctetString.wrap(m.callProcessId())));
      }
      if (m.outcome() != null) {
        ies.add(new RICcontrolAcknowledge_IEs.RICcontrolOutcome_IE(OctetString.wrap(m.outcome())));
      }
      return E2AP_PDU.successfulOutcome(new SuccessfulOutcome.RicControl(new RICcontrolAcknowledge(ies)));
    } else if (msg instanceof E2apMessage.RicControlFailure m) {
      List<RICcontrolFailure_IEs> ies = new ArrayList<>();
      ies.add(new RICcontrolFailure_IEs.RICrequestID_IE(ricRequestId(m.requestId())));
      ies.add(new RICcontrolFailure_IEs.RANfunctionID_IE((long) m.ranFunctionId()));
      if (m.callProcessId() != null) {
        ies.add(new RICcontrolFailure_IEs.RICcallProcessID_IE(OctetString.wrap(m.callProcessId())));
      }
      ies.add(new RICcontrolFailure_IEs.Cause_IE(cause(m.cause())));
      if (m.outcome() != null) {
        ies.add(new RICcontrolFailure_IEs.RICcontrolOutcome_IE(OctetString.wrap(m.outcome())));
      }
      return E2AP_PDU.unsuccessfulOutcome(new UnsuccessfulOutcome.RicControl(new RICcontrolFailure(ies)));
    } else if (msg instanceof E2apMessage.E2SetupRequest m) {
      List<E2setupRequestIEs> ies = new ArrayList<>();
      ies.add(new E2setupRequestIEs.TransactionID_IE(m.transactionId()));
      ies.add(new E2setupRequestIEs.GlobalE2node_ID_IE(globalNodeId(m.nodeId())));
      ies.add(new E2setupRequestIEs.RANfunctionsAdded_IE(functionItems(m.ranFunctions())));
      ies.add(new E2setupRequestIEs.E2nodeComponentConfigAddition_IE(componentAdditions(m.components())));
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.E2setup(new E2setupRequest(ies)));
    } else if (msg instanceof E2apMessage.E2SetupResponse m) {
      List<E2setupResponseIEs> ies = new ArrayList<>();
      ies.add(new E2setupResponseIEs.TransactionID_IE(m.transactionId()));
      ies.add(new E2setupResponseIEs.GlobalRIC_ID_IE(new GlobalRIC_ID(OctetString.wrap(m.ricPlmn().toBytes()), BitString.ofLong(m.ricId(), 20))));
      if (!m.acceptedRanFunctions().isEmpty()) {
        ies.add(new E2setupResponseIEs.RANfunctionsAccepted_IE(functionIdItems(m.acceptedRanFunctions())));
      }
      if (!m.rejectedRanFunctions().isEmpty()) {
        ies.add(new E2setupResponseIEs.RANfunctionsRejected_IE(rejectionItems(m.rejectedRanFunctions())));
      }
      ies.add(new E2setupResponseIEs.E2nodeComponentConfigAdditionAck_IE(additionAcks(m.componentAcks())));
      return E2AP_PDU.successfulOutcome(new SuccessfulOutcome.E2setup(new E2setupResponse(ies)));
    } else if (msg instanceof E2apMessage.E2SetupFailure m) {
      List<E2setupFailureIEs> ies = new ArrayList<>();
      ies.add(new E2setupFailureIEs.TransactionID_IE(m.transactionId()));
      ies.add(new E2setupFailureIEs.Cause_IE(cause(m.cause())));
      if (m.timeToWait() != null) {
        ies.add(new E2setupFailureIEs.TimeToWait_IE(TimeToWait.Known.values()[m.timeToWait()]));
      }
      return E2AP_PDU.unsuccessfulOutcome(new UnsuccessfulOutcome.E2setup(new E2setupFailure(ies)));
    } else if (msg instanceof E2apMessage.RicSubscriptionRequest m) {
      List<RICaction_ToBeSetup_ItemIEs> actions = new ArrayList<>();
      for (RicAction a : m.actions()) {
        actions.add(new RICaction_ToBeSetup_ItemIEs.RICaction_ToBeSetup_Item_IE(new RICaction_ToBeSetup_Item(a.actionId(),
            actionType(a.type()), a.definition() == null ? null : OctetString.wrap(a.definition()), null, a.executionOrder() == null ? null : (long) a.executionOrder())));
      }
      List<RICsubscriptionRequest_IEs> ies = new ArrayList<>();
      ies.add(new RICsubscriptionRequest_IEs.RICrequestID_IE(ricRequestId(m.requestId())));
      ies.add(new RICsubscriptionRequest_IEs.RANfunctionID_IE((long) m.ranFunctionId()));
      ies.add(new RICsubscriptionRequest_IEs.RICsubscriptionDetails_IE(new RICsubscriptionDetails(OctetString.wrap(m.eventTrigger()), actions)));
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicSubscription(new RICsubscriptionRequest(ies)));
    } else if (msg instanceof E2apMessage.RicSubscriptionResponse m) {
      List<RICaction_Admitted_ItemIEs> admitted = new ArrayList<>();
      for (int a : m.admittedActions()) {
        admitted.add(new RICaction_Admitted_ItemIEs.RICaction_Admitted_Item_IE(new RICaction_Admitted_Item(a)));
      }
      List<RICsubscriptionResponse_IEs> ies = new ArrayList<>();
      ies.add(new RICsubscriptionResponse_IEs.RICrequestID_IE(ricRequestId(m.requestId())));
      ies.add(new RICsubscriptionResponse_IEs.RANfunctionID_IE((long) m.ranFunctionId()));
      ies.add(new RICsubscriptionResponse_IEs.RICactions_Admitted_IE(admitted));
      if (!m.notAdmittedActions().isEmpty()) {
        List<RICaction_NotAdmitted_ItemIEs> na = new ArrayList<>();
        for (var r : m.notAdmittedActions()) {
          na.add(new RICaction_NotAdmitted_ItemIEs.RICaction_NotAdmitted_Item_IE(new RICaction_NotAdmitted_Item(r.actionId(), cause(r.cause()))));
        }
        ies.add(new RICsubscriptionResponse_IEs.RICactions_NotAdmitted_IE(na));
      }
      return E2AP_PDU.successfulOutcome(new SuccessfulOutcome.RicSubscription(new RICsubscriptionResponse(ies)));
    } else if (msg instanceof E2apMessage.RicSubscriptionFailure m) {
      List<RICsubscriptionFailure_IEs> ies = new ArrayList<>();
      ies.add(new RICsubscriptionFailure_IEs.RICrequestID_IE(ricRequestId(m.requestId())));
      ies.add(new RICsubscriptionFailure_IEs.RANfunctionID_IE((long) m.ranFunctionId()));
      ies.add(new RICsubscriptionFailure_IEs.Cause_IE(cause(m.cause())));
      return E2AP_PDU.unsuccessfulOutcome(new UnsuccessfulOutcome.RicSubscription(new RICsubscriptionFailure(ies)));
    } else if (msg instanceof E2apMessage.RicSubscriptionDeleteRequest m) {
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicSubscriptionDelete(new RICsubscriptionDeleteRequest(List.of(
          new RICsubscriptionDeleteRequest_IEs.RICrequestID_IE(ricRequestId(m.requestId())),
          new RICsubscriptionDeleteRequest_IEs.RANfunctionID_IE((long) m.ranFunctionId())))));
    } else if (msg instanceof E2apMessage.RicSubscriptionDeleteResponse m) {
      return E2AP_PDU.successfulOutcome(new SuccessfulOutcome.RicSubscriptionDelete(new RICsubscriptionDeleteResponse(List.of(
          new RICsubscriptionDeleteResponse_IEs.RICrequestID_IE(ricRequestId(m.requestId())),
          new RICsubscriptionDeleteResponse_IEs.RANfunctionID_IE((long) m.ranFunctionId())))));
    } else if (msg instanceof E2apMessage.RicSubscriptionDeleteFailure m) {
      return E2AP_PDU.unsuccessfulOutcome(new UnsuccessfulOutcome.RicSubscriptionDelete(new RICsubscriptionDeleteFailure(List.of(
          new RICsubscriptionDeleteFailure_IEs.RICrequestID_IE(ricRequestId(m.requestId())),
          new RICsubscriptionDeleteFailure_IEs.RANfunctionID_IE((long) m.ranFunctionId()),
          new RICsubscriptionDeleteFailure_IEs.Cause_IE(cause(m.cause()))))));
    } else if (msg instanceof E2apMessage.RicSubscriptionDeleteRequired m) {
      List<RICsubscription_withCause_ItemIEs> items = new ArrayList<>();
      for (var d : m.subscriptions()) {
        items.add(new RICsubscription_withCause_ItemIEs.RICsubscription_withCause_Item_IE(
            new RICsubscription_withCause_Item(ricRequestId(d.requestId()), d.ranFunctionId(), cause(d.cause()))));
      }
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicSubscriptionDeleteRequired(new RICsubscriptionDeleteRequired(List.of(
          new RICsubscriptionDeleteRequired_IEs.RICsubscriptionToBeRemoved_IE(items)))));
    } else if (msg instanceof E2apMessage.RicServiceUpdate m) {
      List<RICserviceUpdate_IEs> ies = new ArrayList<>();
      ies.add(new RICserviceUpdate_IEs.TransactionID_IE(m.transactionId()));
      if (!m.added().isEmpty()) {
        ies.add(new RICserviceUpdate_IEs.RANfunctionsAdded_IE(functionItems(m.added())));
      }
      if (!m.modified().isEmpty()) {
        ies.add(new RICserviceUpdate_IEs.RANfunctionsModified_IE(functionItems(m.modified())));
      }
      if (!m.deleted().isEmpty()) {
        List<RANfunctionID_ItemIEs> del = new ArrayList<>();
        for (int id : m.deleted()) {
          del.add(new RANfunctionID_ItemIEs.RANfunctionID_Item_IE(new RANfunctionID_Item(id, 0)));
        }
        ies.add(new RICserviceUpdate_IEs.RANfunctionsDeleted_IE(del));
      }
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicServiceUpdate(new RICserviceUpdate(ies)));
    } else if (msg instanceof E2apMessage.RicServiceUpdateAcknowledge m) {
      List<RICserviceUpdateAcknowledge_IEs> ies = new ArrayList<>();
      ies.add(new RICserviceUpdateAcknowledge_IEs.TransactionID_IE(m.transactionId()));
      if (!m.accepted().isEmpty()) {
        ies.add(new RICserviceUpdateAcknowledge_IEs.RANfunctionsAccepted_IE(functionIdItems(m.accepted())));
      }
      if (!m.rejected().isEmpty()) {
        ies.add(new RICserviceUpdateAcknowledge_IEs.RANfunctionsRejected_IE(rejectionItems(m.rejected())));
      }
      return E2AP_PDU.successfulOutcome(new SuccessfulOutcome.RicServiceUpdate(new RICserviceUpdateAcknowledge(ies)));
    } else if (msg instanceof E2apMessage.RicServiceUpdateFailure m) {
      List<RICserviceUpdateFailure_IEs> ies = new ArrayList<>();
      ies.add(new RICserviceUpdateFailure_IEs.TransactionID_IE(m.transactionId()));
      ies.add(new RICserviceUpdateFailure_IEs.Cause_IE(cause(m.cause())));
      if (m.timeToWait() != null) {
        ies.add(new RICserviceUpdateFailure_IEs.TimeToWait_IE(TimeToWait.Known.values()[m.timeToWait()]));
      }
      return E2AP_PDU.unsuccessfulOutcome(new UnsuccessfulOutcome.RicServiceUpdate(new RICserviceUpdateFailure(ies)));
    } else if (msg instanceof E2apMessage.RicServiceQuery m) {
      List<RICserviceQuery_IEs> ies = new ArrayList<>();
      ies.add(new RICserviceQuery_IEs.TransactionID_IE(m.transactionId()));
      if (!m.acceptedRanFunctions().isEmpty()) {
        ies.add(new RICserviceQuery_IEs.RANfunctionsAccepted_IE(functionIdItems(m.acceptedRanFunctions())));
      }
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicServiceQuery(new RICserviceQuery(ies)));
    } else if (msg instanceof E2apMessage.E2NodeConfigurationUpdate m) {
      List<E2nodeConfigurationUpdate_IEs> ies = new ArrayList<>();
      ies.add(new E2nodeConfigurationUpdate_IEs.TransactionID_IE(m.transactionId()));
      if (m.nodeId() != null) {
        ies.add(new E2nodeConfigurationUpdate_IEs.GlobalE2node_ID_IE(globalNodeId(m.nodeId())));
      }
      if (!m.additions().isEmpty()) {
        ies.add(new E2nodeConfigurationUpdate_IEs.E2nodeComponentConfigAddition_IE(componentAdditions(m.additions())));
      }
      if (!m.updates().isEmpty()) {
        List<E2nodeComponentConfigUpdate_ItemIEs> ups = new ArrayList<>();
        for (ComponentConfig c : m.updates()) {
          ups.add(new E2nodeComponentConfigUpdate_ItemIEs.E2nodeComponentConfigUpdate_Item_IE(new E2nodeComponentConfigUpdate_Item(
              interfaceType(c.interfaceType()), componentId(c), configuration(c))));
        }
        ies.add(new E2nodeConfigurationUpdate_IEs.E2nodeComponentConfigUpdate_IE(ups));
      }
      if (!m.removals().isEmpty()) {
        List<E2nodeComponentConfigRemoval_ItemIEs> rms = new ArrayList<>();
        for (ComponentConfig c : m.removals()) {
          rms.add(new E2nodeComponentConfigRemoval_ItemIEs.E2nodeComponentConfigRemoval_Item_IE(new E2nodeComponentConfigRemoval_Item(
              interfaceType(c.interfaceType()), componentId(c))));
        }
        ies.add(new E2nodeConfigurationUpdate_IEs.E2nodeComponentConfigRemoval_IE(rms));
      }
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.E2nodeConfigurationUpdate(new E2nodeConfigurationUpdate(ies)));
    } else if (msg instanceof E2apMessage.E2NodeConfigurationUpdateAcknowledge m) {
      List<E2nodeConfigurationUpdateAcknowledge_IEs> ies = new ArrayList<>();
      ies.add(new E2nodeConfigurationUpdateAcknowledge_IEs.TransactionID_IE(m.transactionId()));
      if (!m.additionAcks().isEmpty()) {
        ies.add(new E2nodeConfigurationUpdateAcknowledge_IEs.E2nodeComponentConfigAdditionAck_IE(additionAcks(m.additionAcks())));
      }
      if (!m.updateAcks().isEmpty()) {
        List<E2nodeComponentConfigUpdateAck_ItemIEs> acks = new ArrayList<>();
        for (ComponentConfig c : m.updateAcks()) {
          acks.add(new E2nodeComponentConfigUpdateAck_ItemIEs.E2nodeComponentConfigUpdateAck_Item_IE(new E2nodeComponentConfigUpdateAck_Item(
              interfaceType(c.interfaceType()), componentId(c), success())));
        }
        ies.add(new E2nodeConfigurationUpdateAcknowledge_IEs.E2nodeComponentConfigUpdateAck_IE(acks));
      }
      if (!m.removalAcks().isEmpty()) {
        List<E2nodeComponentConfigRemovalAck_ItemIEs> acks = new ArrayList<>();
        for (ComponentConfig c : m.removalAcks()) {
          acks.add(new E2nodeComponentConfigRemovalAck_ItemIEs.E2nodeComponentConfigRemovalAck_Item_IE(new E2nodeComponentConfigRemovalAck_Item(
              interfaceType(c.interfaceType()), componentId(c), success())));
        }
        ies.add(new E2nodeConfigurationUpdateAcknowledge_IEs.E2nodeComponentConfigRemovalAck_IE(acks));
      }
      return E2AP_PDU.successfulOutcome(new SuccessfulOutcome.E2nodeConfigurationUpdate(new E2nodeConfigurationUpdateAcknowledge(ies)));
    } else if (msg instanceof E2apMessage.E2NodeConfigurationUpdateFailure m) {
      List<E2nodeConfigurationUpdateFailure_IEs> ies = new ArrayList<>();
      ies.add(new E2nodeConfigurationUpdateFailure_IEs.TransactionID_IE(m.transactionId()));
      ies.add(new E2nodeConfigurationUpdateFailure_IEs.Cause_IE(cause(m.cause())));
      if (m.timeToWait() != null) {
        ies.add(new E2nodeConfigurationUpdateFailure_IEs.TimeToWait_IE(TimeToWait.Known.values()[m.timeToWait()]));
      }
      return E2AP_PDU.unsuccessfulOutcome(new UnsuccessfulOutcome.E2nodeConfigurationUpdate(new E2nodeConfigurationUpdateFailure(ies)));
    } else if (msg instanceof E2apMessage.ResetRequest m) {
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.Reset(new ResetRequest(List.of(
          new ResetRequestIEs.TransactionID_IE(m.transactionId()), new ResetRequestIEs.Cause_IE(cause(m.cause()))))));
    } else if (msg instanceof E2apMessage.ResetResponse m) {
      return E2AP_PDU.successfulOutcome(new SuccessfulOutcome.Reset(new ResetResponse(List.of(
          new ResetResponseIEs.TransactionID_IE(m.transactionId())))));
    } else if (msg instanceof E2apMessage.ErrorIndication m) {
      List<ErrorIndication_IEs> ies = new ArrayList<>();
      if (m.transactionId() != null) {
        ies.add(new ErrorIndication_IEs.TransactionID_IE(m.transactionId()));
      }
      if (m.requestId() != null) {
        ies.add(new ErrorIndication_IEs.RICrequestID_IE(ricRequestId(m.requestId())));
      }
      if (m.ranFunctionId() != null) {
        ies.add(new ErrorIndication_IEs.RANfunctionID_IE((long) m.ranFunctionId()));
      }
      if (m.cause() != null) {
        ies.add(new ErrorIndication_IEs.Cause_IE(cause(m.cause())));
      }
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.ErrorIndication(new ErrorIndication(ies)));
    } else if (msg instanceof E2apMessage.E2RemovalRequest m) {
      return E2AP_PDU.initiatingMessage(new InitiatingMessage.E2removal(new E2RemovalRequest(List.of(
          new E2RemovalRequestIEs.TransactionID_IE(m.transactionId())))));
    } else if (msg instanceof E2apMessage.E2RemovalResponse m) {
      return E2AP_PDU.successfulOutcome(new SuccessfulOutcome.E2removal(new E2RemovalResponse(List.of(
          new E2RemovalResponseIEs.TransactionID_IE(m.transactionId())))));
    } else if (msg instanceof E2apMessage.E2RemovalFailure m) {
      return E2AP_PDU.unsuccessfulOutcome(new UnsuccessfulOutcome.E2removal(new E2RemovalFailure(List.of(
          new E2RemovalFailureIEs.TransactionID_IE(m.transactionId()), new E2RemovalFailureIEs.Cause_IE(cause(m.cause()))))));
    }
    throw new IllegalArgumentException("E2AP v3.01 cannot encode " + msg.getClass().getSimpleName());
  }

  // ======================================================================== pieces

  private static RicRequestId requestId(RICrequestID r) {
    return new RicRequestId((int) r.ricRequestorID(), (int) r.ricInstanceID());
  }

  private static RICrequestID ricRequestId(RicRequestId r) {
    return new RICrequestID(r.requestorId(), r.instanceId());
  }

  private static byte[] bytes(OctetString o) {
    return o == null ? null : o.toByteArray();
  }

  private static RicAction.Type actionType(RICactionType t) {
    if (t == RICactionType.INSERT) {
      return RicAction.Type.INSERT;
    }
    if (t == RICactionType.POLICY) {
      return RicAction.Type.POLICY;
    }
    return RicAction.Type.REPORT;
  }

  private static RICactionType actionType(RicAction.Type t) {
    return switch (t) {
      case REPORT -> RICactionType.REPORT;
      case INSERT -> RICactionType.INSERT;
      case POLICY -> RICactionType.POLICY;
    };
  }

  private static Integer timeToWait(TimeToWait t) {
    return t instanceof TimeToWait.Known k ? k.ordinal() : null;
  }

  // ---- node ids

  static GlobalNodeId nodeId(GlobalE2node_ID g) {
    if (g instanceof GlobalE2node_ID.GNB x) {
      GlobalE2node_gNB_ID v = x.value();
      GNB_ID_Choice.Gnb_ID id = (GNB_ID_Choice.Gnb_ID) v.global_gNB_ID().gnb_id();
      return new GlobalNodeId(GlobalNodeId.Type.GNB, Plmn.fromBytes(v.global_gNB_ID().plmn_id().toByteArray()), id.value().toLong(),
          id.value().size(), v.gNB_CU_UP_ID(), v.gNB_DU_ID());
    }
    if (g instanceof GlobalE2node_ID.En_gNB x) {
      GlobalE2node_en_gNB_ID v = x.value();
      BitString id = ((ENGNB_ID.GNB_ID) v.global_en_gNB_ID().gNB_ID()).value();
      return new GlobalNodeId(GlobalNodeId.Type.EN_GNB, Plmn.fromBytes(v.global_en_gNB_ID().pLMN_Identity().toByteArray()), id.toLong(),
          id.size(), v.en_gNB_CU_UP_ID(), v.en_gNB_DU_ID());
    }
    if (g instanceof GlobalE2node_ID.Ng_eNB x) {
      GlobalE2node_ng_eNB_ID v = x.value();
      BitString id = enbBits(v.global_ng_eNB_ID().enb_id());
      return new GlobalNodeId(GlobalNodeId.Type.NG_ENB, Plmn.fromBytes(v.global_ng_eNB_ID().plmn_id().toByteArray()), id.toLong(),
          Math.max(18, id.size()), null, v.ngENB_DU_ID());
    }
    if (g instanceof GlobalE2node_ID.ENB x) {
      GlobalE2node_eNB_ID v = x.value();
      BitString id = enbBits(v.global_eNB_ID().eNB_ID());
      return new GlobalNodeId(GlobalNodeId.Type.ENB, Plmn.fromBytes(v.global_eNB_ID().pLMN_Identity().toByteArray()), id.toLong(),
          Math.max(18, id.size()), null, null);
    }
    throw new IllegalArgumentException("GlobalE2node-ID of an unknown kind");
  }

  /** Every eNB id alternative is a BIT STRING of its own length. */
  private static BitString enbBits(io.oranric.e2.aper.meta.AsnType.ChoiceValue choice) {
    if (choice.choiceValue() instanceof BitString b) {
      return b;
    }
    throw new IllegalArgumentException("eNB id of an unknown kind");
  }

  static GlobalE2node_ID globalNodeId(GlobalNodeId n) {
    if (n.type() != GlobalNodeId.Type.GNB) {
      throw new IllegalArgumentException("only gNB node ids are sent by this implementation, not " + n.type());
    }
    GlobalgNB_ID g = new GlobalgNB_ID(OctetString.wrap(n.plmn().toBytes()),
        new GNB_ID_Choice.Gnb_ID(BitString.ofLong(n.nodeId(), n.nodeIdBits())));
    return new GlobalE2node_ID.GNB(new GlobalE2node_gNB_ID(g, null, n.cuUpId(), n.duId()));
  }

  // ---- RAN functions

  private static List<RanFunction> functions(List<RANfunction_ItemIEs> list) {
    List<RanFunction> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (RANfunction_ItemIEs ie : list) {
      if (ie instanceof RANfunction_ItemIEs.RANfunction_Item_IE i) {
        RANfunction_Item it = i.value();
        out.add(new RanFunction((int) it.ranFunctionID(), (int) it.ranFunctionRevision(), it.ranFunctionOID(),
            it.ranFunctionDefinition().toByteArray()));
      }
    }
    return out;
  }

  private static List<RANfunction_ItemIEs> functionItems(List<RanFunction> list) {
    List<RANfunction_ItemIEs> out = new ArrayList<>();
    for (RanFunction f : list) {
      out.add(new RANfunction_ItemIEs.RANfunction_Item_IE(new RANfunction_Item(f.id(), OctetString.wrap(f.definition()), f.revision(), f.oid())));
    }
    return out;
  }

  private static List<Integer> functionIds(List<RANfunctionID_ItemIEs> list) {
    List<Integer> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (RANfunctionID_ItemIEs ie : list) {
      if (ie instanceof RANfunctionID_ItemIEs.RANfunctionID_Item_IE i) {
        out.add((int) i.value().ranFunctionID());
      }
    }
    return out;
  }

  private static List<RANfunctionID_ItemIEs> functionIdItems(List<Integer> ids) {
    List<RANfunctionID_ItemIEs> out = new ArrayList<>();
    for (int id : ids) {
      // The revision accepted is not tracked separately: the node's own revision was accepted as sent.
      out.add(new RANfunctionID_ItemIEs.RANfunctionID_Item_IE(new RANfunctionID_Item(id, 0)));
    }
    return out;
  }

  private static List<E2apMessage.RanFunctionRejection> rejections(List<RANfunctionIDcause_ItemIEs> list) {
    List<E2apMessage.RanFunctionRejection> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (RANfunctionIDcause_ItemIEs ie : list) {
      if (ie instanceof RANfunctionIDcause_ItemIEs.RANfunctionIEcause_Item_IE i) {
        out.add(new E2apMessage.RanFunctionRejection((int) i.value().ranFunctionID(), cause(i.value().cause())));
      }
    }
    return out;
  }

  private static List<RANfunctionIDcause_ItemIEs> rejectionItems(List<E2apMessage.RanFunctionRejection> list) {
    List<RANfunctionIDcause_ItemIEs> out = new ArrayList<>();
    for (var r : list) {
      out.add(new RANfunctionIDcause_ItemIEs.RANfunctionIEcause_Item_IE(new RANfunctionIDcause_Item(r.ranFunctionId(), cause(r.cause()))));
    }
    return out;
  }

  // ---- components

  private static List<ComponentConfig> components(List<E2nodeComponentConfigAddition_ItemIEs> list) {
    List<ComponentConfig> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (E2nodeComponentConfigAddition_ItemIEs ie : list) {
      if (ie instanceof E2nodeComponentConfigAddition_ItemIEs.E2nodeComponentConfigAddition_Item_IE i) {
        E2nodeComponentConfigAddition_Item it = i.value();
        out.add(component(it.e2nodeComponentInterfaceType(), it.e2nodeComponentID(), it.e2nodeComponentConfiguration()));
      }
    }
    return out;
  }

  private static List<ComponentConfig> componentAcks(List<E2nodeComponentConfigAdditionAck_ItemIEs> list) {
    List<ComponentConfig> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (E2nodeComponentConfigAdditionAck_ItemIEs ie : list) {
      if (ie instanceof E2nodeComponentConfigAdditionAck_ItemIEs.E2nodeComponentConfigAdditionAck_Item_IE i) {
        out.add(component(i.value().e2nodeComponentInterfaceType(), i.value().e2nodeComponentID(), null));
      }
    }
    return out;
  }

  private static List<E2nodeComponentConfigAddition_ItemIEs> componentAdditions(List<ComponentConfig> list) {
    List<E2nodeComponentConfigAddition_ItemIEs> out = new ArrayList<>();
    for (ComponentConfig c : list) {
      out.add(new E2nodeComponentConfigAddition_ItemIEs.E2nodeComponentConfigAddition_Item_IE(new E2nodeComponentConfigAddition_Item(
          interfaceType(c.interfaceType()), componentId(c), configuration(c))));
    }
    return out;
  }

  private static List<E2nodeComponentConfigAdditionAck_ItemIEs> additionAcks(List<ComponentConfig> list) {
    List<E2nodeComponentConfigAdditionAck_ItemIEs> out = new ArrayList<>();
    for (ComponentConfig c : list) {
      out.add(new E2nodeComponentConfigAdditionAck_ItemIEs.E2nodeComponentConfigAdditionAck_Item_IE(new E2nodeComponentConfigAdditionAck_Item(
          interfaceType(c.interfaceType()), componentId(c), success())));
    }
    return out;
  }

  private static E2nodeComponentConfigurationAck success() {
    return new E2nodeComponentConfigurationAck(E2nodeComponentConfigurationAck.UpdateOutcome.Known.SUCCESS, null);
  }

  private static E2nodeComponentConfiguration configuration(ComponentConfig c) {
    return new E2nodeComponentConfiguration(OctetString.wrap(c.requestPart() == null ? new byte[0] : c.requestPart()),
        OctetString.wrap(c.responsePart() == null ? new byte[0] : c.responsePart()));
  }

  private static ComponentConfig component(E2nodeComponentInterfaceType type, E2nodeComponentID id, E2nodeComponentConfiguration cfg) {
    ComponentConfig.InterfaceType t = type instanceof E2nodeComponentInterfaceType.Known k
        ? ComponentConfig.InterfaceType.values()[k.ordinal()] : ComponentConfig.InterfaceType.NG;
    String text;
    if (id instanceof E2nodeComponentID.E2nodeComponentInterfaceTypeNG x) {
      text = x.value().amf_name();
    } else if (id instanceof E2nodeComponentID.E2nodeComponentInterfaceTypeE1 x) {
      text = String.valueOf(x.value().gNB_CU_UP_ID());
    } else if (id instanceof E2nodeComponentID.E2nodeComponentInterfaceTypeF1 x) {
      text = String.valueOf(x.value().gNB_DU_ID());
    } else if (id instanceof E2nodeComponentID.E2nodeComponentInterfaceTypeW1 x) {
      text = String.valueOf(x.value().ng_eNB_DU_ID());
    } else if (id instanceof E2nodeComponentID.E2nodeComponentInterfaceTypeS1 x) {
      text = x.value().mme_name();
    } else {
      // Xn, X2 and future kinds: kept as their own APER bytes so an acknowledge echoes them exactly.
      text = "aper:" + HexFormat.of().formatHex(id.encode());
    }
    return new ComponentConfig(t, text, cfg == null ? null : cfg.e2nodeComponentRequestPart().toByteArray(),
        cfg == null ? null : cfg.e2nodeComponentResponsePart().toByteArray());
  }

  private static E2nodeComponentInterfaceType interfaceType(ComponentConfig.InterfaceType t) {
    return E2nodeComponentInterfaceType.Known.values()[t.ordinal()];
  }

  private static E2nodeComponentID componentId(ComponentConfig c) {
    String id = c.componentId();
    if (id.startsWith("aper:")) {
      return E2nodeComponentID.decode(HexFormat.of().parseHex(id.substring(5)));
    }
    return switch (c.interfaceType()) {
      case NG -> new E2nodeComponentID.E2nodeComponentInterfaceTypeNG(new E2nodeComponentInterfaceNG(id));
      case E1 -> new E2nodeComponentID.E2nodeComponentInterfaceTypeE1(new E2nodeComponentInterfaceE1(Long.parseLong(id)));
      case F1 -> new E2nodeComponentID.E2nodeComponentInterfaceTypeF1(new E2nodeComponentInterfaceF1(Long.parseLong(id)));
      case W1 -> new E2nodeComponentID.E2nodeComponentInterfaceTypeW1(new E2nodeComponentInterfaceW1(Long.parseLong(id)));
      case S1 -> new E2nodeComponentID.E2nodeComponentInterfaceTypeS1(new E2nodeComponentInterfaceS1(id));
      default -> throw new IllegalArgumentException(c.interfaceType() + " component ids must be given as aper:<hex>");
    };
  }

  // ---- causes

  static Cause cause(io.oranric.e2.codec.e2ap.v0301.Cause c) {
    if (c instanceof io.oranric.e2.codec.e2ap.v0301.Cause.RicRequest x) {
      return new Cause(Cause.Group.RIC_REQUEST, x.value() instanceof CauseRICrequest.Known k ? k.ordinal()
          : Cause.Group.RIC_REQUEST.rootCount() + ((CauseRICrequest.Unknown) x.value()).extensionIndex());
    } else if (c instanceof io.oranric.e2.codec.e2ap.v0301.Cause.RicService x) {
      return new Cause(Cause.Group.RIC_SERVICE, x.value() instanceof CauseRICservice.Known k ? k.ordinal()
          : Cause.Group.RIC_SERVICE.rootCount() + ((CauseRICservice.Unknown) x.value()).extensionIndex());
    } else if (c instanceof io.oranric.e2.codec.e2ap.v0301.Cause.E2Node x) {
      return new Cause(Cause.Group.E2_NODE, x.value() instanceof CauseE2node.Known k ? k.ordinal()
          : Cause.Group.E2_NODE.rootCount() + ((CauseE2node.Unknown) x.value()).extensionIndex());
    } else if (c instanceof io.oranric.e2.codec.e2ap.v0301.Cause.Transport x) {
      return new Cause(Cause.Group.TRANSPORT, x.value() instanceof CauseTransport.Known k ? k.ordinal()
          : Cause.Group.TRANSPORT.rootCount() + ((CauseTransport.Unknown) x.value()).extensionIndex());
    } else if (c instanceof io.oranric.e2.codec.e2ap.v0301.Cause.Protocol x) {
      return new Cause(Cause.Group.PROTOCOL, x.value() instanceof CauseProtocol.Known k ? k.ordinal()
          : Cause.Group.PROTOCOL.rootCount() + ((CauseProtocol.Unknown) x.value()).extensionIndex());
    } else if (c instanceof io.oranric.e2.codec.e2ap.v0301.Cause.Misc x) {
      return new Cause(Cause.Group.MISC, x.value() instanceof CauseMisc.Known k ? k.ordinal()
          : Cause.Group.MISC.rootCount() + ((CauseMisc.Unknown) x.value()).extensionIndex());
    }
    return Cause.MISC_UNSPECIFIED;
  }

  static io.oranric.e2.codec.e2ap.v0301.Cause cause(Cause c) {
    int v = c.value();
    return switch (c.group()) {
      case RIC_REQUEST -> new io.oranric.e2.codec.e2ap.v0301.Cause.RicRequest(v < CauseRICrequest.Known.values().length
          ? CauseRICrequest.Known.values()[v] : new CauseRICrequest.Unknown(v - c.group().rootCount()));
      case RIC_SERVICE -> new io.oranric.e2.codec.e2ap.v0301.Cause.RicService(v < CauseRICservice.Known.values().length
          ? CauseRICservice.Known.values()[v] : new CauseRICservice.Unknown(v - c.group().rootCount()));
      case E2_NODE -> new io.oranric.e2.codec.e2ap.v0301.Cause.E2Node(v < CauseE2node.Known.values().length
          ? CauseE2node.Known.values()[v] : new CauseE2node.Unknown(v - c.group().rootCount()));
      case TRANSPORT -> new io.oranric.e2.codec.e2ap.v0301.Cause.Transport(v < CauseTransport.Known.values().length
          ? CauseTransport.Known.values()[v] : new CauseTransport.Unknown(v - c.group().rootCount()));
      case PROTOCOL -> new io.oranric.e2.codec.e2ap.v0301.Cause.Protocol(v < CauseProtocol.Known.values().length
          ? CauseProtocol.Known.values()[v] : new CauseProtocol.Unknown(v - c.group().rootCount()));
      case MISC -> new io.oranric.e2.codec.e2ap.v0301.Cause.Misc(v < CauseMisc.Known.values().length
          ? CauseMisc.Known.values()[v] : new CauseMisc.Unknown(v - c.group().rootCount()));
    };
  }
}
