package io.oranric.e2.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.oranric.e2.aper.AperReader;
import io.oranric.e2.aper.AperWriter;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.meta.AsnType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against the Erlang/OTP oracle: for every top-level PDU type of every set (every E2AP
 * procedure message, every format of every E2SM PDU), random valid values are encoded by our codec,
 * decoded back (must give the same value and re-encode to the same bytes) and handed to the oracle, which
 * must decode and re-encode them to identical bytes. {@code -Ddiff.count=N} values per type (default 200).
 * Skipped with a message when the oracle (Erlang) is not available.
 */
class OracleDifferentialTest {

    static Oracle oracle;
    static final int COUNT = Integer.getInteger("diff.count", 200);

    /** The E2SM PDU types (the messages carried in E2AP OCTET STRINGs). */
    static final Map<Asn1Set, List<String>> E2SM_PDUS = Map.of(
            Asn1Set.KPM2, kpm(),
            Asn1Set.KPM3, kpm(),
            Asn1Set.RC1, List.of("E2SM-RC-EventTrigger", "E2SM-RC-ActionDefinition", "E2SM-RC-IndicationHeader",
                    "E2SM-RC-IndicationMessage", "E2SM-RC-CallProcessID", "E2SM-RC-ControlHeader", "E2SM-RC-ControlMessage",
                    "E2SM-RC-ControlOutcome", "E2SM-RC-RANFunctionDefinition"),
            Asn1Set.CCC1, List.of("E2SM-CCC-RICEventTriggerDefinition", "E2SM-CCC-RICActionDefinition",
                    "E2SM-CCC-RIC-Indication-Header", "E2SM-CCC-RIC-Indication-Message", "E2SM-CCC-RIC-Control-Header",
                    "E2SM-CCC-RIC-Control-Message", "E2SM-CCC-RIC-Control-Outcome", "E2SM-CCC-RANFunctionDefinition"));

    static List<String> kpm() {
        return List.of("E2SM-KPM-EventTriggerDefinition", "E2SM-KPM-ActionDefinition", "E2SM-KPM-IndicationHeader",
                "E2SM-KPM-IndicationMessage", "E2SM-KPM-RANfunction-Description");
    }

    @BeforeAll
    static void startOracle() {
        StringBuilder why = new StringBuilder();
        oracle = Oracle.start(why);
        if (oracle == null) {
            System.err.println("OracleDifferentialTest skipped: " + why);
        }
    }

    @AfterAll
    static void stopOracle() {
        if (oracle != null) {
            oracle.close();
        }
    }

    /** A PDU type, and which outermost alternative (and table row) to take. */
    record Variant(Asn1Set set, String type, int alt, int row, String label) {
    }

    static List<Variant> variants() {
        List<Variant> out = new ArrayList<>();
        for (Asn1Set set : List.of(Asn1Set.E2AP2, Asn1Set.E2AP3)) {
            AsnType.ChoiceType pdu = (AsnType.ChoiceType) set.type("E2AP-PDU");
            for (int a = 0; a < pdu.alternatives().size(); a++) {
                AsnType.TableType msg = (AsnType.TableType) pdu.alternatives().get(a).resolvedType();
                for (int r = 0; r < msg.rows().size(); r++) {
                    out.add(new Variant(set, "E2AP-PDU", a, r, pdu.alternatives().get(a).name() + "/"
                            + msg.rows().get(r).openType(2).name()));
                }
            }
        }
        for (Asn1Set set : List.of(Asn1Set.KPM2, Asn1Set.KPM3, Asn1Set.RC1, Asn1Set.CCC1)) {
            for (String type : E2SM_PDUS.get(set)) {
                AsnType.ChoiceType formats = formatsChoice(set.type(type));
                if (formats == null) {
                    out.add(new Variant(set, type, -1, -1, type));
                } else {
                    for (int a = 0; a < formats.alternatives().size(); a++) {
                        out.add(new Variant(set, type, a, -1, type + "/" + formats.alternatives().get(a).name()));
                    }
                }
            }
        }
        return out;
    }

    /** The outermost CHOICE reached through mandatory root components (the "formats" choice). */
    static AsnType.ChoiceType formatsChoice(AsnType t) {
        if (t instanceof AsnType.ChoiceType c) {
            return c;
        }
        if (t instanceof AsnType.SequenceType s) {
            for (AsnType.Component c : s.components()) {
                if (c.presence() == AsnType.Presence.MANDATORY && !c.isExtension()) {
                    AsnType.ChoiceType f = formatsChoice(c.resolvedType());
                    if (f != null) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> randomValuesRoundTripThroughTheOracle() {
        long started = System.nanoTime();
        List<Variant> variants = variants();
        assertThat(variants).hasSizeGreaterThan(100);
        return Stream.concat(variants.stream().map(v -> DynamicTest.dynamicTest(v.set() + " " + v.label(), () -> check(v))),
                Stream.of(DynamicTest.dynamicTest("timing", () -> System.err.printf(
                        "OracleDifferentialTest: %d variants x %d values in %.1f s%n", variants.size(), COUNT,
                        (System.nanoTime() - started) / 1e9))));
    }

    /**
     * Lengths of 16K and more are fragmented (X.691 10.9.3.8): octet strings and the open types around
     * them, character strings, bit strings, and SEQUENCE OF counts, at and around the fragment sizes.
     */
    @TestFactory
    Stream<DynamicTest> fragmentedLengthsAgreeWithTheOracle() {
        int[] sizes = {16383, 16384, 16385, 32768, 49152, 65535, 65536, 65537, 81920, 100000};
        List<DynamicTest> tests = new ArrayList<>();
        for (int n : sizes) {
            tests.add(DynamicTest.dynamicTest("RICindication message of " + n + " octets", () -> {
                byte[] msg = new byte[n];
                new java.util.Random(n).nextBytes(msg);
                byte[] pdu = io.oranric.e2.codec.e2ap.v0301.E2AP_PDU.initiatingMessage(
                        new io.oranric.e2.codec.e2ap.v0301.InitiatingMessage.RicIndication(
                                io.oranric.e2.codec.e2ap.v0301.RICindication.builder()
                                        .ricRequestID(new io.oranric.e2.codec.e2ap.v0301.RICrequestID(1, 0)).ranFunctionID(2)
                                        .ricActionID(1).ricIndicationType(io.oranric.e2.codec.e2ap.v0301.RICindicationType.REPORT)
                                        .ricIndicationHeader(OctetString.fromHex("00")).ricIndicationMessage(OctetString.wrap(msg))
                                        .build())).encode();
                expectIdentical("E2AP3", "E2AP-PDU", pdu);
            }));
            tests.add(DynamicTest.dynamicTest("RC PrintableString of " + n + " chars", () -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    sb.append((char) ('a' + i % 26));
                }
                expectIdentical("RC1", "E2SM-RC-ControlMessage", rcMessage(
                        io.oranric.e2.codec.rc.v0103.RANParameter_Value.valuePrintableString(sb.toString())));
            }));
            tests.add(DynamicTest.dynamicTest("RC BIT STRING of " + n + " bits", () -> {
                byte[] b = new byte[(n + 7) / 8];
                new java.util.Random(n).nextBytes(b);
                expectIdentical("RC1", "E2SM-RC-ControlMessage", rcMessage(
                        io.oranric.e2.codec.rc.v0103.RANParameter_Value.valueBitS(io.oranric.e2.aper.BitString.of(b, n))));
            }));
            tests.add(DynamicTest.dynamicTest("KPM measRecord of " + n + " items", () -> {
                List<io.oranric.e2.codec.kpm.v0300.MeasurementRecordItem> rec = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rec.add(i % 3 == 0 ? io.oranric.e2.codec.kpm.v0300.MeasurementRecordItem.noValue()
                            : io.oranric.e2.codec.kpm.v0300.MeasurementRecordItem.integer(i));
                }
                byte[] kpm = new io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage(
                        io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage.IndicationMessage_formats.indicationMessage_Format1(
                                new io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage_Format1(List.of(
                                        new io.oranric.e2.codec.kpm.v0300.MeasurementDataItem(rec, null)), null, null))).encode();
                expectIdentical("KPM3", "E2SM-KPM-IndicationMessage", kpm);
            }));
        }
        return tests.stream();
    }

    private static byte[] rcMessage(io.oranric.e2.codec.rc.v0103.RANParameter_Value value) {
        return new io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage(
                io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage.Ric_controlMessage_formats.controlMessage_Format1(
                        new io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage_Format1(List.of(
                                new io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage_Format1_Item(1,
                                        io.oranric.e2.codec.rc.v0103.RANParameter_ValueType.ranP_Choice_ElementTrue(
                                                new io.oranric.e2.codec.rc.v0103.RANParameter_ValueType_Choice_ElementTrue(value)))))))
                .encode();
    }

    private static void expectIdentical(String set, String type, byte[] bytes) throws IOException {
        assumeTrue(oracle != null, "oracle not available");
        AsnType t = Asn1Set.of(set).type(type);
        Object v = t.decode(new AperReader(bytes));
        AperWriter w = new AperWriter();
        t.encode(w, v);
        assertThat(w.toCompleteEncoding()).isEqualTo(bytes);
        assertThat(oracle.roundtrip(set, type, OctetString.wrap(bytes).toHex())).isEqualTo("identical");
    }

    private void check(Variant v) throws IOException {
        assumeTrue(oracle != null, "oracle not available");
        AsnType type = v.set().type(v.type());
        RandomValues gen = new RandomValues(v.label().hashCode() * 31L + v.set().ordinal());
        List<String> hexes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            Object value = v.alt() < 0 ? gen.value(type) : gen.value(type, v.alt(), v.row());
            AperWriter w = new AperWriter();
            type.encode(w, value);
            byte[] bytes = w.toCompleteEncoding();
            Object back = type.decode(new AperReader(bytes));
            assertThat(back).as("decode(encode(v)) for %s", value).isEqualTo(value);
            hexes.add(OctetString.wrap(bytes).toHex());
        }
        List<String> answers = oracle.roundtrips(v.set().name(), v.type(), hexes);
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i)).as("oracle on %s %s %s", v.set(), v.type(), hexes.get(i)).isEqualTo("identical");
        }
    }
}
