package io.oranric.e2.sm.rc;

import io.oranric.e2.codec.rc.v0103.ControlAction_RANParameter_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ActionDefinition;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ActionDefinition_Format1_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader_Format1;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage_Format1_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlOutcome;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlOutcome_Format1;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlOutcome_Format1_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_EventTrigger;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationHeader;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationHeader_Format1;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationHeader_Format2;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format1;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format1_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format2;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format2_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format2_RANParameter_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_RANFunctionDefinition;
import io.oranric.e2.codec.rc.v0103.InsertIndication_RANParameter_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Control;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Control_Action_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Control_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_EventTrigger;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_EventTrigger_Style_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Insert;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Insert_Indication_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Insert_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Report;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Report_Item;
import io.oranric.e2.codec.rc.v0103.RANfunction_Name;
import io.oranric.e2.codec.rc.v0103.Report_RANParameter_Item;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.UeId;
import io.oranric.e2.sm.internal.Asn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The E2 node's side of E2SM-RC (gNB simulator, test gNBs): RAN function definition, control requests
 * read into {@link RcControl} (or refused with the cause to put in the RIC Control Failure), control
 * outcomes, REPORT/INSERT indications. {@code new RcNodeSide(SliceQuotaParams.SPEC)} announces and reads
 * the specification's parameter IDs; {@link SliceQuotaParams#OAI} behaves like OAI.
 */
public final class RcNodeSide {
  static final Cause INVALID = Cause.CONTROL_MESSAGE_INVALID;
  static final Cause NOT_SUPPORTED = Cause.ACTION_NOT_SUPPORTED;

  private final SliceQuotaParams slice;
  private final HandoverParams handover;

  public RcNodeSide(SliceQuotaParams slice) {
    this.slice = slice;
    this.handover = HandoverParams.SPEC;
  }

  public RcNodeSide() {
    this(SliceQuotaParams.SPEC);
  }

  // ------------------------------------------------------------------ definition

  public byte[] ranFunctionDefinition(RcFunctionSpec spec) throws ServiceModelException {
    return Asn.encode(() -> {
      List<RANFunctionDefinition_Control_Item> control = new ArrayList<>();
      if (spec.slicePrbQuota()) {
        control.add(new RANFunctionDefinition_Control_Item(2, "Radio Resource Allocation Control",
            List.of(new RANFunctionDefinition_Control_Action_Item(6, "Slice-level PRB quota", params(spec.sliceParams().names()))),
            1, 1, null, 1, null));
      }
      if (spec.handover()) {
        control.add(new RANFunctionDefinition_Control_Item(3, "Connected Mode Mobility Control",
            List.of(new RANFunctionDefinition_Control_Action_Item(1, "Handover Control", params(handover.names()))), 1, 1, null, 1,
            null));
      }
      TreeSet<Integer> triggers = new TreeSet<>();
      List<RANFunctionDefinition_Report_Item> report = new ArrayList<>();
      for (RcDefinition.Style s : spec.reportStyles()) {
        triggers.add(s.eventTriggerStyle());
        List<Report_RANParameter_Item> ps = new ArrayList<>();
        s.params().forEach((id, name) -> ps.add(new Report_RANParameter_Item(id, name, null)));
        report.add(new RANFunctionDefinition_Report_Item(s.style(), s.name(), s.eventTriggerStyle(), s.actionFormat(),
            s.headerFormat(), s.messageFormat(), ps.isEmpty() ? null : ps));
      }
      List<RANFunctionDefinition_Insert_Item> insert = new ArrayList<>();
      for (RcDefinition.Style s : spec.insertStyles()) {
        triggers.add(s.eventTriggerStyle());
        List<InsertIndication_RANParameter_Item> ps = new ArrayList<>();
        s.params().forEach((id, name) -> ps.add(new InsertIndication_RANParameter_Item(id, name, null)));
        insert.add(new RANFunctionDefinition_Insert_Item(s.style(), s.name(), s.eventTriggerStyle(), s.actionFormat(),
            List.of(new RANFunctionDefinition_Insert_Indication_Item(1, s.name(), ps.isEmpty() ? null : ps)),
            s.headerFormat(), s.messageFormat(), 1));
      }
      RANFunctionDefinition_EventTrigger et = triggers.isEmpty() ? null : new RANFunctionDefinition_EventTrigger(
          triggers.stream().map(t -> new RANFunctionDefinition_EventTrigger_Style_Item(t, triggerName(t), t)).toList(),
          null, null, null, null);
      return new E2SM_RC_RANFunctionDefinition(new RANfunction_Name(spec.shortName(), spec.oid(), spec.description(), spec.instance()),
          et, report.isEmpty() ? null : new RANFunctionDefinition_Report(report),
          insert.isEmpty() ? null : new RANFunctionDefinition_Insert(insert),
          control.isEmpty() ? null : new RANFunctionDefinition_Control(control), null).encode();
    }, "RC RAN function definition", Cause.MISC_UNSPECIFIED);
  }

  static String triggerName(int style) {
    switch (style) {
      case 1: return "Message Event";
      case 2: return "Call Process Breakpoint";
      case 3: return "E2 Node Information Change";
      case 4: return "UE Information Change";
      case 5: return "On Demand";
      default: return "Event trigger style " + style;
    }
  }

  private static List<ControlAction_RANParameter_Item> params(Map<Long, String> names) {
    List<ControlAction_RANParameter_Item> out = new ArrayList<>();
    names.forEach((id, name) -> out.add(new ControlAction_RANParameter_Item(id, name, null)));
    return out;
  }

  // ------------------------------------------------------------------ control

  /** Reads a control header and message; refuses with control-message-invalid or action-not-supported. */
  public RcControl parseControl(byte[] header, byte[] message) throws ServiceModelException {
    E2SM_RC_ControlHeader h = Asn.decode(header, E2SM_RC_ControlHeader::decode, "RC control header", false, INVALID);
    E2SM_RC_ControlMessage m = Asn.decode(message, E2SM_RC_ControlMessage::decode, "RC control message", false, INVALID);
    if (!(h.ric_controlHeader_formats() instanceof E2SM_RC_ControlHeader.Ric_controlHeader_formats.ControlHeader_Format1 h1)) {
      throw new ServiceModelException("only RC control header format 1 is supported", NOT_SUPPORTED);
    }
    if (!(m.ric_controlMessage_formats() instanceof E2SM_RC_ControlMessage.Ric_controlMessage_formats.ControlMessage_Format1 m1)) {
      throw new ServiceModelException("only RC control message format 1 is supported", NOT_SUPPORTED);
    }
    E2SM_RC_ControlHeader_Format1 hf = h1.value();
    RcValue.Struct params;
    UeId ue;
    try {
      ue = RcAsn.ueId(hf.ueID());
      List<RcValue.Param> ps = new ArrayList<>();
      if (m1.value().ranP_List() != null) {
        for (E2SM_RC_ControlMessage_Format1_Item i : m1.value().ranP_List()) {
          ps.add(new RcValue.Param(i.ranParameter_ID(), RcAsn.valueType(i.ranParameter_valueType())));
        }
      }
      params = new RcValue.Struct(ps);
    } catch (IllegalArgumentException e) {
      throw new ServiceModelException("RC control not readable: " + e.getMessage(), INVALID, e);
    }
    long style = hf.ric_Style_Type();
    long action = hf.ric_ControlAction_ID();
    if (style == 2 && action == 6) {
      return new RcControl.SlicePrbQuota(ue, sliceQuotas(params));
    }
    if (style == 3 && action == 1) {
      return new RcControl.Handover(ue, target(params));
    }
    throw new ServiceModelException("RC control style " + style + " action " + action + " not supported", NOT_SUPPORTED);
  }

  private List<RcControl.SliceQuota> sliceQuotas(RcValue.Struct params) throws ServiceModelException {
    RcValue list = params.get(slice.ratioList());
    if (!(list instanceof RcValue.ListOf groups) || groups.items().isEmpty()) {
      throw new ServiceModelException("slice PRB quota needs a non-empty RRM Policy Ratio List (id " + slice.ratioList() + ")",
          INVALID);
    }
    List<RcControl.SliceQuota> out = new ArrayList<>();
    int sumMin = 0;
    int sumDedicated = 0;
    for (RcValue.Struct item : groups.items()) {
      // the item is the RRM Policy Ratio Group; some xApps wrap it once more in a parameter with the group's id
      RcValue.Struct group = unwrap(item, slice.ratioGroup());
      RcValue.Struct policy = struct(group, slice.policy(), "RRM Policy");
      RcValue members = policy.get(slice.memberList());
      if (!(members instanceof RcValue.ListOf ml) || ml.items().isEmpty()) {
        throw new ServiceModelException("RRM Policy needs a member list (id " + slice.memberList() + ")", INVALID);
      }
      int min = ratio(group, slice.minRatio(), "Min PRB Policy Ratio");
      int max = ratio(group, slice.maxRatio(), "Max PRB Policy Ratio");
      int ded = ratio(group, slice.dedicatedRatio(), "Dedicated PRB Policy Ratio");
      if (ded > min || min > max) {
        throw new ServiceModelException("PRB ratios must satisfy dedicated <= min <= max, got " + ded + " / " + min + " / " + max,
            INVALID);
      }
      sumMin += min;
      sumDedicated += ded;
      for (RcValue.Struct memberItem : ml.items()) {
        RcValue.Struct member = unwrap(memberItem, slice.member());
        Plmn plmn = plmn(element(member, slice.plmn(), "PLMN Identity"));
        RcValue.Struct snssai = struct(member, slice.snssai(), "S-NSSAI");
        int sst = number(element(snssai, slice.sst(), "SST"), 1, slice.form(), "SST");
        Integer sd = null;
        if (snssai.get(slice.sd()) != null) {
          int v = number(element(snssai, slice.sd(), "SD"), 3, slice.form(), "SD");
          sd = v == 0xFFFFFF ? null : v;
        }
        if (sst > 255) {
          throw new ServiceModelException("SST out of range: " + sst, INVALID);
        }
        out.add(new RcControl.SliceQuota(plmn, new SliceId(sst, sd), min, max, ded));
      }
    }
    if (sumMin > 100 || sumDedicated > 100) {
      throw new ServiceModelException("the minimum (" + sumMin + ") and dedicated (" + sumDedicated
          + ") ratios of all slices must each add up to at most 100", INVALID);
    }
    return out;
  }

  private static RcValue.Struct unwrap(RcValue.Struct s, long wrapperId) {
    if (s.params().size() == 1 && s.params().get(0).id() == wrapperId && s.params().get(0).value() instanceof RcValue.Struct w) {
      return w;
    }
    return s;
  }

  private static RcValue.Struct struct(RcValue.Struct in, long id, String name) throws ServiceModelException {
    if (in.get(id) instanceof RcValue.Struct s) {
      return s;
    }
    throw new ServiceModelException(name + " (RAN parameter " + id + ") missing or not a structure", INVALID);
  }

  private static RcValue.Element element(RcValue.Struct in, long id, String name) throws ServiceModelException {
    if (in.get(id) instanceof RcValue.Element e && e.value() != null) {
      return e;
    }
    throw new ServiceModelException(name + " (RAN parameter " + id + ") missing or not an element with a value", INVALID);
  }

  private static int ratio(RcValue.Struct in, long id, String name) throws ServiceModelException {
    Long v = element(in, id, name).asLong();
    if (v == null || v < 0 || v > 100) {
      throw new ServiceModelException(name + " must be an integer 0..100, got " + element(in, id, name), INVALID);
    }
    return v.intValue();
  }

  /** A PLMN Identity element: 3 TBCD octets (TS 38.413), or 5-6 ASCII digits as OAI and some xApps send. */
  static Plmn plmn(RcValue.Element e) throws ServiceModelException {
    byte[] b = e.asOctets();
    try {
      if (b != null && b.length == 3) {
        return Plmn.fromBytes(b);
      }
      if (b != null && (b.length == 5 || b.length == 6) && digits(b)) {
        String s = new String(b, StandardCharsets.US_ASCII);
        return new Plmn(s.substring(0, 3), s.substring(3));
      }
    } catch (IllegalArgumentException ex) {
      throw new ServiceModelException("PLMN Identity " + e + " is not a PLMN", INVALID, ex);
    }
    throw new ServiceModelException("PLMN Identity " + e + " is neither 3 TBCD octets nor 5-6 digits", INVALID);
  }

  private static int number(RcValue.Element e, int binaryOctets, SliceQuotaParams.ValueForm form, String name)
      throws ServiceModelException {
    byte[] b = e.asOctets();
    if (b == null) {
      if (e.asLong() != null && e.asLong() >= 0 && e.asLong() <= 0xFFFFFF) {
        return e.asLong().intValue();
      }
      throw new ServiceModelException(name + " must be an OCTET STRING, got " + e, INVALID);
    }
    boolean digits = b.length > 0 && b.length <= 8 && digits(b);
    if (form == SliceQuotaParams.ValueForm.DIGITS ? digits : b.length != binaryOctets && digits) {
      return Integer.parseInt(new String(b, StandardCharsets.US_ASCII));
    }
    if (b.length != binaryOctets) {
      throw new ServiceModelException(name + " must be " + binaryOctets + " octet(s), got " + e, INVALID);
    }
    int v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xFF);
    }
    return v;
  }

  private static boolean digits(byte[] b) {
    for (byte x : b) {
      if (x < '0' || x > '9') {
        return false;
      }
    }
    return true;
  }

  private Ncgi target(RcValue.Struct params) throws ServiceModelException {
    RcValue.Struct primary = struct(params, handover.targetPrimaryCell(), "Target Primary Cell ID");
    RcValue.Struct choice = struct(primary, handover.targetCellChoice(), "CHOICE Target Cell");
    RcValue.Struct nr = struct(choice, handover.nrCell(), "NR Cell");
    RcValue.Element cgi = element(nr, handover.nrCgi(), "NR CGI");
    byte[] b = cgi.asOctets();
    if (b == null) {
      throw new ServiceModelException("NR CGI must be an OCTET STRING holding an NR-CGI", INVALID);
    }
    try {
      return RcAsn.nrCgi(b);
    } catch (RuntimeException e) {
      throw new ServiceModelException("NR CGI " + cgi + " does not decode as an NR-CGI", INVALID, e);
    }
  }

  /** Control outcome format 1: the values applied, flat (id, value) pairs. */
  public byte[] controlOutcome(RcControl c) throws ServiceModelException {
    return Asn.encode(() -> {
      List<E2SM_RC_ControlOutcome_Format1_Item> items = new ArrayList<>();
      if (c instanceof RcControl.SlicePrbQuota q) {
        for (RcControl.SliceQuota s : q.slices()) {
          items.add(new E2SM_RC_ControlOutcome_Format1_Item(slice.minRatio(), RcAsn.value((long) s.minRatio())));
          items.add(new E2SM_RC_ControlOutcome_Format1_Item(slice.maxRatio(), RcAsn.value((long) s.maxRatio())));
          items.add(new E2SM_RC_ControlOutcome_Format1_Item(slice.dedicatedRatio(), RcAsn.value((long) s.dedicatedRatio())));
        }
      } else {
        RcControl.Handover h = (RcControl.Handover) c;
        items.add(new E2SM_RC_ControlOutcome_Format1_Item(handover.nrCgi(), RcAsn.value(RcAsn.nrCgiOctets(h.target()))));
      }
      return new E2SM_RC_ControlOutcome(new E2SM_RC_ControlOutcome.Ric_controlOutcome_formats.ControlOutcome_Format1(
          new E2SM_RC_ControlOutcome_Format1(items.isEmpty() ? null : items))).encode();
    }, "RC control outcome", Cause.MISC_UNSPECIFIED);
  }

  // ------------------------------------------------------------------ REPORT / INSERT

  /** What a REPORT subscription asks for: the trigger format and the RAN parameters to report. */
  public record ReportRequest(int triggerFormat, int style, List<Long> parameterIds) {}

  public ReportRequest parseReportSubscription(byte[] eventTrigger, byte[] actionDefinition) throws ServiceModelException {
    E2SM_RC_EventTrigger et = Asn.decode(eventTrigger, E2SM_RC_EventTrigger::decode, "RC event trigger", false, NOT_SUPPORTED);
    E2SM_RC_ActionDefinition ad = Asn.decode(actionDefinition, E2SM_RC_ActionDefinition::decode, "RC action definition", false,
        NOT_SUPPORTED);
    int format = ((io.oranric.e2.aper.meta.AsnType.ChoiceValue) et.ric_eventTrigger_formats()).choiceIndex() + 1;
    if (!(ad.ric_actionDefinition_formats() instanceof E2SM_RC_ActionDefinition.Ric_actionDefinition_formats.ActionDefinition_Format1 f1)) {
      throw new ServiceModelException("only RC action definition format 1 is supported for REPORT", NOT_SUPPORTED);
    }
    List<Long> ids = new ArrayList<>();
    for (E2SM_RC_ActionDefinition_Format1_Item i : f1.value().ranP_ToBeReported_List()) {
      ids.add(i.ranParameter_ID());
    }
    return new ReportRequest(format, (int) ad.ric_Style_Type(), ids);
  }

  /** Indication header format 1 (REPORT: the event trigger condition that fired, if any). */
  public byte[] reportHeader(Long triggerConditionId) throws ServiceModelException {
    return Asn.encode(() -> new E2SM_RC_IndicationHeader(new E2SM_RC_IndicationHeader.Ric_indicationHeader_formats.IndicationHeader_Format1(
        new E2SM_RC_IndicationHeader_Format1(triggerConditionId))).encode(), "RC indication header", Cause.MISC_UNSPECIFIED);
  }

  /** Indication header format 2 (INSERT: the UE, insert style and indication). */
  public byte[] insertHeader(UeId ue, int insertStyle, int indicationId) throws ServiceModelException {
    return Asn.encode(() -> new E2SM_RC_IndicationHeader(new E2SM_RC_IndicationHeader.Ric_indicationHeader_formats.IndicationHeader_Format2(
        new E2SM_RC_IndicationHeader_Format2(RcAsn.ueid(ue, null), insertStyle, indicationId))).encode(), "RC indication header",
        Cause.MISC_UNSPECIFIED);
  }

  /** Indication message format 1: reported RAN parameters. */
  public byte[] message(List<RcValue.Param> params) throws ServiceModelException {
    return Asn.encode(() -> new E2SM_RC_IndicationMessage(new E2SM_RC_IndicationMessage.Ric_indicationMessage_formats.IndicationMessage_Format1(
        new E2SM_RC_IndicationMessage_Format1(params.stream().map(p -> new E2SM_RC_IndicationMessage_Format1_Item(p.id(),
            RcAsn.valueType(p.value()))).toList()))).encode(), "RC indication message", Cause.MISC_UNSPECIFIED);
  }

  /** Indication message format 2: RAN parameters per UE. */
  public byte[] messagePerUe(Map<UeId, List<RcValue.Param>> perUe) throws ServiceModelException {
    Map<UeId, List<RcValue.Param>> copy = new LinkedHashMap<>(perUe);
    return Asn.encode(() -> {
      List<E2SM_RC_IndicationMessage_Format2_Item> items = new ArrayList<>();
      copy.forEach((ue, ps) -> items.add(new E2SM_RC_IndicationMessage_Format2_Item(RcAsn.ueid(ue, null), ps.stream()
          .map(p -> new E2SM_RC_IndicationMessage_Format2_RANParameter_Item(p.id(), RcAsn.valueType(p.value()))).toList())));
      return new E2SM_RC_IndicationMessage(new E2SM_RC_IndicationMessage.Ric_indicationMessage_formats.IndicationMessage_Format2(
          new E2SM_RC_IndicationMessage_Format2(items))).encode();
    }, "RC indication message", Cause.MISC_UNSPECIFIED);
  }
}
