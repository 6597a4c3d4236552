package io.oranric.e2.aper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * X.691 ALIGNED boundary cases: each row encodes a value with the writer, compares the bytes with the
 * expected encoding (worked out from the clauses; the rows marked OTP were also produced by Erlang/OTP
 * 25 asn1 with -bper), then decodes them with the reader and compares the value.
 */
class X691BoundaryTest {

    record Case(String name, Consumer<AperWriter> enc, Function<AperReader, Object> dec, Object value, String hex) {
        @Override
        public String toString() {
            return name + " -> " + hex;
        }
    }

    static Case c(String name, Consumer<AperWriter> enc, Function<AperReader, Object> dec, Object value, String hex) {
        return new Case(name, enc, dec, value, hex);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // 10.5 constrained whole numbers
                c("(0..0) range 1: no bits", w -> w.constrainedWholeNumber(0, 0, 0), r -> r.constrainedWholeNumber(0, 0), 0L, "00"),
                c("(0..1) 1 bit", w -> w.constrainedWholeNumber(1, 0, 1), r -> r.constrainedWholeNumber(0, 1), 1L, "80"),
                c("(0..2) 2 bits", w -> w.constrainedWholeNumber(2, 0, 2), r -> r.constrainedWholeNumber(0, 2), 2L, "80"),
                c("(0..254) range 255: 8-bit field, not aligned", w -> { w.writeBit(true); w.constrainedWholeNumber(254, 0, 254); },
                        r -> { r.readBit(); return r.constrainedWholeNumber(0, 254); }, 254L, "FF00"),
                c("(0..255) range 256: one aligned octet", w -> { w.writeBit(true); w.constrainedWholeNumber(255, 0, 255); },
                        r -> { r.readBit(); return r.constrainedWholeNumber(0, 255); }, 255L, "80FF"),
                c("(0..256) range 257: two aligned octets", w -> { w.writeBit(true); w.constrainedWholeNumber(256, 0, 256); },
                        r -> { r.readBit(); return r.constrainedWholeNumber(0, 256); }, 256L, "800100"),
                c("(0..65535) OTP I6", w -> w.constrainedWholeNumber(5, 0, 65535), r -> r.constrainedWholeNumber(0, 65535), 5L, "0005"),
                c("(0..65536) range 65537: length + octets OTP I7", w -> w.constrainedWholeNumber(65536, 0, 65536),
                        r -> r.constrainedWholeNumber(0, 65536), 65536L, "80010000"),
                c("(0..4294967295) 0 OTP I1", w -> w.constrainedWholeNumber(0, 0, 4294967295L), r -> r.constrainedWholeNumber(0, 4294967295L), 0L, "0000"),
                c("(0..4294967295) 256 OTP I1", w -> w.constrainedWholeNumber(256, 0, 4294967295L), r -> r.constrainedWholeNumber(0, 4294967295L), 256L, "400100"),
                c("(0..4294967295) max OTP I1", w -> w.constrainedWholeNumber(4294967295L, 0, 4294967295L),
                        r -> r.constrainedWholeNumber(0, 4294967295L), 4294967295L, "C0FFFFFFFF"),
                c("(1..4294967295) max OTP I2", w -> w.constrainedWholeNumber(4294967295L, 1, 4294967295L),
                        r -> r.constrainedWholeNumber(1, 4294967295L), 4294967295L, "C0FFFFFFFE"),
                c("(0..68719476735) max OTP I3", w -> w.constrainedWholeNumber(68719476735L, 0, 68719476735L),
                        r -> r.constrainedWholeNumber(0, 68719476735L), 68719476735L, "800FFFFFFFFF"),
                c("(0..1099511627775) 1", w -> w.constrainedWholeNumber(1, 0, 1099511627775L),
                        r -> r.constrainedWholeNumber(0, 1099511627775L), 1L, "0001"),
                // 13 extensible INTEGER
                c("(0..255,...) in root OTP I4", w -> w.constrainedInteger(5, 0, 255, true), r -> r.constrainedInteger(0, 255, true), 5L, "0005"),
                c("(0..255,...) 256 outside OTP I4", w -> w.constrainedInteger(256, 0, 255, true), r -> r.constrainedInteger(0, 255, true), 256L, "80020100"),
                c("(0..255,...) -1 outside OTP I4", w -> w.constrainedInteger(-1, 0, 255, true), r -> r.constrainedInteger(0, 255, true), -1L, "8001FF"),
                // 10.7 / 10.8
                c("(-1..MAX) -1 OTP I5", w -> w.semiConstrainedInteger(-1, -1, false), r -> r.semiConstrainedInteger(-1, false), -1L, "0100"),
                c("(-1..MAX) 254 OTP I5", w -> w.semiConstrainedInteger(254, -1, false), r -> r.semiConstrainedInteger(-1, false), 254L, "01FF"),
                c("(0..MAX) 2^63-1", w -> w.semiConstrainedInteger(Long.MAX_VALUE, 0, false), r -> r.semiConstrainedInteger(0, false),
                        Long.MAX_VALUE, "087FFFFFFFFFFFFFFF"),
                c("unconstrained -129 OTP I8", w -> w.unconstrainedInteger(-129), r -> r.unconstrainedInteger(), -129L, "02FF7F"),
                c("unconstrained 128 OTP I8", w -> w.unconstrainedInteger(128), r -> r.unconstrainedInteger(), 128L, "020080"),
                c("unconstrained 0 OTP I8", w -> w.unconstrainedInteger(0), r -> r.unconstrainedInteger(), 0L, "0100"),
                c("unconstrained -128", w -> w.unconstrainedInteger(-128), r -> r.unconstrainedInteger(), -128L, "0180"),
                c("unconstrained MIN", w -> w.unconstrainedInteger(Long.MIN_VALUE), r -> r.unconstrainedInteger(), Long.MIN_VALUE, "088000000000000000"),
                // 10.6 normally small, ENUMERATED / CHOICE indexes
                c("enum {c,b,a,...,d} a(5) OTP E", w -> w.rootIndex(2, 3, true), r -> r.index(3, true), 2, "40"),
                c("enum extension d OTP E", w -> w.extensionIndex(0), r -> r.index(3, true), -1, "80"),
                c("extension index 63", w -> w.extensionIndex(63), r -> r.index(3, true), -64, "BF"),
                c("extension index 64 (long form)", w -> w.extensionIndex(64), r -> r.index(3, true), -65, "C00140"),
                c("choice root 1 of 2 ext OTP C", w -> { w.rootIndex(1, 2, true); w.writeBoolean(true); },
                        r -> { int i = r.index(2, true); return i * 10 + (r.readBoolean() ? 1 : 0); }, 11, "60"),
                // 10.9 length determinants
                c("unconstrained length 127", w -> w.unconstrainedLength(127), r -> r.unconstrainedLength(), 127, "7F"),
                c("unconstrained length 128", w -> w.unconstrainedLength(128), r -> r.unconstrainedLength(), 128, "8080"),
                c("unconstrained length 16383", w -> w.unconstrainedLength(16383), r -> r.unconstrainedLength(), 16383, "BFFF"),
                c("normally small length 1", w -> w.normallySmallLength(1), r -> r.normallySmallLength(), 1, "00"),
                c("normally small length 64", w -> w.normallySmallLength(64), r -> r.normallySmallLength(), 64, "7E"),
                c("normally small length 65", w -> w.normallySmallLength(65), r -> r.normallySmallLength(), 65, "8041"),
                // 17 OCTET STRING
                c("OCTET STRING (SIZE(2)) unaligned", w -> { w.writeBit(true); w.writeOctetString(OctetString.fromHex("ABCD"), 2, 2, false); },
                        r -> { r.readBit(); return r.readOctetString(2, 2, false); }, OctetString.fromHex("ABCD"), "D5E680"),
                c("OCTET STRING (SIZE(3)) aligned", w -> { w.writeBit(true); w.writeOctetString(OctetString.fromHex("ABCDEF"), 3, 3, false); },
                        r -> { r.readBit(); return r.readOctetString(3, 3, false); }, OctetString.fromHex("ABCDEF"), "80ABCDEF"),
                c("OCTET STRING (SIZE(0..2)) 1 OTP O2", w -> w.writeOctetString(OctetString.fromHex("01"), 0, 2, false),
                        r -> r.readOctetString(0, 2, false), OctetString.fromHex("01"), "4001"),
                c("OCTET STRING (SIZE(0..1)) OTP O01", w -> w.writeOctetString(OctetString.fromHex("07"), 0, 1, false),
                        r -> r.readOctetString(0, 1, false), OctetString.fromHex("07"), "8007"),
                c("OCTET STRING unconstrained empty", w -> w.writeOctetString(OctetString.EMPTY), r -> r.readOctetString(), OctetString.EMPTY, "00"),
                c("OCTET STRING (SIZE(1..4,...)) 5 outside", w -> w.writeOctetString(OctetString.fromHex("0102030405"), 1, 4, true),
                        r -> r.readOctetString(1, 4, true), OctetString.fromHex("0102030405"), "80050102030405"),
                // 16 BIT STRING
                c("BIT STRING (SIZE(20)) aligned (ric-ID)", w -> { w.writeBit(true); w.writeBitString(BitString.fromHex("00001", 20), 20, 20, false); },
                        r -> { r.readBit(); return r.readBitString(20, 20, false); }, BitString.fromHex("000010", 20), "80000010"),
                c("BIT STRING (SIZE(16)) unaligned", w -> { w.writeBit(true); w.writeBitString(BitString.fromHex("FFFF", 16), 16, 16, false); },
                        r -> { r.readBit(); return r.readBitString(16, 16, false); }, BitString.fromHex("FFFF", 16), "FFFF80"),
                c("BIT STRING (SIZE(1..8)) OTP B8", w -> w.writeBitString(BitString.fromBinary("1"), 1, 8, false),
                        r -> r.readBitString(1, 8, false), BitString.fromBinary("1"), "0080"),
                c("BIT STRING (SIZE(22..32)) 28 bits", w -> w.writeBitString(BitString.fromHex("ABCDEF1", 28), 22, 32, false),
                        r -> r.readBitString(22, 32, false), BitString.fromHex("ABCDEF10", 28), "60ABCDEF10"),
                // 30 known-multiplier strings
                c("PrintableString (SIZE(0..2)) \"a\" OTP P2", w -> w.writeKnownMultiplierString("a", 0, 2, false, CharAlphabet.PRINTABLE),
                        r -> r.readKnownMultiplierString(0, 2, false, CharAlphabet.PRINTABLE), "a", "4061"),
                c("PrintableString (SIZE(0..1)) \"a\" unaligned OTP P01", w -> w.writeKnownMultiplierString("a", 0, 1, false, CharAlphabet.PRINTABLE),
                        r -> r.readKnownMultiplierString(0, 1, false, CharAlphabet.PRINTABLE), "a", "B080"),
                c("PrintableString (SIZE(2)) fixed 16 bits unaligned OTP PF2", w -> { w.writeBit(true);
                    w.writeKnownMultiplierString("ab", 2, 2, false, CharAlphabet.PRINTABLE); },
                        r -> { r.readBit(); return r.readKnownMultiplierString(2, 2, false, CharAlphabet.PRINTABLE); }, "ab", "B0B100"),
                c("NumericString (SIZE(1..3)) \"12\" index-coded OTP N13", w -> w.writeKnownMultiplierString("12", 1, 3, false, CharAlphabet.NUMERIC),
                        r -> r.readKnownMultiplierString(1, 3, false, CharAlphabet.NUMERIC), "12", "48C0"),
                c("VisibleString (SIZE(1..4)) OTP V", w -> w.writeKnownMultiplierString("ab", 1, 4, false, CharAlphabet.VISIBLE),
                        r -> r.readKnownMultiplierString(1, 4, false, CharAlphabet.VISIBLE), "ab", "406162"),
                c("IA5String (FROM(\"a\"..\"z\")) OTP A", w -> w.writeKnownMultiplierString("abc", 0, Integer.MAX_VALUE, false,
                        CharAlphabet.IA5.restrictTo("abcdefghijklmnopqrstuvwxyz")),
                        r -> r.readKnownMultiplierString(0, Integer.MAX_VALUE, false, CharAlphabet.IA5.restrictTo("abcdefghijklmnopqrstuvwxyz")),
                        "abc", "03616263"),
                c("PrintableString (SIZE(0..8),...) empty is still aligned", w -> { w.writeKnownMultiplierString("", 0, 8, true, CharAlphabet.PRINTABLE);
                    w.writeBit(true); },
                        r -> { String s = r.readKnownMultiplierString(0, 8, true, CharAlphabet.PRINTABLE); return s + r.readBit(); }, "true", "0080"),
                c("PrintableString (SIZE(0..400),...) \"srsRAN\" (KPM vector)", w -> w.writeKnownMultiplierString("srsRAN", 0, 400, true, CharAlphabet.PRINTABLE),
                        r -> r.readKnownMultiplierString(0, 400, true, CharAlphabet.PRINTABLE), "srsRAN", "00000673727352414E"),
                c("UTF8String", w -> w.writeUtf8String("h\u00e9"), r -> r.readUtf8String(), "h\u00e9", "0368C3A9"),
                // 20 SEQUENCE OF counts
                c("SEQUENCE (SIZE(0..65535)) OF BOOLEAN OTP L", w -> { w.listLength(2, 0, 65535, false); w.writeBoolean(true); w.writeBoolean(false); },
                        r -> r.listLength(0, 65535, false, 1) * 10 + (r.readBoolean() ? 1 : 0) + (r.readBoolean() ? 1 : 0), 21, "000280"),
                c("SEQUENCE (SIZE(1..4,...)) OF BOOLEAN 5 OTP L2", w -> { w.listLength(5, 1, 4, true); w.writeBits(31, 5); },
                        r -> r.listLength(1, 4, true, 1) * 100 + (int) r.readBits(5), 531, "8005F8"),
                // 15 REAL (X.690 binary, base 2)
                c("REAL 0.0: no content octets", w -> w.writeReal(0.0), AperReader::readReal, 0.0, "00"),
                c("REAL 1.0 OTP {1,2,0}", w -> w.writeReal(1.0), AperReader::readReal, 1.0, "03800001"),
                c("REAL 1.5 OTP {3,2,-1}", w -> w.writeReal(1.5), AperReader::readReal, 1.5, "0380FF03"),
                c("REAL 4.0 normalised OTP {4,2,0}", w -> w.writeReal(4.0), AperReader::readReal, 4.0, "03800201"),
                c("REAL -5120 OTP {-5,2,10}", w -> w.writeReal(-5120.0), AperReader::readReal, -5120.0, "03C00A05"),
                c("REAL 0.1 = 0xCCCCCCCCCCCCD * 2^-55", w -> w.writeReal(0.1), AperReader::readReal, 0.1, "0980C90CCCCCCCCCCCCD"),
                c("REAL 1e300 two-octet exponent", w -> w.writeReal(1e300), AperReader::readReal, 1e300, "0A8103B205F90F22001D67"),
                c("REAL +INF", w -> w.writeReal(Double.POSITIVE_INFINITY), AperReader::readReal, Double.POSITIVE_INFINITY, "0140"),
                c("REAL -0.0", w -> w.writeReal(-0.0), AperReader::readReal, -0.0, "0143"),
                // open types
                c("open type with empty content is one zero octet OTP C", w -> { int m = w.beginOpenType(); w.endOpenType(m); },
                        r -> { r.beginOpenType(); r.endOpenType(); return 0; }, 0, "0100"),
                c("open type of 200 octets: two-octet length", w -> { int m = w.beginOpenType();
                    w.writeOctetString(OctetString.wrap(new byte[199]), 199, 199, false); w.endOpenType(m); },
                        r -> { r.beginOpenType(); OctetString o = r.readOctetString(199, 199, false); r.endOpenType(); return o.length(); },
                        199, "80C7" + "00".repeat(199)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodesAsX691Says(Case c) {
        AperWriter w = new AperWriter(4);
        c.enc().accept(w);
        assertThat(OctetString.wrap(w.toCompleteEncoding()).toHex()).isEqualTo(c.hex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesBack(Case c) {
        AperReader r = new AperReader(OctetString.fromHex(c.hex()).toByteArray());
        assertThat(c.dec().apply(r)).isEqualTo(c.value());
        if (!c.hex().equals("00")) { // a complete encoding of no bits is one zero octet
            assertThat(r.remainingBits()).isLessThan(8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realLeadingZeroMantissa")
    void acceptsAsn1cLeadingZeroMantissaAndNonCanonicalReals(String hex, double expected) {
        AperReader r = new AperReader(OctetString.fromHex(hex).toByteArray());
        assertThat(r.readReal()).isEqualTo(expected);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> realLeadingZeroMantissa() {
        return Stream.of(
                // content 80 00 00 01: exponent 0, mantissa 00 01 (leading zero octet, as asn1c sends): 1.0
                org.junit.jupiter.params.provider.Arguments.of("0480000001", 1.0),
                // exponent 0, mantissa 00 00 03 with base 2: 3.0
                org.junit.jupiter.params.provider.Arguments.of("058000000003", 3.0),
                // non-normalised even mantissa 4 * 2^-2 = 1.0
                org.junit.jupiter.params.provider.Arguments.of("0380FE04", 1.0),
                // base 16 (bits 6-5 = 10): 1 * 16^1 = 16
                org.junit.jupiter.params.provider.Arguments.of("03A00101", 16.0),
                // scale factor F=1 (bits 4-3 = 01): 1 * 2^1 * 2^0 = 2
                org.junit.jupiter.params.provider.Arguments.of("03840001", 2.0),
                // exponent in a separate length octet (format 11): length 1, exponent -1, mantissa 1: 0.5
                org.junit.jupiter.params.provider.Arguments.of("048301FF01", 0.5),
                // decimal NR3 "15E-1"
                org.junit.jupiter.params.provider.Arguments.of("060331352E452D31".substring(0, 2) + "03" + "3135452D31", 1.5),
                // zero content octets
                org.junit.jupiter.params.provider.Arguments.of("00", 0.0));
    }

    @org.junit.jupiter.api.Test
    void realRoundTripsAreCanonicalAndExact() {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(rnd.nextLong());
            if (Double.isNaN(v)) {
                continue;
            }
            AperWriter w = new AperWriter();
            w.writeReal(v);
            byte[] b = w.toByteArray();
            AperReader r = new AperReader(b);
            assertThat(r.readReal()).isEqualTo(v);
            if (v != 0 && !Double.isInfinite(v)) {
                // binary form, base 2, scale 0, odd mantissa, no leading zero octet
                assertThat(b[1] & 0xBC).isEqualTo(0x80);
                assertThat(b[b.length - 1] & 1).isEqualTo(1);
                int expLen = (b[1] & 3) + 1;
                assertThat(b[2 + expLen]).isNotZero();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void constraintViolationsOnEncodeAreTypedErrors() {
        AperWriter w = new AperWriter();
        assertThatThrownBy(() -> w.constrainedWholeNumber(256, 0, 255)).isInstanceOf(AperException.class)
                .extracting(e -> ((AperException) e).reason()).isEqualTo(AperException.Reason.CONSTRAINT_VIOLATION);
        assertThatThrownBy(() -> w.writeOctetString(OctetString.fromHex("0102"), 3, 3, false)).isInstanceOf(AperException.class);
        assertThatThrownBy(() -> w.writeKnownMultiplierString("a\u00e9", 0, 10, false, CharAlphabet.NUMERIC))
                .isInstanceOf(AperException.class);
        assertThatThrownBy(() -> w.listLength(5, 1, 4, false)).isInstanceOf(AperException.class);
    }

    @org.junit.jupiter.api.Test
    void decodedIndexBeyondTheRootIsAnInvalidEncoding() {
        // 3 root alternatives take 2 bits; the value 3 does not exist
        AperReader r = new AperReader(new byte[] {(byte) 0xC0});
        assertThatThrownBy(() -> r.index(3, false)).isInstanceOf(AperException.class)
                .hasMessageContaining("INVALID_ENCODING at bit 0");
    }

    @org.junit.jupiter.api.Test
    void zeroBitReadsAtTheEndOfTheInputAreFine() {
        AperReader r = new AperReader(new byte[] {(byte) 0xAB});
        assertThat(r.readBits(8)).isEqualTo(0xAB);
        assertThat(r.readBits(0)).isZero();
        assertThat(r.constrainedWholeNumber(5, 5)).isEqualTo(5);
        assertThat(r.index(1, false)).isZero();
    }

    @org.junit.jupiter.api.Test
    void listBuildersAreImmutable() {
        List<String> l = AsnLists.immutable(new java.util.ArrayList<>(List.of("a")));
        assertThatThrownBy(() -> l.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
