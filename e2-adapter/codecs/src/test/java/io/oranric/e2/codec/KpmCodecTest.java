package io.oranric.e2.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.e2.aper.AperException;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationHeader;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage;
import org.junit.jupiter.api.Test;

class KpmCodecTest {

    static final byte[] V3_HEADER = OctetString.fromHex("080000018C0000000000000673727352414E").toByteArray();
    static final byte[] MESSAGE = OctetString.fromHex("0C000000020830390034000100A04452422E5545546870446C0120000000B05252552E507262546F74446C012000004003E7").toByteArray();

    @Test
    void v3HeaderUnderTheV2OidFallsBackToV3() {
        KpmCodec codec = KpmCodec.forOid(KpmCodec.Version.V2_03.oid(), true);
        assertThat(codec.preferred()).isEqualTo(KpmCodec.Version.V2_03);
        KpmCodec.Decoded d = codec.decodeIndicationHeader(V3_HEADER);
        assertThat(d.version()).isEqualTo(KpmCodec.Version.V3_00);
        assertThat(d.ambiguous()).isFalse();
        E2SM_KPM_IndicationHeader h = d.asV3(E2SM_KPM_IndicationHeader.class);
        var f1 = ((E2SM_KPM_IndicationHeader.IndicationHeader_formats.IndicationHeader_Format1) h.indicationHeader_formats()).value();
        assertThat(f1.senderName()).isEqualTo("srsRAN");
        assertThat(f1.colletStartTime().length()).isEqualTo(8);
        assertThat(d.asV2(Object.class)).isNull();
    }

    @Test
    void v2HeaderIsRecognisedWhenV3IsPreferred() {
        var v2 = new io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader(
                io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader.IndicationHeader_formats.indicationHeader_Format1(
                        new io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader_Format1(OctetString.fromHex("66AABBCC"),
                                "1.0", "OAI-gNB", "gNB", "OAI")));
        KpmCodec.Decoded d = KpmCodec.forOid("anything", false).decodeIndicationHeader(v2.encode());
        assertThat(d.version()).isEqualTo(KpmCodec.Version.V2_03);
        assertThat(d.value()).isEqualTo(v2);
    }

    @Test
    void messagesDecodeWithThePreferredVersionAndSayItWasAmbiguous() {
        KpmCodec.Decoded d = KpmCodec.preferring(KpmCodec.Version.V3_00).decodeIndicationMessage(MESSAGE);
        assertThat(d.version()).isEqualTo(KpmCodec.Version.V3_00);
        assertThat(d.ambiguous()).isTrue();
        assertThat(d.asV3(E2SM_KPM_IndicationMessage.class).encode()).isEqualTo(MESSAGE);
        assertThat(KpmCodec.preferring(KpmCodec.Version.V2_03).decodeIndicationMessage(MESSAGE).version())
                .isEqualTo(KpmCodec.Version.V2_03);
    }

    @Test
    void garbageFailsWithTheErrorOfThePreferredVersion() {
        assertThatThrownBy(() -> KpmCodec.preferring(KpmCodec.Version.V3_00).decodeIndicationHeader(new byte[] {(byte) 0x80}))
                .isInstanceOf(AperException.class);
    }
}
