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
}
