package io.oranric.e2.sm;

import static io.oranric.e2.sm.TestSupport.NAMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.Handover;
import io.oranric.contract.v1.RawControl;
import io.oranric.contract.v1.SlicePrbQuota;
import io.oranric.contract.v1.SliceQuota;
import io.oranric.contract.v1.Snssai;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.sm.ccc.CccForm;
import io.oranric.e2.sm.ccc.CccFunctionSpec;
import io.oranric.e2.sm.ccc.CccNodeSide;
import io.oranric.e2.sm.kpm.KpmFunctionSpec;
import io.oranric.e2.sm.kpm.KpmNodeSide;
import io.oranric.e2.sm.kpm.KpmVersion;
import io.oranric.e2.sm.rc.RcFunctionSpec;
import io.oranric.e2.sm.rc.RcNodeSide;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node like srsRAN (KPM, RC, CCC) and how the RIC picks the function for each request. */
class StandardServiceModelsTest {
  final StandardServiceModels ric = new StandardServiceModels(NAMING);

  List<RanFunctionInfo> srsranLikeNode() throws Exception {
    return List.of(
        ric.describe(new RanFunction(1, 0, KpmVersion.OID_V2, new KpmNodeSide(KpmVersion.KPM3).ranFunctionDefinition(
            KpmFunctionSpec.allStyles(KpmVersion.OID_V2, "KPM Monitor", List.of("DRB.UEThpDl")))), NAMING),
        ric.describe(new RanFunction(3, 0, RcFunctionSpec.OID, new RcNodeSide().ranFunctionDefinition(RcFunctionSpec.controlOnly())),
            NAMING),
        ric.describe(new RanFunction(4, 0, CccFunctionSpec.OID_SRSRAN, new CccNodeSide(CccForm.JSON).ranFunctionDefinition(
            new CccFunctionSpec("ORAN-E2SM-CCC", CccFunctionSpec.OID_SRSRAN, "Cell Configuration and Control", 0L,
                List.of(TestSupport.CELL1), CccFunctionSpec.ALL))), NAMING),
        ric.describe(new RanFunction(9, 0, "1.3.6.1.4.1.99999.1", new byte[] {1, 2, 3}), NAMING));
  }

  @Test
  void modelsAreRecognisedByOid() throws Exception {
    List<RanFunctionInfo> fs = srsranLikeNode();
    assertThat(fs).extracting(RanFunctionInfo::model).containsExactly(ServiceModel.KPM, ServiceModel.RC, ServiceModel.CCC,
        ServiceModel.OTHER);
    assertThat(fs).extracting(RanFunctionInfo::version).containsExactly("KPM3", "RC1", "CCC-JSON", "");
  }

  @Test
  void eachRequestGoesToTheFunctionThatOffersIt() throws Exception {
    List<RanFunctionInfo> fs = srsranLikeNode();
    ControlRequest slice = ControlRequest.newBuilder().setSlicePrbQuota(SlicePrbQuota.newBuilder().setCellId("cell-1")
        .addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(1)).setMaxPrbPct(50))).build();
    assertThat(ric.encodeControl(fs, slice, NAMING).ranFunctionId()).isEqualTo(3);
    // without RC the quota goes to CCC as O-RRMPolicyRatio
    assertThat(ric.encodeControl(List.of(fs.get(0), fs.get(2)), slice, NAMING).ranFunctionId()).isEqualTo(4);
    // or to a named function
    assertThat(ric.encodeControl(fs, slice.toBuilder().setRanFunctionId(4).build(), NAMING).ranFunctionId()).isEqualTo(4);
    assertThatThrownBy(() -> ric.encodeControl(fs, slice.toBuilder().setRanFunctionId(7).build(), NAMING))
        .isInstanceOf(ServiceModelException.class)
        .satisfies(e -> assertThat(((ServiceModelException) e).e2apCause()).isEqualTo(Cause.RAN_FUNCTION_ID_INVALID));
    ControlRequest ho = ControlRequest.newBuilder().setHandover(Handover.newBuilder().setUeId("gnb:1").setTargetCellId("cell-3"))
        .build();
    assertThat(ric.encodeControl(fs, ho, NAMING).ranFunctionId()).isEqualTo(3);
    assertThatThrownBy(() -> ric.encodeControl(List.of(fs.get(0), fs.get(2)), ho, NAMING))
        .isInstanceOf(ServiceModelException.class).hasMessageContaining("handover");
    ControlRequest raw = ControlRequest.newBuilder().setRaw(RawControl.newBuilder().setServiceModel("RC1")
        .setHeader(ByteString.copyFrom(new byte[] {1})).setMessage(ByteString.copyFrom(new byte[] {2}))).build();
    ControlContent c = ric.encodeControl(fs, raw, NAMING);
    assertThat(c.ranFunctionId()).isEqualTo(3);
    assertThat(c.header()).containsExactly(1);
    assertThatThrownBy(() -> ric.encodeControl(fs, ControlRequest.getDefaultInstance(), NAMING))
        .isInstanceOf(ServiceModelException.class);
  }

  @Test
  void subscriptionsCheckTheModel() throws Exception {
    List<RanFunctionInfo> fs = srsranLikeNode();
    assertThatThrownBy(() -> ric.kpmSubscription(fs.get(1), io.oranric.contract.v1.KpmSubscription.getDefaultInstance()))
        .isInstanceOf(ServiceModelException.class);
    assertThatThrownBy(() -> ric.rcSubscription(fs.get(0), io.oranric.contract.v1.RcSubscription.getDefaultInstance()))
        .isInstanceOf(ServiceModelException.class);
    // srsRAN's RC function has no REPORT styles
    assertThatThrownBy(() -> ric.rcSubscription(fs.get(1), io.oranric.contract.v1.RcSubscription.newBuilder().setStyle(4).build()))
        .hasMessageContaining("report style 4");
  }

  @Test
  void undecodableDefinitionsOfKnownModelsThrow() {
    for (String oid : List.of(KpmVersion.OID_V2, RcFunctionSpec.OID, CccFunctionSpec.OID_V1)) {
      assertThatThrownBy(() -> ric.describe(new RanFunction(1, 0, oid, new byte[] {(byte) 0xFF}), NAMING))
          .isInstanceOf(ServiceModelException.class);
      assertThatThrownBy(() -> ric.describe(new RanFunction(1, 0, oid, new byte[0]), NAMING))
          .isInstanceOf(ServiceModelException.class);
    }
  }
}
