package io.oranric.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.contract.v1.IntentState;
import io.oranric.policies.a1.PolicyServer;
import io.oranric.policies.store.PolicyStore;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.SafetyEnvelope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./ric intent} without --dry-run, then {@code approve} / {@code reject}: real policy service, real broker. */
class IntentSubmitCommandTest {

  private static KafkaBackbone kafka;
  private static PolicyServer server;
  private static final ObjectMapper M = new ObjectMapper();

  private record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() {
    kafka = KafkaBackbone.open("embedded");
    PolicyValidator validator = new PolicyValidator(SafetyEnvelope.labDefaults(), NetworkInventory.lab(12, ZoneId.of("UTC")));
    server = PolicyServer.start(kafka.settings(), validator, PolicyStore.Options.defaults().withSweepEvery(null),
        "127.0.0.1", 0, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    kafka.close();
  }

  private static Run ric(String... args) {
    CommandLine cl = Ric.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String[] with(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--policy-url";
    all[args.length + 1] = server.url();
    all[args.length + 2] = "--kafka";
    all[args.length + 3] = kafka.settings().bootstrapServers();
    return all;
  }

  @Test
  void submit_records_and_waits_for_approval() throws Exception {
    Run r = ric(with("intent", "--json", "--grammar-only", "--operator", "alice", "guarantee 50 Mbps downlink for the embb slice in cell 1"));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode n = M.readTree(r.out());
    String id = n.get("intentId").asText();
    assertThat(n.get("state").asText()).isEqualTo("PROPOSED");
    assertThat(n.at("/submitted/0/status").asText()).isEqualTo("PROPOSED");

    Map<String, IntentRecord> intents = TopicConsumer.snapshot(kafka.settings(), RicTopic.RIC_INTENTS, Duration.ofSeconds(30));
    assertThat(intents.get(id).getState()).isEqualTo(IntentState.INTENT_STATE_PROPOSED);
    assertThat(intents.get(id).getOperator()).isEqualTo("alice");

    Run a = ric(with("intent", "approve", id, "--actor", "bob"));
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(a.out()).contains(id + ": ACTIVE").contains("ACTIVE");
    intents = TopicConsumer.snapshot(kafka.settings(), RicTopic.RIC_INTENTS, Duration.ofSeconds(30));
    assertThat(intents.get(id).getState()).isEqualTo(IntentState.INTENT_STATE_ACTIVE);

    Run again = ric(with("intent", "approve", id));
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("is ACTIVE and has no proposal waiting for approval");
  }

  @Test
  void auto_approve_and_reject() throws Exception {
    Run r = ric(with("intent", "--json", "--grammar-only", "--auto-approve", "set the maximum tx power of cell 5 to 40 dBm"));
    assertThat(M.readTree(r.out()).get("state").asText()).isEqualTo("ACTIVE");

    Run p = ric(with("intent", "--json", "--grammar-only", "shrink cell 7 to 20 MHz"));
    String id = M.readTree(p.out()).get("intentId").asText();
    Run x = ric(with("intent", "reject", id, "--reason", "maintenance window"));
    assertThat(x.exit()).as(x.err()).isZero();
    assertThat(x.out()).contains("REJECTED");
  }

  @Test
  void text_output_tells_how_to_approve() {
    Run r = ric(with("intent", "--grammar-only", "forbid handovers into cell 4 for embb"));
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("PROPOSED").contains("approve with: ./ric intent approve i-");
  }

  @Test
  void intents_go_to_a_running_agent_and_its_report_comes_back() throws Exception {
    var config = io.oranric.agent.service.AgentConfig.lab().withHost("127.0.0.1").withPort(0).withWarmUp(false)
        .withInventory(NetworkInventory.lab(12, ZoneId.of("UTC"))).withApproval(io.oranric.agent.intent.IntentAgent.Approval.AUTO);
    try (var agent = io.oranric.agent.service.AgentService.start(config, kafka.settings(),
        new io.oranric.agent.policy.StorePolicyGateway(server.store()), io.oranric.agent.kpi.KpiSource.NONE, null)) {
      Run r = ric("intent", "--json", "--agent", agent.url(), "--operator", "carol", "keep urllc latency under 5 ms in cell-3");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode n = M.readTree(r.out());
      String id = n.get("intentId").asText();
      // the agent's own approval mode decides, not the CLI's
      assertThat(n.get("state").asText()).isEqualTo("ACTIVE");
      assertThat(n.at("/policies/0/type").asText()).isEqualTo("SliceSla");
      assertThat(server.store().get(n.at("/submitted/0/policyId").asText())).isPresent();

      Run text = ric("intent", "report", id, "--agent", agent.url());
      assertThat(text.exit()).as(text.err()).isZero();
      assertThat(text.out()).contains(id).contains("ACTIVE").contains("KPIs from");
      Run json = ric("intent", "report", id, "--agent", agent.url(), "--json");
      assertThat(M.readTree(json.out()).get("text").asText()).isEqualTo("keep urllc latency under 5 ms in cell-3");

      Run unknown = ric("intent", "report", "i-00000000", "--agent", agent.url());
      assertThat(unknown.exit()).isEqualTo(1);
      assertThat(unknown.err()).contains("i-00000000");
    }
    Run gone = ric("intent", "--agent", "http://127.0.0.1:1", "anything");
    assertThat(gone.exit()).isEqualTo(1);
    assertThat(gone.err()).contains("cannot reach the intent agent");
  }
}
