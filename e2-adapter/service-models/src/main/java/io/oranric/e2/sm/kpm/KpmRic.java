package io.oranric.e2.sm.kpm;

import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.Label;
import io.oranric.contract.v1.Measurement;
import io.oranric.contract.v1.MeasurementScope;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_ActionDefinition;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_ActionDefinition_Format1;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_ActionDefinition_Format2;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_ActionDefinition_Format3;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_ActionDefinition_Format4;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_ActionDefinition_Format5;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_EventTriggerDefinition;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_EventTriggerDefinition_Format1;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage_Format1;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage_Format2;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage_Format3;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_RANfunction_Description;
import io.oranric.e2.codec.kpm.v0300.LogicalOR;
import io.oranric.e2.codec.kpm.v0300.MatchingCondItem;
import io.oranric.e2.codec.kpm.v0300.MatchingUEidItem;
import io.oranric.e2.codec.kpm.v0300.MatchingUEidPerSubItem;
import io.oranric.e2.codec.kpm.v0300.MatchingUeCondPerSubItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementCondItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementCondUEidItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementDataItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementInfoItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementInfo_Action_Item;
import io.oranric.e2.codec.kpm.v0300.MeasurementRecordItem;
import io.oranric.e2.codec.kpm.v0300.RIC_EventTriggerStyle_Item;
import io.oranric.e2.codec.kpm.v0300.RIC_ReportStyle_Item;
import io.oranric.e2.codec.kpm.v0300.UEMeasurementReportItem;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.protocol.RicAction;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.CellRef;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.ServiceModel;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.SubscriptionContent;
import io.oranric.e2.sm.UeId;
import io.oranric.e2.sm.internal.Asn;
import io.oranric.e2.sm.internal.AsnJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The RIC's side of E2SM-KPM: definitions, subscriptions, indications. Stateless. */
public final class KpmRic {
  private static final Cause DECODE = Cause.TRANSFER_SYNTAX_ERROR;
  private static final Cause NOT_SUPPORTED = Cause.ACTION_NOT_SUPPORTED;

  private KpmRic() {}

  // ------------------------------------------------------------------ definition

  /**
   * Decodes a KPM RAN function definition with the preferred layout first and the other one second.
   * The two layouts encode a definition identically, so the preference (from the OID and configuration)
   * names the version; indication headers, which do differ, correct it per report.
   */
  public static RanFunctionInfo describe(RanFunction f, KpmVersion preferred) throws ServiceModelException {
    E2SM_KPM_RANfunction_Description d;
    KpmVersion version = preferred;
    try {
      d = decodeDefinition(f.definition(), preferred);
    } catch (ServiceModelException first) {
      version = preferred.other();
      try {
        d = decodeDefinition(f.definition(), version);
      } catch (ServiceModelException second) {
        throw new ServiceModelException("KPM RAN function definition decodes as neither " + preferred + " (" + first.getMessage()
            + ") nor " + version + " (" + second.getMessage() + ")", Cause.of(Cause.Group.PROTOCOL,
            "abstract-syntax-error-falsely-constructed-message"), first);
      }
    }
    List<RanFunctionInfo.ReportStyleInfo> styles = new ArrayList<>();
    if (d.ric_ReportStyle_List() != null) {
      for (RIC_ReportStyle_Item s : d.ric_ReportStyle_List()) {
        List<String> names = new ArrayList<>();
        if (s.measInfo_Action_List() != null) {
          for (MeasurementInfo_Action_Item m : s.measInfo_Action_List()) {
            names.add(m.measName());
          }
        }
        styles.add(new RanFunctionInfo.ReportStyleInfo((int) s.ric_ReportStyle_Type(), s.ric_ReportStyle_Name(), names,
            (int) s.ric_ActionFormat_Type(), (int) s.ric_IndicationHeaderFormat_Type(), (int) s.ric_IndicationMessageFormat_Type()));
      }
    }
    List<Integer> triggers = new ArrayList<>();
    if (d.ric_EventTriggerStyle_List() != null) {
      for (RIC_EventTriggerStyle_Item t : d.ric_EventTriggerStyle_List()) {
        triggers.add((int) t.ric_EventTriggerStyle_Type());
      }
    }
    KpmDefinition def = new KpmDefinition(version, d.ranFunction_Name().ranFunction_ShortName(),
        d.ranFunction_Name().ranFunction_E2SM_OID(), d.ranFunction_Name().ranFunction_Description(),
        d.ranFunction_Name().ranFunction_Instance(), styles, triggers);
    return new RanFunctionInfo(f, ServiceModel.KPM, version.name(), def.shortName(), AsnJson.toJson(d), styles, List.of(),
        List.of(), def);
  }

  private static E2SM_KPM_RANfunction_Description decodeDefinition(byte[] b, KpmVersion v) throws ServiceModelException {
    // lenient about trailing zero octets: the layouts do not differ here, so strictness would tell nothing
    if (v == KpmVersion.KPM2) {
      // decoded with the v2.03 codec for the check, then read through the (identical) v3.00 records
      Asn.decode(b, io.oranric.e2.codec.kpm.v0203.E2SM_KPM_RANfunction_Description::decode, "KPM2 RAN function definition",
          false, DECODE);
    }
    return Asn.decode(b, E2SM_KPM_RANfunction_Description::decode, "KPM RAN function definition", false, DECODE);
  }

  // ------------------------------------------------------------------ subscription

  /** Event trigger and one action per requested cell (or one node-level action) for a KPM subscription. */
  public static SubscriptionContent subscription(RanFunctionInfo f, KpmSubscription req, CellNaming naming)
      throws ServiceModelException {
    if (!(f.decoded() instanceof KpmDefinition def)) {
      throw new ServiceModelException("RAN function " + f.id() + " is not a decoded KPM function", Cause.RAN_FUNCTION_ID_INVALID);
    }
    int style = req.getReportStyle() == 0 ? 1 : req.getReportStyle();
    if (style < 1 || style > 5) {
      throw new ServiceModelException("KPM report style is 1..5: " + style, NOT_SUPPORTED);
    }
    RanFunctionInfo.ReportStyleInfo offered = def.style(style);
    if (offered == null) {
      throw new ServiceModelException("node does not offer KPM report style " + style + " (offers "
          + def.reportStyles().stream().map(RanFunctionInfo.ReportStyleInfo::style).toList() + ")", NOT_SUPPORTED);
    }
    if (offered.actionFormat() != style) {
      throw new ServiceModelException("node's report style " + style + " takes action format " + offered.actionFormat()
          + "; only the standard pairing (format = style) is supported", NOT_SUPPORTED);
    }
    long period = req.getPeriodMs() & 0xFFFF_FFFFL;
    if (period == 0) {
      throw new ServiceModelException("KPM report period must be at least 1 ms", Cause.of(Cause.Group.RIC_REQUEST,
          "eventTriggerNotSupported"));
    }
    long granularity = req.getGranularityMs() == 0 ? period : req.getGranularityMs() & 0xFFFF_FFFFL;
    List<String> names = new ArrayList<>(req.getMeasurementNamesList());
    if (names.isEmpty()) {
      names.addAll(offered.measurementNames());
      if (names.isEmpty()) {
        throw new ServiceModelException("no measurements requested and the node lists none for style " + style, NOT_SUPPORTED);
      }
    } else if (!offered.measurementNames().isEmpty()) {
      for (String n : names) {
        if (!offered.measurementNames().contains(n)) {
          throw new ServiceModelException("node does not offer measurement " + n + " in style " + style, NOT_SUPPORTED);
        }
      }
    }
    List<Ncgi> cells = new ArrayList<>();
    for (String c : req.getCellIdsList()) {
      String key = naming.cgiOf(c).orElseThrow(() -> new ServiceModelException("unknown cell " + c, NOT_SUPPORTED));
      try {
        cells.add(Ncgi.fromKey(key));
      } catch (IllegalArgumentException e) {
        throw new ServiceModelException("cell " + c + " maps to a bad NR CGI " + key, NOT_SUPPORTED, e);
      }
    }
    if (cells.isEmpty()) {
      cells.add(null);
    }
    if (cells.size() > 16) {
      throw new ServiceModelException("at most 16 cells per KPM subscription (one action each)", Cause.of(Cause.Group.RIC_REQUEST,
          "excessive-actions"));
    }
    List<SliceId> slices = req.getSlicesList().stream().map(SliceId::fromProto).toList();
    byte[] trigger = Asn.encode(() -> new E2SM_KPM_EventTriggerDefinition(
        new E2SM_KPM_EventTriggerDefinition.EventDefinition_formats.EventDefinition_Format1(
            new E2SM_KPM_EventTriggerDefinition_Format1(period))).encode(), "KPM event trigger", NOT_SUPPORTED);
    List<RicAction> actions = new ArrayList<>();
    List<KpmDecodeContext.Action> ctx = new ArrayList<>();
    int actionId = 1;
    for (Ncgi cell : cells) {
      Plmn plmn = cell != null ? cell.plmn() : new Plmn("001", "01");
      UeId.Guami guami = new UeId.Guami(plmn, 0, 0, 0);
      List<UeId> ues = new ArrayList<>();
      for (String u : req.getUeIdsList()) {
        try {
          ues.add(UeId.parse(u, guami));
        } catch (IllegalArgumentException e) {
          throw new ServiceModelException(e.getMessage(), NOT_SUPPORTED, e);
        }
      }
      // Style 1 with slices: every measurement for the whole cell and once per slice (S-NSSAI labels), so
      // one report carries the cell and its slices; the other styles select UEs by slice instead.
      List<KpmLabel> labels = new ArrayList<>(List.of(KpmLabel.NONE));
      if (style == 1) {
        for (SliceId sl : slices) {
          labels.add(KpmLabel.slice(plmn, sl));
        }
      }
      E2SM_KPM_ActionDefinition_Format1 f1 = new E2SM_KPM_ActionDefinition_Format1(
          names.stream().map(n -> KpmAsn.measInfo(n, null, labels)).toList(), granularity,
          cell == null ? null : KpmAsn.cgi(cell), null);
      E2SM_KPM_ActionDefinition.ActionDefinition_formats format;
      UeId ctxUe = null;
      SliceId ctxSlice = null;
      switch (style) {
        case 1:
          format = new E2SM_KPM_ActionDefinition.ActionDefinition_formats.ActionDefinition_Format1(f1);
          break;
        case 2:
          if (ues.size() != 1) {
            throw new ServiceModelException("report style 2 needs exactly one UE id, got " + ues.size(), NOT_SUPPORTED);
          }
          ctxUe = ues.get(0);
          format = new E2SM_KPM_ActionDefinition.ActionDefinition_formats.ActionDefinition_Format2(
              new E2SM_KPM_ActionDefinition_Format2(encodeUe(ctxUe), f1));
          break;
        case 3: {
          List<MatchingCondItem> conds = new ArrayList<>();
          if (slices.isEmpty()) {
            conds.add(KpmAsn.matchCond(MatchCondition.of(KpmLabel.NONE)));
          } else {
            for (int i = 0; i < slices.size(); i++) {
              conds.add(KpmAsn.matchCond(new MatchCondition(KpmLabel.slice(plmn, slices.get(i)), null, i < slices.size() - 1)));
            }
          }
          List<MeasurementCondItem> items = names.stream().map(n -> new MeasurementCondItem(KpmAsn.measType(n, null), conds, null))
              .toList();
          format = new E2SM_KPM_ActionDefinition.ActionDefinition_formats.ActionDefinition_Format3(
              new E2SM_KPM_ActionDefinition_Format3(items, granularity, cell == null ? null : KpmAsn.cgi(cell)));
          break;
        }
        case 4: {
          List<MatchingUeCondPerSubItem> conds = new ArrayList<>();
          if (slices.isEmpty()) {
            conds.add(new MatchingUeCondPerSubItem(KpmAsn.testCond(TestCondition.anyUe()), null));
          } else {
            for (int i = 0; i < slices.size(); i++) {
              conds.add(new MatchingUeCondPerSubItem(KpmAsn.testCond(TestCondition.slice(slices.get(i))),
                  i < slices.size() - 1 ? LogicalOR.TRUE : null));
            }
            ctxSlice = slices.size() == 1 ? slices.get(0) : null;
          }
          format = new E2SM_KPM_ActionDefinition.ActionDefinition_formats.ActionDefinition_Format4(
              new E2SM_KPM_ActionDefinition_Format4(conds, f1));
          break;
        }
        default:
          if (ues.size() < 2) {
            throw new ServiceModelException("report style 5 needs at least two UE ids (style 2 takes one)", NOT_SUPPORTED);
          }
          List<MatchingUEidPerSubItem> list = new ArrayList<>();
          for (UeId u : ues) {
            list.add(new MatchingUEidPerSubItem(encodeUe(u)));
          }
          format = new E2SM_KPM_ActionDefinition.ActionDefinition_formats.ActionDefinition_Format5(
              new E2SM_KPM_ActionDefinition_Format5(list, f1));
          break;
      }
      E2SM_KPM_ActionDefinition.ActionDefinition_formats fmt = format;
      byte[] def2 = Asn.encode(() -> new E2SM_KPM_ActionDefinition(style, fmt).encode(), "KPM action definition", NOT_SUPPORTED);
      actions.add(new RicAction(actionId, RicAction.Type.REPORT, def2, null));
      ctx.add(new KpmDecodeContext.Action(actionId, style, style, granularity, cell, names, ctxUe, ctxSlice));
      actionId++;
    }
    return new SubscriptionContent(trigger, actions, new KpmDecodeContext(ctx));
  }

  private static io.oranric.e2.codec.kpm.v0300.UEID encodeUe(UeId u) throws ServiceModelException {
    try {
      return KpmAsn.ueid(u);
    } catch (IllegalArgumentException e) {
      throw new ServiceModelException(e.getMessage(), NOT_SUPPORTED, e);
    }
  }

  // ------------------------------------------------------------------ indications

  /** A decoded indication header with the layout that decoded it. */
  public record Header(KpmVersion version, KpmIndication.Header header) {}

  /**
   * Decodes a header: the only place where KPM2 and KPM3 differ. A header with optional strings can
   * decode in both layouts (the v3 reading takes four string octets as the time stamp's low half): the
   * one whose time falls in 2000..2100 wins, and {@code preferred} when both or neither do. So a
   * plausible header in the preferred layout is taken at once, and the other layout is tried only when
   * it is not. srsRAN's Unix seconds in 8 octets read as 1970 in the v2.03 layout, OAI's 4-octet time
   * as a date centuries away in the v3 layout, so real nodes resolve by their time stamps.
   */
  public static Header decodeHeader(byte[] header, KpmVersion preferred) throws ServiceModelException {
    Header first = null;
    Header second = null;
    ServiceModelException firstError = null;
    ServiceModelException secondError = null;
    try {
      first = decodeHeaderAs(header, preferred, true);
    } catch (ServiceModelException e) {
      firstError = e;
    }
    if (first != null && plausible(first)) {
      // The other layout could only lose to this one; trying it costs an exception per indication.
      return first;
    }
    try {
      second = decodeHeaderAs(header, preferred.other(), true);
    } catch (ServiceModelException e) {
      secondError = e;
    }
    if (first == null && second == null) {
      // neither fits exactly: accept trailing zero octets (padding some encoders add) before giving up
      try {
        first = decodeHeaderAs(header, preferred, false);
      } catch (ServiceModelException e) {
        try {
          second = decodeHeaderAs(header, preferred.other(), false);
        } catch (ServiceModelException ignored) {
          // report the strict errors below
        }
      }
    }
    if (first != null && second != null) {
      return !plausible(first) && plausible(second) ? second : first;
    }
    if (first != null) {
      return first;
    }
    if (second != null) {
      return second;
    }
    throw new ServiceModelException("KPM indication header decodes as neither " + preferred + " (" + firstError.getMessage()
        + ") nor " + preferred.other() + " (" + secondError.getMessage() + ")", DECODE, firstError);
  }

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private static boolean plausible(Header h) {
    Instant t = h.header().collectStart();
    return t.isAfter(EARLIEST) && t.isBefore(LATEST);
  }

  private static Header decodeHeaderAs(byte[] b, KpmVersion v, boolean strict) throws ServiceModelException {
    if (v == KpmVersion.KPM2) {
      var h = Asn.decode(b, io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader::decode, "KPM2 indication header", strict, DECODE);
      if (h.indicationHeader_formats()
          instanceof io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader.IndicationHeader_formats.IndicationHeader_Format1 f) {
        var x = f.value();
        return new Header(v, new KpmIndication.Header(time(x.colletStartTime()), x.fileFormatversion(), x.senderName(),
            x.senderType(), x.vendorName()));
      }
      throw new ServiceModelException("KPM2 indication header format not supported", DECODE);
    }
    var h = Asn.decode(b, io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationHeader::decode, "KPM3 indication header", strict, DECODE);
    if (h.indicationHeader_formats()
        instanceof io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationHeader.IndicationHeader_formats.IndicationHeader_Format1 f) {
      var x = f.value();
      return new Header(v, new KpmIndication.Header(time(x.colletStartTime()), x.fileFormatversion(), x.senderName(),
          x.senderType(), x.vendorName()));
    }
    throw new ServiceModelException("KPM3 indication header format not supported", DECODE);
  }

  private static Instant time(OctetString o) throws ServiceModelException {
    try {
      return Asn.timestamp(o.toByteArray());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new ServiceModelException("KPM collection start time " + o.toHex() + " is not a time", DECODE, e);
    }
  }

  /** Decodes an indication message into typed values (formats 1 to 3). */
  public static KpmIndication.Message decodeMessage(byte[] message) throws ServiceModelException {
    E2SM_KPM_IndicationMessage m = Asn.decode(message, E2SM_KPM_IndicationMessage::decode, "KPM indication message", false, DECODE);
    try {
      E2SM_KPM_IndicationMessage.IndicationMessage_formats f = m.indicationMessage_formats();
      if (f instanceof E2SM_KPM_IndicationMessage.IndicationMessage_formats.IndicationMessage_Format1 f1) {
        return format1(f1.value(), null);
      }
      if (f instanceof E2SM_KPM_IndicationMessage.IndicationMessage_formats.IndicationMessage_Format2 f2) {
        return format2(f2.value());
      }
      if (f instanceof E2SM_KPM_IndicationMessage.IndicationMessage_formats.IndicationMessage_Format3 f3) {
        List<KpmIndication.UeReport> reports = new ArrayList<>();
        for (UEMeasurementReportItem r : f3.value().ueMeasReportList()) {
          reports.add(new KpmIndication.UeReport(KpmAsn.ueId(r.ueID()), format1(r.measReport(), null)));
        }
        return new KpmIndication.Format3(reports);
      }
    } catch (IllegalArgumentException e) {
      throw new ServiceModelException("KPM indication message not usable: " + e.getMessage(), DECODE, e);
    }
    throw new ServiceModelException("KPM indication message format not supported", DECODE);
  }

  private static KpmIndication.Format1 format1(E2SM_KPM_IndicationMessage_Format1 f, List<String> fallback) {
    List<KpmIndication.MeasInfo> info = new ArrayList<>();
    if (f.measInfoList() != null) {
      for (MeasurementInfoItem m : f.measInfoList()) {
        info.add(new KpmIndication.MeasInfo(KpmAsn.measName(m.measType()), KpmAsn.measId(m.measType()),
            m.labelInfoList().stream().map(l -> KpmAsn.label(l.measLabel())).toList()));
      }
    }
    return new KpmIndication.Format1(info, records(f.measData()), f.granulPeriod());
  }

  private static KpmIndication.Format2 format2(E2SM_KPM_IndicationMessage_Format2 f) {
    List<KpmIndication.CondUes> items = new ArrayList<>();
    for (MeasurementCondUEidItem c : f.measCondUEidList()) {
      List<UeId> ues = new ArrayList<>();
      if (c.matchingUEidList() != null) {
        for (MatchingUEidItem u : c.matchingUEidList()) {
          ues.add(KpmAsn.ueId(u.ueID()));
        }
      }
      items.add(new KpmIndication.CondUes(KpmAsn.measName(c.measType()), KpmAsn.measId(c.measType()),
          c.matchingCond().stream().map(KpmAsn::matchCond).toList(), ues));
    }
    return new KpmIndication.Format2(items, records(f.measData()), f.granulPeriod());
  }

  private static List<KpmIndication.Record> records(List<MeasurementDataItem> data) {
    List<KpmIndication.Record> out = new ArrayList<>(data.size());
    for (MeasurementDataItem d : data) {
      List<KpmIndication.Value> values = new ArrayList<>(d.measRecord().size());
      for (MeasurementRecordItem r : d.measRecord()) {
        if (r instanceof MeasurementRecordItem.Integer i) {
          values.add(new KpmIndication.IntValue(i.value()));
        } else if (r instanceof MeasurementRecordItem.Real x) {
          values.add(new KpmIndication.RealValue(x.value()));
        } else if (r instanceof MeasurementRecordItem.NoValue) {
          values.add(KpmIndication.NO_VALUE);
        } else {
          throw new IllegalArgumentException("unknown measurement record alternative");
        }
      }
      out.add(new KpmIndication.Record(values, d.incompleteFlag() != null));
    }
    return out;
  }

  /**
   * Decodes an indication into the report's E2SM fields: version, style, format, times, sender and one
   * Measurement per value with its scope (cell of the action, slice from labels or the action, UE from
   * format 2/3 UE ids or the style 2 action), labels and the start of its granularity period.
   */
  public static KpmReport.Builder decode(RanFunctionInfo f, Object decodeContext, int actionId, byte[] header, byte[] message,
      CellNaming naming) throws ServiceModelException {
    KpmVersion preferred = "KPM2".equals(f.version()) ? KpmVersion.KPM2 : KpmVersion.KPM3;
    Header h = decodeHeader(header, preferred);
    KpmIndication.Message m = decodeMessage(message);
    KpmDecodeContext.Action a = decodeContext instanceof KpmDecodeContext c ? c.action(actionId) : null;
    KpmReport.Builder b = KpmReport.newBuilder().setKpmVersion(h.version().name()).setMessageFormat(m.format());
    KpmIndication.Header hv = h.header();
    long start = Asn.epochNanos(hv.collectStart());
    b.setCollectStartNs(start);
    if (hv.senderName() != null) {
      b.setSenderName(hv.senderName());
    }
    if (hv.senderType() != null) {
      b.setSenderType(hv.senderType());
    }
    if (hv.vendorName() != null) {
      b.setVendorName(hv.vendorName());
    }
    if (hv.fileFormatVersion() != null) {
      b.setFileFormatVersion(hv.fileFormatVersion());
    }
    b.setReportStyle(a != null ? a.style() : m.format() == 2 ? 3 : m.format() == 3 ? 5 : 1);
    MeasurementScope.Builder base = MeasurementScope.newBuilder();
    if (a != null && a.cell() != null) {
      CellRef ref = naming.cell(a.cell().plmn(), a.cell().nci());
      base.setCellId(ref.displayName()).setNrCgi(a.cell().toProto());
    }
    if (a != null && a.slice() != null) {
      base.setSlice(a.slice().toProto());
    }
    if (a != null && a.ue() != null) {
      base.setUeId(a.ue().text());
    }
    List<String> fallback = a == null ? List.of() : a.measurements();
    try {
      if (m instanceof KpmIndication.Format1 f1) {
        long gran = granularity(f1.granularityMs(), a);
        b.setGranularityMs((int) gran);
        addFormat1(b, f1, fallback, base.build(), start, gran);
      } else if (m instanceof KpmIndication.Format2 f2) {
        long gran = granularity(f2.granularityMs(), a);
        b.setGranularityMs((int) gran);
        addFormat2(b, f2, base.build(), start, gran);
      } else {
        KpmIndication.Format3 f3 = (KpmIndication.Format3) m;
        long gran = granularity(null, a);
        for (KpmIndication.UeReport r : f3.reports()) {
          long g = granularity(r.report().granularityMs(), a);
          gran = g;
          addFormat1(b, r.report(), fallback, base.clone().setUeId(r.ue().text()).build(), start, g);
        }
        b.setGranularityMs((int) gran);
      }
    } catch (IllegalArgumentException e) {
      throw new ServiceModelException("KPM indication does not fit its measurement list: " + e.getMessage(), DECODE, e);
    }
    return b;
  }

  private static long granularity(Long fromMessage, KpmDecodeContext.Action a) {
    if (fromMessage != null) {
      return fromMessage;
    }
    return a != null ? a.granularityMs() : 0;
  }

  private static void addFormat1(KpmReport.Builder b, KpmIndication.Format1 f, List<String> fallback, MeasurementScope base,
      long start, long gran) {
    List<KpmIndication.MeasInfo> info = f.measurements();
    if (info.isEmpty()) {
      info = fallback.stream().map(KpmIndication.MeasInfo::of).toList();
    }
    int expected = info.stream().mapToInt(x -> x.labels().size()).sum();
    for (int p = 0; p < f.records().size(); p++) {
      KpmIndication.Record r = f.records().get(p);
      if (r.values().size() != expected) {
        throw new IllegalArgumentException("record " + p + " holds " + r.values().size() + " values for " + expected
            + " measurement/label pairs");
      }
      if (r.incomplete()) {
        b.setIncomplete(true);
      }
      long t = start + (long) p * gran * 1_000_000L;
      int i = 0;
      for (KpmIndication.MeasInfo mi : info) {
        for (KpmLabel l : mi.labels()) {
          Measurement.Builder mb = Measurement.newBuilder().setName(mi.displayName()).setTimeNs(t).setPeriodIndex(p);
          setValue(mb, r.values().get(i++));
          MeasurementScope.Builder s = base.toBuilder();
          if (l.slice() != null) {
            s.setSlice(l.slice().toProto());
          }
          mb.setScope(s);
          addLabels(mb, l);
          if (r.incomplete()) {
            mb.addLabels(Label.newBuilder().setKey("incomplete").setValue("true"));
          }
          b.addMeasurements(mb);
        }
      }
    }
  }

  private static void addFormat2(KpmReport.Builder b, KpmIndication.Format2 f, MeasurementScope base, long start, long gran) {
    int expected = f.measurements().size();
    for (int p = 0; p < f.records().size(); p++) {
      KpmIndication.Record r = f.records().get(p);
      if (r.values().size() != expected) {
        throw new IllegalArgumentException("record " + p + " holds " + r.values().size() + " values for " + expected
            + " condition items");
      }
      if (r.incomplete()) {
        b.setIncomplete(true);
      }
      long t = start + (long) p * gran * 1_000_000L;
      for (int i = 0; i < expected; i++) {
        KpmIndication.CondUes c = f.measurements().get(i);
        Measurement.Builder mb = Measurement.newBuilder().setName(c.displayName()).setTimeNs(t).setPeriodIndex(p);
        setValue(mb, r.values().get(i));
        MeasurementScope.Builder s = base.toBuilder();
        for (MatchCondition mc : c.conditions()) {
          SliceId slice = mc.label() != null ? mc.label().slice() : mc.test().sliceOrNull();
          if (slice != null && c.conditions().size() == 1) {
            s.setSlice(slice.toProto());
          }
          if (mc.label() != null) {
            addLabels(mb, mc.label());
          } else {
            mb.addLabels(Label.newBuilder().setKey("condition").setValue(describe(mc.test())));
          }
        }
        if (c.matchedUes().size() == 1) {
          s.setUeId(c.matchedUes().get(0).text());
        } else if (!c.matchedUes().isEmpty()) {
          mb.addLabels(Label.newBuilder().setKey("ue_ids")
              .setValue(String.join(",", c.matchedUes().stream().map(UeId::text).toList())));
        }
        mb.setScope(s);
        if (r.incomplete()) {
          mb.addLabels(Label.newBuilder().setKey("incomplete").setValue("true"));
        }
        b.addMeasurements(mb);
      }
    }
  }

  private static void setValue(Measurement.Builder mb, KpmIndication.Value v) {
    if (v instanceof KpmIndication.IntValue i) {
      mb.setInteger(i.value());
    } else if (v instanceof KpmIndication.RealValue d) {
      mb.setReal(d.value());
    } else {
      mb.setNoValue(true);
    }
  }

  /** The labels of a KPM label other than the slice (which goes to the scope). */
  static void addLabels(Measurement.Builder mb, KpmLabel l) {
    Map<String, Object> kv = new LinkedHashMap<>();
    if (l.plmn() != null) {
      kv.put("plmnID", l.plmn().toString());
    }
    if (l.slice() != null) {
      kv.put("sliceID", l.slice().toString());
    }
    kv.put("5QI", l.fiveQi());
    kv.put("QFI", l.qfi());
    kv.put("QCI", l.qci());
    kv.put("ARPmax", l.arpMax());
    kv.put("ARPmin", l.arpMin());
    kv.put("bitrateRange", l.bitrateRange());
    kv.put("layerMU-MIMO", l.layerMuMimo());
    kv.put("distBinX", l.distBinX());
    kv.put("distBinY", l.distBinY());
    kv.put("distBinZ", l.distBinZ());
    kv.put("ssbIndex", l.ssbIndex());
    for (KpmLabel.Stat s : l.stats()) {
      kv.put(s.name(), "true");
    }
    kv.forEach((k, v) -> {
      if (v != null) {
        mb.addLabels(Label.newBuilder().setKey(k).setValue(v.toString()));
      }
    });
  }

  static String describe(TestCondition t) {
    Object v = t.value();
    String value = v == null ? "" : v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : v.toString();
    return t.type() + " " + (t.expr() == null ? "" : t.expr()) + (value.isEmpty() ? "" : " " + value);
  }
}
