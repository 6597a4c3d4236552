package io.oranric.agent.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.intent.AgentJson;
import io.oranric.agent.intent.FulfilmentJson;
import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.mcp.McpHttp;
import io.oranric.agent.policy.PolicyGateway;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.contract.v1.IntentState;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The agent's HTTP API, JSON throughout:
 * <pre>
 *   POST /intents                 {"text": "...", "operator": "...", "dryRun": false}   201 (200 for a dry run)
 *   GET  /intents                 the intents, newest first (?state=ACTIVE, ?limit=50)
 *   GET  /intents/{id}            one intent: translation, state, policy ids, fulfilment
 *   POST /intents/{id}/approve    activate a PROPOSED intent (or its pending adjustment)      409 when nothing waits
 *   POST /intents/{id}/reject     {"reason": "..."}
 *   GET  /intents/{id}/report     the latest fulfilment report (?refresh=true evaluates now)
 *   POST /mcp                     MCP, Streamable HTTP (see McpHttp)
 *   GET  /health, /metrics        probes and Prometheus
 * </pre>
 * Errors: {@code {status, title, detail}}: 400 bad request, 404 unknown intent, 409 not allowed in
 * the intent's state, 503 the policy store or Kafka unavailable. Who acts comes from
 * {@code X-Ric-Actor} (or the body's operator / actor).
 */
final class AgentHttp {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AgentHttp.class);

    static final String ACTOR_HEADER = "X-Ric-Actor";
    private static final ObjectMapper M = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final Vertx vertx;
    private final AgentService service;
    private final HttpServer server;

    private AgentHttp(Vertx vertx, AgentService service, HttpServer server) {
        this.vertx = vertx;
        this.service = service;
        this.server = server;
    }

    static AgentHttp start(Vertx vertx, AgentService service, String host, int port, Set<String> mcpOrigins) {
        Router router = Router.router(vertx);
        AgentHttp[] self = new AgentHttp[1];
        router.route(HttpMethod.GET, "/").handler(ctx -> json(ctx, 200, index()));
        router.route(HttpMethod.POST, "/intents").handler(BodyHandler.create().setBodyLimit(MAX_BODY))
                .handler(ctx -> self[0].blocking(ctx, () -> self[0].submit(ctx)));
        router.route(HttpMethod.GET, "/intents").handler(ctx -> self[0].blocking(ctx, () -> self[0].list(ctx)));
        router.route(HttpMethod.GET, "/intents/:id").handler(ctx -> self[0].blocking(ctx, () -> self[0].get(ctx)));
        router.route(HttpMethod.POST, "/intents/:id/approve").handler(BodyHandler.create().setBodyLimit(MAX_BODY))
                .handler(ctx -> self[0].blocking(ctx, () -> self[0].approve(ctx)));
        router.route(HttpMethod.POST, "/intents/:id/reject").handler(BodyHandler.create().setBodyLimit(MAX_BODY))
                .handler(ctx -> self[0].blocking(ctx, () -> self[0].reject(ctx)));
        router.route(HttpMethod.GET, "/intents/:id/report").handler(ctx -> self[0].blocking(ctx, () -> self[0].report(ctx)));
        McpHttp.mount(router, vertx, service.mcp(), "/mcp", mcpOrigins);
        router.route(HttpMethod.GET, "/health").handler(ctx -> json(ctx, service.health().up() ? 200 : 503, service.health().json()));
        router.route(HttpMethod.GET, "/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(service.metrics().scrape()));
        router.route().last().handler(ctx -> json(ctx, 404, problem(404, "Not Found", "no " + ctx.request().method() + " "
                + ctx.request().path() + "; see GET /")));
        HttpServer s = vertx.createHttpServer().requestHandler(router).listen(port, host).await();
        self[0] = new AgentHttp(vertx, service, s);
        return self[0];
    }

    int port() {
        return server.actualPort();
    }

    void close() {
        server.close().await();
    }

    // ------------------------------------------------------------------ handlers (worker threads)

    private record Reply(int status, JsonNode body) {
    }

    private Reply submit(RoutingContext ctx) {
        String text;
        String operator = actor(ctx, null);
        boolean dryRun = "true".equals(ctx.request().getParam("dryRun"));
        String body = ctx.body().asString();
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && type.startsWith("text/plain")) {
            text = body;
        } else {
            JsonNode n = parse(body);
            text = n.path("text").asText(null);
            if (n.hasNonNull("operator")) {
                operator = n.get("operator").asText();
            }
            dryRun = dryRun || n.path("dryRun").asBoolean(false);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the body needs \"text\": the intent in plain language");
        }
        IntentAgent.Result r = service.agent().submit(new IntentAgent.Request(text.strip(), operator, "api", dryRun));
        return new Reply(dryRun ? 200 : 201, AgentJson.result(r));
    }

    private Reply list(RoutingContext ctx) {
        String state = ctx.request().getParam("state");
        int limit = Integer.parseInt(ctx.request().getParam("limit", "100"));
        ArrayNode a = M.createArrayNode();
        for (IntentRecord r : service.agent().journal().all()) {
            if (state != null && !r.getState().name().equals("INTENT_STATE_" + state.toUpperCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (a.size() >= limit) {
                break;
            }
            ObjectNode o = a.addObject().put("intentId", r.getIntentId()).put("text", r.getText()).put("operator", r.getOperator())
                    .put("translator", r.getTranslator()).put("state", r.getState().name().replace("INTENT_STATE_", ""))
                    .put("policies", r.getPolicyIdsCount());
            if (r.hasFulfilment()) {
                o.put("fulfilment", r.getFulfilment().getStatus().name().replace("STATUS_", ""));
            }
        }
        return new Reply(200, a);
    }

    private Reply get(RoutingContext ctx) {
        return new Reply(200, AgentJson.record(service.agent().recordOf(ctx.pathParam("id"))));
    }

    private Reply approve(RoutingContext ctx) {
        IntentAgent.Result r = service.agent().approve(ctx.pathParam("id"), actor(ctx, parse(ctx.body().asString())));
        return new Reply(200, AgentJson.result(r));
    }

    private Reply reject(RoutingContext ctx) {
        JsonNode b = parse(ctx.body().asString());
        IntentAgent.Result r = service.agent().reject(ctx.pathParam("id"), b.path("reason").asText(null), actor(ctx, b));
        return new Reply(200, AgentJson.result(r));
    }

    private Reply report(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IntentRecord r = service.agent().recordOf(id);
        if ("true".equals(ctx.request().getParam("refresh")) && r.getState() == IntentState.INTENT_STATE_ACTIVE) {
            r = service.assurance().evaluate(id).orElse(r);
        }
        ObjectNode n = M.createObjectNode().put("intentId", id).put("text", r.getText())
                .put("state", r.getState().name().replace("INTENT_STATE_", ""));
        if (r.hasFulfilment()) {
            n.set("fulfilment", FulfilmentJson.of(r.getFulfilment()));
        } else {
            n.putNull("fulfilment");
            n.put("note", r.getState() == IntentState.INTENT_STATE_ACTIVE
                    ? "no report yet, or no measurable expectation (steering, energy saving, relative power and spectrum promise actions, "
                    + "not KPI levels): see the audit log for their control outcomes"
                    : "intents are assessed once ACTIVE");
        }
        n.put("kpiSource", service.kpis().describe());
        return new Reply(200, n);
    }

    // ------------------------------------------------------------------ plumbing

    private interface Work {
        Reply run();
    }

    private void blocking(RoutingContext ctx, Work work) {
        vertx.executeBlocking(work::run, false).onComplete(ar -> {
            if (ar.succeeded()) {
                json(ctx, ar.result().status(), ar.result().body());
                return;
            }
            Throwable e = ar.cause();
            if (e instanceof NoSuchElementException) {
                json(ctx, 404, problem(404, "Not Found", e.getMessage()));
            } else if (e instanceof IntentAgent.NotAllowed) {
                json(ctx, 409, problem(409, "Not allowed now", e.getMessage()));
            } else if (e instanceof IllegalArgumentException) {
                json(ctx, 400, problem(400, "Bad Request", e.getMessage()));
            } else if (e instanceof PolicyGateway.Unavailable || e instanceof IllegalStateException) {
                json(ctx, 503, problem(503, "Unavailable", e.getMessage()));
            } else {
                // a bug, not the caller's fault: keep the stack for whoever reads the log
                LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), e);
                json(ctx, 500, problem(500, "Internal error", String.valueOf(e)));
            }
        });
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return M.createObjectNode();
        }
        try {
            JsonNode n = M.readTree(body);
            if (!n.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String actor(RoutingContext ctx, JsonNode body) {
        String h = ctx.request().getHeader(ACTOR_HEADER);
        if (h != null && !h.isBlank()) {
            return h;
        }
        if (body != null && body.hasNonNull("actor")) {
            return body.get("actor").asText();
        }
        return "operator";
    }

    static ObjectNode problem(int status, String title, String detail) {
        return M.createObjectNode().put("status", status).put("title", title).put("detail", detail);
    }

    private static ObjectNode index() {
        ObjectNode n = M.createObjectNode().put("service", "O-RAN RIC intent agent").put("version", AgentService.VERSION);
        ArrayNode e = n.putArray("endpoints");
        for (String s : List.of("POST /intents {text, operator?, dryRun?}", "GET /intents", "GET /intents/{id}",
                "POST /intents/{id}/approve", "POST /intents/{id}/reject {reason?}", "GET /intents/{id}/report",
                "POST /mcp (Model Context Protocol, Streamable HTTP)", "GET /health", "GET /metrics")) {
            e.add(s);
        }
        return n;
    }

    private static void json(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
