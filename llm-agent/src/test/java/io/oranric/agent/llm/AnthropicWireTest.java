package io.oranric.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Translation;
import io.oranric.agent.api.TranslationTrace;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.guard.Guard;
import io.oranric.agent.kpi.KpiSource;
import io.oranric.agent.local.LocalTranslator;
import io.oranric.agent.tools.AgentTools;
import io.oranric.policies.model.PolicyType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The Anthropic provider against a local server speaking the Messages API (tool_use blocks included). */
class AnthropicWireTest {

    static final ObjectMapper M = new ObjectMapper();
    static final NetworkContext CTX = NetworkContext.lab(12, ZoneId.of("UTC"), Clock.systemUTC());

    static ObjectNode message(String stop, ArrayNode content) {
        ObjectNode n = M.createObjectNode().put("id", "msg_" + System.nanoTime()).put("type", "message").put("role", "assistant")
                .put("model", "claude-fake").put("stop_reason", stop);
        n.putNull("stop_sequence");
        n.set("content", content);
        n.putObject("usage").put("input_tokens", 900).put("output_tokens", 80);
        return n;
    }

    static String text(String t) {
        ArrayNode c = M.createArrayNode();
        c.addObject().put("type", "text").put("text", t);
        return message("end_turn", c).toString();
    }

    static String toolUse(String name, String inputJson) throws Exception {
        ArrayNode c = M.createArrayNode();
        c.addObject().put("type", "tool_use").put("id", "toolu_01").put("name", name).set("input", M.readTree(inputJson));
        return message("tool_use", c).toString();
    }

    record Served(HttpServer server, List<JsonNode> requests) implements AutoCloseable {
        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static Served serve(Function<JsonNode, String> script) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<JsonNode> requests = new ArrayList<>();
        s.createContext("/v1/messages", ex -> {
            JsonNode req = M.readTree(ex.getRequestBody().readAllBytes());
            synchronized (requests) {
                requests.add(req);
            }
            byte[] body = script.apply(req).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        return new Served(s, requests);
    }

    static boolean afterToolResult(JsonNode req) {
        JsonNode ms = req.path("messages");
        return ms.get(ms.size() - 1).toString().contains("tool_result");
    }

    @Test
    void a_tool_round_and_an_answer_over_the_messages_api() throws Exception {
        String answer = "{\"policies\":[{\"type\":\"SliceSla\",\"scope\":{\"cells\":[\"cell-3\"],\"slice\":\"urllc\"},"
                + "\"statement\":{\"maxDlLatencyMs\":10}}]}";
        try (Served s = serve(req -> {
            try {
                return afterToolResult(req) ? text("Here it is:\n" + answer) : toolUse("list_network", "{}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })) {
            LlmConfig cfg = LlmConfig.of(LlmConfig.Provider.ANTHROPIC, s.baseUrl(), "claude-fake", "sk-ant-test", Duration.ofSeconds(10))
                    .withMaxRetries(0);
            LlmTranslator t = LlmTranslator.create(cfg, new AgentTools(KpiSource.NONE, null, null), null);
            assertThat(t.id()).isEqualTo("llm:anthropic/claude-fake");
            TranslatorRouter.Route route = new TranslatorRouter(LocalTranslator.grammarOnly(), List.of(t), 0.6)
                    .route("if urllc latency in cell 3 goes above 10 ms, cap embb at 50% there", CTX, TranslationTrace.NONE);
            Translation g = new Guard().review(route.translation(), "i-0000anth", CTX, TranslationTrace.NONE);
            assertThat(g.translator()).isEqualTo("llm:anthropic/claude-fake");
            assertThat(g.policies()).extracting(p -> p.type()).containsExactly(PolicyType.SLICE_SLA);
            assertThat(s.requests()).hasSize(2);
            assertThat(s.requests().get(0).path("tools").toString()).contains("list_network").contains("input_schema");
            assertThat(s.requests().get(0).path("system").toString()).contains("Safety envelope");
            assertThat(s.requests().get(1).toString()).contains("tool_result").contains("coverageAreas");
        }
    }

    @Test
    void prose_without_json_fails_over_to_a_question() throws Exception {
        try (Served s = serve(req -> text("I would lower the power a bit, maybe 60 dBm?"))) {
            LlmConfig cfg = LlmConfig.of(LlmConfig.Provider.ANTHROPIC, s.baseUrl(), "claude-fake", "k", Duration.ofSeconds(10)).withMaxRetries(0);
            TranslatorRouter.Route route = new TranslatorRouter(LocalTranslator.grammarOnly(),
                    List.of(LlmTranslator.create(cfg, null, null)), 0.6)
                    .route("if cell 4 interferes with its neighbours, tone it down", CTX, TranslationTrace.NONE);
            assertThat(route.translation().understood()).isFalse();
            assertThat(route.reason()).contains("llm:anthropic/claude-fake failed: the model's answer is not valid JSON");
            assertThat(s.requests()).hasSize(2);
        }
    }
}
