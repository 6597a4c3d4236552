package io.oranric.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RicCommandLineTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void help_lists_the_commands() {
    CliRun r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("kafka").contains("topics");
  }

  @Test
  void xapps_are_a_command_and_unknown_names_are_refused() {
    CliRun r = run("xapps", "list");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("slice-sla").contains("energy-saving").contains("traffic-steering");
    r = run("xapps", "run", "no-such-xapp", "--kafka", "127.0.0.1:1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("unknown xApp 'no-such-xapp'");
  }

  @Test
  void an_unknown_command_is_a_usage_error() {
    CliRun r = run("no-such-command");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument");
  }

  @Test
  void a_tool_that_needs_a_cluster_says_how_to_give_it() {
    CliRun r = run("topics", "tail", "e2.kpm", "--kafka", "embedded");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("ric topics tail").contains("--kafka HOST:PORT");
  }

  @Test
  void topics_list_names_every_topic_with_its_type() {
    CliRun r = run("topics", "list");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("e2.kpm").contains("KpmReport").contains("ric.policies").contains("compacted");
  }
}
