package io.oranric.agent.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.guard.InjectionDetector;
import io.oranric.agent.intent.AgentJson;
import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.kpi.KpiSource;
import io.oranric.agent.kpi.KpiView;
import io.oranric.agent.policy.PolicyGateway;
import io.oranric.agent.whatif.WhatIf;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import io.oranric.policies.validation.CellInfo;
import io.oranric.policies.validation.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The agent's tools over live context, one registry for LLM translators and for MCP clients:
 * <ul>
 *   <li>{@code list_network}: nodes, cells (neighbours, capacity, power), slices, coverage areas</li>
 *   <li>{@code get_kpis}: KPIs per cell or cell slice aggregated over a window</li>
 *   <li>{@code list_policies}: the policies in the store and their status</li>
 *   <li>{@code what_if}: predicted KPIs of proposed policies on a copy of the lab radio model</li>
 *   <li>{@code submit_intent}, {@code get_intent}: MCP only, through the agent's pipeline</li>
 * </ul>
 * Every result is sanitised ({@link InjectionDetector}) before a model sees it: a KPI label or an
 * operator's reason text that carries instructions reaches the model as a redaction, and the finding
 * is reported to the caller's trace.
 */
public final class AgentTools {

    private static final ObjectMapper M = new ObjectMapper();
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    /** What one call returned: the (sanitised) result, whether it is an error, and what the sanitiser removed. */
    public record Outcome(JsonNode result, boolean error, List<InjectionDetector.Finding> findings) {
        public String text() {
            return result.toString();
        }
    }

    private final Map<String, AgentTool> tools = new LinkedHashMap<>();
    private final KpiSource kpis;
    private final PolicyGateway gateway;
    private final WhatIf whatIf;

    /**
     * @param gateway null when no policy store is reachable (list_policies then says so)
     * @param whatIf  null to leave the simulation tool out
     */
    public AgentTools(KpiSource kpis, PolicyGateway gateway, WhatIf whatIf) {
        this.kpis = kpis == null ? KpiSource.NONE : kpis;
        this.gateway = gateway;
        this.whatIf = whatIf;
        add(new AgentTool("list_network", "The radio network: E2 nodes (gNBs), cells with their node, neighbour cells, "
                + "peak DL/UL capacity (Mbps) and configured TX power (dBm), slices, and coverage areas (cells that can stand "
                + "in for each other).", schema(Map.of(), List.of()), true, this::listNetwork));
        add(new AgentTool("get_kpis", "Current KPIs aggregated over a window: DL/UL throughput (Mbps), DL latency mean and p95 (ms), "
                + "DL packet loss (%), PRB usage (%), active UEs, power (W), TX power (dBm); per cell, or per slice of a cell. "
                + "Omit cell for every cell.", schema(Map.of(
                        "cell", prop("string", "cell name, e.g. cell-3; omit for every cell"),
                        "slice", prop("string", "slice name (embb, urllc, miot); needs cell"),
                        "windowSeconds", prop("integer", "aggregate over the last N seconds, 10..900 (default 60)")), List.of()),
                true, this::getKpis));
        add(new AgentTool("list_policies", "The policies in the policy store with status (PROPOSED, ACTIVE, ...), "
                + "whether in effect now, priority, scope and statement.", schema(Map.of(
                        "status", enumProp("only this status", List.of("PROPOSED", "ACTIVE", "REJECTED", "SUPERSEDED", "EXPIRED"))),
                List.of()), true, this::listPolicies));
        if (whatIf != null) {
            ObjectNode policies = M.createObjectNode().put("type", "array")
                    .put("description", "policies in the contract JSON: {type, scope, statement[, validity, priority]}");
            policies.putObject("items").put("type", "object");
            ObjectNode props = M.createObjectNode();
            props.set("policies", policies);
            props.set("seconds", prop("integer", "model time to measure after a warm-up of the same length, 5..120 (default 30)"));
            ObjectNode s = M.createObjectNode().put("type", "object");
            s.set("properties", props);
            s.putArray("required").add("policies");
            add(new AgentTool("what_if", "Predict the effect of proposed policies: runs a private copy of the lab radio model "
                    + "(cell-1..cell-7) with and without the policies from the same seed and reports per affected cell and slice "
                    + "throughput, latency, loss, PRB usage and power. Policies outside the safety envelope are refused, not simulated.",
                    s, true, this::whatIf));
        }
    }

    private void add(AgentTool t) {
        tools.put(t.name(), t);
    }

    /** Adds the tools that act: submit an intent through the pipeline, read an intent's state and report. */
    public AgentTools withIntentTools(Supplier<IntentAgent> agent) {
        add(new AgentTool("submit_intent", "Submit an operator intent in plain language. It is translated (offline first, an LLM "
                + "when configured), validated against the safety envelope and the policies in force, submitted to the policy store "
                + "(PROPOSED for operator approval, or ACTIVE in auto-approve mode) and audited. dryRun: translate and validate only.",
                schema(Map.of("text", prop("string", "the intent, e.g. 'cap embb at 60% in cell 2'"),
                        "dryRun", prop("boolean", "translate and validate only (default false)")), List.of("text")), false,
                (args, ctx, caller) -> {
                    String text = args.path("text").asText("");
                    if (text.isBlank()) {
                        throw new AgentTool.ToolError("text is required");
                    }
                    IntentAgent.Result r = agent.get().submit(new IntentAgent.Request(text, caller, "mcp", args.path("dryRun").asBoolean(false)));
                    return AgentJson.result(r);
                }));
        add(new AgentTool("get_intent", "An intent's state, policies and latest fulfilment report (FULFILLED, DEGRADED, NOT_FULFILLED).",
                schema(Map.of("intentId", prop("string", "i-...")), List.of("intentId")), false, (args, ctx, caller) -> {
                    try {
                        IntentRecord r = agent.get().recordOf(args.path("intentId").asText());
                        return AgentJson.record(r);
                    } catch (NoSuchElementException e) {
                        throw new AgentTool.ToolError(e.getMessage());
                    }
                }));
        return this;
    }

    public List<AgentTool> forModels() {
        return tools.values().stream().filter(AgentTool::forModels).toList();
    }

    public List<AgentTool> all() {
        return List.copyOf(tools.values());
    }

    public Optional<AgentTool> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** Calls a tool with JSON arguments as a model or client wrote them; never throws. */
    public Outcome call(String name, String argumentsJson, NetworkContext ctx, String caller, boolean modelsOnly) {
        AgentTool t = tools.get(name);
        if (t == null || modelsOnly && !t.forModels()) {
            return error("unknown tool " + name + " (tools: " + String.join(", ", (modelsOnly ? forModels() : all()).stream()
                    .map(AgentTool::name).toList()) + ")");
        }
        JsonNode args;
        try {
            args = argumentsJson == null || argumentsJson.isBlank() ? M.createObjectNode() : M.readTree(argumentsJson);
        } catch (JsonProcessingException e) {
            return error("arguments are not valid JSON: " + e.getOriginalMessage());
        }
        if (!args.isObject()) {
            return error("arguments must be a JSON object");
        }
        return call(t, args, ctx, caller);
    }

    public Outcome call(AgentTool t, JsonNode args, NetworkContext ctx, String caller) {
        JsonNode result;
        try {
            result = t.handler().call(args, ctx, caller);
        } catch (AgentTool.ToolError e) {
            return error(e.getMessage());
        } catch (PolicyGateway.Unavailable e) {
            return error("the policy store is unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            return error(t.name() + " failed: " + e.getMessage());
        }
        InjectionDetector.Sanitized s = InjectionDetector.sanitize(result);
        return new Outcome(s.value(), false, s.findings());
    }

    private static Outcome error(String message) {
        return new Outcome(M.createObjectNode().put("error", message), true, List.of());
    }

    // ------------------------------------------------------------------ the tools

    private JsonNode listNetwork(JsonNode args, NetworkContext ctx, String caller) {
        ObjectNode n = M.createObjectNode();
        n.put("zone", ctx.zone().getId());
        ArrayNode nodes = n.putArray("nodes");
        ctx.inventory().nodes().stream().sorted().forEach(nodes::add);
        ArrayNode cells = n.putArray("cells");
        for (String name : ctx.inventory().cellNames()) {
            CellInfo c = ctx.inventory().cells().get(name);
            ObjectNode o = cells.addObject().put("name", c.name()).put("node", c.node()).put("peakDlMbps", c.peakDlMbps())
                    .put("peakUlMbps", c.peakUlMbps());
            if (c.txPowerDbm() != null) {
                o.put("txPowerDbm", c.txPowerDbm());
            }
            ArrayNode nb = o.putArray("neighbours");
            c.neighbours().stream().sorted().forEach(nb::add);
        }
        ArrayNode slices = n.putArray("slices");
        ctx.inventory().slices().stream().sorted().forEach(slices::add);
        ObjectNode areas = n.putObject("coverageAreas");
        ctx.inventory().coverageAreas().forEach((k, v) -> {
            ArrayNode a = areas.putArray(k);
            v.stream().sorted().forEach(a::add);
        });
        return n;
    }

    private JsonNode getKpis(JsonNode args, NetworkContext ctx, String caller) {
        String cell = text(args, "cell");
        String slice = text(args, "slice");
        int seconds = args.path("windowSeconds").asInt((int) DEFAULT_WINDOW.toSeconds());
        if (seconds < 10 || seconds > 900) {
            throw new AgentTool.ToolError("windowSeconds must be 10..900, was " + seconds);
        }
        Duration window = Duration.ofSeconds(seconds);
        if (cell != null && !ctx.inventory().hasCell(cell)) {
            throw new AgentTool.ToolError("unknown cell " + cell + " (cells: " + String.join(", ", ctx.inventory().cellNames()) + ")");
        }
        if (slice != null && !ctx.inventory().slices().contains(slice)) {
            throw new AgentTool.ToolError("unknown slice " + slice + " (slices: " + String.join(", ", ctx.inventory().slices().stream().sorted().toList()) + ")");
        }
        if (slice != null && cell == null) {
            throw new AgentTool.ToolError("slice needs a cell");
        }
        ObjectNode n = M.createObjectNode().put("source", kpis.describe()).put("windowSeconds", seconds);
        ArrayNode out = n.putArray("cells");
        if (cell == null) {
            kpis.cells(window).forEach(k -> out.add(KpiView.json(k)));
        } else if (slice == null) {
            kpis.cell(cell, window).ifPresent(k -> out.add(KpiView.json(k)));
        } else {
            kpis.slice(cell, slice, window).ifPresent(k -> out.add(KpiView.json(k)));
        }
        if (out.isEmpty()) {
            n.put("note", "no KPM measurements " + (cell == null ? "" : "of " + cell + (slice == null ? "" : "/" + slice) + " ")
                    + "in the last " + seconds + " s");
        }
        return n;
    }

    private JsonNode listPolicies(JsonNode args, NetworkContext ctx, String caller) {
        if (gateway == null) {
            throw new AgentTool.ToolError("no policy store is configured");
        }
        String status = text(args, "status");
        ArrayNode a = M.createArrayNode();
        for (PolicyGateway.Stored s : gateway.list()) {
            if (status != null && !status.equalsIgnoreCase(s.status())) {
                continue;
            }
            ObjectNode p = PolicyJson.toNode(s.policy());
            p.put("status", s.status()).put("inEffect", s.inEffect());
            a.add(p);
        }
        ObjectNode n = M.createObjectNode().put("count", a.size());
        n.set("policies", a);
        return n;
    }

    private JsonNode whatIf(JsonNode args, NetworkContext ctx, String caller) {
        JsonNode list = args.path("policies");
        if (list.isObject()) {
            list = M.createArrayNode().add(list);
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new AgentTool.ToolError("policies must be a non-empty array of policies");
        }
        int seconds = args.path("seconds").asInt(30);
        List<Policy> ok = new ArrayList<>();
        ArrayNode refused = M.createArrayNode();
        int i = 0;
        for (JsonNode raw : list) {
            i++;
            Policy p;
            try {
                ObjectNode copy = raw.isObject() ? ((ObjectNode) raw).deepCopy() : M.createObjectNode();
                copy.remove(List.of("policyId", "intentId", "status", "version", "schemaVersion"));
                p = PolicyJson.fromNode(copy).withIds("what-if-" + i, null);
            } catch (RuntimeException e) {
                refused.addObject().put("index", i).put("reason", "not a valid policy: " + e.getMessage());
                continue;
            }
            List<Violation> v = ctx.validator().validate(p, ok);
            if (!v.isEmpty()) {
                refused.addObject().put("index", i).put("reason", String.join("; ", v.stream().map(Violation::message).toList()));
                continue;
            }
            ok.add(p);
        }
        ObjectNode n;
        if (ok.isEmpty()) {
            n = M.createObjectNode().put("note", "nothing simulated: every policy was refused");
        } else {
            n = whatIf.run(ok, Duration.ofSeconds(seconds));
        }
        n.set("refused", refused);
        return n;
    }

    // ------------------------------------------------------------------ schema helpers

    static ObjectNode schema(Map<String, ObjectNode> properties, List<String> required) {
        ObjectNode s = M.createObjectNode().put("type", "object");
        ObjectNode p = s.putObject("properties");
        new java.util.TreeMap<>(properties).forEach(p::set);
        if (!required.isEmpty()) {
            ArrayNode r = s.putArray("required");
            required.forEach(r::add);
        }
        return s;
    }

    static ObjectNode prop(String type, String description) {
        return M.createObjectNode().put("type", type).put("description", description);
    }

    static ObjectNode enumProp(String description, List<String> values) {
        ObjectNode n = prop("string", description);
        ArrayNode e = n.putArray("enum");
        values.forEach(e::add);
        return n;
    }

    private static String text(JsonNode args, String field) {
        JsonNode v = args.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
