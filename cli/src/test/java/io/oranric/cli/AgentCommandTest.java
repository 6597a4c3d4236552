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
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./ric agent serve} and {@code ./ric agent mcp --stdio} with a real broker and policy service. */
class AgentCommandTest {

  static final ObjectMapper M = new ObjectMapper();
  static KafkaBackbone kafka;
  static PolicyServer policies;

  @BeforeAll
  static void start() {
    kafka = KafkaBackbone.open("embedded");
    PolicyValidator validator = new PolicyValidator(SafetyEnvelope.labDefaults(), NetworkInventory.lab(12, ZoneId.of("UTC")));
    policies = PolicyServer.start(kafka.settings(), validator, PolicyStore.Options.defaults().withSweepEvery(null),
        "127.0.0.1", 0, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    policies.close();
    kafka.close();
  }

  @Test
  void serve_answers_intents_until_interrupted() throws Exception {
    WatchedOutput out = new WatchedOutput();
    CommandLine cl = Ric.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    AtomicInteger rc = new AtomicInteger(-1);
    Thread t = new Thread(() -> rc.set(cl.execute("agent", "serve", "--port", "0", "--host", "127.0.0.1",
        "--kafka", kafka.settings().bootstrapServers(), "--policy-url", policies.url(), "--auto-approve", "--provider", "offline",
        "--llm-timeout", "30s")));
    t.start();
    Pattern p = Pattern.compile("intent agent on (http://127\\.0\\.0\\.1:\\d+)");
    Matcher m = out.await(p, Duration.ofSeconds(120));
    assertThat(out.toString()).contains("offline translator only").contains("auto approval");
    String url = m.group(1);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/intents"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"text\":\"use 40 MHz of bandwidth on cell 4\",\"operator\":\"alice\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(M.readTree(r.body()).path("state").asText()).isEqualTo("ACTIVE");
    t.interrupt();
    t.join(60_000);
    assertThat(rc.get()).isZero();
  }

  @Test
  void mcp_on_stdio_keeps_stdout_for_the_protocol() throws Exception {
    String in = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
        + "\"clientInfo\":{\"name\":\"desktop\"}}}\n"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"submit_intent\",\"arguments\":"
        + "{\"text\":\"prefer cell 2 for miot devices\"}}}\n";
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      CommandLine cl = Ric.commandLine();
      cl.setErr(new PrintWriter(new StringWriter(), true));
      int rc = cl.execute("agent", "mcp", "--stdio", "--policy-url", policies.url(), "--kafka", kafka.settings().bootstrapServers());
      assertThat(rc).isZero();
    } finally {
      System.setIn(stdin);
      System.setOut(stdout);
    }
    String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(3);
    for (String l : lines) {
      assertThat(M.readTree(l).path("jsonrpc").asText()).isEqualTo("2.0");
    }
    assertThat(M.readTree(lines[1]).at("/result/tools").toString()).contains("what_if").contains("submit_intent");
    JsonNode submitted = M.readTree(lines[2]).at("/result/structuredContent");
    assertThat(submitted.path("state").asText()).isEqualTo("PROPOSED");
    assertThat(submitted.at("/policies/0/type").asText()).isEqualTo("TrafficSteering");
  }

  @Test
  void the_helm_charts_arguments_parse() throws Exception {
    java.nio.file.Path inv = java.nio.file.Files.createTempFile("network", ".json");
    java.nio.file.Files.writeString(inv, "{\"zone\":\"UTC\",\"nodes\":[\"gnb-1\",\"gnb-2\"],\"slices\":[\"embb\",\"urllc\",\"miot\"],"
        + "\"cells\":[{\"name\":\"cell-1\",\"node\":\"gnb-1\",\"peakDlMbps\":800,\"peakUlMbps\":200,\"neighbours\":[\"cell-2\"]},"
        + "{\"name\":\"cell-2\",\"node\":\"gnb-2\",\"peakDlMbps\":800,\"peakUlMbps\":200,\"neighbours\":[\"cell-1\"]}],"
        + "\"coverageAreas\":{\"area-1-2\":[\"cell-1\",\"cell-2\"]}}");
    CommandLine.ParseResult pr = Ric.commandLine().parseArgs("agent", "serve", "--port", "8082", "--metrics-port", "8080",
        "--kafka", "kafka:9092", "--inventory", inv.toString(), "--provider", "openai", "--llm-base-url", "http://vllm.models:8000/v1",
        "--llm-model", "qwen2.5-7b-instruct", "--llm-timeout", "30s", "--auto-approve");
    CommandLine.ParseResult serve = pr.subcommand().subcommand();
    AgentCommand.Serve cmd = (AgentCommand.Serve) serve.commandSpec().userObject();
    io.oranric.agent.service.AgentConfig c = cmd.common.config("0.0.0.0", 8082, 8080, java.util.Set.of());
    assertThat(c.llm().translatorId()).isEqualTo("llm:openai/qwen2.5-7b-instruct");
    assertThat(c.llm().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.inventory().cells()).containsOnlyKeys("cell-1", "cell-2");
    assertThat(c.approval().name()).isEqualTo("AUTO");
    assertThat(c.metricsPort()).isEqualTo(8080);
  }
}
