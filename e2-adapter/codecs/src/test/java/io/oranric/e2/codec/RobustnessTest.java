package io.oranric.e2.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.oranric.e2.aper.AperException;
import io.oranric.e2.aper.AperReader;
import io.oranric.e2.aper.AperWriter;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.meta.AsnType;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Malformed input: truncated, bit-flipped and random encodings of many PDU types only ever end in a
 * decoded value or an {@link AperException} carrying a bit offset; lengths that claim more than the input
 * holds are refused before anything is allocated.
 */
class RobustnessTest {

    private static final List<String[]> TYPES = List.of(
            new String[] {"E2AP3", "E2AP-PDU"}, new String[] {"E2AP2", "E2AP-PDU"},
            new String[] {"KPM3", "E2SM-KPM-IndicationMessage"}, new String[] {"KPM3", "E2SM-KPM-ActionDefinition"},
            new String[] {"KPM2", "E2SM-KPM-RANfunction-Description"}, new String[] {"KPM3", "E2SM-KPM-IndicationHeader"},
            new String[] {"RC1", "E2SM-RC-ControlMessage"}, new String[] {"RC1", "E2SM-RC-RANFunctionDefinition"},
            new String[] {"RC1", "E2SM-RC-EventTrigger"}, new String[] {"CCC1", "E2SM-CCC-RIC-Control-Message"},
            new String[] {"CCC1", "E2SM-CCC-RANFunctionDefinition"});

    private long decodes;
    private long errors;

    private void tryDecode(AsnType type, byte[] input) {
        decodes++;
        try {
            Object v = type.decode(new AperReader(input));
            // whatever decoded must encode again
            AperWriter w = new AperWriter();
            type.encode(w, v);
        } catch (AperException e) {
            errors++;
            if (e.bitOffset() < 0 || e.bitOffset() > 8L * input.length + 64) {
                fail("bit offset " + e.bitOffset() + " outside the input of " + input.length + " octets: " + e.getMessage());
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("decoding " + type + " " + OctetString.of(input).toHex() + " threw " + e, e);
        }
    }

    @Test
    void millionMalformedInputsOnlyRaiseAperException() {
        long started = System.nanoTime();
        Random rnd = new Random(20260101);
        int perType = 1_000_000 / TYPES.size() + 1;
        for (String[] t : TYPES) {
            AsnType type = Asn1Set.of(t[0]).type(t[1]);
            RandomValues gen = new RandomValues(rnd.nextLong());
            List<byte[]> seeds = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                AperWriter w = new AperWriter();
                type.encode(w, gen.value(type));
                seeds.add(w.toCompleteEncoding());
            }
            int done = 0;
            while (done < perType) {
                byte[] seed = seeds.get(rnd.nextInt(seeds.size()));
                switch (rnd.nextInt(4)) {
                    case 0 -> { // truncation
                        tryDecode(type, java.util.Arrays.copyOf(seed, rnd.nextInt(seed.length + 1)));
                    }
                    case 1 -> { // one to three bit flips
                        byte[] b = seed.clone();
                        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                            int bit = rnd.nextInt(b.length * 8);
                            b[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
                        }
                        tryDecode(type, b);
                    }
                    case 2 -> { // random bytes overwrite a slice
                        byte[] b = seed.clone();
                        int from = rnd.nextInt(b.length);
                        int len = 1 + rnd.nextInt(Math.min(8, b.length - from));
                        for (int k = 0; k < len; k++) {
                            b[from + k] = (byte) rnd.nextInt(256);
                        }
                        tryDecode(type, b);
                    }
                    default -> { // pure noise
                        byte[] b = new byte[rnd.nextInt(64)];
                        rnd.nextBytes(b);
                        tryDecode(type, b);
                    }
                }
                done++;
            }
        }
        double secs = (System.nanoTime() - started) / 1e9;
        System.err.printf("RobustnessTest: %d malformed decodes (%d AperException) in %.1f s%n", decodes, errors, secs);
        assertThat(decodes).isGreaterThanOrEqualTo(1_000_000);
        assertThat(errors).isGreaterThan(decodes / 10);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void hugeClaimedLengthsAreRefusedWithoutAllocating() {
        AsnType pdu = Asn1Set.E2AP3.type("E2AP-PDU");
        AsnType kpmMsg = Asn1Set.KPM3.type("E2SM-KPM-IndicationMessage");
        List<byte[]> evil = List.of(
                // initiatingMessage, RICindication, open type with a 64K fragment header and 4 octets behind it
                OctetString.fromHex("000500C400000000").toByteArray(),
                // open type claiming 16383 octets
                OctetString.fromHex("000500BFFF00").toByteArray(),
                // KPM format 1: measData count claims 65535 records in 3 octets
                OctetString.fromHex("0000FFFE00").toByteArray(),
                // KPM format 1, measData item, measRecord with an unconstrained count of 4 x 16K fragments
                OctetString.fromHex("00000000C4").toByteArray());
        for (byte[] b : evil) {
            AsnType t = b == evil.get(2) || b == evil.get(3) ? kpmMsg : pdu;
            assertThatThrownBy(() -> t.decode(new AperReader(b))).as(OctetString.of(b).toHex()).isInstanceOf(AperException.class)
                    .satisfies(e -> assertThat(((AperException) e).reason())
                            .isIn(AperException.Reason.TRUNCATED, AperException.Reason.LIMIT_EXCEEDED));
            // measured on a second attempt, after class loading
            long before = allocatedBytes();
            try {
                t.decode(new AperReader(b));
            } catch (AperException expected) {
                // refused, as above
            }
            assertThat(allocatedBytes() - before).as("bytes allocated while refusing %s", OctetString.of(b).toHex())
                    .isLessThan(256 * 1024);
        }
    }

    @Test
    void errorsNameTheFieldPathAndBitOffset() {
        // a RICsubscriptionDeleteRequest whose RANfunctionID IE value is one octet short
        byte[] b = OctetString.fromHex("00090012000002001D00050000010000000500010002").toByteArray();
        assertThatThrownBy(() -> io.oranric.e2.codec.e2ap.v0301.E2AP_PDU.decode(b)).isInstanceOf(AperException.class)
                .satisfies(e -> {
                    AperException a = (AperException) e;
                    assertThat(a.fieldPath()).isEqualTo("initiatingMessage.value.protocolIEs[1].value");
                    assertThat(a.bitOffset()).isPositive();
                    assertThat(a.getMessage()).contains("at bit ").contains("protocolIEs[1]");
                });
    }
}
