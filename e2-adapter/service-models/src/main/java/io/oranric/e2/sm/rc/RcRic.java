package io.oranric.e2.sm.rc;

import com.google.protobuf.ByteString;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.RanParameter;
import io.oranric.contract.v1.RanParameterList;
import io.oranric.contract.v1.RanParameterStructure;
import io.oranric.contract.v1.RcReport;
import io.oranric.contract.v1.RcSubscription;
import io.oranric.e2.aper.BitString;
import io.oranric.e2.codec.rc.v0103.ControlAction_RANParameter_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ActionDefinition;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ActionDefinition_Format1;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ActionDefinition_Format1_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader_Format1;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage_Format1;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage_Format1_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlOutcome;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlOutcome_Format1_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlOutcome_Format2_ControlOutcome_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlOutcome_Format2_RANP_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlOutcome_Format2_Style_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlOutcome_Format3_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_EventTrigger;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_EventTrigger_Format3;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_EventTrigger_Format3_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_EventTrigger_Format4;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_EventTrigger_Format4_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_EventTrigger_Format5;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationHeader;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format1_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format2_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format2_RANParameter_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format3_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format5_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format6_Indication_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format6_RANP_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_IndicationMessage_Format6_Style_Item;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_RANFunctionDefinition;
import io.oranric.e2.codec.rc.v0103.InsertIndication_RANParameter_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Control_Action_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Control_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_EventTrigger_Style_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Insert_Indication_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Insert_Item;
import io.oranric.e2.codec.rc.v0103.RANFunctionDefinition_Report_Item;
import io.oranric.e2.codec.rc.v0103.RANParameter_ValueType;
import io.oranric.e2.codec.rc.v0103.RRC_State;
import io.oranric.e2.codec.rc.v0103.Report_RANParameter_Item;
import io.oranric.e2.codec.rc.v0103.TriggerType_Choice;
import io.oranric.e2.codec.rc.v0103.TriggerType_Choice_RRCstate;
import io.oranric.e2.codec.rc.v0103.TriggerType_Choice_RRCstate_Item;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.protocol.RicAction;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.ControlContent;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.ServiceModel;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.SubscriptionContent;
import io.oranric.e2.sm.UeId;
import io.oranric.e2.sm.internal.Asn;
import io.oranric.e2.sm.internal.AsnJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The RIC's side of E2SM-RC v1.03: definitions, control requests and outcomes, REPORT/INSERT indications. */
public final class RcRic {
  private static final Cause DECODE = Cause.TRANSFER_SYNTAX_ERROR;
  private static final Cause NOT_SUPPORTED = Cause.ACTION_NOT_SUPPORTED;
  private static final Cause BAD_REQUEST = Cause.CONTROL_MESSAGE_INVALID;

  private RcRic() {}

  // ------------------------------------------------------------------ definition

  public static RanFunctionInfo describe(RanFunction f) throws ServiceModelException {
    E2SM_RC_RANFunctionDefinition d = Asn.decode(f.definition(), E2SM_RC_RANFunctionDefinition::decode,
        "RC RAN function definition", false, DECODE);
    Map<Integer, Map<Integer, Map<Long, String>>> params = new TreeMap<>();
    List<RanFunctionInfo.ControlStyleInfo> control = new ArrayList<>();
    if (d.ranFunctionDefinition_Control() != null) {
      for (RANFunctionDefinition_Control_Item s : d.ranFunctionDefinition_Control().ric_ControlStyle_List()) {
        List<RanFunctionInfo.ControlActionInfo> actions = new ArrayList<>();
        Map<Integer, Map<Long, String>> byAction = new TreeMap<>();
        if (s.ric_ControlAction_List() != null) {
          for (RANFunctionDefinition_Control_Action_Item a : s.ric_ControlAction_List()) {
            actions.add(new RanFunctionInfo.ControlActionInfo((int) a.ric_ControlAction_ID(), a.ric_ControlAction_Name()));
            Map<Long, String> ps = new LinkedHashMap<>();
            if (a.ran_ControlActionParameters_List() != null) {
              for (ControlAction_RANParameter_Item p : a.ran_ControlActionParameters_List()) {
                ps.put(p.ranParameter_ID(), p.ranParameter_name());
              }
            }
            byAction.put((int) a.ric_ControlAction_ID(), ps);
          }
        }
        params.put((int) s.ric_ControlStyle_Type(), byAction);
        control.add(new RanFunctionInfo.ControlStyleInfo((int) s.ric_ControlStyle_Type(), s.ric_ControlStyle_Name(), actions));
      }
    }
    List<RcDefinition.Style> report = new ArrayList<>();
    List<RanFunctionInfo.ReportStyleInfo> reportInfo = new ArrayList<>();
    if (d.ranFunctionDefinition_Report() != null) {
      for (RANFunctionDefinition_Report_Item r : d.ranFunctionDefinition_Report().ric_ReportStyle_List()) {
        Map<Long, String> ps = new LinkedHashMap<>();
        if (r.ran_ReportParameters_List() != null) {
          for (Report_RANParameter_Item p : r.ran_ReportParameters_List()) {
            ps.put(p.ranParameter_ID(), p.ranParameter_name());
          }
        }
        report.add(new RcDefinition.Style((int) r.ric_ReportStyle_Type(), r.ric_ReportStyle_Name(),
            (int) r.ric_SupportedEventTriggerStyle_Type(), (int) r.ric_ReportActionFormat_Type(),
            (int) r.ric_IndicationHeaderFormat_Type(), (int) r.ric_IndicationMessageFormat_Type(), ps));
        reportInfo.add(new RanFunctionInfo.ReportStyleInfo((int) r.ric_ReportStyle_Type(), r.ric_ReportStyle_Name(),
            List.copyOf(ps.values()), (int) r.ric_ReportActionFormat_Type(), (int) r.ric_IndicationHeaderFormat_Type(),
            (int) r.ric_IndicationMessageFormat_Type()));
      }
    }
    List<RcDefinition.Style> insert = new ArrayList<>();
    if (d.ranFunctionDefinition_Insert() != null) {
      for (RANFunctionDefinition_Insert_Item i : d.ranFunctionDefinition_Insert().ric_InsertStyle_List()) {
        Map<Long, String> ps = new LinkedHashMap<>();
        if (i.ric_InsertIndication_List() != null) {
          for (RANFunctionDefinition_Insert_Indication_Item ind : i.ric_InsertIndication_List()) {
            if (ind.ran_InsertIndicationParameters_List() != null) {
              for (InsertIndication_RANParameter_Item p : ind.ran_InsertIndicationParameters_List()) {
                ps.put(p.ranParameter_ID(), p.ranParameter_name());
              }
            }
          }
        }
        insert.add(new RcDefinition.Style((int) i.ric_InsertStyle_Type(), i.ric_InsertStyle_Name(),
            (int) i.ric_SupportedEventTriggerStyle_Type(), (int) i.ric_ActionDefinitionFormat_Type(),
            (int) i.ric_IndicationHeaderFormat_Type(), (int) i.ric_IndicationMessageFormat_Type(), ps));
      }
    }
    List<Integer> triggers = new ArrayList<>();
    if (d.ranFunctionDefinition_EventTrigger() != null) {
      for (RANFunctionDefinition_EventTrigger_Style_Item t : d.ranFunctionDefinition_EventTrigger().ric_EventTriggerStyle_List()) {
        triggers.add((int) t.ric_EventTriggerStyle_Type());
      }
    }
    RcDefinition def = new RcDefinition(d.ranFunction_Name().ranFunction_ShortName(), d.ranFunction_Name().ranFunction_E2SM_OID(),
        d.ranFunction_Name().ranFunction_Description(), params, report, insert, triggers);
    return new RanFunctionInfo(f, ServiceModel.RC, "RC1", def.shortName(), AsnJson.toJson(d), reportInfo, control, List.of(), def);
  }

  // ------------------------------------------------------------------ control

  /** Encodes a typed control for a node whose RC function is {@code f}, with the IDs that node announces. */
  public static ControlContent encode(RanFunctionInfo f, RcControl c) throws ServiceModelException {
    RcDefinition def = f.decoded() instanceof RcDefinition d ? d : null;
    Map<Long, String> announced = def == null ? Map.of() : def.controlParams(c.style(), c.action());
    List<RcValue.Param> params = new ArrayList<>();
    UeId ue;
    String description;
    if (c instanceof RcControl.SlicePrbQuota q) {
      SliceQuotaParams ids = announced.isEmpty() ? SliceQuotaParams.SPEC : SliceQuotaParams.fromNames(announced);
      params.add(sliceTree(ids, q.slices()));
      ue = q.anchor();
      StringBuilder sb = new StringBuilder("E2SM-RC style 2 action 6 slice PRB quota:");
      for (RcControl.SliceQuota s : q.slices()) {
        sb.append(" [").append(s.plmn()).append(" slice ").append(s.slice()).append(" min ").append(s.minRatio())
            .append("% max ").append(s.maxRatio()).append("% dedicated ").append(s.dedicatedRatio()).append("%]");
      }
      description = sb.toString();
    } else {
      RcControl.Handover h = (RcControl.Handover) c;
      HandoverParams ids = announced.isEmpty() ? HandoverParams.SPEC : HandoverParams.fromNames(announced);
      params.add(RcValue.param(ids.targetPrimaryCell(), RcValue.struct(RcValue.param(ids.targetCellChoice(),
          RcValue.struct(RcValue.param(ids.nrCell(), RcValue.struct(RcValue.param(ids.nrCgi(),
              RcValue.of(RcAsn.nrCgiOctets(h.target()))))))))));
      ue = h.ue();
      description = "E2SM-RC style 3 action 1 handover of UE " + h.ue().text() + " to " + h.target();
    }
    UeId anchor = ue;
    byte[] header = Asn.encode(() -> new E2SM_RC_ControlHeader(new E2SM_RC_ControlHeader.Ric_controlHeader_formats.ControlHeader_Format1(
        new E2SM_RC_ControlHeader_Format1(RcAsn.ueid(anchor, null), c.style(), c.action(), null))).encode(), "RC control header",
        BAD_REQUEST);
    byte[] message = Asn.encode(() -> new E2SM_RC_ControlMessage(new E2SM_RC_ControlMessage.Ric_controlMessage_formats.ControlMessage_Format1(
        new E2SM_RC_ControlMessage_Format1(params.stream().map(p -> new E2SM_RC_ControlMessage_Format1_Item(p.id(),
            RcAsn.valueType(p.value()))).toList()))).encode(), "RC control message", BAD_REQUEST);
    return new ControlContent(f.id(), header, message, description);
  }

  /** 1 LIST [ { 3 { MemberList LIST [ { PLMN, S-NSSAI { SST, SD } } ] }, Min, Max, Dedicated } ... ]. */
  static RcValue.Param sliceTree(SliceQuotaParams ids, List<RcControl.SliceQuota> slices) {
    List<RcValue.Struct> groups = new ArrayList<>();
    for (RcControl.SliceQuota s : slices) {
      List<RcValue.Param> snssai = new ArrayList<>();
      snssai.add(RcValue.param(ids.sst(), RcValue.of(number(s.slice().sst(), 1, ids.form()))));
      if (s.slice().sd() != null) {
        snssai.add(RcValue.param(ids.sd(), RcValue.of(number(s.slice().sd(), 3, ids.form()))));
      } else if (ids.form() == SliceQuotaParams.ValueForm.DIGITS) {
        // OAI's parser requires an SD; 0xFFFFFF is 3GPP's "no SD"
        snssai.add(RcValue.param(ids.sd(), RcValue.of(number(0xFFFFFF, 3, ids.form()))));
      }
      RcValue.Struct member = RcValue.struct(RcValue.param(ids.plmn(), RcValue.of(plmn(s.plmn(), ids.form()))),
          RcValue.param(ids.snssai(), new RcValue.Struct(snssai)));
      RcValue.Struct policy = RcValue.struct(RcValue.param(ids.memberList(), new RcValue.ListOf(List.of(member))));
      groups.add(RcValue.struct(RcValue.param(ids.policy(), policy),
          RcValue.param(ids.minRatio(), RcValue.of(s.minRatio())),
          RcValue.param(ids.maxRatio(), RcValue.of(s.maxRatio())),
          RcValue.param(ids.dedicatedRatio(), RcValue.of(s.dedicatedRatio()))));
    }
    return RcValue.param(ids.ratioList(), new RcValue.ListOf(groups));
  }

  private static byte[] plmn(Plmn p, SliceQuotaParams.ValueForm form) {
    return form == SliceQuotaParams.ValueForm.DIGITS ? p.toString().getBytes(StandardCharsets.US_ASCII) : p.toBytes();
  }

  private static byte[] number(int v, int octets, SliceQuotaParams.ValueForm form) {
    if (form == SliceQuotaParams.ValueForm.DIGITS) {
      return Integer.toString(v).getBytes(StandardCharsets.US_ASCII);
    }
    byte[] b = new byte[octets];
    for (int i = 0; i < octets; i++) {
      b[i] = (byte) (v >>> (8 * (octets - 1 - i)));
    }
    return b;
  }

  /** Builds the typed control of a slice PRB quota or handover request, resolving cells through naming. */
  public static RcControl control(ControlRequest req, CellNaming naming) throws ServiceModelException {
    if (req.hasSlicePrbQuota()) {
      var q = req.getSlicePrbQuota();
      Ncgi cell = q.getCellId().isEmpty() ? null : cell(q.getCellId(), naming);
      if (q.getSlicesCount() == 0) {
        throw new ServiceModelException("slice PRB quota without slices", BAD_REQUEST);
      }
      List<RcControl.SliceQuota> slices = new ArrayList<>();
      int sumMin = 0;
      int sumDed = 0;
      for (var s : q.getSlicesList()) {
        Plmn plmn;
        if (s.hasPlmn()) {
          plmn = plmn(s.getPlmn());
        } else if (cell != null) {
          plmn = cell.plmn();
        } else {
          throw new ServiceModelException("slice " + s.getSlice() + " has no PLMN and the request names no cell", BAD_REQUEST);
        }
        int min = s.getMinPrbPct();
        int max = s.getMaxPrbPct();
        int ded = s.getDedicatedPrbPct();
        if (max > 100 || min > max || ded > min) {
          throw new ServiceModelException("PRB ratios must satisfy dedicated <= min <= max <= 100, got " + ded + "/" + min + "/" + max,
              BAD_REQUEST);
        }
        sumMin += min;
        sumDed += ded;
        try {
          slices.add(new RcControl.SliceQuota(plmn, SliceId.fromProto(s.getSlice()), min, max, ded));
        } catch (IllegalArgumentException e) {
          throw new ServiceModelException(e.getMessage(), BAD_REQUEST, e);
        }
      }
      if (sumMin > 100 || sumDed > 100) {
        throw new ServiceModelException("minimum and dedicated ratios of all slices must each add up to at most 100", BAD_REQUEST);
      }
      return new RcControl.SlicePrbQuota(new UeId.GnbDu(0, null), slices);
    }
    if (req.hasHandover()) {
      var h = req.getHandover();
      Ncgi target;
      if (h.hasTargetNrCgi() && h.getTargetNrCgi().hasPlmn()) {
        try {
          target = Ncgi.fromProto(h.getTargetNrCgi());
        } catch (IllegalArgumentException e) {
          throw new ServiceModelException("bad target NR CGI: " + e.getMessage(), BAD_REQUEST, e);
        }
      } else if (!h.getTargetCellId().isEmpty()) {
        target = cell(h.getTargetCellId(), naming);
      } else {
        throw new ServiceModelException("handover needs a target cell", BAD_REQUEST);
      }
      try {
        return new RcControl.Handover(UeId.parse(h.getUeId(), new UeId.Guami(target.plmn(), 0, 0, 0)), target);
      } catch (IllegalArgumentException e) {
        throw new ServiceModelException(e.getMessage(), BAD_REQUEST, e);
      }
    }
    throw new ServiceModelException("not an E2SM-RC control request", NOT_SUPPORTED);
  }

  static Plmn plmn(io.oranric.contract.v1.Plmn p) throws ServiceModelException {
    try {
      return new Plmn(p.getMcc(), p.getMnc());
    } catch (IllegalArgumentException e) {
      throw new ServiceModelException(e.getMessage(), BAD_REQUEST, e);
    }
  }

  static Ncgi cell(String name, CellNaming naming) throws ServiceModelException {
    String key = naming.cgiOf(name).orElseThrow(() -> new ServiceModelException("unknown cell " + name, BAD_REQUEST));
    try {
      return Ncgi.fromKey(key);
    } catch (IllegalArgumentException e) {
      throw new ServiceModelException("cell " + name + " maps to a bad NR CGI " + key, BAD_REQUEST, e);
    }
  }

  /** A readable form of an RC control outcome, naming the parameters the node announced. */
  public static String describeOutcome(RanFunctionInfo f, byte[] outcome) {
    if (outcome == null || outcome.length == 0) {
      return "";
    }
    Map<Long, String> names = new LinkedHashMap<>();
    if (f.decoded() instanceof RcDefinition d) {
      d.controlParams().values().forEach(byAction -> byAction.values().forEach(m -> m.forEach(names::putIfAbsent)));
    }
    try {
      E2SM_RC_ControlOutcome o = Asn.decode(outcome, E2SM_RC_ControlOutcome::decode, "RC control outcome", false, DECODE);
      List<String> parts = new ArrayList<>();
      var fmt = o.ric_controlOutcome_formats();
      if (fmt instanceof E2SM_RC_ControlOutcome.Ric_controlOutcome_formats.ControlOutcome_Format1 f1) {
        if (f1.value().ranP_List() != null) {
          for (E2SM_RC_ControlOutcome_Format1_Item i : f1.value().ranP_List()) {
            parts.add(name(names, i.ranParameter_ID()) + "=" + text(RcAsn.value(i.ranParameter_value())));
          }
        }
      } else if (fmt instanceof E2SM_RC_ControlOutcome.Ric_controlOutcome_formats.ControlOutcome_Format2 f2) {
        for (E2SM_RC_ControlOutcome_Format2_Style_Item s : f2.value().ric_ControlStyle_List()) {
          for (E2SM_RC_ControlOutcome_Format2_ControlOutcome_Item a : s.ric_ControlOutcome_List()) {
            StringBuilder sb = new StringBuilder("style " + s.indicated_Control_Style_Type() + " action " + a.ric_ControlAction_ID());
            if (a.ranP_List() != null) {
              for (E2SM_RC_ControlOutcome_Format2_RANP_Item i : a.ranP_List()) {
                sb.append(' ').append(name(names, i.ranParameter_ID())).append('=').append(text(RcAsn.value(i.ranParameter_value())));
              }
            }
            parts.add(sb.toString());
          }
        }
      } else if (fmt instanceof E2SM_RC_ControlOutcome.Ric_controlOutcome_formats.ControlOutcome_Format3 f3) {
        for (E2SM_RC_ControlOutcome_Format3_Item i : f3.value().ranP_List()) {
          parts.add(name(names, i.ranParameter_ID()) + "=" + RcAsn.valueType(i.ranParameter_valueType()));
        }
      } else {
        return "RC control outcome of an unknown format";
      }
      return "RC control outcome: " + (parts.isEmpty() ? "(no parameters)" : String.join(", ", parts));
    } catch (ServiceModelException | RuntimeException e) {
      return "undecodable RC control outcome " + HexFormat.of().formatHex(outcome) + " (" + e.getMessage() + ")";
    }
  }

  private static String name(Map<Long, String> names, long id) {
    String n = names.get(id);
    return n == null ? "#" + id : n + "(" + id + ")";
  }

  private static String text(Object v) {
    if (v instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    }
    if (v instanceof BitString b) {
      return b.toHex() + "/" + b.size();
    }
    return String.valueOf(v);
  }

  // ------------------------------------------------------------------ REPORT / INSERT

  /** What decodeRc needs: the style and the parameter names the node announced for it. */
  public record RcDecodeContext(int style, boolean insert, Map<Long, String> names) {}

  /**
   * A REPORT subscription on a style whose event trigger needs no message or call process lists:
   * E2 node information change (3), UE information change (4, on RRC state changes) or on demand (5).
   * E2SM-RC has no periodic trigger; {@code period_ms} has no meaning here.
   */
  public static SubscriptionContent subscription(RanFunctionInfo f, RcSubscription req) throws ServiceModelException {
    if (!(f.decoded() instanceof RcDefinition def)) {
      throw new ServiceModelException("RAN function " + f.id() + " is not a decoded RC function", Cause.RAN_FUNCTION_ID_INVALID);
    }
    if (req.getInsert()) {
      throw new ServiceModelException("RC INSERT subscriptions (call process breakpoint triggers) are not built by this RIC",
          NOT_SUPPORTED);
    }
    RcDefinition.Style style = def.reportStyle(req.getStyle());
    if (style == null) {
      throw new ServiceModelException("node does not offer RC report style " + req.getStyle(), NOT_SUPPORTED);
    }
    E2SM_RC_EventTrigger.Ric_eventTrigger_formats trigger;
    switch (style.eventTriggerStyle()) {
      case 3:
        trigger = new E2SM_RC_EventTrigger.Ric_eventTrigger_formats.EventTrigger_Format3(new E2SM_RC_EventTrigger_Format3(
            List.of(new E2SM_RC_EventTrigger_Format3_Item(1, 1, null, null))));
        break;
      case 4:
        trigger = new E2SM_RC_EventTrigger.Ric_eventTrigger_formats.EventTrigger_Format4(new E2SM_RC_EventTrigger_Format4(
            List.of(new E2SM_RC_EventTrigger_Format4_Item(1, new TriggerType_Choice.TriggerType_Choice_RRCstate(
                new TriggerType_Choice_RRCstate(List.of(new TriggerType_Choice_RRCstate_Item(RRC_State.Known.ANY, null)))), null, null))));
        break;
      case 5:
        trigger = new E2SM_RC_EventTrigger.Ric_eventTrigger_formats.EventTrigger_Format5(
            new E2SM_RC_EventTrigger_Format5(E2SM_RC_EventTrigger_Format5.OnDemand.TRUE, null, null));
        break;
      default:
        throw new ServiceModelException("RC report style " + style.style() + " uses event trigger style " + style.eventTriggerStyle()
            + ", which needs message or call process lists this RIC does not build", NOT_SUPPORTED);
    }
    List<Long> ids = req.getParameterIdsList().isEmpty() ? List.copyOf(style.params().keySet())
        : req.getParameterIdsList().stream().map(Integer::longValue).toList();
    if (ids.isEmpty()) {
      throw new ServiceModelException("no RAN parameters to report for RC style " + style.style(), NOT_SUPPORTED);
    }
    E2SM_RC_EventTrigger.Ric_eventTrigger_formats t = trigger;
    byte[] et = Asn.encode(() -> new E2SM_RC_EventTrigger(t).encode(), "RC event trigger", NOT_SUPPORTED);
    byte[] ad = Asn.encode(() -> new E2SM_RC_ActionDefinition(style.style(),
        new E2SM_RC_ActionDefinition.Ric_actionDefinition_formats.ActionDefinition_Format1(new E2SM_RC_ActionDefinition_Format1(
            ids.stream().map(id -> new E2SM_RC_ActionDefinition_Format1_Item(id, null)).toList()))).encode(),
        "RC action definition", NOT_SUPPORTED);
    return new SubscriptionContent(et, List.of(new RicAction(1, RicAction.Type.REPORT, ad, null)),
        new RcDecodeContext(style.style(), false, style.params()));
  }

  /** Decodes a REPORT or INSERT indication into RAN parameter trees, with the full header and message as JSON. */
  public static RcReport.Builder decode(RanFunctionInfo f, Object context, byte[] header, byte[] message, CellNaming naming)
      throws ServiceModelException {
    E2SM_RC_IndicationHeader h = Asn.decode(header, E2SM_RC_IndicationHeader::decode, "RC indication header", false, DECODE);
    E2SM_RC_IndicationMessage m = Asn.decode(message, E2SM_RC_IndicationMessage::decode, "RC indication message", false, DECODE);
    RcDecodeContext ctx = context instanceof RcDecodeContext c ? c : null;
    Map<Long, String> names = new LinkedHashMap<>();
    if (ctx != null) {
      names.putAll(ctx.names());
    }
    RcReport.Builder b = RcReport.newBuilder().setHeaderJson(AsnJson.toJson(h)).setMessageJson(AsnJson.toJson(m));
    if (ctx != null) {
      b.setStyle(ctx.style());
    }
    try {
      var hf = h.ric_indicationHeader_formats();
      if (hf instanceof E2SM_RC_IndicationHeader.Ric_indicationHeader_formats.IndicationHeader_Format1) {
        b.setHeaderFormat(1);
      } else if (hf instanceof E2SM_RC_IndicationHeader.Ric_indicationHeader_formats.IndicationHeader_Format2 h2) {
        b.setHeaderFormat(2).setUeId(RcAsn.ueId(h2.value().ueID()).text()).setStyle((int) h2.value().ric_InsertStyle_Type());
        if (f.decoded() instanceof RcDefinition d && d.insertStyle((int) h2.value().ric_InsertStyle_Type()) != null) {
          d.insertStyle((int) h2.value().ric_InsertStyle_Type()).params().forEach(names::putIfAbsent);
        }
      } else if (hf instanceof E2SM_RC_IndicationHeader.Ric_indicationHeader_formats.IndicationHeader_Format3 h3) {
        b.setHeaderFormat(3);
        if (h3.value().ueID() != null) {
          b.setUeId(RcAsn.ueId(h3.value().ueID()).text());
        }
      }
      var mf = m.ric_indicationMessage_formats();
      if (mf instanceof E2SM_RC_IndicationMessage.Ric_indicationMessage_formats.IndicationMessage_Format1 m1) {
        b.setMessageFormat(1);
        for (E2SM_RC_IndicationMessage_Format1_Item i : m1.value().ranP_Reported_List()) {
          b.addParameters(proto(i.ranParameter_ID(), i.ranParameter_valueType(), names));
        }
      } else if (mf instanceof E2SM_RC_IndicationMessage.Ric_indicationMessage_formats.IndicationMessage_Format2 m2) {
        b.setMessageFormat(2);
        // one structure per UE: the UE id as text parameter 0, then its parameters
        for (E2SM_RC_IndicationMessage_Format2_Item ue : m2.value().ueParameter_List()) {
          RanParameterStructure.Builder s = RanParameterStructure.newBuilder()
              .addParameters(RanParameter.newBuilder().setId(0).setName("UE ID").setText(RcAsn.ueId(ue.ueID()).text()));
          for (E2SM_RC_IndicationMessage_Format2_RANParameter_Item i : ue.ranP_List()) {
            s.addParameters(proto(i.ranParameter_ID(), i.ranParameter_valueType(), names));
          }
          b.addParameters(RanParameter.newBuilder().setId(0).setName("UE").setStructure(s));
        }
        if (m2.value().ueParameter_List().size() == 1) {
          b.setUeId(RcAsn.ueId(m2.value().ueParameter_List().get(0).ueID()).text());
        }
      } else if (mf instanceof E2SM_RC_IndicationMessage.Ric_indicationMessage_formats.IndicationMessage_Format3 m3) {
        b.setMessageFormat(3);
        for (E2SM_RC_IndicationMessage_Format3_Item c : m3.value().cellInfo_List()) {
          Ncgi cell = RcAsn.ncgi(c.cellGlobal_ID());
          RanParameter.Builder p = RanParameter.newBuilder().setId(0).setName("Cell " + naming.cell(cell.plmn(), cell.nci()).displayName());
          if (c.cellContextInfo() != null) {
            p.setOctets(ByteString.copyFrom(c.cellContextInfo().toByteArray()));
          } else {
            p.setBoolean(c.cellDeleted() != null && c.cellDeleted());
          }
          b.addParameters(p);
          if (m3.value().cellInfo_List().size() == 1) {
            b.setCellId(naming.cell(cell.plmn(), cell.nci()).displayName());
          }
        }
      } else if (mf instanceof E2SM_RC_IndicationMessage.Ric_indicationMessage_formats.IndicationMessage_Format5 m5) {
        b.setMessageFormat(5);
        for (E2SM_RC_IndicationMessage_Format5_Item i : m5.value().ranP_Requested_List()) {
          b.addParameters(proto(i.ranParameter_ID(), i.ranParameter_valueType(), names));
        }
      } else if (mf instanceof E2SM_RC_IndicationMessage.Ric_indicationMessage_formats.IndicationMessage_Format6 m6) {
        b.setMessageFormat(6);
        for (E2SM_RC_IndicationMessage_Format6_Style_Item s : m6.value().ric_InsertStyle_List()) {
          for (E2SM_RC_IndicationMessage_Format6_Indication_Item ind : s.ric_InsertIndication_List()) {
            if (ind.ranP_InsertIndication_List() != null) {
              for (E2SM_RC_IndicationMessage_Format6_RANP_Item i : ind.ranP_InsertIndication_List()) {
                b.addParameters(proto(i.ranParameter_ID(), i.ranParameter_valueType(), names));
              }
            }
          }
        }
      } else if (mf instanceof E2SM_RC_IndicationMessage.Ric_indicationMessage_formats.IndicationMessage_Format4) {
        b.setMessageFormat(4); // UE and cell context blobs: kept in message_json
      } else {
        throw new ServiceModelException("RC indication message of an unknown format", DECODE);
      }
    } catch (IllegalArgumentException e) {
      throw new ServiceModelException("RC indication not readable: " + e.getMessage(), DECODE, e);
    }
    return b;
  }

  static RanParameter proto(long id, RANParameter_ValueType v, Map<Long, String> names) {
    return proto(id, RcAsn.valueType(v), names);
  }

  static RanParameter proto(long id, RcValue v, Map<Long, String> names) {
    RanParameter.Builder p = RanParameter.newBuilder().setId((int) id).setName(names.getOrDefault(id, ""));
    if (v instanceof RcValue.Element e) {
      Object x = e.value();
      if (x instanceof Long l) {
        p.setInteger(l);
      } else if (x instanceof Double d) {
        p.setReal(d);
      } else if (x instanceof Boolean bo) {
        p.setBoolean(bo);
      } else if (x instanceof byte[] o) {
        p.setOctets(ByteString.copyFrom(o));
      } else if (x instanceof BitString bs) {
        p.setText(bs.toHex() + "/" + bs.size());
      } else if (x instanceof String s) {
        p.setText(s);
      }
    } else if (v instanceof RcValue.Struct s) {
      p.setStructure(structure(s, names));
    } else {
      RanParameterList.Builder l = RanParameterList.newBuilder();
      for (RcValue.Struct s : ((RcValue.ListOf) v).items()) {
        l.addItems(structure(s, names));
      }
      p.setList(l);
    }
    return p.build();
  }

  private static RanParameterStructure structure(RcValue.Struct s, Map<Long, String> names) {
    RanParameterStructure.Builder b = RanParameterStructure.newBuilder();
    for (RcValue.Param q : s.params()) {
      b.addParameters(proto(q.id(), q.value(), names));
    }
    return b.build();
  }
}
