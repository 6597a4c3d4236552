package io.oranric.e2.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.e2.aper.AperReader;
import io.oranric.e2.aper.AperWriter;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.UnknownExtensions;
import io.oranric.e2.codec.e2ap.v0301.Cause;
import io.oranric.e2.codec.e2ap.v0301.CauseRICrequest;
import io.oranric.e2.codec.e2ap.v0301.E2AP_PDU;
import io.oranric.e2.codec.e2ap.v0301.InitiatingMessage;
import io.oranric.e2.codec.e2ap.v0301.RICQueryRequest;
import io.oranric.e2.codec.e2ap.v0301.RICaction_ToBeSetup_Item;
import io.oranric.e2.codec.e2ap.v0301.RICaction_ToBeSetup_ItemIEs;
import io.oranric.e2.codec.e2ap.v0301.RICactionType;
import io.oranric.e2.codec.e2ap.v0301.RICrequestID;
import io.oranric.e2.codec.e2ap.v0301.RICsubscriptionDetails;
import io.oranric.e2.codec.e2ap.v0301.RICsubscriptionFailure;
import io.oranric.e2.codec.e2ap.v0301.RICsubscriptionRequest;
import io.oranric.e2.codec.e2ap.v0301.UnsuccessfulOutcome;
import io.oranric.e2.codec.kpm.v0300.MeasurementRecordItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values from a newer version (E2AP v03.01) decoded by an older codec (v02.03): unknown IEs, unknown
 * procedures, unknown extension additions, enumeration values and CHOICE alternatives are kept and the
 * PDU re-encodes byte for byte.
 */
class UnknownExtensionPreservationTest {

    private static byte[] v3SubscriptionRequest() {
        RICsubscriptionRequest req = RICsubscriptionRequest.builder()
                .ricRequestID(new RICrequestID(7, 1))
                .ranFunctionID(2)
                .ricSubscriptionDetails(new RICsubscriptionDetails(OctetString.fromHex("0803E7"), List.of(
                        new RICaction_ToBeSetup_ItemIEs.RICaction_ToBeSetup_Item_IE(new RICaction_ToBeSetup_Item(
                                1, RICactionType.REPORT, OctetString.fromHex("0001"), null, 5L)))))
                .ricSubscriptionStartTime(OctetString.fromHex("0102030405060708"))
                .build();
        return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicSubscription(req)).encode();
    }

    @Test
    void newerIeAndExtensionAdditionSurviveAnOlderCodec() {
        byte[] v3 = v3SubscriptionRequest();
        var pdu = io.oranric.e2.codec.e2ap.v0203.E2AP_PDU.decode(v3);
        var init = (io.oranric.e2.codec.e2ap.v0203.E2AP_PDU.InitiatingMessage) pdu;
        var req = ((io.oranric.e2.codec.e2ap.v0203.InitiatingMessage.RicSubscription) init.value()).value();
        // the start time IE is unknown to v02.03
        assertThat(req.protocolIEs()).anySatisfy(ie -> {
            assertThat(ie).isInstanceOf(io.oranric.e2.codec.e2ap.v0203.RICsubscriptionRequest_IEs.Unknown.class);
            assertThat(ie.id()).isEqualTo(62);
            assertThat(ie.value()).isEqualTo(OctetString.fromHex("0102030405060708"));
        });
        // ricActionExecutionOrder is an extension addition v02.03 does not know
        var action = ((io.oranric.e2.codec.e2ap.v0203.RICaction_ToBeSetup_ItemIEs.RICaction_ToBeSetup_Item_IE)
                req.ricSubscriptionDetails().ricAction_ToBeSetup_List().get(0)).value();
        UnknownExtensions u = action.unknownExtensions();
        assertThat(u).isNotNull();
        assertThat(u.hasUnknown()).isTrue();
        assertThat(u.bitmapLength()).isEqualTo(1);
        assertThat(pdu.encode()).isEqualTo(v3);
        // and the newer codec still sees the value
        var back = (E2AP_PDU.InitiatingMessage) E2AP_PDU.decode(pdu.encode());
        var backReq = ((InitiatingMessage.RicSubscription) back.value()).value();
        var backAction = ((RICaction_ToBeSetup_ItemIEs.RICaction_ToBeSetup_Item_IE)
                backReq.ricSubscriptionDetails().ricAction_ToBeSetup_List().get(0)).value();
        assertThat(backAction.ricActionExecutionOrder()).isEqualTo(5L);
    }

    @Test
    void unknownProcedureIsKeptRaw() {
        byte[] v3 = E2AP_PDU.initiatingMessage(new InitiatingMessage.RicQuery(RICQueryRequest.builder()
                .ricRequestID(new RICrequestID(1, 2)).ranFunctionID(3)
                .ricQueryHeader(OctetString.fromHex("AA")).ricQueryDefinition(OctetString.fromHex("BB")).build())).encode();
        var pdu = io.oranric.e2.codec.e2ap.v0203.E2AP_PDU.decode(v3);
        var init = (io.oranric.e2.codec.e2ap.v0203.E2AP_PDU.InitiatingMessage) pdu;
        assertThat(init.value()).isInstanceOf(io.oranric.e2.codec.e2ap.v0203.InitiatingMessage.Unknown.class);
        assertThat(init.value().procedureCode()).isEqualTo(16);
        assertThat(pdu.encode()).isEqualTo(v3);
    }

    @Test
    void unknownEnumerationValueIsKeptByIndex() {
        byte[] v3 = E2AP_PDU.unsuccessfulOutcome(new UnsuccessfulOutcome.RicSubscription(RICsubscriptionFailure.builder()
                .ricRequestID(new RICrequestID(1, 2)).ranFunctionID(3)
                .cause(Cause.ricRequest(CauseRICrequest.DUPLICATE_RIC_REQUEST_ID)).build())).encode();
        var pdu = io.oranric.e2.codec.e2ap.v0203.E2AP_PDU.decode(v3);
        var fail = ((io.oranric.e2.codec.e2ap.v0203.UnsuccessfulOutcome.RicSubscription)
                ((io.oranric.e2.codec.e2ap.v0203.E2AP_PDU.UnsuccessfulOutcome) pdu).value()).value();
        var cause = (io.oranric.e2.codec.e2ap.v0203.Cause.RicRequest) fail.cause();
        assertThat(cause.value()).isEqualTo(new io.oranric.e2.codec.e2ap.v0203.CauseRICrequest.Unknown(2));
        assertThat(cause.value().asn1Name()).isNull();
        assertThat(pdu.encode()).isEqualTo(v3);
    }

    @Test
    void unknownChoiceAlternativeIsKeptRaw() {
        AperWriter w = new AperWriter();
        w.extensionIndex(4);
        w.writeOpenTypeRaw(OctetString.fromHex("CAFE"));
        byte[] bytes = w.toCompleteEncoding();
        MeasurementRecordItem item = MeasurementRecordItem.decode(new AperReader(bytes));
        assertThat(item).isEqualTo(new MeasurementRecordItem.Unknown(4, OctetString.fromHex("CAFE")));
        assertThat(item.encode()).isEqualTo(bytes);
    }

    @Test
    void shorterOrLongerExtensionBitmapIsReproduced() {
        // RICaction-ToBeSetup-Item from a peer whose type has two additions: ours knows one
        AperWriter w = new AperWriter();
        w.writeBit(true);                    // extension bit
        w.writeBit(false);                   // ricActionDefinition absent
        w.writeBit(false);                   // ricSubsequentAction absent
        w.constrainedWholeNumber(9, 0, 255); // ricActionID
        w.rootIndex(0, 3, true);             // report
        w.normallySmallLength(2);            // two additions
        w.writeBit(false);                   // ricActionExecutionOrder absent
        w.writeBit(true);                    // an addition from the future
        w.writeOpenTypeRaw(OctetString.fromHex("0A0B"));
        byte[] bytes = w.toCompleteEncoding();
        RICaction_ToBeSetup_Item item = RICaction_ToBeSetup_Item.decode(bytes);
        assertThat(item.unknownExtensions().bitmapLength()).isEqualTo(2);
        assertThat(item.unknownExtensions().additions()).containsExactly(OctetString.fromHex("0A0B"));
        assertThat(item.encode()).isEqualTo(bytes);
        // a value built by an application uses the canonical form
        assertThat(new RICaction_ToBeSetup_Item(9, RICactionType.REPORT, null, null, null).encode())
                .isEqualTo(OctetString.fromHex("000900").toByteArray());
    }
}
