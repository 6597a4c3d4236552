package io.oranric.e2.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.oranric.e2.aper.AperReader;
import io.oranric.e2.aper.AperWriter;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.meta.AsnType;
import io.oranric.e2.codec.e2ap.v0301.E2AP_PDU;
import io.oranric.e2.codec.e2ap.v0301.InitiatingMessage;
import io.oranric.e2.codec.e2ap.v0301.RICcontrolRequest;
import io.oranric.e2.codec.e2ap.v0301.RICindication;
import io.oranric.e2.codec.e2ap.v0301.RICindicationType;
import io.oranric.e2.codec.e2ap.v0301.RICrequestID;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON view: faithful both ways for every vector and for random values of every PDU type. */
class Asn1JsonTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> vectors() throws Exception {
        return SharedVectorsTest.vectors();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorsGoToJsonAndBackToTheSameBytes(SharedVectorsTest.Vector v) {
        Asn1Json json = Asn1Json.plain();
        AsnType type = v.set().type(v.type());
        Object value = type.decodeFromBytes(v.bytes());
        JsonNode node = json.toJson(type, value);
        String text = Asn1Json.pretty(node);
        Object back = json.fromJson(type, Asn1Json.mapper().valueToTree(node));
        assertThat(back).as(text).isEqualTo(value);
        assertThat(json.encodeFromJson(v.set(), v.type(), node)).isEqualTo(v.bytes());
    }

    @TestFactory
    List<DynamicTest> randomValuesGoToJsonAndBack() {
        return OracleDifferentialTest.variants().stream().map(var -> DynamicTest.dynamicTest(var.set() + " " + var.label(), () -> {
            AsnType type = var.set().type(var.type());
            RandomValues gen = new RandomValues(var.label().hashCode());
            Asn1Json json = Asn1Json.plain();
            for (int i = 0; i < 30; i++) {
                Object value = var.alt() < 0 ? gen.value(type) : gen.value(type, var.alt(), var.row());
                JsonNode node = json.toJson(type, value);
                JsonNode reparsed = Asn1Json.mapper().readTree(Asn1Json.pretty(node));
                assertThat(json.fromJson(type, reparsed)).as(Asn1Json.pretty(node)).isEqualTo(value);
            }
        })).toList();
    }

    @Test
    void nestedE2smPayloadsAreShownDecodedAndEncodeBack() throws Exception {
        byte[] ind = OctetString.fromHex("00054070000007001D00050000010000000500020002000F000101001B00020007001C0001000019001312080000018C0000000000000673727352414E001A0033320C000000020830390034000100A04452422E5545546870446C0120000000B05252552E507262546F74446C012000004003E7").toByteArray();
        Asn1Json json = Asn1Json.withE2sm(Asn1Set.KPM3);
        JsonNode node = json.decodeToJson(Asn1Set.E2AP3, "E2AP-PDU", ind);
        JsonNode ies = node.at("/initiatingMessage/value/protocolIEs");
        assertThat(ies.get(0).get("id").asText()).isEqualTo("id-RICrequestID");
        JsonNode header = ies.get(5).get("value");
        assertThat(header.get("$e2sm").asText()).isEqualTo("KPM3");
        assertThat(header.get("type").asText()).isEqualTo("E2SM-KPM-IndicationHeader");
        assertThat(header.at("/value/indicationHeader-formats/indicationHeader-Format1/senderName").asText()).isEqualTo("srsRAN");
        JsonNode message = ies.get(6).get("value");
        assertThat(message.at("/value/indicationMessage-formats/indicationMessage-Format1/measData/0/measRecord/0/integer").asLong())
                .isEqualTo(12345);
        assertThat(json.encodeFromJson(Asn1Set.E2AP3, "E2AP-PDU", node)).isEqualTo(ind);
    }

    @Test
    void kpmVersionFallbackInTheJsonView() {
        // a KPM v02.03 header (4-byte timestamp) inside an indication, viewed with KPM3 preferred
        var v2header = new io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader(
                io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader.IndicationHeader_formats.indicationHeader_Format1(
                        new io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader_Format1(OctetString.fromHex("01020304"),
                                null, "gnb-1", null, null)));
        byte[] pdu = indication(v2header.encode(), OctetString.fromHex("0C0000000208303900340001").toByteArray());
        JsonNode node = Asn1Json.withE2sm(Asn1Set.KPM3).decodeToJson(Asn1Set.E2AP3, "E2AP-PDU", pdu);
        JsonNode header = node.at("/initiatingMessage/value/protocolIEs/4/value");
        assertThat(header.get("$e2sm").asText()).isEqualTo("KPM2");
        assertThat(Asn1Json.withE2sm(Asn1Set.KPM3).encodeFromJson(Asn1Set.E2AP3, "E2AP-PDU", node)).isEqualTo(pdu);
    }

    @Test
    void jsonTextPayloadsAreShownAsJson() {
        byte[] msg = "{\"controlMessageFormat\":{\"x\":1}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RICcontrolRequest req = RICcontrolRequest.builder().ricRequestID(new RICrequestID(1, 1)).ranFunctionID(4)
                .ricControlHeader(OctetString.fromHex("00")).ricControlMessage(OctetString.wrap(msg)).build();
        byte[] pdu = E2AP_PDU.initiatingMessage(new InitiatingMessage.RicControl(req)).encode();
        Asn1Json json = Asn1Json.withE2sm(Asn1Set.CCC1);
        JsonNode node = json.decodeToJson(Asn1Set.E2AP3, "E2AP-PDU", pdu);
        assertThat(node.at("/initiatingMessage/value/protocolIEs/3/value/$json/controlMessageFormat/x").asInt()).isEqualTo(1);
        assertThat(json.encodeFromJson(Asn1Set.E2AP3, "E2AP-PDU", node)).isEqualTo(pdu);
    }

    static byte[] indication(byte[] header, byte[] message) {
        RICindication ind = RICindication.builder().ricRequestID(new RICrequestID(1, 0)).ranFunctionID(2).ricActionID(1)
                .ricIndicationType(RICindicationType.REPORT).ricIndicationHeader(OctetString.wrap(header))
                .ricIndicationMessage(OctetString.wrap(message)).build();
        return E2AP_PDU.initiatingMessage(new InitiatingMessage.RicIndication(ind)).encode();
    }

    @Test
    void badJsonSaysWhere() throws Exception {
        Asn1Json json = Asn1Json.plain();
        JsonNode missing = Asn1Json.mapper().readTree("{\"ricRequestorID\": 1}");
        assertThatThrownBy(() -> json.fromJson(Asn1Set.E2AP3, "RICrequestID", missing))
                .isInstanceOf(Asn1Json.JsonValueException.class).hasMessageContaining("missing mandatory component ricInstanceID");
        JsonNode typo = Asn1Json.mapper().readTree("{\"ricRequestorID\": 1, \"ricInstanceID\": 2, \"ricInstanceId\": 3}");
        assertThatThrownBy(() -> json.fromJson(Asn1Set.E2AP3, "RICrequestID", typo)).hasMessageContaining("no component ricInstanceId");
        JsonNode badEnum = Asn1Json.mapper().readTree("{\"protocolIEs\": [{\"id\": \"id-Cause\", \"criticality\": \"sometimes\", \"value\": {\"misc\": \"unspecified\"}}]}");
        assertThatThrownBy(() -> json.fromJson(Asn1Set.E2AP3, "ResetRequest", badEnum))
                .hasMessageContaining(".protocolIEs[0].criticality").hasMessageContaining("sometimes");
        // an out-of-range value is found by the encoder, with the field path
        JsonNode range = Asn1Json.mapper().readTree("{\"ricRequestorID\": 70000, \"ricInstanceID\": 2}");
        assertThatThrownBy(() -> json.encodeFromJson(Asn1Set.E2AP3, "RICrequestID", range))
                .isInstanceOf(io.oranric.e2.aper.AperException.class).hasMessageContaining("ricRequestorID");
    }

    @Test
    void unknownIesAndExtensionsShowUpAndEncodeBack() {
        // v3 subscription request seen through the v2 codec: unknown IE and unknown extension addition
        byte[] v3 = OctetString.fromHex("00080050000003001D00050000010000000500020002001E003A00030803E700001340304001002C00010100000100A04452422E5545546870446C0120000000B05252552E507262546F74446C012000004003E7").toByteArray();
        Asn1Json json = Asn1Json.plain();
        JsonNode node = json.decodeToJson(Asn1Set.E2AP2, "E2AP-PDU", v3);
        assertThat(json.encodeFromJson(Asn1Set.E2AP2, "E2AP-PDU", node)).isEqualTo(v3);
        AperWriter w = new AperWriter();
        w.extensionIndex(3);
        w.writeOpenTypeRaw(OctetString.fromHex("AB"));
        JsonNode unknownAlt = json.decodeToJson(Asn1Set.KPM3, "MeasurementRecordItem", w.toCompleteEncoding());
        assertThat(unknownAlt.at("/_unknown/extensionIndex").asInt()).isEqualTo(3);
        assertThat(json.encodeFromJson(Asn1Set.KPM3, "MeasurementRecordItem", unknownAlt)).isEqualTo(w.toCompleteEncoding());
        assertThat(new AperReader(new byte[0]).remainingBits()).isZero();
    }
}
