package io.oranric.e2.codec.bench;

import io.oranric.e2.aper.BitString;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.e2ap.v0301.E2AP_PDU;
import io.oranric.e2.codec.e2ap.v0301.InitiatingMessage;
import io.oranric.e2.codec.e2ap.v0301.RICcontrolAckRequest;
import io.oranric.e2.codec.e2ap.v0301.RICcontrolRequest;
import io.oranric.e2.codec.e2ap.v0301.RICindication;
import io.oranric.e2.codec.e2ap.v0301.RICindicationType;
import io.oranric.e2.codec.e2ap.v0301.RICrequestID;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationHeader;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationHeader_Format1;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage_Format1;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage_Format3;
import io.oranric.e2.codec.kpm.v0300.GUAMI;
import io.oranric.e2.codec.kpm.v0300.LabelInfoItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementDataItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementInfoItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementLabel;
import io.oranric.e2.codec.kpm.v0300.MeasurementRecordItem;
import io.oranric.e2.codec.kpm.v0300.MeasurementType;
import io.oranric.e2.codec.kpm.v0300.UEID;
import io.oranric.e2.codec.kpm.v0300.UEID_GNB;
import io.oranric.e2.codec.kpm.v0300.UEMeasurementReportItem;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader_Format1;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage_Format1;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage_Format1_Item;
import io.oranric.e2.codec.rc.v0103.RANParameter_LIST;
import io.oranric.e2.codec.rc.v0103.RANParameter_STRUCTURE;
import io.oranric.e2.codec.rc.v0103.RANParameter_STRUCTURE_Item;
import io.oranric.e2.codec.rc.v0103.RANParameter_Value;
import io.oranric.e2.codec.rc.v0103.RANParameter_ValueType;
import io.oranric.e2.codec.rc.v0103.RANParameter_ValueType_Choice_ElementFalse;
import io.oranric.e2.codec.rc.v0103.RANParameter_ValueType_Choice_List;
import io.oranric.e2.codec.rc.v0103.RANParameter_ValueType_Choice_Structure;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages the benchmarks use, built with the typed API as an xApp or the simulator would:
 * a RIC Indication (E2AP v03.01) carrying an E2SM-KPM v03.00 IndicationHeader-Format1 and an
 * IndicationMessage-Format3 with {@code ues} UEs x 7 measurements, and a RIC control request carrying
 * E2SM-RC v01.03 style 2 action 6 (slice-level PRB quota).
 */
public final class BenchMessages {

    private BenchMessages() {
    }

    static final String[] MEASUREMENTS = {"DRB.UEThpDl", "DRB.UEThpUl", "DRB.RlcSduDelayDl", "RRU.PrbTotDl",
        "RRU.PrbTotUl", "DRB.PdcpSduVolumeDL", "DRB.PdcpSduVolumeUL"};

    static final OctetString PLMN = OctetString.fromHex("00F110");

    /** A KPM v03.00 IndicationMessage format 3: {@code ues} UEs, each a format-1 report of 7 measurements. */
    public static E2SM_KPM_IndicationMessage kpmFormat3(int ues) {
        List<UEMeasurementReportItem> reports = new ArrayList<>();
        MeasurementLabel noLabel = MeasurementLabel.builder().noLabel(MeasurementLabel.NoLabel.TRUE).build();
        for (int u = 0; u < ues; u++) {
            List<MeasurementRecordItem> record = new ArrayList<>();
            List<MeasurementInfoItem> info = new ArrayList<>();
            for (int m = 0; m < MEASUREMENTS.length; m++) {
                // throughputs and delays as REAL (as srsRAN and OAI report them), counters as INTEGER
                record.add(m == 0 || m == 1 || m == 2 ? MeasurementRecordItem.real(1234.5 * (u + 1) + m * 0.25)
                        : MeasurementRecordItem.integer(1000L * (u + 1) + m));
                info.add(new MeasurementInfoItem(MeasurementType.measName(MEASUREMENTS[m]), List.of(new LabelInfoItem(noLabel))));
            }
            UEID ueId = UEID.gNB_UEID(UEID_GNB.builder().amf_UE_NGAP_ID(100 + u)
                    .guami(new GUAMI(PLMN, BitString.ofLong(0x80, 8), BitString.ofLong(4, 10), BitString.ofLong(1, 6))).build());
            reports.add(new UEMeasurementReportItem(ueId, new E2SM_KPM_IndicationMessage_Format1(
                    List.of(new MeasurementDataItem(record, null)), info, 1000L)));
        }
        return new E2SM_KPM_IndicationMessage(E2SM_KPM_IndicationMessage.IndicationMessage_formats
                .indicationMessage_Format3(new E2SM_KPM_IndicationMessage_Format3(reports)));
    }

    public static E2SM_KPM_IndicationHeader kpmHeader() {
        return new E2SM_KPM_IndicationHeader(E2SM_KPM_IndicationHeader.IndicationHeader_formats.indicationHeader_Format1(
                new E2SM_KPM_IndicationHeader_Format1(OctetString.fromHex("E9A1B2C300000000"), null, "srsRAN", null, null)));
    }

    /** The E2AP RIC Indication around a KPM header and message. */
    public static E2AP_PDU indication(byte[] header, byte[] message) {
        RICindication ind = RICindication.builder()
                .ricRequestID(new RICrequestID(1, 0))
                .ranFunctionID(2)
                .ricActionID(1)
                .ricIndicationSN(7)
                .ricIndicationType(RICindicationType.REPORT)
                .ricIndicationHeader(OctetString.wrap(header))
                .ricIndicationMessage(OctetString.wrap(message))
                .build();
        return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicIndication(ind));
    }

    public static byte[] indicationBytes(int ues) {
        return indication(kpmHeader().encode(), kpmFormat3(ues).encode()).encode();
    }

    private static RANParameter_ValueType element(RANParameter_Value v) {
        return RANParameter_ValueType.ranP_Choice_ElementFalse(new RANParameter_ValueType_Choice_ElementFalse(v));
    }

    private static RANParameter_ValueType structure(RANParameter_STRUCTURE_Item... items) {
        return RANParameter_ValueType.ranP_Choice_Structure(new RANParameter_ValueType_Choice_Structure(
                new RANParameter_STRUCTURE(List.of(items))));
    }

    /**
     * E2SM-RC v01.03 control message for style 2 action 6 (slice-level PRB quota): RRM Policy Ratio List (1)
     * of one RRM Policy Ratio Group (2) holding RRM Policy (3) with its member list (4) of one member (5):
     * PLMN Identity (6) and S-NSSAI (7: SST 8, SD 9); then Min (11), Max (12) and Dedicated (13) PRB Policy Ratio.
     */
    public static E2SM_RC_ControlMessage rcSlicePrbQuota(int minRatio, int maxRatio, int dedicatedRatio) {
        RANParameter_STRUCTURE_Item member = new RANParameter_STRUCTURE_Item(5, structure(
                new RANParameter_STRUCTURE_Item(6, element(RANParameter_Value.valueOctS(PLMN))),
                new RANParameter_STRUCTURE_Item(7, structure(
                        new RANParameter_STRUCTURE_Item(8, element(RANParameter_Value.valueOctS(OctetString.fromHex("01")))),
                        new RANParameter_STRUCTURE_Item(9, element(RANParameter_Value.valueOctS(OctetString.fromHex("000001"))))))));
        RANParameter_STRUCTURE_Item memberList = new RANParameter_STRUCTURE_Item(4, RANParameter_ValueType.ranP_Choice_List(
                new RANParameter_ValueType_Choice_List(new RANParameter_LIST(List.of(new RANParameter_STRUCTURE(List.of(member)))))));
        RANParameter_STRUCTURE_Item policy = new RANParameter_STRUCTURE_Item(3, structure(memberList));
        RANParameter_STRUCTURE group = new RANParameter_STRUCTURE(List.of(policy,
                new RANParameter_STRUCTURE_Item(11, element(RANParameter_Value.valueInt(minRatio))),
                new RANParameter_STRUCTURE_Item(12, element(RANParameter_Value.valueInt(maxRatio))),
                new RANParameter_STRUCTURE_Item(13, element(RANParameter_Value.valueInt(dedicatedRatio)))));
        E2SM_RC_ControlMessage_Format1_Item ratioList = new E2SM_RC_ControlMessage_Format1_Item(1,
                RANParameter_ValueType.ranP_Choice_List(new RANParameter_ValueType_Choice_List(
                        new RANParameter_LIST(List.of(new RANParameter_STRUCTURE(List.of(new RANParameter_STRUCTURE_Item(2,
                                RANParameter_ValueType.ranP_Choice_Structure(new RANParameter_ValueType_Choice_Structure(group))))))))));
        return new E2SM_RC_ControlMessage(E2SM_RC_ControlMessage.Ric_controlMessage_formats.controlMessage_Format1(
                new E2SM_RC_ControlMessage_Format1(List.of(ratioList))));
    }

    /** E2SM-RC control header format 1: a UE (by its gNB-DU UE id, as a DU-side slice control names it), style 2, action 6. */
    public static E2SM_RC_ControlHeader rcHeader() {
        io.oranric.e2.codec.rc.v0103.UEID ue = io.oranric.e2.codec.rc.v0103.UEID.gNB_DU_UEID(
                io.oranric.e2.codec.rc.v0103.UEID_GNB_DU.builder().gNB_CU_UE_F1AP_ID(7).build());
        return new E2SM_RC_ControlHeader(E2SM_RC_ControlHeader.Ric_controlHeader_formats.controlHeader_Format1(
                new E2SM_RC_ControlHeader_Format1(ue, 2, 6, null)));
    }

    public static E2AP_PDU controlRequest(byte[] header, byte[] message) {
        return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicControl(RICcontrolRequest.builder()
                .ricRequestID(new RICrequestID(3, 1))
                .ranFunctionID(3)
                .ricControlHeader(OctetString.wrap(header))
                .ricControlMessage(OctetString.wrap(message))
                .ricControlAckRequest(RICcontrolAckRequest.ACK)
                .build()));
    }

    public static byte[] controlRequestBytes() {
        return controlRequest(rcHeader().encode(), rcSlicePrbQuota(10, 80, 5).encode()).encode();
    }
}
