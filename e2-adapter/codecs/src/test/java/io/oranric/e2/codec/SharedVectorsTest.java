package io.oranric.e2.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.e2.aper.AperReader;
import io.oranric.e2.aper.AperWriter;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.meta.AsnType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared vector decodes to the value the oracle printed for it (field by field) and re-encodes to
 * the same bytes.
 */
class SharedVectorsTest {

    record Vector(String name, Asn1Set set, String type, byte[] bytes, String decodedText) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String resource(String path) throws IOException {
        try (InputStream in = SharedVectorsTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            // the oracle prints binaries as Latin-1 text
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static Stream<Arguments> vectors() throws IOException {
        List<Arguments> out = new ArrayList<>();
        String index = resource("/vectors/shared/index.tsv");
        for (String line : index.split("\n")) {
            if (line.startsWith("name\t") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            String hex = resource("/vectors/shared/" + f[0] + ".hex").trim();
            String decoded = resource("/vectors/shared/" + f[0] + ".decoded.txt");
            out.add(Arguments.of(new Vector(f[0], Asn1Set.of(f[1]), f[2], OctetString.fromHex(hex).toByteArray(), decoded)));
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(11);
        return out.stream();
    }

    /** The Erlang term of the decoded value: the first term that starts with '{' after the optional header line. */
    static String oracleTerm(String decodedText) {
        int start = decodedText.indexOf('{');
        int end = decodedText.indexOf("\nRE-ENCODE");
        return end > 0 ? decodedText.substring(start, end) : decodedText.substring(start);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesToTheOracleValue(Vector v) {
        AsnType type = v.set().type(v.type());
        AperReader r = new AperReader(v.bytes());
        Object value = type.decode(r);
        assertThat(r.remainingBits()).as("only padding left").isLessThan(8);
        ErlangTerm.Term ours = ErlangTerm.of(type, value);
        ErlangTerm.Term oracle = ErlangTerm.parse(oracleTerm(v.decodedText()));
        assertThat(ErlangTerm.diff(ours, oracle, v.type())).as("difference from the oracle's value").isNull();
    }

    @org.junit.jupiter.api.Test
    void theComparisonNoticesAChangedField() throws IOException {
        Vector v = (Vector) vectors().filter(a -> ((Vector) a.get()[0]).name().equals("otp_e2ap3_ric_subscription_response"))
                .findFirst().orElseThrow().get()[0];
        AsnType type = v.set().type(v.type());
        ErlangTerm.Term ours = ErlangTerm.of(type, type.decodeFromBytes(v.bytes()));
        // the oracle's text with the admitted action id changed from 1 to 2
        String changed = oracleTerm(v.decodedText()).replace("{'RICaction-Admitted-Item',1}", "{'RICaction-Admitted-Item',2}");
        assertThat(changed).isNotEqualTo(oracleTerm(v.decodedText()));
        assertThat(ErlangTerm.diff(ours, ErlangTerm.parse(changed), v.type())).contains("ours Int[value=1] vs oracle Int[value=2]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reencodesIdentically(Vector v) {
        AsnType type = v.set().type(v.type());
        Object value = type.decodeFromBytes(v.bytes());
        AperWriter w = new AperWriter();
        type.encode(w, value);
        assertThat(OctetString.wrap(w.toCompleteEncoding()).toHex()).isEqualTo(OctetString.of(v.bytes()).toHex());
    }
}
