package io.oranric.e2.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.e2.aper.OctetString;
import org.junit.jupiter.api.Test;

class Asn1RoundtripTest {

    @Test
    void vectorsAreIdentical() throws Exception {
        SharedVectorsTest.vectors().forEach(a -> {
            SharedVectorsTest.Vector v = (SharedVectorsTest.Vector) a.get()[0];
            assertThat(Asn1Roundtrip.roundtrip(v.set(), v.type(), null, v.bytes()).kind()).as(v.name())
                    .isEqualTo(Asn1Roundtrip.Kind.IDENTICAL);
        });
    }

    @Test
    void asn1cLeadingZeroRealMantissaIsEquivalentNotIdentical() {
        // KPM3 IndicationMessage format 1, one record holding REAL 1.0 as 80 00 00 01 (mantissa 00 01)
        byte[] canonical = OctetString.fromHex("00000000012003800001").toByteArray();
        byte[] asn1c = OctetString.fromHex("0000000001200480000001").toByteArray();
        assertThat(Asn1Roundtrip.roundtrip(Asn1Set.KPM3, "E2SM-KPM-IndicationMessage", null, canonical).kind())
                .isEqualTo(Asn1Roundtrip.Kind.IDENTICAL);
        Asn1Roundtrip.Result r = Asn1Roundtrip.roundtrip(Asn1Set.KPM3, "E2SM-KPM-IndicationMessage", null, asn1c);
        assertThat(r.kind()).isEqualTo(Asn1Roundtrip.Kind.EQUIVALENT);
        assertThat(r.reencoded()).isEqualTo(canonical);
    }

    @Test
    void realZeroHasNoContentOctetsAndRoundTrips() {
        // a record holding REAL 0.0: length 0, no content octets
        byte[] zero = OctetString.fromHex("00000000012000").toByteArray();
        assertThat(Asn1Roundtrip.roundtrip(Asn1Set.KPM3, "E2SM-KPM-IndicationMessage", null, zero).kind())
                .isEqualTo(Asn1Roundtrip.Kind.IDENTICAL);
        var msg = io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage.decode(zero);
        var f1 = ((io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage.IndicationMessage_formats.IndicationMessage_Format1)
                msg.indicationMessage_formats()).value();
        assertThat(f1.measData().get(0).measRecord().get(0))
                .isEqualTo(new io.oranric.e2.codec.kpm.v0300.MeasurementRecordItem.Real(0.0));
    }

    @Test
    void undecodableInputIsAnError() {
        Asn1Roundtrip.Result r = Asn1Roundtrip.roundtrip(Asn1Set.E2AP3, "E2AP-PDU", null, new byte[] {0x00, 0x05});
        assertThat(r.kind()).isEqualTo(Asn1Roundtrip.Kind.ERROR);
        assertThat(r.error()).contains("TRUNCATED");
    }
}
