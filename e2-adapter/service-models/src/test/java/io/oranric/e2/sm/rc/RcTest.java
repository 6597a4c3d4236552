package io.oranric.e2.sm.rc;

import static io.oranric.e2.sm.TestSupport.CELL1;
import static io.oranric.e2.sm.TestSupport.CELL3;
import static io.oranric.e2.sm.TestSupport.NAMING;
import static io.oranric.e2.sm.TestSupport.PLMN;
import static io.oranric.e2.sm.TestSupport.fuzz;
import static io.oranric.e2.sm.TestSupport.oracle;
import static io.oranric.e2.sm.TestSupport.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.Handover;
import io.oranric.contract.v1.RcReport;
import io.oranric.contract.v1.RcSubscription;
import io.oranric.contract.v1.SlicePrbQuota;
import io.oranric.contract.v1.SliceQuota;
import io.oranric.contract.v1.Snssai;
import io.oranric.e2.aper.BitString;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.sm.ControlContent;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.ServiceModel;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.StandardServiceModels;
import io.oranric.e2.sm.SubscriptionContent;
import io.oranric.e2.sm.UeId;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** E2SM-RC between the RIC side and the node side, the ONOS vectors, srsRAN- and OAI-style parameter trees. */
class RcTest {
  final StandardServiceModels ric = new StandardServiceModels(NAMING);

  static RcFunctionSpec spec(SliceQuotaParams ids) {
    Map<Long, String> ueInfo = new LinkedHashMap<>();
    ueInfo.put(21L, "RRC State");
    ueInfo.put(22L, "Serving Cell PCI");
    return new RcFunctionSpec("ORAN-E2SM-RC", RcFunctionSpec.OID, "RAN Control", 1L, true, true, ids,
        List.of(new RcDefinition.Style(4, "UE Information", 4, 1, 1, 1, ueInfo)),
        List.of(new RcDefinition.Style(3, "Connected Mode Mobility Control Request", 2, 3, 2, 5, Map.of(1L, "Target Primary Cell ID"))));
  }

  RanFunctionInfo describe(RcNodeSide node, RcFunctionSpec spec) throws Exception {
    byte[] def = node.ranFunctionDefinition(spec);
    oracle("RC1", "E2SM-RC-RANFunctionDefinition", def);
    return ric.describe(new RanFunction(3, 1, spec.oid(), def), NAMING);
  }

  static ControlRequest sliceRequest(String cell, SliceQuota... slices) {
    return ControlRequest.newBuilder().setSlicePrbQuota(SlicePrbQuota.newBuilder().setCellId(cell).addAllSlices(List.of(slices)))
        .build();
  }

  static SliceQuota quota(int sst, Integer sd, int min, int max, int ded) {
    Snssai.Builder s = Snssai.newBuilder().setSst(sst);
    if (sd != null) {
      s.setSd(sd);
    }
    return SliceQuota.newBuilder().setSlice(s).setMinPrbPct(min).setMaxPrbPct(max).setDedicatedPrbPct(ded).build();
  }

  ControlContent control(RanFunctionInfo f, ControlRequest r) throws Exception {
    ControlContent c = ric.encodeControl(List.of(f), r, NAMING);
    oracle("RC1", "E2SM-RC-ControlHeader", c.header());
    oracle("RC1", "E2SM-RC-ControlMessage", c.message());
    return c;
  }

  @Test
  void definitionListsControlStylesActionsAndParameters() throws Exception {
    RanFunctionInfo f = describe(new RcNodeSide(), spec(SliceQuotaParams.SPEC));
    assertThat(f.model()).isEqualTo(ServiceModel.RC);
    assertThat(f.version()).isEqualTo("RC1");
    assertThat(f.offersControl(2, 6)).isTrue();
    assertThat(f.offersControl(3, 1)).isTrue();
    assertThat(f.offersControl(2, 1)).isFalse();
    assertThat(f.controlStyles()).extracting(RanFunctionInfo.ControlStyleInfo::name)
        .containsExactly("Radio Resource Allocation Control", "Connected Mode Mobility Control");
    RcDefinition d = (RcDefinition) f.decoded();
    assertThat(d.controlParams(2, 6)).containsEntry(5L, "RRM Policy Member List").containsEntry(13L, "Dedicated PRB Policy Ratio")
        .doesNotContainKey(4L);
    assertThat(d.controlParams(3, 1)).containsEntry(4L, "NR CGI");
    assertThat(f.reportStyles()).singleElement().satisfies(s -> {
      assertThat(s.style()).isEqualTo(4);
      assertThat(s.measurementNames()).containsExactly("RRC State", "Serving Cell PCI");
    });
    assertThat(d.insertStyle(3).eventTriggerStyle()).isEqualTo(2);
  }

  @Test
  void slicePrbQuotaRoundTrip() throws Exception {
    RcNodeSide node = new RcNodeSide();
    RanFunctionInfo f = describe(node, spec(SliceQuotaParams.SPEC));
    ControlContent c = control(f, sliceRequest("cell-3", quota(1, null, 10, 60, 5), quota(2, 0x17, 20, 80, 0)));
    assertThat(c.ranFunctionId()).isEqualTo(3);
    assertThat(c.description()).contains("slice PRB quota");
    RcControl parsed = node.parseControl(c.header(), c.message());
    assertThat(parsed).isEqualTo(new RcControl.SlicePrbQuota(new UeId.GnbDu(0, null), List.of(
        new RcControl.SliceQuota(PLMN, SliceId.of(1), 10, 60, 5), new RcControl.SliceQuota(PLMN, new SliceId(2, 0x17), 20, 80, 0))));
    // the wire: 1 LIST [ { 3 { 5 LIST [ { 7 PLMN (TBCD), 8 { 9 SST, 10 SD } } ] }, 11, 12, 13 } ]
    E2SM_RC_ControlMessage m = E2SM_RC_ControlMessage.decode(c.message());
    RcValue.Struct top = new RcValue.Struct(((E2SM_RC_ControlMessage.Ric_controlMessage_formats.ControlMessage_Format1)
        m.ric_controlMessage_formats()).value().ranP_List().stream()
        .map(i -> new RcValue.Param(i.ranParameter_ID(), RcAsn.valueType(i.ranParameter_valueType()))).toList());
    RcValue.Struct group = ((RcValue.ListOf) top.get(1)).items().get(0);
    assertThat(group.params()).extracting(RcValue.Param::id).containsExactly(3L, 11L, 12L, 13L);
    RcValue.Struct member = ((RcValue.ListOf) ((RcValue.Struct) group.get(3)).get(5)).items().get(0);
    assertThat(((RcValue.Element) member.get(7)).asOctets()).isEqualTo(PLMN.toBytes());
    assertThat(((RcValue.Element) ((RcValue.Struct) member.get(8)).get(9)).asOctets()).containsExactly(1);
    // the header carries gNB-DU UE 0 for this cell-level action
    E2SM_RC_ControlHeader h = E2SM_RC_ControlHeader.decode(c.header());
    assertThat(h.toString()).contains("ric_Style_Type=2").contains("ric_ControlAction_ID=6");
  }

  @Test
  void oaiNumberingAndDigitsAreTakenFromTheDefinition() throws Exception {
    RcNodeSide oai = new RcNodeSide(SliceQuotaParams.OAI);
    RanFunctionInfo f = describe(oai, spec(SliceQuotaParams.OAI));
    assertThat(((RcDefinition) f.decoded()).controlParams(2, 6)).containsEntry(4L, "RRM Policy Member List");
    ControlContent c = control(f, sliceRequest("cell-1", quota(1, null, 10, 60, 5)));
    RcControl parsed = oai.parseControl(c.header(), c.message());
    assertThat(parsed).isEqualTo(new RcControl.SlicePrbQuota(new UeId.GnbDu(0, null), List.of(
        new RcControl.SliceQuota(PLMN, SliceId.of(1), 10, 60, 5))));
    String wire = new String(c.message(), StandardCharsets.ISO_8859_1);
    assertThat(wire).contains("00101").contains("16777215");
    // what OAI asserts: the group item holds RRM Policy (3), Min (10), Max (11), Dedicated (12)
    RcValue.Param list = RcRic.sliceTree(SliceQuotaParams.OAI, ((RcControl.SlicePrbQuota) parsed).slices());
    assertThat(((RcValue.ListOf) list.value()).items().get(0).params()).extracting(RcValue.Param::id).containsExactly(3L, 10L, 11L, 12L);
  }

  /** The tree srsRAN's oran-sc-ric xApp sends: extra Group (2) and Member (6) wrappers, TBCD PLMN. */
  @Test
  void srsranXappTreeWithWrappersIsRead() throws Exception {
    RcValue.Struct member = RcValue.struct(RcValue.param(6, RcValue.struct(
        RcValue.param(7, RcValue.of(new Plmn("001", "01").toBytes())),
        RcValue.param(8, RcValue.struct(RcValue.param(9, RcValue.of(new byte[] {1})), RcValue.param(10, RcValue.of(new byte[] {0, 0, 1})))))));
    RcValue.Struct group = RcValue.struct(RcValue.param(2, RcValue.struct(
        RcValue.param(3, RcValue.struct(RcValue.param(5, new RcValue.ListOf(List.of(member))))),
        RcValue.param(11, RcValue.of(20)), RcValue.param(12, RcValue.of(80)), RcValue.param(13, RcValue.of(10)))));
    RanFunctionInfo f = describe(new RcNodeSide(), spec(SliceQuotaParams.SPEC));
    ControlContent c = encodeRaw(f, 2, 6, new UeId.GnbDu(1, null), RcValue.param(1, new RcValue.ListOf(List.of(group))));
    RcControl parsed = new RcNodeSide().parseControl(c.header(), c.message());
    assertThat(((RcControl.SlicePrbQuota) parsed).slices()).containsExactly(
        new RcControl.SliceQuota(new Plmn("001", "01"), new SliceId(1, 1), 20, 80, 10));
  }

  /** Encodes an arbitrary parameter tree the way RcRic does (tests only). */
  static ControlContent encodeRaw(RanFunctionInfo f, int style, int action, UeId ue, RcValue.Param p) throws Exception {
    byte[] h = new E2SM_RC_ControlHeader(new E2SM_RC_ControlHeader.Ric_controlHeader_formats.ControlHeader_Format1(
        new io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader_Format1(RcAsn.ueid(ue, null), style, action, null))).encode();
    byte[] m = new E2SM_RC_ControlMessage(new E2SM_RC_ControlMessage.Ric_controlMessage_formats.ControlMessage_Format1(
        new io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage_Format1(List.of(
            new io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage_Format1_Item(p.id(), RcAsn.valueType(p.value())))))).encode();
    oracle("RC1", "E2SM-RC-ControlMessage", m);
    return new ControlContent(f.id(), h, m, "test");
  }

  @Test
  void handoverRoundTrip() throws Exception {
    RcNodeSide node = new RcNodeSide();
    RanFunctionInfo f = describe(node, spec(SliceQuotaParams.SPEC));
    ControlContent c = control(f, ControlRequest.newBuilder().setHandover(Handover.newBuilder().setUeId("gnb:7")
        .setSourceCellId("cell-3").setTargetCellId("cell-1")).build());
    assertThat(node.parseControl(c.header(), c.message()))
        .isEqualTo(new RcControl.Handover(new UeId.Gnb(7, new UeId.Guami(PLMN, 0, 0, 0), null), CELL1));
    // by NR CGI, DU UE id
    ControlContent c2 = control(f, ControlRequest.newBuilder().setHandover(Handover.newBuilder().setUeId("gnb-du:3")
        .setTargetNrCgi(CELL3.toProto())).build());
    assertThat(node.parseControl(c2.header(), c2.message())).isEqualTo(new RcControl.Handover(new UeId.GnbDu(3, null), CELL3));
    // the NR CGI element is the APER NR-CGI: 00 | PLMN | 36-bit NCI in 5 octets
    assertThat(RcAsn.nrCgiOctets(CELL1)).containsExactly(0x00, 0x00, 0xF1, 0x10, 0x00, 0x06, 0x6C, 0x00, 0x00);
  }

  @Test
  void nodeRefusesOutOfRangeRatiosWithControlMessageInvalid() throws Exception {
    RcNodeSide node = new RcNodeSide();
    RanFunctionInfo f = describe(node, spec(SliceQuotaParams.SPEC));
    for (RcControl.SliceQuota bad : List.of(new RcControl.SliceQuota(PLMN, SliceId.of(1), 50, 20, 0),
        new RcControl.SliceQuota(PLMN, SliceId.of(1), 10, 150, 0), new RcControl.SliceQuota(PLMN, SliceId.of(1), 10, 20, 15))) {
      ControlContent c = RcRic.encode(f, new RcControl.SlicePrbQuota(new UeId.GnbDu(0, null), List.of(bad)));
      assertThatThrownBy(() -> node.parseControl(c.header(), c.message())).isInstanceOf(ServiceModelException.class)
          .satisfies(e -> assertThat(((ServiceModelException) e).e2apCause()).isEqualTo(Cause.CONTROL_MESSAGE_INVALID));
    }
    ControlContent sum = RcRic.encode(f, new RcControl.SlicePrbQuota(new UeId.GnbDu(0, null), List.of(
        new RcControl.SliceQuota(PLMN, SliceId.of(1), 60, 100, 0), new RcControl.SliceQuota(PLMN, SliceId.of(2), 60, 100, 0))));
    assertThatThrownBy(() -> node.parseControl(sum.header(), sum.message())).hasMessageContaining("add up");
    // and the RIC refuses such requests before sending
    assertThatThrownBy(() -> ric.encodeControl(List.of(f), sliceRequest("cell-1", quota(1, null, 50, 20, 0)), NAMING))
        .isInstanceOf(ServiceModelException.class);
    assertThatThrownBy(() -> ric.encodeControl(List.of(f), sliceRequest("", quota(1, null, 5, 20, 0)), NAMING))
        .hasMessageContaining("no PLMN");
    assertThatThrownBy(() -> ric.encodeControl(List.of(f), sliceRequest("cell-9", quota(1, null, 5, 20, 0)), NAMING))
        .hasMessageContaining("cell-9");
    // other styles and actions are not supported by this node
    ControlContent other = encodeRaw(f, 2, 1, new UeId.GnbDu(1, null), RcValue.param(1, RcValue.of(1)));
    assertThatThrownBy(() -> node.parseControl(other.header(), other.message())).isInstanceOf(ServiceModelException.class)
        .satisfies(e -> assertThat(((ServiceModelException) e).e2apCause()).isEqualTo(Cause.ACTION_NOT_SUPPORTED));
  }

  @Test
  void outcomeReadsWithParameterNames() throws Exception {
    RcNodeSide node = new RcNodeSide();
    RanFunctionInfo f = describe(node, spec(SliceQuotaParams.SPEC));
    ControlContent c = control(f, sliceRequest("cell-3", quota(1, null, 10, 60, 5)));
    byte[] outcome = node.controlOutcome(node.parseControl(c.header(), c.message()));
    oracle("RC1", "E2SM-RC-ControlOutcome", outcome);
    assertThat(ric.describeOutcome(f, outcome)).isEqualTo(
        "RC control outcome: Min PRB Policy Ratio(11)=10, Max PRB Policy Ratio(12)=60, Dedicated PRB Policy Ratio(13)=5");
    assertThat(ric.describeOutcome(f, new byte[] {1, 2, 3})).startsWith("undecodable RC control outcome");
    assertThat(ric.describeOutcome(f, new byte[0])).isEmpty();
  }

  @Test
  void onosVectors() throws Exception {
    E2SM_RC_ControlHeader h = E2SM_RC_ControlHeader.decode(vector("onos_e2sm_rc_control_header"));
    var f1 = ((E2SM_RC_ControlHeader.Ric_controlHeader_formats.ControlHeader_Format1) h.ric_controlHeader_formats()).value();
    assertThat(f1.ric_Style_Type()).isEqualTo(12);
    assertThat(f1.ric_ControlAction_ID()).isEqualTo(5);
    assertThat(RcAsn.ueId(f1.ueID())).isEqualTo(new UeId.GnbCuUp(15, null));
    RanFunctionInfo f = describe(new RcNodeSide(), spec(SliceQuotaParams.SPEC));
    // our node does not do style 12: refused with the right cause, not an exception of another kind
    assertThatThrownBy(() -> new RcNodeSide().parseControl(vector("onos_e2sm_rc_control_header"), vector("onos_e2sm_rc_control_message")))
        .isInstanceOf(ServiceModelException.class).hasMessageContaining("style 12 action 5");
    E2SM_RC_ControlMessage m = E2SM_RC_ControlMessage.decode(vector("onos_e2sm_rc_control_message"));
    var item = ((E2SM_RC_ControlMessage.Ric_controlMessage_formats.ControlMessage_Format1) m.ric_controlMessage_formats()).value()
        .ranP_List().get(0);
    assertThat(item.ranParameter_ID()).isEqualTo(1);
    assertThat(RcAsn.valueType(item.ranParameter_valueType())).isEqualTo(new RcValue.Element(BitString.fromHex("ffffffff", 32), false));
    // ONOS sends ric-ControlDecision accept; ours leaves it out
    assertThat(f1.ric_ControlDecision()).isEqualTo(io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader_Format1.Ric_ControlDecision.ACCEPT);
    assertThat(new E2SM_RC_ControlHeader(new E2SM_RC_ControlHeader.Ric_controlHeader_formats.ControlHeader_Format1(
        new io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader_Format1(RcAsn.ueid(new UeId.GnbCuUp(15, null), null), 12, 5,
            f1.ric_ControlDecision()))).encode()).isEqualTo(vector("onos_e2sm_rc_control_header"));
    assertThat(encodeRaw(f, 12, 5, new UeId.GnbCuUp(15, null), RcValue.param(1, new RcValue.Element(BitString.fromHex("ffffffff", 32),
        false))).message()).isEqualTo(vector("onos_e2sm_rc_control_message"));
  }

  @Test
  void reportSubscriptionAndIndications() throws Exception {
    RcNodeSide node = new RcNodeSide();
    RanFunctionInfo f = describe(node, spec(SliceQuotaParams.SPEC));
    SubscriptionContent s = ric.rcSubscription(f, RcSubscription.newBuilder().setStyle(4).build());
    oracle("RC1", "E2SM-RC-EventTrigger", s.eventTrigger());
    oracle("RC1", "E2SM-RC-ActionDefinition", s.actions().get(0).definition());
    RcNodeSide.ReportRequest r = node.parseReportSubscription(s.eventTrigger(), s.actions().get(0).definition());
    assertThat(r).isEqualTo(new RcNodeSide.ReportRequest(4, 4, List.of(21L, 22L)));
    byte[] h = node.reportHeader(1L);
    byte[] m = node.message(List.of(RcValue.param(21, RcValue.of(1)), RcValue.param(22,
        RcValue.struct(RcValue.param(1, new RcValue.Element("abc", false)), RcValue.param(2, new RcValue.Element(2.5, true))))));
    oracle("RC1", "E2SM-RC-IndicationHeader", h);
    oracle("RC1", "E2SM-RC-IndicationMessage", m);
    RcReport rep = ric.decodeRc(f, s.decodeContext(), h, m).build();
    assertThat(rep.getStyle()).isEqualTo(4);
    assertThat(rep.getHeaderFormat()).isEqualTo(1);
    assertThat(rep.getMessageFormat()).isEqualTo(1);
    assertThat(rep.getParameters(0).getName()).isEqualTo("RRC State");
    assertThat(rep.getParameters(0).getInteger()).isEqualTo(1);
    assertThat(rep.getParameters(1).getStructure().getParameters(0).getText()).isEqualTo("abc");
    assertThat(rep.getParameters(1).getStructure().getParameters(1).getReal()).isEqualTo(2.5);
    assertThat(rep.getHeaderJson()).contains("indicationHeader_Format1");
    // INSERT: header format 2 names UE and style; per-UE message format 2
    byte[] ih = node.insertHeader(new UeId.GnbDu(9, null), 3, 1);
    byte[] im = node.messagePerUe(Map.of(new UeId.GnbDu(9, null), List.of(RcValue.param(1, RcValue.of(CELL1.nci())))));
    oracle("RC1", "E2SM-RC-IndicationMessage", im);
    RcReport ins = ric.decodeRc(f, null, ih, im).build();
    assertThat(ins.getUeId()).isEqualTo("gnb-du:9");
    assertThat(ins.getStyle()).isEqualTo(3);
    assertThat(ins.getParameters(0).getStructure().getParameters(1).getName()).isEqualTo("Target Primary Cell ID");
    // styles whose triggers need message lists are refused, as INSERT
    assertThatThrownBy(() -> ric.rcSubscription(f, RcSubscription.newBuilder().setStyle(1).build()))
        .isInstanceOf(ServiceModelException.class);
    assertThatThrownBy(() -> ric.rcSubscription(f, RcSubscription.newBuilder().setStyle(3).setInsert(true).build()))
        .isInstanceOf(ServiceModelException.class);
  }

  @Test
  void malformedPayloadsRaiseServiceModelExceptionOnly() throws Exception {
    RcNodeSide node = new RcNodeSide();
    byte[] def = node.ranFunctionDefinition(spec(SliceQuotaParams.SPEC));
    RanFunctionInfo f = ric.describe(new RanFunction(3, 1, RcFunctionSpec.OID, def), NAMING);
    ControlContent c = ric.encodeControl(List.of(f), sliceRequest("cell-3", quota(1, 5, 10, 60, 5)), NAMING);
    ControlContent ho = ric.encodeControl(List.of(f), ControlRequest.newBuilder().setHandover(Handover.newBuilder().setUeId("gnb:7")
        .setTargetCellId("cell-1")).build(), NAMING);
    fuzz(def, b -> ric.describe(new RanFunction(3, 1, RcFunctionSpec.OID, b), NAMING));
    fuzz(c.header(), b -> node.parseControl(b, c.message()));
    fuzz(c.message(), b -> node.parseControl(c.header(), b));
    fuzz(ho.message(), b -> node.parseControl(ho.header(), b));
    byte[] h = node.reportHeader(1L);
    byte[] m = node.message(List.of(RcValue.param(21, RcValue.of(1))));
    fuzz(h, b -> ric.decodeRc(f, null, b, m));
    fuzz(m, b -> ric.decodeRc(f, null, h, b));
    fuzz(node.controlOutcome(new RcControl.Handover(new UeId.GnbDu(1, null), CELL1)), b -> ric.describeOutcome(f, b));
  }
}
