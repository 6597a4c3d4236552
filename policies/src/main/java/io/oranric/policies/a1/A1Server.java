package io.oranric.policies.a1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.json.PolicyJsonException;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PolicyType;
import io.oranric.policies.store.PolicyStore;
import io.oranric.policies.store.StoreException;
import io.oranric.policies.store.StoreResult;
import io.oranric.policies.store.StoredPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The A1-style REST interface of a {@link PolicyStore}, contract first: the routes, their parameters
 * and request bodies come from {@code a1/openapi.json} through Vert.x's RouterBuilder, which validates
 * each request against the document before a handler sees it; each {@link A1Operation} is bound to
 * one handler here. The document's schemas are structural only (types, names, enums): the safety
 * envelope is configurable, so its bounds are checked by the store's validator, whose violation
 * (field, value, bound) becomes the 400 answer.
 *
 * <p>Handlers run on the event loop and never block: store changes complete on the store's writer
 * thread and are answered back on the handler's context.
 */
public final class A1Server {

    private static final Logger LOG = LoggerFactory.getLogger(A1Server.class);
    public static final String CONTRACT = "a1/openapi.json";
    public static final String ACTOR_HEADER = "X-Ric-Actor";
    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PolicyStore store;
    private final OpenAPIContract contract;
    private HttpServer server;

    private A1Server(PolicyStore store, OpenAPIContract contract) {
        this.store = store;
        this.contract = contract;
    }

    /** Loads the contract, builds the router and listens; port 0 picks a free port. */
    public static Future<A1Server> start(Vertx vertx, PolicyStore store, String host, int port) {
        return OpenAPIContract.from(vertx, CONTRACT).compose(contract -> {
            A1Server a1 = new A1Server(store, contract);
            Router router = a1.router(vertx);
            return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                    .requestHandler(router).listen().map(s -> {
                        a1.server = s;
                        return a1;
                    });
        });
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    Router router(Vertx vertx) {
        Set<String> bound = Arrays.stream(A1Operation.values()).map(A1Operation::operationId).collect(Collectors.toSet());
        for (Operation o : contract.operations()) {
            if (!bound.contains(o.getOperationId())) {
                throw new IllegalStateException(CONTRACT + " has operation " + o.getOperationId() + " without a handler");
            }
        }
        RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
        builder.rootHandler(BodyHandler.create().setBodyLimit(MAX_BODY));
        for (A1Operation op : A1Operation.values()) {
            OpenAPIRoute route = builder.getRoute(op.operationId());
            if (route == null) {
                throw new IllegalStateException(CONTRACT + " lacks operation " + op.operationId());
            }
            route.addHandler(ctx -> {
                try {
                    handle(op, ctx);
                } catch (RuntimeException e) {
                    answer(ctx, error(e));
                }
            });
            route.addFailureHandler(this::failure);
        }
        Router router = builder.createRouter();
        router.errorHandler(404, ctx -> answer(ctx, A1Error.notFound("no resource " + ctx.request().path())));
        router.errorHandler(405, ctx -> answer(ctx, A1Error.of(405, "Method not allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path())));
        router.errorHandler(413, ctx -> answer(ctx, A1Error.of(413, "Body too large",
                "a request body may have at most " + MAX_BODY + " bytes")));
        return router;
    }

    // ------------------------------------------------------------------ operations

    private void handle(A1Operation op, RoutingContext ctx) {
        Instant now = store.now();
        switch (op) {
            case GET_OPEN_API -> send(ctx, 200, contract.getRawContract().encode());
            case LIST_POLICY_TYPES -> {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                Arrays.stream(PolicyType.values()).forEach(t -> a.add(t.wireName()));
                send(ctx, 200, a);
            }
            case GET_POLICY_TYPE -> send(ctx, 200, policyType(type(ctx)));
            case LIST_POLICIES_OF_TYPE -> {
                PolicyType t = type(ctx);
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                store.list().stream().filter(s -> s.current().type() == t).forEach(s -> a.add(s.policyId()));
                send(ctx, 200, a);
            }
            case GET_POLICY -> send(ctx, 200, PolicyJson.toNode(ofType(ctx).current()));
            case GET_POLICY_STATUS -> send(ctx, 200, A1Json.status(ofType(ctx), now, store.zone()));
            case PUT_POLICY -> {
                PolicyType t = type(ctx);
                String id = ctx.pathParam("policyId");
                Policy p = body(ctx);
                if (p.type() != t) {
                    throw refused(A1Error.badRequest("the body's type " + p.type().wireName() + " differs from the path's "
                            + t.wireName(), "type"), p.type().wireName(), t.wireName());
                }
                if (p.policyId() != null && !p.policyId().equals(id)) {
                    throw refused(A1Error.badRequest("the body's policyId " + p.policyId() + " differs from the path's " + id,
                            "policyId"), p.policyId(), id);
                }
                store.get(id).filter(s -> s.current().type() != t).ifPresent(s -> {
                    throw new Refusal(new A1Error(409, "Type mismatch", "policy " + id + " exists with type "
                            + s.current().type().wireName(), "type", t.wireName(), s.current().type().wireName(), null));
                });
                changed(ctx, store.submit(p.withIds(id, p.intentId()), actor(ctx)), r -> r.created() ? 201 : 200);
            }
            case DELETE_POLICY -> {
                StoredPolicy s = ofType(ctx);
                reply(ctx, store.delete(s.policyId(), actor(ctx)), last -> send(ctx, 204, (String) null));
            }
            case LIST_POLICIES -> {
                String status = ctx.queryParams().get("status");
                String type = ctx.queryParams().get("type");
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                for (StoredPolicy s : store.list()) {
                    if ((status == null || s.current().status() == PolicyStatus.valueOf(status))
                            && (type == null || s.current().type().wireName().equals(type))) {
                        a.add(A1Json.summary(s, now, store.zone()));
                    }
                }
                send(ctx, 200, a);
            }
            case SUBMIT_POLICY -> changed(ctx, store.create(body(ctx), actor(ctx)), r -> 201);
            case GET_STORED_POLICY -> send(ctx, 200, A1Json.details(stored(ctx), now, store.zone()));
            case DELETE_STORED_POLICY -> {
                StoredPolicy s = stored(ctx);
                reply(ctx, store.delete(s.policyId(), actor(ctx)), last -> send(ctx, 200, A1Json.summary(last, store.now(), store.zone())));
            }
            case ACTIVATE_POLICY -> changed(ctx, store.activate(stored(ctx).policyId(), actor(ctx)), r -> 200);
            case REJECT_POLICY -> {
                String reason = null;
                if (ctx.body() != null && ctx.body().length() > 0) {
                    JsonObject b = ctx.body().asJsonObject();
                    reason = b == null ? null : b.getString("reason");
                }
                changed(ctx, store.reject(stored(ctx).policyId(), reason, actor(ctx)), r -> 200);
            }
            case ROLLBACK_POLICY -> changed(ctx, store.rollback(stored(ctx).policyId(), actor(ctx)), r -> 200);
        }
    }

    private ObjectNode policyType(PolicyType t) {
        JsonObject schemas = contract.getRawContract().getJsonObject("components").getJsonObject("schemas");
        JsonObject statement = schemas.getJsonObject(t.wireName() + "Statement");
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("policyTypeId", t.wireName());
        n.put("description", statement.getString("description"));
        n.put("enforcedBy", statement.getString("x-enforced-by"));
        n.set("policySchema", tree(statement.encode()));
        n.set("statusSchema", tree(schemas.getJsonObject("PolicyStatusInfo").encode()));
        return n;
    }

    /** Answers a store change: the refusal as an error, else the ChangeResult with the status given. */
    private void changed(RoutingContext ctx, CompletableFuture<StoreResult> change,
                         java.util.function.ToIntFunction<StoreResult> okStatus) {
        reply(ctx, change, r -> {
            A1Error refusal = A1Json.refusal(r, store.now());
            if (refusal != null) {
                answer(ctx, refusal);
                return;
            }
            int status = okStatus.applyAsInt(r);
            if (status == 201) {
                ctx.response().putHeader("Location", "/policies/" + r.decided().policyId());
            }
            send(ctx, status, A1Json.change(r, store.now(), store.zone()));
        });
    }

    private <T> void reply(RoutingContext ctx, CompletableFuture<T> f, java.util.function.Consumer<T> onSuccess) {
        Future.fromCompletionStage(f, ctx.vertx().getOrCreateContext()).onComplete(ar -> {
            if (ar.succeeded()) {
                onSuccess.accept(ar.result());
            } else {
                answer(ctx, error(ar.cause()));
            }
        });
    }

    // ------------------------------------------------------------------ request pieces

    private static PolicyType type(RoutingContext ctx) {
        String name = ctx.pathParam("policyTypeId");
        return PolicyType.fromWireName(name).orElseThrow(() -> refused(A1Error.badRequest("unknown policy type " + name,
                "policyTypeId"), name, "one of " + Arrays.stream(PolicyType.values()).map(PolicyType::wireName).toList()));
    }

    private StoredPolicy stored(RoutingContext ctx) {
        String id = ctx.pathParam("policyId");
        return store.get(id).orElseThrow(() -> new Refusal(A1Error.notFound("no policy " + id)));
    }

    private StoredPolicy ofType(RoutingContext ctx) {
        PolicyType t = type(ctx);
        StoredPolicy s = stored(ctx);
        if (s.current().type() != t) {
            throw new Refusal(A1Error.notFound("no policy " + s.policyId() + " of type " + t.wireName()
                    + " (it is a " + s.current().type().wireName() + ")"));
        }
        return s;
    }

    private static Policy body(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() == 0) {
            throw new Refusal(A1Error.badRequest("a policy JSON body is required", ""));
        }
        return PolicyJson.read(ctx.body().asString());
    }

    private static String actor(RoutingContext ctx) {
        String a = ctx.request().getHeader(ACTOR_HEADER);
        return a == null || a.isBlank() ? "operator" : a;
    }

    // ------------------------------------------------------------------ errors

    /** A request refused before it reached the store. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient A1Error error;

        Refusal(A1Error error) {
            super(error.detail(), null, false, false);
            this.error = error;
        }
    }

    private static Refusal refused(A1Error e, String value, String bound) {
        return new Refusal(new A1Error(e.status(), e.title(), e.detail(), e.field(), value, bound, e.extra()));
    }

    static A1Error error(Throwable t) {
        // the router wraps a contract violation in an HttpException (400) with the validator's exception as cause
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof HttpException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Refusal r) {
            return r.error;
        }
        if (t instanceof PolicyJsonException e) {
            return new A1Error(400, "Malformed policy", e.getMessage(), e.field(), null, null, null);
        }
        if (t instanceof StoreException e) {
            return switch (e.kind()) {
                case NOT_FOUND -> A1Error.notFound(e.getMessage());
                case ALREADY_EXISTS -> A1Error.of(409, "Already exists", e.getMessage());
                case ILLEGAL_STATE -> A1Error.of(409, "Not allowed now", e.getMessage());
                case NOT_READY, READ_ONLY, UNAVAILABLE -> A1Error.of(503, "Unavailable", e.getMessage());
            };
        }
        if (t instanceof SchemaValidationException e) {
            return schemaError(e);
        }
        if (t instanceof ValidatorException e) {
            return A1Error.badRequest(e.getMessage(), null);
        }
        if (t instanceof HttpException e) {
            return A1Error.of(e.getStatusCode(), "Request failed", e.getPayload() != null ? e.getPayload() : e.getMessage());
        }
        LOG.error("unexpected failure", t);
        return A1Error.of(500, "Internal error", String.valueOf(t));
    }

    private static final Pattern PARAMETER = Pattern.compile("(?:path|query|header|cookie) parameter (\\S+)");
    private static final Pattern LOCATION = Pattern.compile(" at #(/\\S*)");

    /**
     * A request the contract refused: the field is the parameter's name, or the deepest failing
     * location in the body as a dotted path ("statement.maxTxPowerDbm").
     */
    static A1Error schemaError(SchemaValidationException e) {
        String message = e.getMessage();
        String field = null;
        Matcher param = PARAMETER.matcher(message);
        if (param.find()) {
            field = param.group(1);
        } else {
            String location = deepestLocation(e.getOutputUnit(), "");
            Matcher at = LOCATION.matcher(message);
            if (location.isEmpty() && at.find()) {
                location = at.group(1);
            }
            field = location.replaceFirst("^#?/?", "").replace('/', '.');
        }
        return new A1Error(400, "Not valid for the contract", message, field == null || field.isEmpty() ? null : field,
                null, null, null);
    }

    private static String deepestLocation(OutputUnit unit, String best) {
        if (unit == null) {
            return best;
        }
        String loc = unit.getInstanceLocation();
        if (loc != null && unit.getError() != null && loc.length() > best.length()) {
            best = loc;
        }
        if (unit.getErrors() != null) {
            for (OutputUnit u : unit.getErrors()) {
                best = deepestLocation(u, best);
            }
        }
        return best;
    }

    private void failure(RoutingContext ctx) {
        Throwable f = ctx.failure();
        answer(ctx, f != null ? error(f) : A1Error.of(ctx.statusCode() > 0 ? ctx.statusCode() : 500,
                "Request failed", "status " + ctx.statusCode()));
    }

    // ------------------------------------------------------------------ responses

    private static void answer(RoutingContext ctx, A1Error e) {
        send(ctx, e.status(), e.toJson());
    }

    private static void send(RoutingContext ctx, int status, JsonNode body) {
        send(ctx, status, body.toString());
    }

    private static void send(RoutingContext ctx, int status, String body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status);
        if (body == null) {
            ctx.response().end();
        } else {
            ctx.response().putHeader("Content-Type", "application/json").end(body);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
