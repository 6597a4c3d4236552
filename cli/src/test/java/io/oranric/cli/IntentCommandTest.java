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
  void submitting_without_a_store_says_so() {
    CliRun r = run("intent", "cap embb at 60% in cell 2");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("--dry-run");
  }
}
