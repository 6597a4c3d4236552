package io.oranric.e2.sm.kpm;

import static io.oranric.e2.sm.TestSupport.CELL1;
import static io.oranric.e2.sm.TestSupport.CELL3;
import static io.oranric.e2.sm.TestSupport.NAMING;
import static io.oranric.e2.sm.TestSupport.PLMN;
import static io.oranric.e2.sm.TestSupport.oracle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.Measurement;
import io.oranric.contract.v1.Snssai;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.protocol.RicAction;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.ServiceModel;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.StandardServiceModels;
import io.oranric.e2.sm.SubscriptionContent;
import io.oranric.e2.sm.UeId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RIC side and node side of E2SM-KPM against each other, for every style and message format. */
class KpmRoundTripTest {
  static final List<String> NAMES = List.of("DRB.UEThpDl", "DRB.UEThpUl", "RRU.PrbUsedDl", "RRU.PrbTotDl");
  static final KpmFunctionSpec SPEC = KpmFunctionSpec.allStyles(KpmVersion.OID_V2, "KPM Monitor", NAMES);

  final StandardServiceModels ric = new StandardServiceModels(NAMING);

  RanFunctionInfo describe(KpmNodeSide node, KpmFunctionSpec spec) throws Exception {
    byte[] def = node.ranFunctionDefinition(spec);
    oracle("KPM3", "E2SM-KPM-RANfunction-Description", def);
    oracle("KPM2", "E2SM-KPM-RANfunction-Description", def);
    return ric.describe(new RanFunction(2, 1, spec.oid(), def), NAMING);
  }

  static KpmSubscription.Builder sub(int style) {
    return KpmSubscription.newBuilder().setReportStyle(style).setPeriodMs(1000);
  }

  /** Builds the subscription on the RIC side, checks it with the oracle, parses it on the node side. */
  KpmSubscriptionSpec roundTrip(RanFunctionInfo f, KpmSubscription req, int action) throws Exception {
    SubscriptionContent c = ric.kpmSubscription(f, req);
    oracle("KPM3", "E2SM-KPM-EventTriggerDefinition", c.eventTrigger());
    RicAction a = c.actions().get(action);
    oracle("KPM3", "E2SM-KPM-ActionDefinition", a.definition());
    oracle("KPM2", "E2SM-KPM-ActionDefinition", a.definition());
    KpmSubscriptionSpec s = new KpmNodeSide(KpmVersion.KPM3).parseSubscription(c.eventTrigger(), a.definition());
    KpmNodeSide.check(SPEC, s);
    return s;
  }

  @Test
  void definitionDescribesStylesAndMeasurements() throws Exception {
    RanFunctionInfo f = describe(new KpmNodeSide(KpmVersion.KPM3), SPEC);
    assertThat(f.model()).isEqualTo(ServiceModel.KPM);
    assertThat(f.version()).isEqualTo("KPM3");
    assertThat(f.shortName()).isEqualTo("ORAN-E2SM-KPM");
    assertThat(f.reportStyles()).hasSize(5);
    assertThat(f.reportStyles().get(2)).isEqualTo(new RanFunctionInfo.ReportStyleInfo(3,
        "Condition-based, UE-level E2 Node Measurement", NAMES, 3, 1, 2));
    assertThat(f.definitionJson()).contains("DRB.UEThpDl");
    // configured for OAI: the v2 OID is read as v2.03 first
    RanFunctionInfo oai = new StandardServiceModels(NAMING, new StandardServiceModels.Options(KpmVersion.KPM2))
        .describe(new RanFunction(2, 1, KpmVersion.OID_V2, new KpmNodeSide(KpmVersion.KPM2).ranFunctionDefinition(SPEC)), NAMING);
    assertThat(oai.version()).isEqualTo("KPM2");
    // the v3.00 OID is always v3
    KpmFunctionSpec v3 = KpmFunctionSpec.allStyles(KpmVersion.OID_V3, "KPM Monitor", NAMES);
    assertThat(describe(new KpmNodeSide(KpmVersion.KPM3), v3).version()).isEqualTo("KPM3");
  }

  @Test
  void style1PerCellWithDefaultMeasurements() throws Exception {
    RanFunctionInfo f = describe(new KpmNodeSide(KpmVersion.KPM3), SPEC);
    KpmSubscription req = sub(1).addCellIds("cell-3").addCellIds("cell-1").setGranularityMs(500).build();
    SubscriptionContent c = ric.kpmSubscription(f, req);
    assertThat(c.actions()).extracting(RicAction::actionId).containsExactly(1, 2);
    KpmSubscriptionSpec s = roundTrip(f, req, 0);
    assertThat(s.periodMs()).isEqualTo(1000);
    assertThat(s.style()).isEqualTo(1);
    assertThat(s.actionFormat()).isEqualTo(1);
    assertThat(s.granularityMs()).isEqualTo(500);
    assertThat(s.measurementNames()).isEqualTo(NAMES);
    assertThat(s.measurements().get(0).labels()).containsExactly(KpmLabel.NONE);
    assertThat(s.cell()).isEqualTo(CELL3);
    assertThat(s.ues()).isEqualTo(UeSelection.NONE);
    assertThat(roundTrip(f, req, 1).cell()).isEqualTo(CELL1);
    // node level when no cell is named
    assertThat(roundTrip(f, sub(1).addMeasurementNames("RRU.PrbUsedDl").build(), 0).cell()).isNull();
  }

  @Test
  void style2OneUe() throws Exception {
    RanFunctionInfo f = describe(new KpmNodeSide(KpmVersion.KPM3), SPEC);
    KpmSubscriptionSpec s = roundTrip(f, sub(2).addUeIds("gnb-du:17").addMeasurementNames("DRB.UEThpDl").build(), 0);
    assertThat(s.actionFormat()).isEqualTo(2);
    assertThat(s.ues()).isEqualTo(new UeSelection.One(new UeId.GnbDu(17, null)));
    assertThat(s.measurementNames()).containsExactly("DRB.UEThpDl");
    KpmSubscriptionSpec g = roundTrip(f, sub(2).addUeIds("gnb:5").addCellIds("cell-3").build(), 0);
    assertThat(g.ues()).isEqualTo(new UeSelection.One(new UeId.Gnb(5, new UeId.Guami(PLMN, 0, 0, 0), null)));
  }

  @Test
  void style3ConditionsPerSlice() throws Exception {
    RanFunctionInfo f = describe(new KpmNodeSide(KpmVersion.KPM3), SPEC);
    KpmSubscriptionSpec s = roundTrip(f, sub(3).addMeasurementNames("DRB.UEThpDl").addCellIds("cell-1")
        .addSlices(Snssai.newBuilder().setSst(1)).addSlices(Snssai.newBuilder().setSst(2).setSd(1)).build(), 0);
    assertThat(s.actionFormat()).isEqualTo(3);
    assertThat(s.cell()).isEqualTo(CELL1);
    assertThat(s.conditions()).hasSize(1);
    KpmSubscriptionSpec.ConditionalMeasurement m = s.conditions().get(0);
    assertThat(m.name()).isEqualTo("DRB.UEThpDl");
    assertThat(m.conditions()).containsExactly(
        new MatchCondition(KpmLabel.slice(PLMN, SliceId.of(1)), null, true),
        new MatchCondition(KpmLabel.slice(PLMN, new SliceId(2, 1)), null, false));
    KpmSubscriptionSpec none = roundTrip(f, sub(3).build(), 0);
    assertThat(none.conditions()).hasSize(4);
    assertThat(none.conditions().get(0).conditions()).containsExactly(MatchCondition.of(KpmLabel.NONE));
  }

  @Test
  void style4UesOfASliceOrAll() throws Exception {
    RanFunctionInfo f = describe(new KpmNodeSide(KpmVersion.KPM3), SPEC);
    KpmSubscriptionSpec s = roundTrip(f, sub(4).addSlices(Snssai.newBuilder().setSst(1)).build(), 0);
    assertThat(s.actionFormat()).isEqualTo(4);
    assertThat(s.ues()).isEqualTo(new UeSelection.Matching(List.of(TestCondition.slice(SliceId.of(1)))));
    assertThat(((UeSelection.Matching) s.ues()).conditions().get(0).sliceOrNull()).isEqualTo(SliceId.of(1));
    KpmSubscriptionSpec sd = roundTrip(f, sub(4).addSlices(Snssai.newBuilder().setSst(1).setSd(0xABCDEF)).build(), 0);
    assertThat(((UeSelection.Matching) sd.ues()).conditions().get(0).sliceOrNull()).isEqualTo(new SliceId(1, 0xABCDEF));
    KpmSubscriptionSpec all = roundTrip(f, sub(4).build(), 0);
    assertThat(all.ues()).isEqualTo(new UeSelection.Matching(List.of(TestCondition.anyUe())));
  }

  @Test
  void style5UeList() throws Exception {
    RanFunctionInfo f = describe(new KpmNodeSide(KpmVersion.KPM3), SPEC);
    KpmSubscriptionSpec s = roundTrip(f, sub(5).addUeIds("gnb-du:1").addUeIds("gnb-cu-up:2").build(), 0);
    assertThat(s.actionFormat()).isEqualTo(5);
    assertThat(s.ues()).isEqualTo(new UeSelection.Listed(List.of(new UeId.GnbDu(1, null), new UeId.GnbCuUp(2, null))));
  }

  @Test
  void requestsTheNodeCannotServeAreRefused() throws Exception {
    RanFunctionInfo f = describe(new KpmNodeSide(KpmVersion.KPM3), SPEC);
    assertThatThrownBy(() -> ric.kpmSubscription(f, sub(2).build())).isInstanceOf(ServiceModelException.class)
        .hasMessageContaining("exactly one UE");
    assertThatThrownBy(() -> ric.kpmSubscription(f, sub(5).addUeIds("gnb-du:1").build()))
        .isInstanceOf(ServiceModelException.class).hasMessageContaining("at least two");
    assertThatThrownBy(() -> ric.kpmSubscription(f, sub(1).addMeasurementNames("No.Such").build()))
        .isInstanceOf(ServiceModelException.class).hasMessageContaining("No.Such");
    assertThatThrownBy(() -> ric.kpmSubscription(f, sub(1).addCellIds("cell-9").build()))
        .isInstanceOf(ServiceModelException.class).hasMessageContaining("cell-9");
    assertThatThrownBy(() -> ric.kpmSubscription(f, sub(1).setPeriodMs(0).build()))
        .isInstanceOf(ServiceModelException.class);
    assertThatThrownBy(() -> ric.kpmSubscription(f, sub(7).build())).isInstanceOf(ServiceModelException.class);
    KpmFunctionSpec only1 = new KpmFunctionSpec("ORAN-E2SM-KPM", KpmVersion.OID_V2, "KPM", null,
        List.of(new KpmFunctionSpec.ReportStyle(1, "E2 Node Measurement", 1, 1, 1, NAMES)));
    RanFunctionInfo f1 = describe(new KpmNodeSide(KpmVersion.KPM3), only1);
    assertThatThrownBy(() -> ric.kpmSubscription(f1, sub(4).build())).isInstanceOf(ServiceModelException.class)
        .hasMessageContaining("style 4");
    // the node refuses what it does not offer
    SubscriptionContent c = ric.kpmSubscription(f, sub(4).build());
    KpmSubscriptionSpec s = new KpmNodeSide(KpmVersion.KPM3).parseSubscription(c.eventTrigger(), c.actions().get(0).definition());
    assertThatThrownBy(() -> KpmNodeSide.check(only1, s)).isInstanceOf(ServiceModelException.class);
  }

  // ------------------------------------------------------------------ indications

  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  KpmReport indicate(KpmVersion nodeVersion, String describedAs, KpmSubscription req, KpmIndication.Message m)
      throws Exception {
    KpmNodeSide node = new KpmNodeSide(nodeVersion);
    RanFunctionInfo f = ric.describe(new RanFunction(2, 1, SPEC.oid(), node.ranFunctionDefinition(SPEC)), NAMING);
    f = new RanFunctionInfo(f.function(), f.model(), describedAs, f.shortName(), f.definitionJson(), f.reportStyles(),
        f.controlStyles(), f.cells(), f.decoded());
    SubscriptionContent c = ric.kpmSubscription(f, req);
    byte[] h = node.indicationHeader(new KpmIndication.Header(T0, "1.0", "sim-gnb", "gNB", "oranric"));
    byte[] msg = node.indicationMessage(m);
    oracle(nodeVersion.name(), "E2SM-KPM-IndicationHeader", h);
    if (!containsRealZero(m)) {
      oracle("KPM3", "E2SM-KPM-IndicationMessage", msg);
      oracle("KPM2", "E2SM-KPM-IndicationMessage", msg);
    }
    return ric.decodeKpm(f, c.decodeContext(), 1, h, msg, NAMING).build();
  }

  static boolean containsRealZero(KpmIndication.Message m) {
    return m.toString().contains("RealValue[value=0.0]");
  }

  static final KpmLabel SLICE1 = KpmLabel.slice(PLMN, SliceId.of(1));
  static final KpmLabel SLICE2 = KpmLabel.slice(PLMN, new SliceId(2, 5));

  static KpmIndication.Format1 format1() {
    return new KpmIndication.Format1(
        List.of(KpmIndication.MeasInfo.of("DRB.UEThpDl"),
            new KpmIndication.MeasInfo("RRU.PrbUsedDl", null, List.of(SLICE1, SLICE2))),
        List.of(KpmIndication.Record.of(KpmIndication.of(100L), KpmIndication.of(2.5), KpmIndication.NO_VALUE),
            new KpmIndication.Record(List.of(KpmIndication.of(200L), KpmIndication.of(-0.125), KpmIndication.of(7L)), true)),
        1000L);
  }

  @ParameterizedTest
  @EnumSource(KpmVersion.class)
  void format1ValuesScopesAndPeriods(KpmVersion v) throws Exception {
    KpmReport r = indicate(v, v.name(), sub(1).addCellIds("cell-3").build(), format1());
    assertThat(r.getKpmVersion()).isEqualTo(v.name());
    assertThat(r.getReportStyle()).isEqualTo(1);
    assertThat(r.getMessageFormat()).isEqualTo(1);
    assertThat(r.getGranularityMs()).isEqualTo(1000);
    assertThat(r.getCollectStartNs()).isEqualTo(T0.getEpochSecond() * 1_000_000_000L);
    assertThat(r.getSenderName()).isEqualTo("sim-gnb");
    assertThat(r.getSenderType()).isEqualTo("gNB");
    assertThat(r.getVendorName()).isEqualTo("oranric");
    assertThat(r.getFileFormatVersion()).isEqualTo("1.0");
    assertThat(r.getIncomplete()).isTrue();
    assertThat(r.getMeasurementsList()).hasSize(6);
    Measurement m0 = r.getMeasurements(0);
    assertThat(m0.getName()).isEqualTo("DRB.UEThpDl");
    assertThat(m0.getInteger()).isEqualTo(100);
    assertThat(m0.getScope().getCellId()).isEqualTo("cell-3");
    assertThat(m0.getScope().getNrCgi().getNrCellId()).isEqualTo(CELL3.nci());
    assertThat(m0.getScope().hasSlice()).isFalse();
    assertThat(m0.getTimeNs()).isEqualTo(r.getCollectStartNs());
    Measurement m1 = r.getMeasurements(1);
    assertThat(m1.getName()).isEqualTo("RRU.PrbUsedDl");
    assertThat(m1.getReal()).isEqualTo(2.5);
    assertThat(m1.getScope().getSlice().getSst()).isEqualTo(1);
    assertThat(m1.getScope().getSlice().hasSd()).isFalse();
    Measurement m2 = r.getMeasurements(2);
    assertThat(m2.getNoValue()).isTrue();
    assertThat(m2.getScope().getSlice().getSd()).isEqualTo(5);
    Measurement m4 = r.getMeasurements(4);
    assertThat(m4.getPeriodIndex()).isEqualTo(1);
    assertThat(m4.getTimeNs()).isEqualTo(r.getCollectStartNs() + 1_000_000_000L);
    assertThat(m4.getReal()).isEqualTo(-0.125);
    assertThat(m4.getLabelsList()).anyMatch(l -> l.getKey().equals("incomplete"));
  }

  @Test
  void headerLayoutIsReadFromTheHeaderWhateverTheDefinitionSaid() throws Exception {
    KpmNodeSide v2 = new KpmNodeSide(KpmVersion.KPM2);
    KpmNodeSide v3 = new KpmNodeSide(KpmVersion.KPM3);
    // OAI (v2.03, 4-octet time stamp) under the v2 OID, which we expected to carry the srsRAN layout
    KpmRic.Header h = KpmRic.decodeHeader(v2.indicationHeader(KpmIndication.Header.at(T0)), KpmVersion.KPM3);
    assertThat(h.version()).isEqualTo(KpmVersion.KPM2);
    assertThat(h.header().collectStart()).isEqualTo(T0);
    // and the reverse
    KpmRic.Header h3 = KpmRic.decodeHeader(v3.indicationHeader(new KpmIndication.Header(T0, null, "gnb", null, "x")),
        KpmVersion.KPM2);
    assertThat(h3.version()).isEqualTo(KpmVersion.KPM3);
    assertThat(h3.header().senderName()).isEqualTo("gnb");
    // A v2.03 header with strings also reads in the v3 layout (four string octets becoming the low half of
    // the time stamp, a fraction of a second): the syntax cannot tell, the configured layout decides.
    byte[] withStrings = v2.indicationHeader(new KpmIndication.Header(T0, "1.0", "sim-gnb", "gNB", "oranric"));
    KpmRic.Header asV2 = KpmRic.decodeHeader(withStrings, KpmVersion.KPM2);
    assertThat(asV2.version()).isEqualTo(KpmVersion.KPM2);
    assertThat(asV2.header().senderName()).isEqualTo("sim-gnb");
    StandardServiceModels oaiModels = new StandardServiceModels(NAMING, new StandardServiceModels.Options(KpmVersion.KPM2));
    KpmReport oai = oaiModels.decodeKpm(
        oaiModels.describe(new RanFunction(2, 1, KpmVersion.OID_V2, v2.ranFunctionDefinition(SPEC)), NAMING), null,
        withStrings, v2.indicationMessage(format1()), NAMING).build();
    assertThat(oai.getKpmVersion()).isEqualTo("KPM2");
    assertThat(oai.getVendorName()).isEqualTo("oranric");
  }

  @Test
  void format2ConditionsAndMatchedUes() throws Exception {
    KpmIndication.Format2 m = new KpmIndication.Format2(List.of(
        new KpmIndication.CondUes("DRB.UEThpDl", null, List.of(MatchCondition.of(SLICE1)), List.of(new UeId.GnbDu(5, null))),
        new KpmIndication.CondUes("DRB.UEThpUl", null, List.of(MatchCondition.of(KpmLabel.fiveQi(9))),
            List.of(new UeId.GnbDu(5, null), new UeId.GnbDu(6, 42L)))),
        List.of(KpmIndication.Record.of(KpmIndication.of(11L), KpmIndication.of(12L))), 100L);
    KpmReport r = indicate(KpmVersion.KPM3, "KPM3", sub(3).addCellIds("cell-1").build(), m);
    assertThat(r.getMessageFormat()).isEqualTo(2);
    assertThat(r.getReportStyle()).isEqualTo(3);
    assertThat(r.getGranularityMs()).isEqualTo(100);
    assertThat(r.getMeasurementsList()).hasSize(2);
    assertThat(r.getMeasurements(0).getScope().getUeId()).isEqualTo("gnb-du:5");
    assertThat(r.getMeasurements(0).getScope().getSlice().getSst()).isEqualTo(1);
    assertThat(r.getMeasurements(0).getScope().getCellId()).isEqualTo("cell-1");
    assertThat(r.getMeasurements(1).getLabelsList()).anyMatch(l -> l.getKey().equals("5QI") && l.getValue().equals("9"));
    assertThat(r.getMeasurements(1).getLabelsList()).anyMatch(l -> l.getKey().equals("ue_ids")
        && l.getValue().equals("gnb-du:5,gnb-du:6"));
  }

  @Test
  void format3PerUeReports() throws Exception {
    KpmIndication.Format1 one = new KpmIndication.Format1(List.of(KpmIndication.MeasInfo.of("DRB.UEThpDl")),
        List.of(KpmIndication.Record.of(KpmIndication.of(1.5))), 1000L);
    KpmIndication.Format3 m = new KpmIndication.Format3(List.of(new KpmIndication.UeReport(new UeId.GnbDu(1, null), one),
        new KpmIndication.UeReport(new UeId.Gnb(9, new UeId.Guami(PLMN, 1, 2, 3), 77L), one)));
    KpmReport r = indicate(KpmVersion.KPM3, "KPM3", sub(4).addSlices(Snssai.newBuilder().setSst(1)).build(), m);
    assertThat(r.getMessageFormat()).isEqualTo(3);
    assertThat(r.getReportStyle()).isEqualTo(4);
    assertThat(r.getMeasurementsList()).extracting(x -> x.getScope().getUeId()).containsExactly("gnb-du:1", "gnb:9");
    assertThat(r.getMeasurementsList()).allMatch(x -> x.getScope().getSlice().getSst() == 1);
    // style 5 too
    KpmReport r5 = indicate(KpmVersion.KPM2, "KPM2", sub(5).addUeIds("gnb-du:1").addUeIds("gnb-du:2").build(), m);
    assertThat(r5.getReportStyle()).isEqualTo(5);
    assertThat(r5.getMeasurements(1).getReal()).isEqualTo(1.5);
  }

  @Test
  void style2UeComesFromTheAction() throws Exception {
    KpmReport r = indicate(KpmVersion.KPM3, "KPM3", sub(2).addUeIds("gnb-du:17").build(),
        new KpmIndication.Format1(List.of(KpmIndication.MeasInfo.of("DRB.UEThpDl")),
            List.of(KpmIndication.Record.of(KpmIndication.of(3L))), null));
    assertThat(r.getMeasurements(0).getScope().getUeId()).isEqualTo("gnb-du:17");
    assertThat(r.getGranularityMs()).isEqualTo(1000);
  }

  @Test
  void nodeRefusesInconsistentRecords() {
    KpmIndication.Format1 bad = new KpmIndication.Format1(List.of(KpmIndication.MeasInfo.of("A"), KpmIndication.MeasInfo.of("B")),
        List.of(KpmIndication.Record.of(KpmIndication.of(1L))), null);
    assertThatThrownBy(() -> new KpmNodeSide(KpmVersion.KPM3).indicationMessage(bad)).isInstanceOf(ServiceModelException.class);
  }

  @Test
  void labelsSurviveTheWire() throws Exception {
    KpmLabel rich = new KpmLabel(false, PLMN, new SliceId(3, 0x17), 9L, 1L, null, 15L, 1L, null, null, 2L, null, null, 4L,
        Set.of(KpmLabel.Stat.AVG, KpmLabel.Stat.MAX));
    KpmIndication.Format1 m = new KpmIndication.Format1(List.of(new KpmIndication.MeasInfo("DRB.UEThpDl", null, List.of(rich))),
        List.of(KpmIndication.Record.of(KpmIndication.of(5L))), 10L);
    byte[] bytes = new KpmNodeSide(KpmVersion.KPM3).indicationMessage(m);
    oracle("KPM3", "E2SM-KPM-IndicationMessage", bytes);
    KpmIndication.Format1 back = (KpmIndication.Format1) KpmRic.decodeMessage(bytes);
    assertThat(back).isEqualTo(m);
  }
}
