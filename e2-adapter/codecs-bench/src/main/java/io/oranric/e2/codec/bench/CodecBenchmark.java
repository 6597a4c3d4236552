package io.oranric.e2.codec.bench;

import io.oranric.e2.aper.AperReader;
import io.oranric.e2.aper.AperWriter;
import io.oranric.e2.codec.e2ap.v0301.E2AP_PDU;
import io.oranric.e2.codec.e2ap.v0301.InitiatingMessage;
import io.oranric.e2.codec.e2ap.v0301.RICcontrolRequest;
import io.oranric.e2.codec.e2ap.v0301.RICindication;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationHeader;
import io.oranric.e2.codec.kpm.v0300.E2SM_KPM_IndicationMessage;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlHeader;
import io.oranric.e2.codec.rc.v0103.E2SM_RC_ControlMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode and encode of a full RIC Indication (E2AP v03.01 + KPM v03.00 header and format-3 message, the
 * E2SM payloads decoded too, as an xApp needs them) and of an RC control request (E2AP + E2SM-RC header and
 * message). Reference on one core of the project machines: asn1c C decodes the 1328-byte indication in about
 * 38 us and decodes plus re-encodes it in about 60 us; the 84-byte RC control request 3.1 us / 5.5 us.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CodecBenchmark {

    /** UEs in the KPM format-3 message (6 gives the ~1.3 kB case). */
    @Param({"6", "16"})
    int ues;

    byte[] indication;
    byte[] control;
    AperWriter writer;

    @Setup
    public void setup() {
        indication = BenchMessages.indicationBytes(ues);
        control = BenchMessages.controlRequestBytes();
        writer = new AperWriter(4096);
    }

    /** E2AP RIC Indication with its KPM header and message decoded. */
    @Benchmark
    public void indicationDecode(Blackhole bh) {
        E2AP_PDU pdu = E2AP_PDU.decode(indication);
        RICindication ind = ((InitiatingMessage.RicIndication) ((E2AP_PDU.InitiatingMessage) pdu).value()).value();
        bh.consume(E2SM_KPM_IndicationHeader.decode(new AperReader(ind.ricIndicationHeader())));
        bh.consume(E2SM_KPM_IndicationMessage.decode(new AperReader(ind.ricIndicationMessage())));
    }

    /** E2AP only, KPM payloads left opaque. */
    @Benchmark
    public E2AP_PDU indicationDecodeE2apOnly() {
        return E2AP_PDU.decode(indication);
    }

    /** Decode everything, then encode KPM header, message and the E2AP PDU again. */
    @Benchmark
    public byte[] indicationDecodeReencode() {
        E2AP_PDU pdu = E2AP_PDU.decode(indication);
        RICindication ind = ((InitiatingMessage.RicIndication) ((E2AP_PDU.InitiatingMessage) pdu).value()).value();
        E2SM_KPM_IndicationHeader h = E2SM_KPM_IndicationHeader.decode(new AperReader(ind.ricIndicationHeader()));
        E2SM_KPM_IndicationMessage m = E2SM_KPM_IndicationMessage.decode(new AperReader(ind.ricIndicationMessage()));
        return BenchMessages.indication(h.encode(), m.encode()).encode();
    }

    /** Encode a built indication (KPM payloads and E2AP), reusing one writer for the E2AP PDU. */
    @Benchmark
    public int indicationEncode(IndicationValues v) {
        writer.reset();
        BenchMessages.indication(v.header.encode(), v.message.encode()).encodeTo(writer);
        return writer.octetLength();
    }

    /** RC control request: E2AP with the E2SM-RC header and message decoded. */
    @Benchmark
    public void controlDecode(Blackhole bh) {
        E2AP_PDU pdu = E2AP_PDU.decode(control);
        RICcontrolRequest req = ((InitiatingMessage.RicControl) ((E2AP_PDU.InitiatingMessage) pdu).value()).value();
        bh.consume(E2SM_RC_ControlHeader.decode(new AperReader(req.ricControlHeader())));
        bh.consume(E2SM_RC_ControlMessage.decode(new AperReader(req.ricControlMessage())));
    }

    @Benchmark
    public byte[] controlDecodeReencode() {
        E2AP_PDU pdu = E2AP_PDU.decode(control);
        RICcontrolRequest req = ((InitiatingMessage.RicControl) ((E2AP_PDU.InitiatingMessage) pdu).value()).value();
        E2SM_RC_ControlHeader h = E2SM_RC_ControlHeader.decode(new AperReader(req.ricControlHeader()));
        E2SM_RC_ControlMessage m = E2SM_RC_ControlMessage.decode(new AperReader(req.ricControlMessage()));
        return BenchMessages.controlRequest(h.encode(), m.encode()).encode();
    }

    /** Pre-built KPM values for the encode benchmark. */
    @State(Scope.Thread)
    public static class IndicationValues {
        E2SM_KPM_IndicationHeader header;
        E2SM_KPM_IndicationMessage message;

        @Setup
        public void setup(CodecBenchmark b) {
            header = BenchMessages.kpmHeader();
            message = BenchMessages.kpmFormat3(b.ues);
        }
    }
}
