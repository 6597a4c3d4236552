package io.oranric.agent.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.audit.AuditSink;
import io.oranric.agent.tools.AgentTool;
import io.oranric.agent.tools.AgentTools;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.contract.v1.AuditKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The agent's tools over the Model Context Protocol: JSON-RPC 2.0 with {@code initialize},
 * {@code notifications/initialized}, {@code ping}, {@code tools/list} and {@code tools/call}, so
 * external agents (any MCP client) drive the RIC through the same tools as the agent's own LLM
 * translators, under the same guardrails (submitted intents go through the pipeline; results are
 * sanitised) and audit (every call on {@code ric.audit}, actor {@code mcp:<client name>}).
 *
 * <p>Transport-neutral: {@link #handle} takes one parsed message (or a batch) and returns the
 * response, or nothing for a notification. The Streamable HTTP transport ({@link McpHttp}) and stdio
 * ({@link McpStdio}) carry it.
 */
public final class McpServer {

    public static final List<String> VERSIONS = List.of("2025-06-18", "2025-03-26", "2024-11-05");
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    private static final ObjectMapper M = new ObjectMapper();

    /** One client's conversation: the negotiated version and who it is. */
    public static final class Session {
        private final String id = UUID.randomUUID().toString();
        private volatile String version;
        private volatile String client = "unknown";
        private volatile boolean initialized;

        public String id() {
            return id;
        }

        public String version() {
            return version;
        }

        public String client() {
            return client;
        }

        public boolean initialized() {
            return initialized;
        }
    }

    private final AgentTools tools;
    private final Supplier<NetworkContext> context;
    private final AuditSink audit;
    private final Clock clock;
    private final String serverVersion;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public McpServer(AgentTools tools, Supplier<NetworkContext> context, AuditSink audit, Clock clock, String serverVersion) {
        this.tools = tools;
        this.context = context;
        this.audit = audit == null ? AuditSink.NONE : audit;
        this.clock = clock;
        this.serverVersion = serverVersion;
    }

    public Session newSession() {
        Session s = new Session();
        sessions.put(s.id(), s);
        return s;
    }

    public Optional<Session> session(String id) {
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    public boolean end(String id) {
        return sessions.remove(id) != null;
    }

    /** A message that is not JSON at all. */
    public static ObjectNode parseError(String detail) {
        return error(M.nullNode(), PARSE_ERROR, "Parse error: " + detail);
    }

    /** Handles a message or a batch; empty for notifications (and batches of them). */
    public Optional<JsonNode> handle(JsonNode message, Session session) {
        if (message.isArray()) {
            if (message.isEmpty()) {
                return Optional.of(error(M.nullNode(), INVALID_REQUEST, "Invalid Request: empty batch"));
            }
            ArrayNode out = M.createArrayNode();
            for (JsonNode m : message) {
                handleOne(m, session).ifPresent(out::add);
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        }
        return handleOne(message, session).map(n -> (JsonNode) n);
    }

    private Optional<ObjectNode> handleOne(JsonNode m, Session session) {
        if (!m.isObject() || !"2.0".equals(m.path("jsonrpc").asText()) || !m.path("method").isTextual()) {
            if (m.isObject() && (m.has("result") || m.has("error")) && m.has("id")) {
                return Optional.empty();
            }
            return Optional.of(error(m.path("id").isMissingNode() ? M.nullNode() : m.get("id"), INVALID_REQUEST,
                    "Invalid Request: expected {\"jsonrpc\": \"2.0\", \"method\": ...}"));
        }
        String method = m.get("method").asText();
        boolean notification = !m.has("id");
        JsonNode id = m.get("id");
        JsonNode params = m.path("params");
        if (notification) {
            if ("notifications/initialized".equals(method)) {
                session.initialized = true;
            }
            return Optional.empty();
        }
        try {
            ObjectNode result = switch (method) {
                case "initialize" -> initialize(params, session);
                case "ping" -> M.createObjectNode();
                case "tools/list" -> toolsList();
                case "tools/call" -> toolsCall(params, session);
                default -> throw new RpcError(METHOD_NOT_FOUND, "Method not found: " + method);
            };
            ObjectNode r = M.createObjectNode().put("jsonrpc", "2.0");
            r.set("id", id);
            r.set("result", result);
            return Optional.of(r);
        } catch (RpcError e) {
            return Optional.of(error(id, e.code, e.getMessage()));
        } catch (RuntimeException e) {
            return Optional.of(error(id, INTERNAL_ERROR, "Internal error: " + e.getMessage()));
        }
    }

    private ObjectNode initialize(JsonNode params, Session session) {
        String asked = params.path("protocolVersion").asText("");
        session.version = VERSIONS.contains(asked) ? asked : VERSIONS.get(0);
        String name = params.path("clientInfo").path("name").asText("unknown");
        session.client = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        ObjectNode r = M.createObjectNode().put("protocolVersion", session.version);
        r.putObject("capabilities").putObject("tools").put("listChanged", false);
        r.putObject("serverInfo").put("name", "oran-ric-intent-agent").put("title", "O-RAN near-RT RIC intent agent")
                .put("version", serverVersion);
        r.put("instructions", "Tools over a live O-RAN RIC: list_network, get_kpis, list_policies and what_if read; "
                + "submit_intent states an operator intent in plain language, which is translated, validated against the safety "
                + "envelope and the policies in force, and submitted for approval (or applied in auto-approve mode); get_intent "
                + "reports its state and fulfilment. Nothing bypasses validation.");
        return r;
    }

    private ObjectNode toolsList() {
        ObjectNode r = M.createObjectNode();
        ArrayNode a = r.putArray("tools");
        for (AgentTool t : tools.all()) {
            ObjectNode o = a.addObject().put("name", t.name()).put("description", t.description());
            o.set("inputSchema", t.inputSchema());
            o.putObject("annotations").put("readOnlyHint", t.forModels()).put("destructiveHint", false)
                    .put("openWorldHint", false);
        }
        return r;
    }

    private ObjectNode toolsCall(JsonNode params, Session session) {
        String name = params.path("name").asText(null);
        if (name == null) {
            throw new RpcError(INVALID_PARAMS, "Invalid params: name is required");
        }
        AgentTool t = tools.tool(name).orElseThrow(() -> new RpcError(INVALID_PARAMS, "Unknown tool: " + name));
        JsonNode args = params.path("arguments");
        if (args.isMissingNode() || args.isNull()) {
            args = M.createObjectNode();
        }
        if (!args.isObject()) {
            throw new RpcError(INVALID_PARAMS, "Invalid params: arguments must be an object");
        }
        String caller = "mcp:" + session.client();
        long t0 = System.nanoTime();
        AgentTools.Outcome out = tools.call(t, args, context.get(), caller);
        audit(caller, name, args, out, (System.nanoTime() - t0) / 1000);
        ObjectNode r = M.createObjectNode();
        r.putArray("content").addObject().put("type", "text").put("text", out.text());
        if (out.result().isObject()) {
            r.set("structuredContent", out.result());
        }
        r.put("isError", out.error());
        return r;
    }

    private void audit(String caller, String tool, JsonNode args, AgentTools.Outcome out, long micros) {
        Instant now = clock.instant();
        String intentId = out.result().path("intentId").asText("");
        ObjectNode d = M.createObjectNode().put("tool", tool).put("arguments", args.toString())
                .put("result", clip(out.text(), 4000)).put("error", out.error()).put("ms", micros / 1000.0);
        ArrayNode f = d.putArray("sanitised");
        out.findings().forEach(x -> f.add(x.toString()));
        audit.emit(AuditEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setTimeNs(now.getEpochSecond() * 1_000_000_000L + now.getNano()).setActor(caller)
                .setKind(AuditKind.AUDIT_KIND_TOOL_CALL).setIntentId(intentId).setTranslator(caller)
                .setSummary(caller + " called " + tool + clip(args.toString(), 160) + (out.error() ? " -> error" : ""))
                .setDetailsJson(d.toString()).build());
        audit.flush();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode r = M.createObjectNode().put("jsonrpc", "2.0");
        r.set("id", id == null ? M.nullNode() : id);
        r.putObject("error").put("code", code).put("message", message);
        return r;
    }

    private static final class RpcError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        RpcError(int code, String message) {
            super(message);
            this.code = code;
        }
    }
}
