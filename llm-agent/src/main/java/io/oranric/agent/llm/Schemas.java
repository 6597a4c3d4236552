package io.oranric.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.oranric.agent.tools.AgentTool;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON schemas: the tools' (kept as JSON so MCP can serve them as they are) in LangChain4j's form,
 * and the schema of a translation answer, the structured output asked of every model.
 */
public final class Schemas {

    private static final ObjectMapper M = new ObjectMapper();

    private Schemas() {
    }

    public static ToolSpecification tool(AgentTool t) {
        return ToolSpecification.builder().name(t.name()).description(t.description())
                .parameters((JsonObjectSchema) element(t.inputSchema())).build();
    }

    /** The subset of JSON Schema our tools use: object, array, string (with enum), number, integer, boolean. */
    public static JsonSchemaElement element(JsonNode s) {
        String type = s.path("type").asText("object");
        String description = s.hasNonNull("description") ? s.get("description").asText() : null;
        switch (type) {
            case "object" -> {
                JsonObjectSchema.Builder b = JsonObjectSchema.builder().description(description);
                for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    b.addProperty(e.getKey(), element(e.getValue()));
                }
                List<String> required = new ArrayList<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                if (!required.isEmpty()) {
                    b.required(required);
                }
                return b.build();
            }
            case "array" -> {
                return JsonArraySchema.builder().description(description)
                        .items(s.has("items") ? element(s.get("items")) : JsonStringSchema.builder().build()).build();
            }
            case "string" -> {
                if (s.has("enum")) {
                    List<String> values = new ArrayList<>();
                    s.get("enum").forEach(v -> values.add(v.asText()));
                    return JsonEnumSchema.builder().description(description).enumValues(values).build();
                }
                return JsonStringSchema.builder().description(description).build();
            }
            case "number" -> {
                return JsonNumberSchema.builder().description(description).build();
            }
            case "integer" -> {
                return JsonIntegerSchema.builder().description(description).build();
            }
            case "boolean" -> {
                return JsonBooleanSchema.builder().description(description).build();
            }
            default -> throw new IllegalArgumentException("schema type " + type + " is not supported");
        }
    }

    /** The answer every model must give: {policies: [policy contract JSON], clarification, assumptions}. */
    public static ObjectNode answer() {
        ObjectNode statement = object("the policy's statement; only the fields of its type");
        ObjectNode sp = statement.putObject("properties");
        sp.set("guaranteedDlMbps", typed("number", "SliceSla: guaranteed DL throughput, Mbps"));
        sp.set("guaranteedUlMbps", typed("number", "SliceSla: guaranteed UL throughput, Mbps"));
        sp.set("maxDlLatencyMs", typed("number", "SliceSla: maximum DL latency, ms"));
        sp.set("maxPacketLossPct", typed("number", "SliceSla: maximum packet loss, %"));
        sp.set("minPrbPct", typed("number", "PrbQuota: guaranteed share of PRBs, %"));
        sp.set("maxPrbPct", typed("number", "PrbQuota: cap on the share of PRBs, %"));
        sp.set("dedicatedPrbPct", typed("number", "PrbQuota: PRBs reserved even when unused, %"));
        sp.set("maxTxPowerDbm", typed("number", "TxPower: absolute maximum TX power, dBm"));
        sp.set("deltaDb", typed("number", "TxPower: change of TX power, dB (negative lowers)"));
        sp.set("bandwidthMHz", typed("number", "Spectrum: channel bandwidth, MHz"));
        sp.set("arfcnDl", typed("integer", "Spectrum: DL NR-ARFCN"));
        sp.set("bwpId", typed("integer", "Spectrum: active bandwidth part 0..4"));
        sp.set("mode", enumOf("EnergySaving: SLEEP or REDUCE_POWER", List.of("SLEEP", "REDUCE_POWER")));
        sp.set("whenLoadBelowPct", typed("number", "EnergySaving: only while the cell's load is below this, %"));
        sp.set("keepCoverage", typed("boolean", "EnergySaving: keep one cell awake per coverage area (default true)"));
        sp.set("preference", enumOf("TrafficSteering: PREFER, AVOID or FORBID the target cells", List.of("PREFER", "AVOID", "FORBID")));
        sp.set("targetCells", array(typed("string", "cell name"), "TrafficSteering: the cells to prefer, avoid or forbid"));

        ObjectNode scope = object("where it applies; empty for the whole network");
        ObjectNode cp = scope.putObject("properties");
        cp.set("cells", array(typed("string", "cell name, e.g. cell-3"), "cells"));
        cp.set("nodes", array(typed("string", "E2 node name, e.g. gnb-3"), "E2 nodes"));
        cp.set("slice", typed("string", "slice name: embb, urllc or miot"));
        cp.set("ues", array(typed("string", "UE id"), "UEs"));

        ObjectNode daily = object("every day between start and end (HH:MM, network time)");
        daily.putObject("properties").<ObjectNode>set("start", typed("string", "HH:MM")).set("end", typed("string", "HH:MM"));
        daily.putArray("required").add("start").add("end");
        ObjectNode validity = object("when it is in force; omit for always");
        ObjectNode vp = validity.putObject("properties");
        vp.set("from", typed("string", "ISO-8601 instant"));
        vp.set("until", typed("string", "ISO-8601 instant"));
        vp.set("daily", daily);

        ObjectNode policy = object("one policy of the contract");
        ObjectNode pp = policy.putObject("properties");
        pp.set("type", enumOf("policy type", List.of("SliceSla", "PrbQuota", "TxPower", "Spectrum", "EnergySaving", "TrafficSteering")));
        pp.set("scope", scope);
        pp.set("statement", statement);
        pp.set("validity", validity);
        pp.set("priority", typed("integer", "0..100; only when the operator states one"));
        policy.putArray("required").add("type").add("scope").add("statement");

        ObjectNode root = object("the translation of one intent");
        ObjectNode rp = root.putObject("properties");
        rp.set("policies", array(policy, "the policies that together fulfil the intent; empty when asking"));
        rp.set("clarification", typed("string", "a question for the operator when the intent is ambiguous; omit otherwise"));
        rp.set("assumptions", array(typed("string", "assumption"), "defaults you filled in"));
        root.putArray("required").add("policies");
        return root;
    }

    private static ObjectNode object(String description) {
        return M.createObjectNode().put("type", "object").put("description", description);
    }

    private static ObjectNode typed(String type, String description) {
        return M.createObjectNode().put("type", type).put("description", description);
    }

    private static ObjectNode enumOf(String description, List<String> values) {
        ObjectNode n = typed("string", description);
        ArrayNode e = n.putArray("enum");
        values.forEach(e::add);
        return n;
    }

    private static ObjectNode array(ObjectNode items, String description) {
        ObjectNode n = typed("array", description);
        n.set("items", items);
        return n;
    }
}
