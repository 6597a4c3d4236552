package io.oranric.agent.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * MCP's Streamable HTTP transport at one endpoint ({@code /mcp}): a client POSTs each JSON-RPC
 * message and gets the response as {@code application/json} (notifications: 202, no body). The
 * {@code initialize} response carries {@code Mcp-Session-Id}, which every later request must send
 * (missing: 400; unknown or ended: 404); DELETE ends the session. No server-initiated stream is
 * offered, so GET answers 405. Browsers' cross-site requests are refused by Origin (DNS rebinding):
 * only loopback origins, or those configured, may call.
 */
public final class McpHttp {

    public static final String SESSION_HEADER = "Mcp-Session-Id";
    public static final String VERSION_HEADER = "MCP-Protocol-Version";
    private static final ObjectMapper M = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    private final Vertx vertx;
    private final McpServer server;
    private final Set<String> allowedOrigins;

    private McpHttp(Vertx vertx, McpServer server, Set<String> allowedOrigins) {
        this.vertx = vertx;
        this.server = server;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Adds POST, GET and DELETE {@code path} to the router. */
    public static void mount(Router router, Vertx vertx, McpServer server, String path, Set<String> allowedOrigins) {
        McpHttp h = new McpHttp(vertx, server, allowedOrigins);
        router.route(HttpMethod.POST, path).handler(BodyHandler.create().setBodyLimit(MAX_BODY)).handler(h::post);
        router.route(HttpMethod.GET, path).handler(ctx -> {
            if (h.originRefused(ctx)) {
                return;
            }
            ctx.response().setStatusCode(405).putHeader("Allow", "POST, DELETE").end();
        });
        router.route(HttpMethod.DELETE, path).handler(h::delete);
    }

    private void post(RoutingContext ctx) {
        if (originRefused(ctx)) {
            return;
        }
        String version = ctx.request().getHeader(VERSION_HEADER);
        if (version != null && !McpServer.VERSIONS.contains(version)) {
            json(ctx, 400, McpServer.error(null, McpServer.INVALID_REQUEST, "Unsupported " + VERSION_HEADER + ": " + version
                    + " (supported: " + String.join(", ", McpServer.VERSIONS) + ")"));
            return;
        }
        JsonNode message;
        try {
            message = M.readTree(ctx.body().asString());
        } catch (Exception e) {
            json(ctx, 400, McpServer.parseError(e.getMessage() == null ? "not JSON" : e.getMessage().lines().findFirst().orElse("")));
            return;
        }
        if (message == null || message.isMissingNode()) {
            json(ctx, 400, McpServer.parseError("empty body"));
            return;
        }
        boolean initialize = isInitialize(message);
        McpServer.Session session;
        String sid = ctx.request().getHeader(SESSION_HEADER);
        if (initialize) {
            session = server.newSession();
        } else if (sid == null) {
            json(ctx, 400, McpServer.error(message.path("id").isMissingNode() ? null : message.get("id"), McpServer.INVALID_REQUEST,
                    "Bad Request: no " + SESSION_HEADER + " header (send initialize first)"));
            return;
        } else {
            Optional<McpServer.Session> s = server.session(sid);
            if (s.isEmpty()) {
                json(ctx, 404, McpServer.error(message.path("id").isMissingNode() ? null : message.get("id"), McpServer.INVALID_REQUEST,
                        "Session not found: " + sid + " (initialize again)"));
                return;
            }
            session = s.get();
        }
        McpServer.Session current = session;
        // tools block (the policy store, a simulation, an LLM behind submit_intent): off the event loop
        vertx.executeBlocking(() -> server.handle(message, current), false).onComplete(ar -> {
            if (ar.failed()) {
                json(ctx, 500, McpServer.error(null, McpServer.INTERNAL_ERROR, "Internal error: " + ar.cause()));
                return;
            }
            if (initialize) {
                ctx.response().putHeader(SESSION_HEADER, current.id());
            }
            Optional<JsonNode> out = ar.result();
            if (out.isEmpty()) {
                ctx.response().setStatusCode(202).end();
            } else {
                json(ctx, 200, out.get());
            }
        });
    }

    private void delete(RoutingContext ctx) {
        if (originRefused(ctx)) {
            return;
        }
        String sid = ctx.request().getHeader(SESSION_HEADER);
        if (sid == null) {
            ctx.response().setStatusCode(400).end();
        } else {
            ctx.response().setStatusCode(server.end(sid) ? 204 : 404).end();
        }
    }

    private static boolean isInitialize(JsonNode m) {
        if (m.isArray()) {
            for (JsonNode x : m) {
                if ("initialize".equals(x.path("method").asText())) {
                    return true;
                }
            }
            return false;
        }
        return "initialize".equals(m.path("method").asText());
    }

    private boolean originRefused(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null || allowedOrigins.contains(origin) || loopback(origin)) {
            return false;
        }
        json(ctx, 403, McpServer.error(null, McpServer.INVALID_REQUEST, "Forbidden origin " + origin));
        return true;
    }

    private static boolean loopback(String origin) {
        try {
            String host = URI.create(origin).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void json(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
