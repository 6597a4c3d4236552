package io.oranric.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IntentCommandTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void dry_run_json_prints_the_contract_object() throws Exception {
    CliRun r = run("intent", "--dry-run", "--json", "guarantee at least 20 percent of the radio resources of cell 3 for urllc");
    assertThat(r.exit()).isZero();
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertThat(n.get("translator").asText()).isEqualTo("local");
    assertThat(n.get("clarification").isNull()).isTrue();
    JsonNode p = n.get("policies").get(0);
    assertThat(p.get("type").asText()).isEqualTo("PrbQuota");
    assertThat(p.get("scope").get("cells").get(0).asText()).isEqualTo("cell-3");
    assertThat(p.get("statement").get("minPrbPct").asInt()).isEqualTo(20);
  }

  @Test
  void out_of_envelope_is_understood_and_exits_zero() throws Exception {
    CliRun r = run("intent", "--dry-run", "--json", "set", "cell", "3", "power", "to", "90", "dBm");
    assertThat(r.exit()).isZero();
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertThat(n.get("policies").isEmpty()).isTrue();
    assertThat(n.get("rejected").get(0).get("reason").asText()).contains("46 dBm");
  }

  @Test
  void a_clarification_is_an_answer_and_exits_zero_unless_asked_to_fail() throws Exception {
    CliRun r = run("intent", "--dry-run", "--json", "make the network better");
    assertThat(r.exit()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("clarification").asText()).endsWith("?");
    CliRun strict = run("intent", "--dry-run", "--json", "--fail-on-clarification", "make the network better");
    assertThat(strict.exit()).isEqualTo(IntentCommand.CLARIFICATION);
  }

  @Test
  void text_output_lists_policies_and_assumptions() {
    CliRun r = run("intent", "--dry-run", "--grammar-only", "save energy on cell 3 when load is under 10%");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("+ EnergySaving").contains("cell-3").contains("assumed");
  }

  @Test
  void submitting_without_a_reachable_store_says_so() {
    CliRun r = run("intent", "--policy-url", "http://127.0.0.1:1", "cap embb at 60% in cell 2");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach the policy service at http://127.0.0.1:1").contains("--dry-run");
  }

  @Test
  void a_file_gives_one_json_object_a_line() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("intents", ".txt");
    java.nio.file.Files.writeString(f, "# two intents and a question\ncap embb at 60% in cell 2\n\nreduce transmit power of cell 2 by 3 dB\n"
        + "make the network better\n");
    CliRun r = run("intent", "--dry-run", "--json", "--grammar-only", "--file", f.toString());
    assertThat(r.exit()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(3);
    ObjectMapper m = new ObjectMapper();
    assertThat(m.readTree(lines[0]).at("/policies/0/type").asText()).isEqualTo("PrbQuota");
    assertThat(m.readTree(lines[1]).at("/policies/0/type").asText()).isEqualTo("TxPower");
    assertThat(m.readTree(lines[2]).get("clarification").isTextual()).isTrue();
    assertThat(m.readTree(lines[0]).get("routing").get("answeredBy").asText()).isEqualTo("local");
  }

  @Test
  void a_conditional_intent_without_an_llm_is_a_question() throws Exception {
    CliRun r = run("intent", "--dry-run", "--json", "--grammar-only", "if urllc latency in cell 3 goes above 10 ms, cap embb at 50% there");
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertThat(n.get("clarification").asText()).contains("conditional");
    assertThat(n.at("/routing/escalation").toString()).contains("CONDITIONAL");
  }
}
