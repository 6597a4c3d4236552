package io.oranric.e2.codec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.e2.codec.e2ap.v0301.E2AP_PDU;
import org.junit.jupiter.api.Test;

/** The benchmark inputs are what they claim to be and round-trip. */
class BenchMessagesTest {

    @Test
    void indicationSizesMatchTheReferenceCases() {
        byte[] six = BenchMessages.indicationBytes(6);
        byte[] sixteen = BenchMessages.indicationBytes(16);
        assertThat(six.length).isBetween(1200, 1450);
        assertThat(sixteen.length).isBetween(3000, 4000);
        assertThat(E2AP_PDU.decode(six).encode()).isEqualTo(six);
        assertThat(new CodecBenchmarkRunner().indicationDecodeReencode(6)).isEqualTo(six);
        System.err.printf("bench inputs: indication 6 UEs %d octets, 16 UEs %d octets, control request %d octets%n",
                six.length, sixteen.length, BenchMessages.controlRequestBytes().length);
    }

    @Test
    void controlRequestIsSmallAndRoundTrips() {
        byte[] control = BenchMessages.controlRequestBytes();
        assertThat(control.length).isBetween(70, 140);
        assertThat(E2AP_PDU.decode(control).encode()).isEqualTo(control);
    }

    /** Runs the benchmark bodies once without JMH. */
    static final class CodecBenchmarkRunner {
        byte[] indicationDecodeReencode(int ues) {
            CodecBenchmark b = new CodecBenchmark();
            b.ues = ues;
            b.setup();
            return b.indicationDecodeReencode();
        }
    }
}
