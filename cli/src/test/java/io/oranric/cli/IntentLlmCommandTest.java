package io.oranric.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./ric intent --provider openai --llm-base-url ...} against a local OpenAI-compatible server. */
class IntentLlmCommandTest {

  static final ObjectMapper M = new ObjectMapper();

  static HttpServer server(String content, AtomicInteger calls) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext("/v1/chat/completions", ex -> {
      ex.getRequestBody().readAllBytes();
      calls.incrementAndGet();
      ObjectNode n = M.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1).put("model", "m");
      ObjectNode c = n.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
      c.putObject("message").put("role", "assistant").put("content", content);
      n.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
      byte[] body = n.toString().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    s.start();
    return s;
  }

  static String[] run(StringWriter out, String... args) {
    CommandLine cl = Ric.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    cl.execute(args);
    return out.toString().strip().split("\n");
  }

  @Test
  void escalates_a_conditional_intent_to_the_configured_llm_and_keeps_simple_ones_offline() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer s = server("{\"policies\":[{\"type\":\"SliceSla\",\"scope\":{\"cells\":[\"cell-3\"],\"slice\":\"urllc\"},"
        + "\"statement\":{\"maxDlLatencyMs\":10}}],\"assumptions\":[\"condition kept as a standing SLA\"]}", calls);
    try {
      java.nio.file.Path f = java.nio.file.Files.createTempFile("intents", ".txt");
      java.nio.file.Files.writeString(f, "if urllc latency in cell 3 goes above 10 ms, do something about it\ncap embb at 60% in cell 2\n");
      StringWriter out = new StringWriter();
      String[] lines = run(out, "intent", "--dry-run", "--json", "--grammar-only", "--provider", "openai", "--llm-base-url",
          "http://127.0.0.1:" + s.getAddress().getPort() + "/v1", "--llm-model", "qwen2.5-7b-instruct", "--llm-timeout", "5s",
          "--file", f.toString());
      JsonNode llm = M.readTree(lines[0]);
      assertThat(llm.get("translator").asText()).isEqualTo("llm:openai/qwen2.5-7b-instruct");
      assertThat(llm.at("/policies/0/type").asText()).isEqualTo("SliceSla");
      assertThat(llm.at("/routing/reason").asText()).contains("conditional intent");
      JsonNode local = M.readTree(lines[1]);
      assertThat(local.get("translator").asText()).isEqualTo("local");
      assertThat(calls.get()).isEqualTo(1);
    } finally {
      s.stop(0);
    }
  }
}
