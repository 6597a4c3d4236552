package io.oranric.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.policies.a1.PolicyServer;
import io.oranric.policies.store.PolicyStore;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.SafetyEnvelope;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./ric policy} against a running policy service (real server, embedded broker). */
class PolicyCommandTest {

  private static KafkaBackbone kafka;
  private static PolicyServer server;

  @TempDir Path dir;

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

  /** A policy command against the test server. */
  private static Run policy(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "policy";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--url";
    all[args.length + 2] = server.url();
    return ric(all);
  }

  private Path file(String name, String json) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, json);
    return f;
  }

  private static String prbQuota(String id, int max) {
    return "{\"policyId\":\"" + id + "\",\"type\":\"PrbQuota\",\"scope\":{\"cells\":[\"cell-1\"],\"slice\":\"embb\"},"
        + "\"statement\":{\"maxPrbPct\":" + max + "}}";
  }

  @Test
  void apply_activate_list_show_update_rollback_delete() throws Exception {
    Run applied = policy("apply", file("p.json", prbQuota("p-cli", 70)).toString());
    assertThat(applied.exit()).as(applied.err()).isZero();
    assertThat(applied.out()).startsWith("p-cli v1 PROPOSED (created)").contains("./ric policy activate p-cli");

    Run on = policy("activate", "p-cli");
    assertThat(on.exit()).isZero();
    assertThat(on.out()).startsWith("p-cli v1 ACTIVE");

    Run list = policy("list", "--status", "active");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).startsWith("ID ").contains("STATUS");
    assertThat(list.out().lines().filter(l -> l.startsWith("p-cli "))).singleElement().satisfies(l ->
        assertThat(l).contains("PrbQuota").contains("ACTIVE").contains("yes").contains("cell-1/embb"));
    Run json = policy("list", "--json");
    JsonNode all = new ObjectMapper().readTree(json.out());
    assertThat(all.isArray()).isTrue();
    assertThat(all).anySatisfy(p -> assertThat(p.path("policyId").asText()).isEqualTo("p-cli"));

    Run update = policy("apply", file("p2.json", prbQuota("p-cli", 60)).toString());
    assertThat(update.exit()).isZero();
    assertThat(update.out()).startsWith("p-cli v2 PROPOSED").contains("in force: v1 ACTIVE");
    assertThat(policy("activate", "p-cli").out()).startsWith("p-cli v2 ACTIVE");

    Run back = policy("rollback", "p-cli");
    assertThat(back.exit()).isZero();
    assertThat(back.out()).startsWith("p-cli v3 ACTIVE: rollback to v1");
    Run show = policy("show", "p-cli");
    assertThat(show.exit()).isZero();
    assertThat(show.out()).startsWith("p-cli  PrbQuota  v3 ACTIVE  in effect").contains("\"maxPrbPct\":70")
        .contains("history:").containsPattern("v1 +SUPERSEDED +\\(was active\\) +replaced by v2");

    Run deleted = policy("delete", "p-cli");
    assertThat(deleted.exit()).isZero();
    assertThat(deleted.out()).isEqualTo("deleted p-cli (last v3)" + System.lineSeparator());
    Run gone = policy("show", "p-cli");
    assertThat(gone.exit()).isEqualTo(1);
    assertThat(gone.err()).contains("ric policy show: Not found (404): no policy p-cli");
  }

  @Test
  void a_refused_policy_exits_1_and_names_field_value_and_bound() throws Exception {
    Run r = policy("apply", file("hot.json",
        "{\"policyId\":\"p-cli-hot\",\"type\":\"TxPower\",\"scope\":{\"cells\":[\"cell-2\"]},\"statement\":{\"maxTxPowerDbm\":60}}").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("ric policy apply: Outside the safety envelope (400)")
        .contains("field statement.maxTxPowerDbm  value 60  bound 10..46 dBm")
        .contains("p-cli-hot v1 is recorded as REJECTED");
    Run asJson = policy("activate", "p-cli-hot", "--json");
    assertThat(asJson.exit()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(asJson.out()).path("status").asInt()).isEqualTo(409);
  }

  @Test
  void apply_reads_stdin_and_the_store_assigns_the_id() {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(("{\"type\":\"TxPower\",\"scope\":{\"cells\":[\"cell-3\"]},"
          + "\"statement\":{\"deltaDb\":-2}}").getBytes(StandardCharsets.UTF_8)));
      Run r = policy("apply", "-", "--json");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode result = new ObjectMapper().readTree(r.out());
      assertThat(result.path("policyId").asText()).startsWith("p-");
      assertThat(result.path("status").asText()).isEqualTo("PROPOSED");
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void usage_errors_exit_2_and_failures_exit_1() {
    assertThat(policy("show").exit()).isEqualTo(2);
    assertThat(policy("apply", dir.resolve("missing.json").toString()).exit()).isEqualTo(2);
    Run badUrl = ric("policy", "list", "--url", "not a url");
    assertThat(badUrl.exit()).isEqualTo(2);
    Run nobody = ric("policy", "list", "--url", "http://127.0.0.1:1");
    assertThat(nobody.exit()).isEqualTo(1);
    assertThat(nobody.err()).contains("cannot reach the policy service at http://127.0.0.1:1");
    assertThat(ric("policy", "serve", "--zone", "Mars/Olympus").exit()).isEqualTo(2);
    assertThat(ric("--help").out()).contains("policy");
  }

  @Test
  void serve_runs_the_store_and_its_interface_until_stopped() throws Exception {
    CommandLine cl = Ric.commandLine();
    WatchedOutput out = new WatchedOutput();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> exit.set(cl.execute("policy", "serve", "--kafka", kafka.settings().bootstrapServers(),
        "--port", "0", "--cells", "12", "--zone", "UTC")), "serve-under-test");
    serving.start();
    Pattern url = Pattern.compile("policy service on (http://\\S+) ");
    Matcher m = out.await(url, Duration.ofSeconds(60));
    assertThat(serving.isAlive()).as("serve still running: " + out).isTrue();
    Run types = ric("policy", "list", "--url", m.group(1), "--type", "TxPower");
    assertThat(types.exit()).as(types.err()).isZero();
    serving.interrupt();
    serving.join(Duration.ofSeconds(30).toMillis());
    assertThat(serving.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
  }
}
