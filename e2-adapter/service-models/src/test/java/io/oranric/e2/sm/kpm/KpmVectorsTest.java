package io.oranric.e2.sm.kpm;

import static io.oranric.e2.sm.TestSupport.NAMING;
import static io.oranric.e2.sm.TestSupport.fuzz;
import static io.oranric.e2.sm.TestSupport.hex;
import static io.oranric.e2.sm.TestSupport.oracle;
import static io.oranric.e2.sm.TestSupport.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.contract.v1.KpmReport;
import io.oranric.e2.protocol.RanFunction;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.StandardServiceModels;
import io.oranric.e2.sm.internal.Asn;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared KPM vectors, hand-made REAL encodings, srsRAN- and OAI-style payloads, malformed input. */
class KpmVectorsTest {
  final StandardServiceModels ric = new StandardServiceModels(NAMING);
  final KpmNodeSide node = new KpmNodeSide(KpmVersion.KPM3);

  @Test
  void sharedEventTriggerAndActionDefinition() throws Exception {
    byte[] et = vector("otp_kpm3_event_trigger_fmt1_1000ms");
    byte[] ad = vector("otp_kpm3_action_definition_fmt1");
    KpmSubscriptionSpec s = node.parseSubscription(et, ad);
    assertThat(s.periodMs()).isEqualTo(1000);
    assertThat(s.style()).isEqualTo(1);
    assertThat(s.actionFormat()).isEqualTo(1);
    assertThat(s.granularityMs()).isEqualTo(1000);
    assertThat(s.measurementNames()).containsExactly("DRB.UEThpDl", "RRU.PrbTotDl");
    assertThat(s.measurements().get(1).labels()).containsExactly(KpmLabel.NONE);
    assertThat(s.cell()).isNull();
  }

  @Test
  void ricBuildsTheSharedVectorsByteForByte() throws Exception {
    KpmFunctionSpec spec = KpmFunctionSpec.allStyles(KpmVersion.OID_V2, "KPM Monitor", List.of("DRB.UEThpDl", "RRU.PrbTotDl"));
    RanFunctionInfo f = ric.describe(new RanFunction(1, 0, spec.oid(), node.ranFunctionDefinition(spec)), NAMING);
    var c = ric.kpmSubscription(f, io.oranric.contract.v1.KpmSubscription.newBuilder().setReportStyle(1).setPeriodMs(1000).build());
    assertThat(c.eventTrigger()).isEqualTo(vector("otp_kpm3_event_trigger_fmt1_1000ms"));
    assertThat(c.actions().get(0).definition()).isEqualTo(vector("otp_kpm3_action_definition_fmt1"));
  }

  @Test
  void sharedHeaderAndMessage() throws Exception {
    KpmRic.Header h = KpmRic.decodeHeader(vector("otp_kpm3_indication_header_fmt1"), KpmVersion.KPM2);
    assertThat(h.version()).isEqualTo(KpmVersion.KPM3);
    assertThat(h.header().senderName()).isEqualTo("srsRAN");
    // 0x0000018C00000000 is no NTP time; read as Unix milliseconds it is December 2023
    assertThat(h.header().collectStart()).isEqualTo(Instant.ofEpochMilli(0x18C00000000L));
    KpmIndication.Format1 m = (KpmIndication.Format1) KpmRic.decodeMessage(vector("otp_kpm3_indication_message_fmt1"));
    assertThat(m.granularityMs()).isEqualTo(1000);
    assertThat(m.measurements()).extracting(KpmIndication.MeasInfo::name).containsExactly("DRB.UEThpDl", "RRU.PrbTotDl");
    assertThat(m.records()).containsExactly(KpmIndication.Record.of(KpmIndication.of(12345L), KpmIndication.of(52L)));
    assertThat(node.indicationMessage(m)).isEqualTo(vector("otp_kpm3_indication_message_fmt1"));
  }

  @Test
  void headerWithAPaddingOctetStillReads() throws Exception {
    byte[] padded = java.util.Arrays.copyOf(vector("otp_kpm3_indication_header_fmt1"), 19);
    KpmRic.Header h = KpmRic.decodeHeader(padded, KpmVersion.KPM3);
    assertThat(h.version()).isEqualTo(KpmVersion.KPM3);
    assertThat(h.header().senderName()).isEqualTo("srsRAN");
  }

  /** srsRAN: v3 layout (8-octet time stamp, Unix seconds) under the v2 OID. */
  @Test
  void srsranStyleIndicationUnderTheV2Oid() throws Exception {
    KpmFunctionSpec spec = KpmFunctionSpec.allStyles(KpmVersion.OID_V2, "KPM Monitor", List.of("DRB.UEThpDl", "RRU.PrbTotDl"));
    RanFunctionInfo f = ric.describe(new RanFunction(1, 0, KpmVersion.OID_V2, node.ranFunctionDefinition(spec)), NAMING);
    assertThat(f.version()).isEqualTo("KPM3");
    // srsRAN writes std::time(0) into the 8 octets: 1735689600 = 2025-01-01T00:00:00Z
    long t = 1_735_689_600L;
    byte[] header = new byte[9];
    for (int i = 0; i < 8; i++) {
      header[1 + i] = (byte) (t >>> (56 - 8 * i));
    }
    KpmReport r = ric.decodeKpm(f, null, header, vector("otp_kpm3_indication_message_fmt1"), NAMING).build();
    assertThat(r.getKpmVersion()).isEqualTo("KPM3");
    assertThat(r.getCollectStartNs()).isEqualTo(1_735_689_600L * 1_000_000_000L);
    assertThat(r.getMeasurementsList()).extracting(m -> m.getInteger()).containsExactly(12345L, 52L);
    oracle("KPM3", "E2SM-KPM-IndicationHeader", header);
  }

  /** OAI/FlexRIC v2.03: 4-octet NTP seconds. */
  @Test
  void oaiStyleV203Header() throws Exception {
    KpmFunctionSpec spec = KpmFunctionSpec.allStyles(KpmVersion.OID_V2, "KPM Monitor", List.of("DRB.UEThpDl", "RRU.PrbTotDl"));
    RanFunctionInfo f = new StandardServiceModels(NAMING, new StandardServiceModels.Options(KpmVersion.KPM2))
        .describe(new RanFunction(2, 1, KpmVersion.OID_V2, new KpmNodeSide(KpmVersion.KPM2).ranFunctionDefinition(spec)), NAMING);
    assertThat(f.version()).isEqualTo("KPM2");
    // ext 0, choice 0, format ext 0, no optional strings; then 4 octets: NTP seconds of 2025-01-01T00:00:00Z
    long ntp = 1_735_689_600L + Asn.NTP_UNIX_OFFSET;
    byte[] header = {0x00, (byte) (ntp >>> 24), (byte) (ntp >>> 16), (byte) (ntp >>> 8), (byte) ntp};
    oracle("KPM2", "E2SM-KPM-IndicationHeader", header);
    assertThat(KpmRic.decodeHeader(header, KpmVersion.KPM3).version()).isEqualTo(KpmVersion.KPM2);
    KpmReport r = ric.decodeKpm(f, null, header, vector("otp_kpm3_indication_message_fmt1"), NAMING).build();
    assertThat(r.getKpmVersion()).isEqualTo("KPM2");
    assertThat(r.getCollectStartNs()).isEqualTo(1_735_689_600L * 1_000_000_000L);
    // and the v3 header does not pass as v2.03, nor the reverse
    assertThatThrownBy(() -> Asn.decode(vector("otp_kpm3_indication_header_fmt1"),
        io.oranric.e2.codec.kpm.v0203.E2SM_KPM_IndicationHeader::decode, "v2 header", true, null))
        .isInstanceOf(ServiceModelException.class);
    assertThat(new KpmNodeSide(KpmVersion.KPM2).indicationHeader(KpmIndication.Header.at(Instant.ofEpochSecond(1_735_689_600L))))
        .isEqualTo(header);
  }

  /** REAL 0.0 has no content octets (X.690 8.5.2): length 0. */
  @Test
  void realZeroIsZeroLength() throws Exception {
    KpmIndication.Format1 m = new KpmIndication.Format1(List.of(KpmIndication.MeasInfo.of("RRU.PrbUsedDl")),
        List.of(KpmIndication.Record.of(KpmIndication.of(0.0))), null);
    byte[] b = node.indicationMessage(m);
    // ... record: 1 item, choice index of real (1 of 3, extensible), then the REAL's length octet 00
    String h = HexFormat.of().formatHex(b);
    assertThat(h).endsWith("00");
    KpmIndication.Format1 back = (KpmIndication.Format1) KpmRic.decodeMessage(b);
    assertThat(back.records().get(0).values().get(0)).isEqualTo(KpmIndication.of(0.0));
    KpmReport r = ric.decodeKpm(ric.describe(new RanFunction(1, 0, KpmVersion.OID_V2, node.ranFunctionDefinition(
        KpmFunctionSpec.allStyles(KpmVersion.OID_V2, "x", List.of("RRU.PrbUsedDl")))), NAMING), null,
        node.indicationHeader(KpmIndication.Header.at(Instant.EPOCH.plusSeconds(100))), b, NAMING).build();
    assertThat(r.getMeasurements(0).hasReal()).isTrue();
    assertThat(r.getMeasurements(0).getReal()).isEqualTo(0.0);
  }

  /** asn1c writes some mantissas with a leading zero octet; they must read as the same number. */
  @Test
  void realWithLeadingZeroMantissaOctet() throws Exception {
    KpmIndication.Format1 m = new KpmIndication.Format1(List.of(KpmIndication.MeasInfo.of("DRB.UEThpDl")),
        List.of(KpmIndication.Record.of(KpmIndication.of(5.0))), null);
    String canonical = HexFormat.of().formatHex(node.indicationMessage(m));
    // 5.0 canonically: length 03, 0x80 (binary, base 2, 1-octet exponent), exponent 00, mantissa 05
    assertThat(canonical).contains("03800005");
    String padded = canonical.replaceFirst("03800005", "0480000005");
    KpmIndication.Format1 back = (KpmIndication.Format1) KpmRic.decodeMessage(hex(padded));
    assertThat(back.records().get(0).values().get(0)).isEqualTo(KpmIndication.of(5.0));
    // re-encoding is canonical, so the round trip is equivalent, not identical
    assertThat(HexFormat.of().formatHex(node.indicationMessage(back))).isEqualTo(canonical);
    oracle("KPM3", "E2SM-KPM-IndicationMessage", hex(canonical));
  }

  @Test
  void malformedPayloadsRaiseServiceModelExceptionOnly() throws Exception {
    KpmFunctionSpec spec = KpmFunctionSpec.allStyles(KpmVersion.OID_V2, "KPM Monitor", List.of("DRB.UEThpDl", "RRU.PrbTotDl"));
    byte[] def = node.ranFunctionDefinition(spec);
    RanFunctionInfo f = ric.describe(new RanFunction(1, 0, KpmVersion.OID_V2, def), NAMING);
    byte[] header = vector("otp_kpm3_indication_header_fmt1");
    byte[] message = vector("otp_kpm3_indication_message_fmt1");
    fuzz(def, b -> ric.describe(new RanFunction(1, 0, KpmVersion.OID_V2, b), NAMING));
    fuzz(vector("otp_kpm3_event_trigger_fmt1_1000ms"), node::parseEventTrigger);
    fuzz(vector("otp_kpm3_action_definition_fmt1"), b -> node.parseAction(b, 1000));
    fuzz(header, b -> ric.decodeKpm(f, null, b, message, NAMING));
    fuzz(message, b -> ric.decodeKpm(f, null, header, b, NAMING));
    byte[] f3 = node.indicationMessage(new KpmIndication.Format3(List.of(new KpmIndication.UeReport(
        new io.oranric.e2.sm.UeId.GnbDu(3, 4L), new KpmIndication.Format1(List.of(KpmIndication.MeasInfo.of("A")),
            List.of(KpmIndication.Record.of(KpmIndication.of(1.25))), 5L)))));
    fuzz(f3, b -> ric.decodeKpm(f, null, header, b, NAMING));
    assertThatThrownBy(() -> ric.decodeKpm(f, null, new byte[0], message, NAMING)).isInstanceOf(ServiceModelException.class);
    assertThatThrownBy(() -> ric.decodeKpm(f, null, header, null, NAMING)).isInstanceOf(ServiceModelException.class);
  }
}
