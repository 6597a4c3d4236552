package io.oranric.e2.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.e2.aper.BitString;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.e2ap.v0301.E2AP_PDU;
import io.oranric.e2.codec.e2ap.v0301.E2nodeComponentConfigAdditionAck_Item;
import io.oranric.e2.codec.e2ap.v0301.E2nodeComponentConfigAdditionAck_ItemIEs;
import io.oranric.e2.codec.e2ap.v0301.E2nodeComponentConfigurationAck;
import io.oranric.e2.codec.e2ap.v0301.E2nodeComponentID;
import io.oranric.e2.codec.e2ap.v0301.E2nodeComponentInterfaceNG;
import io.oranric.e2.codec.e2ap.v0301.E2nodeComponentInterfaceType;
import io.oranric.e2.codec.e2ap.v0301.E2setupResponse;
import io.oranric.e2.codec.e2ap.v0301.GlobalRIC_ID;
import io.oranric.e2.codec.e2ap.v0301.InitiatingMessage;
import io.oranric.e2.codec.e2ap.v0301.RANfunctionID_Item;
import io.oranric.e2.codec.e2ap.v0301.RANfunctionID_ItemIEs;
import io.oranric.e2.codec.e2ap.v0301.RICaction_ToBeSetup_Item;
import io.oranric.e2.codec.e2ap.v0301.RICaction_ToBeSetup_ItemIEs;
import io.oranric.e2.codec.e2ap.v0301.RICactionType;
import io.oranric.e2.codec.e2ap.v0301.RICcontrolRequest;
import io.oranric.e2.codec.e2ap.v0301.RICindication;
import io.oranric.e2.codec.e2ap.v0301.RICrequestID;
import io.oranric.e2.codec.e2ap.v0301.RICsubscriptionDetails;
import io.oranric.e2.codec.e2ap.v0301.RICsubscriptionRequest;
import io.oranric.e2.codec.e2ap.v0301.SuccessfulOutcome;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader_Format1;
import io.oranric.e2.codec.rc.v0103.UEID;
import io.oranric.e2.codec.rc.v0103.UEID_GNB_CU_UP;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The usage examples of e2-adapter/README.md, checked: values built with the typed API encode to the same
 * bytes as the oracle's vectors.
 */
class ApiExamplesTest {

    static byte[] hex(String h) {
        return OctetString.fromHex(h).toByteArray();
    }

    @Test
    void decodeAnE2apPdu() {
        byte[] bytes = hex("00090012000002001D00050000010000000500020002");
        E2AP_PDU pdu = E2AP_PDU.decode(bytes);
        if (pdu instanceof E2AP_PDU.InitiatingMessage im && im.value() instanceof InitiatingMessage.RicSubscriptionDelete del) {
            assertThat(del.value().ricRequestID()).isEqualTo(new RICrequestID(1, 0));
            assertThat(del.value().ranFunctionID()).isEqualTo(2L);
        } else {
            throw new AssertionError("not a subscription delete request: " + pdu);
        }
    }

    @Test
    void buildRicSubscriptionRequest() {
        RICsubscriptionRequest req = RICsubscriptionRequest.builder()
                .ricRequestID(new RICrequestID(1, 0))
                .ranFunctionID(2)
                .ricSubscriptionDetails(new RICsubscriptionDetails(
                        OctetString.fromHex("0803E7"),                       // E2SM-KPM event trigger: 1000 ms
                        List.of(new RICaction_ToBeSetup_ItemIEs.RICaction_ToBeSetup_Item_IE(
                                RICaction_ToBeSetup_Item.builder().ricActionID(1).ricActionType(RICactionType.REPORT)
                                        .ricActionDefinition(OctetString.fromHex("00010100000100A04452422E5545546870446C0120"
                                                + "000000B05252552E507262546F74446C012000004003E7")).build()))))
                .build();
        byte[] bytes = E2AP_PDU.initiatingMessage(new InitiatingMessage.RicSubscription(req)).encode();
        assertThat(OctetString.of(bytes).toHex()).isEqualTo("00080050000003001D00050000010000000500020002001E003A00030803E7000013"
                + "40304001002C00010100000100A04452422E5545546870446C0120000000B05252552E507262546F74446C012000004003E7");
    }

    @Test
    void buildE2setupResponse() {
        E2setupResponse resp = E2setupResponse.builder()
                .transactionID(0)
                .globalRIC_ID(new GlobalRIC_ID(OctetString.fromHex("00F110"), BitString.ofLong(1, 20)))
                .ranFunctionsAccepted(List.of(new RANfunctionID_ItemIEs.RANfunctionID_Item_IE(new RANfunctionID_Item(147, 0))))
                .e2nodeComponentConfigAdditionAck(List.of(new E2nodeComponentConfigAdditionAck_ItemIEs.E2nodeComponentConfigAdditionAck_Item_IE(
                        new E2nodeComponentConfigAdditionAck_Item(E2nodeComponentInterfaceType.NG,
                                E2nodeComponentID.e2nodeComponentInterfaceTypeNG(new E2nodeComponentInterfaceNG("DUMMY OAI-AMF")),
                                new E2nodeComponentConfigurationAck(E2nodeComponentConfigurationAck.UpdateOutcome.SUCCESS, null)))))
                .build();
        byte[] bytes = E2AP_PDU.successfulOutcome(new SuccessfulOutcome.E2setup(resp)).encode();
        assertThat(OctetString.of(bytes).toHex()).isEqualTo("2001003D000004003100020000000400070000F1100000100009000A0000064005"
                + "00009300000034001700000035001100018044554D4D59204F41492D414D4600");
    }

    @Test
    void buildRicControlRequestWithAnRcHeader() {
        E2SM_RC_ControlHeader header = new E2SM_RC_ControlHeader(E2SM_RC_ControlHeader.Ric_controlHeader_formats.controlHeader_Format1(
                new E2SM_RC_ControlHeader_Format1(UEID.gNB_CU_UP_UEID(new UEID_GNB_CU_UP(15, null)), 12, 5,
                        E2SM_RC_ControlHeader_Format1.Ric_ControlDecision.ACCEPT)));
        assertThat(OctetString.of(header.encode()).toHex()).isEqualTo("12000F010C00000400"); // ONOS vector
        RICcontrolRequest ctrl = RICcontrolRequest.builder()
                .ricRequestID(new RICrequestID(3, 1))
                .ranFunctionID(3)
                .ricControlHeader(OctetString.wrap(header.encode()))
                .ricControlMessage(OctetString.fromHex("0000010000298020FFFFFFFF")) // ONOS vector
                .build();
        E2AP_PDU pdu = E2AP_PDU.initiatingMessage(new InitiatingMessage.RicControl(ctrl));
        assertThat(E2AP_PDU.decode(pdu.encode())).isEqualTo(pdu);
    }

    @Test
    void decodeKpmIndicationWithVersionFallback() {
        byte[] ind = hex("00054070000007001D00050000010000000500020002000F000101001B00020007001C0001000019001312080000018C"
                + "0000000000000673727352414E001A0033320C000000020830390034000100A04452422E5545546870446C0120000000B05252552E50"
                + "7262546F74446C012000004003E7");
        RICindication i = ((InitiatingMessage.RicIndication) ((E2AP_PDU.InitiatingMessage) E2AP_PDU.decode(ind)).value()).value();
        KpmCodec kpm = KpmCodec.forOid("1.3.6.1.4.1.53148.1.2.2.2", false);   // srsRAN: v3 layout under the v2 OID
        KpmCodec.Decoded header = kpm.decodeIndicationHeader(i.ricIndicationHeader().toByteArray());
        KpmCodec.Decoded message = kpm.withPreferred(header.version()).decodeIndicationMessage(i.ricIndicationMessage().toByteArray());
        assertThat(header.version()).isEqualTo(KpmCodec.Version.V3_00);
        E2SM_KPM_IndicationMessage m = message.asV3(E2SM_KPM_IndicationMessage.class);
        assertThat(m).isNotNull();
    }
}
