package io.oranric.e2.sm.kpm;

import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_ActionDefinition;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_ActionDefinition_Format1;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_EventTriggerDefinition;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage_Format1;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage_Format2;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage_Format3;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_RANfunction_Description;
import io.oranric.e2.codec.kpm.v0300.MatchingUEidItem;
import io.oranric.e2.codec.kpm.v0300.MatchingUEidPerSubItem;
import io.oranric.e2.codec.kpm.v0300.MatchingUeCondPerSubItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementCondItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementCondUEidItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementDataItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementInfoItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementInfo_Action_Item;
import io.oranric.e2.codec.kpm.v0300.MeasurementRecordItem;
import io.oranric.e2.codec.kpm.v0300.RANfunction_Name;
import io.oranric.e2.codec.kpm.v0300.RIC_EventTriggerStyle_Item;
import io.oranric.e2.codec.kpm.v0300.RIC_ReportStyle_Item;
import io.oranric.e2.codec.kpm.v0300.UEMeasurementReportItem;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.internal.Asn;
import java.util.ArrayList;
import java.util.List;

/**
 * The E2 node's side of E2SM-KPM (used by the gNB simulator and the test gNBs): builds the RAN function
 * definition, reads subscriptions, builds indications. Stateless and thread safe.
 *
 * <p>{@code new KpmNodeSide(KpmVersion.KPM3)} encodes indication headers with the 8-octet time stamp
 * (srsRAN, FlexRIC v3.00), {@code KPM2} with the 4-octet one (OAI/FlexRIC v2.03). Everything else is
 * the same on the wire.
 */
public final class KpmNodeSide {
  private static final Cause ACTION_NOT_SUPPORTED = Cause.ACTION_NOT_SUPPORTED;
  private static final Cause TRIGGER_NOT_SUPPORTED = Cause.of(Cause.Group.RIC_REQUEST, "eventTriggerNotSupported");

  private final KpmVersion version;

  public KpmNodeSide(KpmVersion version) {
    this.version = version;
  }

  public KpmVersion version() {
    return version;
  }

  // ------------------------------------------------------------------ RAN function definition

  /** The E2SM-KPM RAN function description for E2 Setup (one periodic event trigger style). */
  public byte[] ranFunctionDefinition(KpmFunctionSpec spec) throws ServiceModelException {
    return Asn.encode(() -> {
      List<RIC_ReportStyle_Item> styles = new ArrayList<>();
      for (KpmFunctionSpec.ReportStyle s : spec.reportStyles()) {
        styles.add(new RIC_ReportStyle_Item(s.style(), s.name(), s.actionFormat(),
            s.measurements().stream().map(m -> new MeasurementInfo_Action_Item(m, null, null)).toList(),
            s.headerFormat(), s.messageFormat()));
      }
      return new E2SM_KPM_RANfunction_Description(
          new RANfunction_Name(spec.shortName(), spec.oid(), spec.description(), spec.instance()),
          List.of(new RIC_EventTriggerStyle_Item(1, "Periodic Report", 1)), styles.isEmpty() ? null : styles).encode();
    }, "KPM RAN function definition", Cause.MISC_UNSPECIFIED);
  }

  // ------------------------------------------------------------------ subscriptions

  /** The reporting period of an event trigger definition format 1, in ms. */
  public long parseEventTrigger(byte[] eventTrigger) throws ServiceModelException {
    E2SM_KPM_EventTriggerDefinition et = Asn.decode(eventTrigger, E2SM_KPM_EventTriggerDefinition::decode,
        "KPM event trigger definition", false, TRIGGER_NOT_SUPPORTED);
    if (et.eventDefinition_formats() instanceof E2SM_KPM_EventTriggerDefinition.EventDefinition_formats.EventDefinition_Format1 f) {
      return f.value().reportingPeriod();
    }
    throw new ServiceModelException("KPM event trigger format not supported", TRIGGER_NOT_SUPPORTED);
  }

  /** Reads an event trigger and one action definition into a typed subscription. */
  public KpmSubscriptionSpec parseSubscription(byte[] eventTrigger, byte[] actionDefinition) throws ServiceModelException {
    return parseAction(actionDefinition, parseEventTrigger(eventTrigger));
  }

  public KpmSubscriptionSpec parseAction(byte[] actionDefinition, long periodMs) throws ServiceModelException {
    E2SM_KPM_ActionDefinition ad = Asn.decode(actionDefinition, E2SM_KPM_ActionDefinition::decode,
        "KPM action definition", false, ACTION_NOT_SUPPORTED);
    try {
      return toSpec(ad, periodMs);
    } catch (IllegalArgumentException e) {
      throw new ServiceModelException("KPM action definition not usable: " + e.getMessage(), ACTION_NOT_SUPPORTED, e);
    }
  }

  private static KpmSubscriptionSpec toSpec(E2SM_KPM_ActionDefinition ad, long periodMs) {
    int style = (int) ad.ric_Style_Type();
    E2SM_KPM_ActionDefinition.ActionDefinition_formats f = ad.actionDefinition_formats();
    if (f instanceof E2SM_KPM_ActionDefinition.ActionDefinition_formats.ActionDefinition_Format1 f1) {
      return fromFormat1(style, 1, periodMs, f1.value(), UeSelection.NONE);
    }
    if (f instanceof E2SM_KPM_ActionDefinition.ActionDefinition_formats.ActionDefinition_Format2 f2) {
      return fromFormat1(style, 2, periodMs, f2.value().subscriptInfo(),
          new UeSelection.One(KpmAsn.ueId(f2.value().ueID())));
    }
    if (f instanceof E2SM_KPM_ActionDefinition.ActionDefinition_formats.ActionDefinition_Format3 f3) {
      List<KpmSubscriptionSpec.ConditionalMeasurement> conds = new ArrayList<>();
      for (MeasurementCondItem c : f3.value().measCondList()) {
        String name = KpmAsn.measName(c.measType());
        conds.add(new KpmSubscriptionSpec.ConditionalMeasurement(name != null ? name : "#" + KpmAsn.measId(c.measType()),
            c.matchingCond().stream().map(KpmAsn::matchCond).toList()));
      }
      Ncgi cell = f3.value().cellGlobalID() == null ? null : KpmAsn.ncgi(f3.value().cellGlobalID());
      return new KpmSubscriptionSpec(periodMs, style, 3, f3.value().granulPeriod(), List.of(), conds, cell, UeSelection.NONE);
    }
    if (f instanceof E2SM_KPM_ActionDefinition.ActionDefinition_formats.ActionDefinition_Format4 f4) {
      List<TestCondition> conds = new ArrayList<>();
      List<Boolean> or = new ArrayList<>();
      for (MatchingUeCondPerSubItem c : f4.value().matchingUeCondList()) {
        conds.add(KpmAsn.testCond(c.testCondInfo()));
        or.add(c.logicalOR() != null);
      }
      return fromFormat1(style, 4, periodMs, f4.value().subscriptionInfo(), new UeSelection.Matching(conds, or));
    }
    if (f instanceof E2SM_KPM_ActionDefinition.ActionDefinition_formats.ActionDefinition_Format5 f5) {
      return fromFormat1(style, 5, periodMs, f5.value().subscriptionInfo(), new UeSelection.Listed(
          f5.value().matchingUEidList().stream().map(u -> KpmAsn.ueId(u.ueID())).toList()));
    }
    throw new IllegalArgumentException("unknown action definition format");
  }

  private static KpmSubscriptionSpec fromFormat1(int style, int format, long periodMs, E2SM_KPM_ActionDefinition_Format1 f1,
      UeSelection ues) {
    List<KpmSubscriptionSpec.Measurement> ms = new ArrayList<>();
    for (MeasurementInfoItem m : f1.measInfoList()) {
      ms.add(new KpmSubscriptionSpec.Measurement(KpmAsn.measName(m.measType()), KpmAsn.measId(m.measType()),
          m.labelInfoList().stream().map(l -> KpmAsn.label(l.measLabel())).toList()));
    }
    Ncgi cell = f1.cellGlobalID() == null ? null : KpmAsn.ncgi(f1.cellGlobalID());
    return new KpmSubscriptionSpec(periodMs, style, format, f1.granulPeriod(), ms, List.of(), cell, ues);
  }

  /**
   * Checks a subscription against what the node offers: the style must exist with this action format
   * and every named measurement must be offered by it. Throws with cause action-not-supported.
   */
  public static void check(KpmFunctionSpec offered, KpmSubscriptionSpec s) throws ServiceModelException {
    KpmFunctionSpec.ReportStyle style = offered.reportStyles().stream().filter(r -> r.style() == s.style()).findFirst()
        .orElseThrow(() -> new ServiceModelException("report style " + s.style() + " not offered", ACTION_NOT_SUPPORTED));
    if (style.actionFormat() != s.actionFormat()) {
      throw new ServiceModelException("report style " + s.style() + " takes action format " + style.actionFormat()
          + ", not " + s.actionFormat(), ACTION_NOT_SUPPORTED);
    }
    for (String n : s.measurementNames()) {
      if (!style.measurements().contains(n)) {
        throw new ServiceModelException("measurement " + n + " not offered in style " + s.style(), ACTION_NOT_SUPPORTED);
      }
    }
    if (s.granularityMs() <= 0 || s.periodMs() <= 0) {
      throw new ServiceModelException("granularity and period must be positive", ACTION_NOT_SUPPORTED);
    }
  }

  // ------------------------------------------------------------------ indications

  public byte[] indicationHeader(KpmIndication.Header h) throws ServiceModelException {
    return Asn.encode(() -> {
      if (version == KpmVersion.KPM2) {
        return new io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader(
            new io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader.IndicationHeader_formats.IndicationHeader_Format1(
                new io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader_Format1(OctetString.wrap(Asn.ntp32(h.collectStart())),
                    h.fileFormatVersion(), h.senderName(), h.senderType(), h.vendorName()))).encode();
      }
      return new io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationHeader(
          new io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationHeader.IndicationHeader_formats.IndicationHeader_Format1(
              new io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationHeader_Format1(OctetString.wrap(Asn.ntp64(h.collectStart())),
                  h.fileFormatVersion(), h.senderName(), h.senderType(), h.vendorName()))).encode();
    }, "KPM indication header", Cause.MISC_UNSPECIFIED);
  }

  public byte[] indicationMessage(KpmIndication.Message m) throws ServiceModelException {
    return Asn.encode(() -> {
      E2SM_KPM_IndicationMessage.IndicationMessage_formats f;
      if (m instanceof KpmIndication.Format1 f1) {
        f = new E2SM_KPM_IndicationMessage.IndicationMessage_formats.IndicationMessage_Format1(format1(f1));
      } else if (m instanceof KpmIndication.Format2 f2) {
        f = new E2SM_KPM_IndicationMessage.IndicationMessage_formats.IndicationMessage_Format2(format2(f2));
      } else {
        KpmIndication.Format3 f3 = (KpmIndication.Format3) m;
        f = new E2SM_KPM_IndicationMessage.IndicationMessage_formats.IndicationMessage_Format3(
            new E2SM_KPM_IndicationMessage_Format3(f3.reports().stream()
                .map(r -> new UEMeasurementReportItem(KpmAsn.ueid(r.ue()), format1(r.report()))).toList()));
      }
      return new E2SM_KPM_IndicationMessage(f).encode();
    }, "KPM indication message", Cause.MISC_UNSPECIFIED);
  }

  private static E2SM_KPM_IndicationMessage_Format1 format1(KpmIndication.Format1 f) {
    int n = f.valuesPerRecord();
    for (KpmIndication.Record r : f.records()) {
      if (r.values().size() != n) {
        throw new IllegalArgumentException("a record holds " + r.values().size() + " values, the measurements and labels "
            + "call for " + n);
      }
    }
    List<MeasurementInfoItem> info = f.measurements().stream().map(x -> KpmAsn.measInfo(x.name(), x.id(), x.labels())).toList();
    return new E2SM_KPM_IndicationMessage_Format1(data(f.records()), info, f.granularityMs());
  }

  private static E2SM_KPM_IndicationMessage_Format2 format2(KpmIndication.Format2 f) {
    for (KpmIndication.Record r : f.records()) {
      if (r.values().size() != f.measurements().size()) {
        throw new IllegalArgumentException("a format 2 record holds one value per condition item");
      }
    }
    List<MeasurementCondUEidItem> items = new ArrayList<>();
    for (KpmIndication.CondUes c : f.measurements()) {
      items.add(new MeasurementCondUEidItem(KpmAsn.measType(c.name(), c.id()), c.conditions().stream().map(KpmAsn::matchCond).toList(),
          c.matchedUes().isEmpty() ? null : c.matchedUes().stream().map(u -> new MatchingUEidItem(KpmAsn.ueid(u))).toList(), null));
    }
    return new E2SM_KPM_IndicationMessage_Format2(data(f.records()), items, f.granularityMs());
  }

  private static List<MeasurementDataItem> data(List<KpmIndication.Record> records) {
    List<MeasurementDataItem> out = new ArrayList<>(records.size());
    for (KpmIndication.Record r : records) {
      List<MeasurementRecordItem> items = new ArrayList<>(r.values().size());
      for (KpmIndication.Value v : r.values()) {
        if (v instanceof KpmIndication.IntValue i) {
          items.add(new MeasurementRecordItem.Integer(i.value()));
        } else if (v instanceof KpmIndication.RealValue d) {
          items.add(new MeasurementRecordItem.Real(d.value()));
        } else {
          items.add(new MeasurementRecordItem.NoValue());
        }
      }
      out.add(new MeasurementDataItem(items, r.incomplete() ? MeasurementDataItem.IncompleteFlag.TRUE : null));
    }
    return out;
  }
}
