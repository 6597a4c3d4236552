package io.oranric.e2.sm.ccc;

import static io.oranric.e2.sm.TestSupport.CELL1;
import static io.oranric.e2.sm.TestSupport.CELL3;
import static io.oranric.e2.sm.TestSupport.NAMING;
import static io.oranric.e2.sm.TestSupport.PLMN;
import static io.oranric.e2.sm.TestSupport.fuzz;
import static io.oranric.e2.sm.TestSupport.oracle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.contract.v1.Bwp;
import io.oranric.contract.v1.CccConfiguration;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.EnergySaving;
import io.oranric.contract.v1.RrmPolicyRatio;
import io.oranric.contract.v1.SectorCarrier;
import io.oranric.contract.v1.SlicePrbQuota;
import io.oranric.contract.v1.SliceQuota;
import io.oranric.contract.v1.Snssai;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.sm.CellRef;
import io.oranric.e2.sm.ControlContent;
import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.ServiceModel;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.SliceId;
import io.oranric.e2.sm.StandardServiceModels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** E2SM-CCC in srsRAN's JSON form and in the v1.01 ASN.1 form, RIC side against node side. */
class CccTest {
  final StandardServiceModels ric = new StandardServiceModels(NAMING);

  static CccFunctionSpec spec(CccForm form, List<String> structures) {
    return new CccFunctionSpec("ORAN-E2SM-CCC", form == CccForm.JSON ? CccFunctionSpec.OID_SRSRAN : CccFunctionSpec.OID_V1,
        "Cell Configuration and Control", 0L, List.of(CELL1, CELL3), structures);
  }

  RanFunctionInfo describe(CccNodeSide node, CccFunctionSpec spec) throws Exception {
    byte[] def = node.ranFunctionDefinition(spec);
    if (node.form() == CccForm.ASN1) {
      oracle("CCC1", "E2SM-CCC-RANFunctionDefinition", def);
    }
    return ric.describe(new RanFunction(4, 0, spec.oid(), def), NAMING);
  }

  static ControlRequest ccc(String cell, CccConfiguration.Builder b) {
    return ControlRequest.newBuilder().setCcc(b.setCellId(cell)).build();
  }

  List<CccControl> roundTrip(CccNodeSide node, RanFunctionInfo f, ControlRequest r) throws Exception {
    ControlContent c = ric.encodeControl(List.of(f), r, NAMING);
    assertThat(c.ranFunctionId()).isEqualTo(4);
    if (node.form() == CccForm.ASN1) {
      oracle("CCC1", "E2SM-CCC-RIC-Control-Header", c.header());
      oracle("CCC1", "E2SM-CCC-RIC-Control-Message", c.message());
    } else {
      assertThat(new String(c.header(), StandardCharsets.UTF_8)).isEqualTo("{\"controlHeaderFormat\":{\"ricStyleType\":" + (
          r.getCcc().getCellId().isEmpty() ? 1 : 2) + "}}");
    }
    return node.parseControl(c.header(), c.message());
  }

  @ParameterizedTest
  @EnumSource(CccForm.class)
  void definitionNamesCellsAndStructures(CccForm form) throws Exception {
    RanFunctionInfo f = describe(new CccNodeSide(form), spec(form, CccFunctionSpec.ALL));
    assertThat(f.model()).isEqualTo(ServiceModel.CCC);
    assertThat(f.version()).isEqualTo(form.version());
    assertThat(f.cells()).extracting(CellRef::displayName).containsExactly("cell-1", "cell-3");
    assertThat(f.controlStyles()).singleElement().satisfies(s -> {
      assertThat(s.style()).isEqualTo(2);
      assertThat(s.actions()).extracting(RanFunctionInfo.ControlActionInfo::name).containsExactlyElementsOf(CccFunctionSpec.ALL);
    });
    assertThat(((CccDefinition) f.decoded()).supports(CELL3, "O-NRSectorCarrier")).isTrue();
  }

  @Test
  void jsonEveryChangeRoundTrips() throws Exception {
    CccNodeSide node = new CccNodeSide(CccForm.JSON);
    RanFunctionInfo f = describe(node, spec(CccForm.JSON, CccFunctionSpec.ALL));
    assertThat(roundTrip(node, f, ccc("cell-3", CccConfiguration.newBuilder().setSectorCarrier(SectorCarrier.newBuilder()
        .setConfiguredMaxTxPowerDbm(23.5).setArfcnDl(632628).setBsChannelBwDlMhz(40)))))
        .containsExactly(new CccControl(CELL3, List.of(new CccChange.SectorCarrier(23.5, 632628L, 40))));
    assertThat(roundTrip(node, f, ccc("cell-1", CccConfiguration.newBuilder().setSectorCarrier(SectorCarrier.newBuilder()
        .setConfiguredMaxTxPowerDbm(10)))))
        .containsExactly(new CccControl(CELL1, List.of(new CccChange.SectorCarrier(10.0, null, null))));
    assertThat(roundTrip(node, f, ccc("cell-1", CccConfiguration.newBuilder().setBwp(Bwp.newBuilder().setBwpId(1).setStartRb(0)
        .setNumberOfRbs(106).setSubcarrierSpacingKhz(30)))))
        .containsExactly(new CccControl(CELL1, List.of(new CccChange.Bwp(1, 0, 106, 30))));
    assertThat(roundTrip(node, f, ccc("cell-3", CccConfiguration.newBuilder().setRrmPolicyRatio(RrmPolicyRatio.newBuilder()
        .addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(1)).setMinPrbPct(10).setMaxPrbPct(50).setDedicatedPrbPct(5))
        .addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(2).setSd(0x17)).setMinPrbPct(20).setMaxPrbPct(90)
            .setPlmn(io.oranric.contract.v1.Plmn.newBuilder().setMcc("999").setMnc("70")))))))
        .containsExactly(new CccControl(CELL3, List.of(
            new CccChange.RrmPolicyRatio("PRB_DL", List.of(new CccChange.Member(PLMN, SliceId.of(1))), 50, 10, 5),
            new CccChange.RrmPolicyRatio("PRB_DL", List.of(new CccChange.Member(new Plmn("999", "70"), new SliceId(2, 0x17))), 90, 20, 0))));
    for (EnergySaving.Mode m : List.of(EnergySaving.Mode.MODE_SLEEP, EnergySaving.Mode.MODE_WAKE, EnergySaving.Mode.MODE_REDUCE_POWER)) {
      List<CccControl> es = roundTrip(node, f, ccc("cell-1", CccConfiguration.newBuilder().setEnergySaving(EnergySaving.newBuilder().setMode(m))));
      assertThat(((CccChange.EnergySaving) es.get(0).changes().get(0)).mode().name()).isEqualTo(m.name().substring(5));
    }
  }

  @Test
  void jsonLooksLikeSrsransOwn() throws Exception {
    CccNodeSide node = new CccNodeSide(CccForm.JSON);
    RanFunctionInfo f = describe(node, spec(CccForm.JSON, CccFunctionSpec.ALL));
    ControlContent c = ric.encodeControl(List.of(f), ccc("cell-1", CccConfiguration.newBuilder().setRrmPolicyRatio(
        RrmPolicyRatio.newBuilder().addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(1).setSd(0x17))
            .setMinPrbPct(10).setMaxPrbPct(75).setDedicatedPrbPct(5)))), NAMING);
    String attrs = "{\"resourceType\":\"PRB_DL\",\"rRMPolicyMemberList\":[{\"plmnId\":{\"mcc\":\"001\",\"mnc\":\"01\"},"
        + "\"snssai\":{\"sst\":1,\"sd\":\"000017\"}}],\"rRMPolicyMaxRatio\":75,\"rRMPolicyMinRatio\":10,\"rRMPolicyDedicatedRatio\":5}";
    assertThat(new String(c.message(), StandardCharsets.UTF_8)).isEqualTo("{\"controlMessageFormat\":{\"listOfCellsControlled\":["
        + "{\"cellGlobalId\":{\"plmnIdentity\":{\"mcc\":\"001\",\"mnc\":\"01\"},\"nRCellIdentity\":\"00066C000\"},"
        + "\"listOfConfigurationStructures\":[{\"ranConfigurationStructureName\":\"O-RRMPolicyRatio\","
        + "\"oldValuesOfAttributes\":{\"ranConfigurationStructure\":" + attrs + "},"
        + "\"newValuesOfAttributes\":{\"ranConfigurationStructure\":" + attrs + "}}]}]}}");
  }

  /** The message of srsRAN's oran-sc-ric CCC xApp (send_control_request_style_2_o_rrm_policy_ratio), as JSON text. */
  @Test
  void nodeReadsTheOranScRicXappMessage() throws Exception {
    String header = "{\"controlHeaderFormat\": {\"ricStyleType\": 2}}";
    String policy = "{\"resourceType\": \"%s\", \"rRMPolicyMemberList\": [{\"plmnId\": {\"mcc\": \"001\", \"mnc\": \"01\"},"
        + " \"snssai\": {\"sst\": 1}}], \"rRMPolicyMaxRatio\": 80, \"rRMPolicyMinRatio\": 20, \"rRMPolicyDedicatedRatio\": 10}";
    String message = "{\"controlMessageFormat\": {\"listOfCellsControlled\": [{\"cellGlobalId\": {\"plmnIdentity\": {\"mcc\": \"001\","
        + " \"mnc\": \"01\"}, \"nRCellIdentity\": \"00066C000\"}, \"listOfConfigurationStructures\": [{\"ranConfigurationStructureName\":"
        + " \"O-RRMPolicyRatio\", \"oldValuesOfAttributes\": {\"ranConfigurationStructure\": " + String.format(policy, "PRB") + "},"
        + " \"newValuesOfAttributes\": {\"ranConfigurationStructure\": " + String.format(policy, "PRB_DL") + "}}]}]}}";
    List<CccControl> c = new CccNodeSide(CccForm.JSON).parseControl(header.getBytes(StandardCharsets.UTF_8),
        message.getBytes(StandardCharsets.UTF_8));
    assertThat(c).containsExactly(new CccControl(new Ncgi(PLMN, 0x66C000L), List.of(
        new CccChange.RrmPolicyRatio("PRB_DL", List.of(new CccChange.Member(PLMN, SliceId.of(1))), 80, 20, 10))));
  }

  /** A definition shaped like srsRAN's pack_ran_function_description (one placeholder cell, O-RRMPolicyRatio). */
  @Test
  void ricReadsAnSrsranStyleDefinition() throws Exception {
    String def = "{\"ranFunctionName\":{\"ranFunctionShortName\":\"ORAN-E2SM-CCC\",\"ranFunctionServiceModelOID\":"
        + "\"1.3.6.1.4.1.53148.1.6.2.4\",\"ranFunctionDescription\":\"Cell Configuration and Control\",\"ranFunctionInstance\":0},"
        + "\"listOfCellsForRANFunctionDefinition\":[{\"cellGlobalId\":{\"plmnIdentity\":{\"mcc\":\"001\",\"mnc\":\"01\"},"
        + "\"nRCellIdentity\":\"000000000000011001101100000000000000\"},\"listOfSupportedCellLevelRANConfigurationStructures\":[{"
        + "\"ranConfigurationStructureName\":\"O-RRMPolicyRatio\",\"listOfSupportedAttributes\":[{\"attributeName\":\"rRMPolicyMaxRatio\","
        + "\"supportedServices\":{\"controlService\":{\"listOfSupportedControlStyles\":[{\"controlServiceStyleType\":2,"
        + "\"controlServiceStyleName\":\"Cell Configuration and Control\",\"controlServiceHeaderFormatType\":1,"
        + "\"controlServiceMessageFormatType\":2,\"controlServiceControlOutcomeFormatType\":2}]}}}]}]}]}";
    RanFunctionInfo f = ric.describe(new RanFunction(4, 0, CccFunctionSpec.OID_SRSRAN, def.getBytes(StandardCharsets.UTF_8)), NAMING);
    assertThat(f.version()).isEqualTo("CCC-JSON");
    assertThat(f.cells()).extracting(CellRef::displayName).containsExactly("cell-1");
    // a slice quota goes out as O-RRMPolicyRatio when the node has no RC function for it
    ControlContent c = ric.encodeControl(List.of(f), ControlRequest.newBuilder().setSlicePrbQuota(SlicePrbQuota.newBuilder()
        .setCellId("cell-1").addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(1)).setMinPrbPct(5)
            .setMaxPrbPct(50))).build(), NAMING);
    assertThat(new CccNodeSide(CccForm.JSON).parseControl(c.header(), c.message()).get(0).changes().get(0))
        .isEqualTo(new CccChange.RrmPolicyRatio("PRB_DL", List.of(new CccChange.Member(PLMN, SliceId.of(1))), 50, 5, 0));
    // structures the node does not list are refused before sending
    assertThatThrownBy(() -> ric.encodeControl(List.of(f), ccc("cell-1", CccConfiguration.newBuilder().setEnergySaving(
        EnergySaving.newBuilder().setMode(EnergySaving.Mode.MODE_SLEEP))), NAMING)).isInstanceOf(ServiceModelException.class)
        .hasMessageContaining("O-CESManagementFunction");
  }

  @Test
  void asn1FormRoundTripsWhatV101Can() throws Exception {
    CccNodeSide node = new CccNodeSide(CccForm.ASN1);
    RanFunctionInfo f = describe(node, spec(CccForm.ASN1, CccFunctionSpec.ALL));
    assertThat(roundTrip(node, f, ccc("cell-3", CccConfiguration.newBuilder().setRrmPolicyRatio(RrmPolicyRatio.newBuilder()
        .addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(1).setSd(3)).setMinPrbPct(10).setMaxPrbPct(50))))))
        .containsExactly(new CccControl(CELL3, List.of(new CccChange.RrmPolicyRatio("PRB_DL",
            List.of(new CccChange.Member(PLMN, new SliceId(1, 3))), 50, 10, 0))));
    assertThat(roundTrip(node, f, ccc("cell-1", CccConfiguration.newBuilder().setBwp(Bwp.newBuilder().setBwpId(0).setStartRb(10)
        .setNumberOfRbs(52).setSubcarrierSpacingKhz(30)))))
        .containsExactly(new CccControl(CELL1, List.of(new CccChange.Bwp(0, 10, 52, 30))));
    // node level (style 1, message format 1): refused when the definition lists no node-level structure ...
    ControlRequest nodeLevel = ccc("", CccConfiguration.newBuilder().setRrmPolicyRatio(RrmPolicyRatio.newBuilder()
        .addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(1)).setMaxPrbPct(100)
            .setPlmn(io.oranric.contract.v1.Plmn.newBuilder().setMcc("001").setMnc("01")))));
    assertThatThrownBy(() -> ric.encodeControl(List.of(f), nodeLevel, NAMING)).hasMessageContaining("at node level");
    // ... and read by the node when sent anyway
    RanFunctionInfo unchecked = new RanFunctionInfo(f.function(), f.model(), f.version(), f.shortName(), f.definitionJson(),
        f.reportStyles(), f.controlStyles(), f.cells(), null);
    ControlContent c = CccRic.encode(unchecked, CccRic.control(nodeLevel.getCcc(), NAMING));
    oracle("CCC1", "E2SM-CCC-RIC-Control-Message", c.message());
    assertThat(node.parseControl(c.header(), c.message())).containsExactly(new CccControl(null, List.of(
        new CccChange.RrmPolicyRatio("PRB_DL", List.of(new CccChange.Member(PLMN, SliceId.of(1))), 100, 0, 0))));
    assertThatThrownBy(() -> ric.encodeControl(List.of(f), ccc("cell-1", CccConfiguration.newBuilder().setSectorCarrier(
        SectorCarrier.newBuilder().setArfcnDl(1))), NAMING)).isInstanceOf(ServiceModelException.class)
        .hasMessageContaining("does not exist in E2SM-CCC v1.01");
    assertThatThrownBy(() -> ric.encodeControl(List.of(f), ccc("cell-1", CccConfiguration.newBuilder().setBwp(Bwp.newBuilder()
        .setBwpId(0).setStartRb(10))), NAMING)).isInstanceOf(ServiceModelException.class);
  }

  @ParameterizedTest
  @EnumSource(CccForm.class)
  void outcomesRead(CccForm form) throws Exception {
    CccNodeSide node = new CccNodeSide(form);
    RanFunctionInfo f = describe(node, spec(form, CccFunctionSpec.ALL));
    List<CccControl> controls = List.of(new CccControl(CELL1, List.of(new CccChange.RrmPolicyRatio("PRB_DL",
        List.of(new CccChange.Member(PLMN, SliceId.of(1))), 60, 10, 0))));
    byte[] ok = node.controlOutcome(controls, true, Instant.parse("2025-01-01T00:00:00Z"));
    byte[] failed = node.controlOutcome(controls, false, null);
    if (form == CccForm.ASN1) {
      oracle("CCC1", "E2SM-CCC-RIC-Control-Outcome", ok);
      oracle("CCC1", "E2SM-CCC-RIC-Control-Outcome", failed);
    }
    assertThat(ric.describeOutcome(f, ok)).startsWith("CCC control outcome: cell " + CELL1 + " O-RRMPolicyRatio accepted");
    assertThat(ric.describeOutcome(f, failed)).contains("O-RRMPolicyRatio failed");
    // srsRAN may wrap the format in controlOutcomeFormat
    String wrapped = "{\"controlOutcomeFormat\":" + new String(node.form() == CccForm.JSON ? ok : "{}".getBytes(), StandardCharsets.UTF_8)
        + "}";
    if (form == CccForm.JSON) {
      assertThat(ric.describeOutcome(f, wrapped.getBytes(StandardCharsets.UTF_8))).contains("accepted");
    }
    assertThat(ric.describeOutcome(f, "{not json".getBytes(StandardCharsets.UTF_8))).startsWith("undecodable CCC control outcome");
  }

  @Test
  void nodeRefusesBadValuesWithControlMessageInvalid() throws Exception {
    CccNodeSide node = new CccNodeSide(CccForm.JSON);
    byte[] header = "{\"controlHeaderFormat\":{\"ricStyleType\":2}}".getBytes(StandardCharsets.UTF_8);
    String cell = "{\"cellGlobalId\":{\"plmnIdentity\":{\"mcc\":\"001\",\"mnc\":\"01\"},\"nRCellIdentity\":\"00066C000\"},"
        + "\"listOfConfigurationStructures\":[{\"ranConfigurationStructureName\":\"%s\",\"newValuesOfAttributes\":"
        + "{\"ranConfigurationStructure\":%s}}]}";
    for (String[] bad : List.of(new String[] {"O-RRMPolicyRatio", "{\"rRMPolicyMemberList\":[{\"plmnId\":{\"mcc\":\"001\","
        + "\"mnc\":\"01\"},\"snssai\":{\"sst\":1}}],\"rRMPolicyMaxRatio\":20,\"rRMPolicyMinRatio\":50,\"rRMPolicyDedicatedRatio\":0}"},
        new String[] {"O-NRSectorCarrier", "{\"arfcnDL\":9999999}"}, new String[] {"O-NRSectorCarrier", "{}"},
        new String[] {"O-BWP", "{\"subCarrierSpacing\":45}"}, new String[] {"O-Unknown", "{}"},
        new String[] {"O-CESManagementFunction", "{\"energySavingState\":\"isEnergySaving\"}"})) {
      byte[] message = ("{\"controlMessageFormat\":{\"listOfCellsControlled\":[" + String.format(cell, bad[0], bad[1]) + "]}}")
          .getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> node.parseControl(header, message)).as(bad[0] + " " + bad[1]).isInstanceOf(ServiceModelException.class)
          .satisfies(e -> assertThat(((ServiceModelException) e).e2apCause()).isEqualTo(Cause.CONTROL_MESSAGE_INVALID));
    }
    assertThatThrownBy(() -> node.parseControl("nope".getBytes(), "{}".getBytes())).isInstanceOf(ServiceModelException.class);
    assertThatThrownBy(() -> node.parseControl(header, "{\"controlMessageFormat\":{}}".getBytes())).isInstanceOf(ServiceModelException.class);
  }

  @Test
  void malformedPayloadsRaiseServiceModelExceptionOnly() throws Exception {
    for (CccForm form : CccForm.values()) {
      CccNodeSide node = new CccNodeSide(form);
      byte[] def = node.ranFunctionDefinition(spec(form, CccFunctionSpec.ALL));
      RanFunctionInfo f = ric.describe(new RanFunction(4, 0, CccFunctionSpec.OID_SRSRAN, def), NAMING);
      ControlContent c = ric.encodeControl(List.of(f), ccc("cell-3", CccConfiguration.newBuilder().setRrmPolicyRatio(
          RrmPolicyRatio.newBuilder().addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(1)).setMaxPrbPct(50)))),
          NAMING);
      fuzz(def, b -> ric.describe(new RanFunction(4, 0, CccFunctionSpec.OID_SRSRAN, b), NAMING));
      fuzz(c.header(), b -> node.parseControl(b, c.message()));
      fuzz(c.message(), b -> node.parseControl(c.header(), b));
      fuzz(node.controlOutcome(node.parseControl(c.header(), c.message()), true, null), b -> ric.describeOutcome(f, b));
    }
  }
}
