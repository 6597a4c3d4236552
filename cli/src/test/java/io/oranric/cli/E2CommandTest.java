package io.oranric.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class E2CommandTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  static final String DELETE_REQUEST = "00090012000002001D00050000010000000500020002";
  static final String INDICATION = "00054070000007001D00050000010000000500020002000F000101001B00020007001C0001000019001312"
      + "080000018C0000000000000673727352414E001A0033320C000000020830390034000100A04452422E5545546870446C0120000000B0"
      + "5252552E507262546F74446C012000004003E7";

  @Test
  void decode_prints_json_with_asn1_field_names_and_encode_reads_it_back() {
    CliRun d = run("e2", "decode", "--asn1", "E2AP3", "--compact", DELETE_REQUEST);
    assertThat(d.exit()).as(d.err()).isZero();
    assertThat(d.out()).contains("\"initiatingMessage\"").contains("\"id-RICrequestID\"").contains("\"ricRequestorID\":1");
    CliRun e = run("e2", "encode", "--asn1", "E2AP3", d.out().trim());
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(e.out().trim()).isEqualTo(DELETE_REQUEST);
  }

  @Test
  void decode_with_e2sm_shows_the_kpm_payloads() {
    CliRun d = run("e2", "decode", "--asn1", "E2AP3", "--e2sm", "KPM3", INDICATION);
    assertThat(d.exit()).as(d.err()).isZero();
    assertThat(d.out()).contains("\"$e2sm\" : \"KPM3\"").contains("\"senderName\" : \"srsRAN\"").contains("DRB.UEThpDl");
    CliRun e = run("e2", "encode", "--asn1", "E2AP3", "--e2sm", "KPM3", d.out());
    assertThat(e.out().trim()).isEqualTo(INDICATION);
  }

  @Test
  void roundtrip_reports_identical_equivalent_and_errors_with_exit_codes() {
    CliRun ok = run("e2", "roundtrip", DELETE_REQUEST, INDICATION);
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).isEqualToIgnoringNewLines("identicalidentical");
    // an asn1c-style REAL with a leading zero mantissa octet re-encodes canonically
    CliRun eq = run("e2", "roundtrip", "--asn1", "KPM3", "--type", "E2SM-KPM-IndicationMessage", "0000000001200480000001");
    assertThat(eq.exit()).isEqualTo(2);
    assertThat(eq.out().trim()).isEqualTo("equivalent 00000000012003800001");
    CliRun bad = run("e2", "roundtrip", "0005");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out()).startsWith("error TRUNCATED");
  }

  @Test
  void e2sm_sets_need_a_type_and_unknown_types_are_named() {
    CliRun r = run("e2", "decode", "--asn1", "KPM3", "0803E7");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("--type is needed");
    CliRun t = run("e2", "decode", "--asn1", "KPM3", "--type", "E2SM-KPM-EventTriggerDefinition", "--compact", "0803E7");
    assertThat(t.exit()).isZero();
    assertThat(t.out().trim()).isEqualTo("{\"eventDefinition-formats\":{\"eventDefinition-Format1\":{\"reportingPeriod\":1000}}}");
    CliRun u = run("e2", "decode", "--asn1", "KPM3", "--type", "E2SM-KPM-Nonsense", "00");
    assertThat(u.exit()).isEqualTo(1);
    assertThat(u.err()).contains("has no type E2SM-KPM-Nonsense");
  }
}
