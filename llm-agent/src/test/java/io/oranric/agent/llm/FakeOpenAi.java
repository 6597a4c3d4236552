package io.oranric.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local HTTP server that speaks the OpenAI chat-completions wire protocol (POST /v1/chat/completions,
 * tool calls included) and answers from a script: what real models and gateways return on good and
 * bad days (malformed JSON, wrong types, out-of-envelope values, injected text, invented cells,
 * slow answers, HTTP 500 and 429). It records every request it got.
 */
final class FakeOpenAi implements AutoCloseable {

    static final ObjectMapper M = new ObjectMapper();

    /** One scripted answer: an HTTP status and body, after a delay. */
    record Reply(int status, String body, Duration delay, Map<String, String> headers) {
        Reply after(Duration d) {
            return new Reply(status, body, d, headers);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-openai");
        t.setDaemon(true);
        return t;
    });
    private final Function<JsonNode, Reply> script;
    private final List<JsonNode> requests = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    FakeOpenAi(Function<JsonNode, Reply> script) throws IOException {
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** Replies in order, the last one repeated. */
    static Function<JsonNode, Reply> sequence(Reply... replies) {
        AtomicInteger i = new AtomicInteger();
        return req -> replies[Math.min(i.getAndIncrement(), replies.length - 1)];
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode req;
        try {
            req = M.readTree(ex.getRequestBody().readAllBytes());
        } catch (IOException e) {
            req = M.createObjectNode();
        }
        synchronized (this) {
            requests.add(req);
        }
        Reply r = script.apply(req);
        if (r.delay() != null && !r.delay().isZero()) {
            try {
                Thread.sleep(r.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        try {
            ex.sendResponseHeaders(r.status(), body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        } catch (IOException e) {
            // the client gave up (time-out): nothing to answer
        } finally {
            ex.close();
        }
    }

    // ------------------------------------------------------------------ what the wire carries

    /** An assistant message with text content (the model's answer). */
    Reply content(String content) {
        ObjectNode msg = M.createObjectNode().put("role", "assistant").put("content", content);
        return completion(msg, "stop");
    }

    /** An assistant message calling tools: name, arguments JSON (as the model wrote it). */
    Reply toolCalls(String... nameThenArguments) {
        ObjectNode msg = M.createObjectNode().put("role", "assistant");
        msg.putNull("content");
        ArrayNode calls = msg.putArray("tool_calls");
        for (int i = 0; i < nameThenArguments.length; i += 2) {
            ObjectNode c = calls.addObject().put("id", "call_" + ids.incrementAndGet()).put("type", "function");
            c.putObject("function").put("name", nameThenArguments[i]).put("arguments", nameThenArguments[i + 1]);
        }
        return completion(msg, "tool_calls");
    }

    private Reply completion(ObjectNode message, String finish) {
        ObjectNode n = M.createObjectNode().put("id", "chatcmpl-" + ids.incrementAndGet()).put("object", "chat.completion")
                .put("created", 1_780_000_000L).put("model", "fake-gpt").put("system_fingerprint", "fp_fake");
        ObjectNode choice = n.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finish);
        n.putObject("usage").put("prompt_tokens", 512).put("completion_tokens", 64).put("total_tokens", 576);
        return new Reply(200, n.toString(), Duration.ZERO, Map.of());
    }

    static Reply http(int status, String type, String message, Map<String, String> headers) {
        ObjectNode n = M.createObjectNode();
        n.putObject("error").put("message", message).put("type", type).putNull("param").put("code", type);
        return new Reply(status, n.toString(), Duration.ZERO, headers);
    }

    static Reply serverError() {
        return http(500, "server_error", "The server had an error while processing your request. Sorry about that!", Map.of());
    }

    static Reply rateLimited() {
        return http(429, "rate_limit_exceeded", "Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1.",
                Map.of("Retry-After", "1"));
    }

    /** The tool results the model was shown in a request (role "tool" messages), by tool call id order. */
    static List<String> toolResults(JsonNode request) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : request.path("messages")) {
            if ("tool".equals(m.path("role").asText())) {
                out.add(m.path("content").asText());
            }
        }
        return out;
    }

    static boolean lastIsTool(JsonNode request) {
        JsonNode ms = request.path("messages");
        return ms.size() > 0 && "tool".equals(ms.get(ms.size() - 1).path("role").asText());
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
