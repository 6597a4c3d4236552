package io.oranric.policies.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.policies.model.DailyWindow;
import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PolicyType;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.model.Spectrum;
import io.oranric.policies.model.Statement;
import io.oranric.policies.model.TrafficSteering;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.model.Validity;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Policy JSON with exactly the contract's field names, written field by field rather than through
 * data binding so that the wire format cannot drift with a record rename, absent optional fields are
 * omitted, and every read error names the offending field.
 *
 * <p>Schema versioning: the writer stamps {@value #SCHEMA_VERSION_FIELD}; a reader accepts documents
 * without it (the original contract, version 1) and refuses newer versions instead of guessing.
 * Unknown fields are refused too: an enforcer that silently ignored a field it does not understand
 * could apply something other than what the operator approved.
 */
public final class PolicyJson {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_VERSION_FIELD = "schemaVersion";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> TOP_FIELDS = Set.of("policyId", "type", "scope", "statement", "priority",
            "validity", "intentId", "status", "version", SCHEMA_VERSION_FIELD);
    private static final Set<String> SCOPE_FIELDS = Set.of("nodes", "cells", "slice", "ues");
    private static final Set<String> VALIDITY_FIELDS = Set.of("from", "until", "daily");
    private static final Set<String> DAILY_FIELDS = Set.of("start", "end");

    private PolicyJson() {
    }

    // ------------------------------------------------------------------ writing

    public static String write(Policy policy) {
        try {
            return MAPPER.writeValueAsString(toNode(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree we built", e);
        }
    }

    public static ObjectNode toNode(Policy p) {
        ObjectNode n = NODES.objectNode();
        putIfPresent(n, "policyId", p.policyId());
        n.put("type", p.type().wireName());
        n.set("scope", scopeNode(p.scope()));
        n.set("statement", statementNode(p.statement()));
        n.put("priority", p.priority());
        if (!p.validity().isAlways()) {
            n.set("validity", validityNode(p.validity()));
        }
        putIfPresent(n, "intentId", p.intentId());
        n.put("status", p.status().name());
        n.put("version", p.version());
        n.put(SCHEMA_VERSION_FIELD, SCHEMA_VERSION);
        return n;
    }

    public static ObjectNode scopeNode(Scope s) {
        ObjectNode n = NODES.objectNode();
        putList(n, "nodes", s.nodes());
        putList(n, "cells", s.cells());
        putIfPresent(n, "slice", s.slice());
        putList(n, "ues", s.ues());
        return n;
    }

    public static ObjectNode statementNode(Statement statement) {
        ObjectNode n = NODES.objectNode();
        if (statement instanceof SliceSla s) {
            putNumber(n, "guaranteedDlMbps", s.guaranteedDlMbps());
            putNumber(n, "guaranteedUlMbps", s.guaranteedUlMbps());
            putNumber(n, "maxDlLatencyMs", s.maxDlLatencyMs());
            putNumber(n, "maxPacketLossPct", s.maxPacketLossPct());
        } else if (statement instanceof PrbQuota q) {
            putNumber(n, "minPrbPct", q.minPrbPct());
            putNumber(n, "maxPrbPct", q.maxPrbPct());
            putNumber(n, "dedicatedPrbPct", q.dedicatedPrbPct());
        } else if (statement instanceof TxPower t) {
            putNumber(n, "maxTxPowerDbm", t.maxTxPowerDbm());
            putNumber(n, "deltaDb", t.deltaDb());
        } else if (statement instanceof Spectrum s) {
            putNumber(n, "bandwidthMHz", s.bandwidthMHz());
            if (s.arfcnDl() != null) {
                n.put("arfcnDl", s.arfcnDl());
            }
            if (s.bwpId() != null) {
                n.put("bwpId", s.bwpId());
            }
        } else if (statement instanceof EnergySaving e) {
            n.put("mode", e.mode().name());
            putNumber(n, "whenLoadBelowPct", e.whenLoadBelowPct());
            n.put("keepCoverage", e.keepCoverage());
        } else if (statement instanceof TrafficSteering t) {
            n.put("preference", t.preference().name());
            putList(n, "targetCells", t.targetCells());
        } else {
            throw new IllegalStateException("unhandled statement " + statement.type());
        }
        return n;
    }

    public static ObjectNode validityNode(Validity v) {
        ObjectNode n = NODES.objectNode();
        if (v.from() != null) {
            n.put("from", v.from().toString());
        }
        if (v.until() != null) {
            n.put("until", v.until().toString());
        }
        if (v.daily() != null) {
            ObjectNode d = n.putObject("daily");
            d.put("start", v.daily().start().toString());
            d.put("end", v.daily().end().toString());
        }
        return n;
    }

    /** Integral values are written as integers ("20", not "20.0"): the contract's examples do. */
    static void putNumber(ObjectNode n, String field, Double value) {
        if (value == null) {
            return;
        }
        double v = value;
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            n.put(field, (long) v);
        } else {
            n.put(field, v);
        }
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static void putList(ObjectNode n, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = n.putArray(field);
            values.forEach(a::add);
        }
    }

    // ------------------------------------------------------------------ reading

    public static Policy read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyJsonException("", "malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new PolicyJsonException("", "empty document");
        }
        return fromNode(root);
    }

    public static Policy fromNode(JsonNode root) {
        requireObject(root, "");
        refuseUnknown(root, TOP_FIELDS, "");
        int schema = optInt(root, SCHEMA_VERSION_FIELD, "", SCHEMA_VERSION);
        if (schema != SCHEMA_VERSION) {
            throw new PolicyJsonException(SCHEMA_VERSION_FIELD,
                    "unsupported schema version " + schema + " (this reader understands " + SCHEMA_VERSION + ")");
        }
        String typeName = requireText(root, "type", "");
        PolicyType type = PolicyType.fromWireName(typeName).orElseThrow(() -> new PolicyJsonException("type",
                "unknown policy type \"" + typeName + "\" (expected one of " + typeNames() + ")"));
        JsonNode statementNode = root.get("statement");
        if (statementNode == null || statementNode.isNull()) {
            throw new PolicyJsonException("statement", "missing");
        }
        Statement statement = readStatement(type, statementNode);
        Scope scope = root.hasNonNull("scope") ? readScope(root.get("scope")) : Scope.NETWORK;
        Validity validity = root.hasNonNull("validity") ? readValidity(root.get("validity")) : Validity.ALWAYS;
        PolicyStatus status = optEnum(root, "status", "", PolicyStatus.class, PolicyStatus.PROPOSED);
        int priority = optInt(root, "priority", "", Policy.DEFAULT_PRIORITY);
        int version = optInt(root, "version", "", 1);
        if (version < 1) {
            throw new PolicyJsonException("version", "must be >= 1, was " + version);
        }
        return new Policy(optText(root, "policyId", ""), statement, scope, priority, validity,
                optText(root, "intentId", ""), status, version);
    }

    public static Scope readScope(JsonNode n) {
        requireObject(n, "scope");
        refuseUnknown(n, SCOPE_FIELDS, "scope");
        return new Scope(optTextList(n, "nodes", "scope"), optTextList(n, "cells", "scope"),
                optText(n, "slice", "scope"), optTextList(n, "ues", "scope"));
    }

    public static Statement readStatement(PolicyType type, JsonNode n) {
        requireObject(n, "statement");
        String p = "statement";
        try {
            return switch (type) {
                case SLICE_SLA -> {
                    refuseUnknown(n, Set.of("guaranteedDlMbps", "guaranteedUlMbps", "maxDlLatencyMs", "maxPacketLossPct"), p);
                    yield new SliceSla(optNumber(n, "guaranteedDlMbps", p), optNumber(n, "guaranteedUlMbps", p),
                            optNumber(n, "maxDlLatencyMs", p), optNumber(n, "maxPacketLossPct", p));
                }
                case PRB_QUOTA -> {
                    refuseUnknown(n, Set.of("minPrbPct", "maxPrbPct", "dedicatedPrbPct"), p);
                    yield new PrbQuota(optNumber(n, "minPrbPct", p), optNumber(n, "maxPrbPct", p),
                            optNumber(n, "dedicatedPrbPct", p));
                }
                case TX_POWER -> {
                    refuseUnknown(n, Set.of("maxTxPowerDbm", "deltaDb"), p);
                    yield new TxPower(optNumber(n, "maxTxPowerDbm", p), optNumber(n, "deltaDb", p));
                }
                case SPECTRUM -> {
                    refuseUnknown(n, Set.of("bandwidthMHz", "arfcnDl", "bwpId"), p);
                    Long arfcn = n.hasNonNull("arfcnDl") ? optLong(n, "arfcnDl", p) : null;
                    Integer bwp = n.hasNonNull("bwpId") ? optInt(n, "bwpId", p, 0) : null;
                    yield new Spectrum(optNumber(n, "bandwidthMHz", p), arfcn, bwp);
                }
                case ENERGY_SAVING -> {
                    refuseUnknown(n, Set.of("mode", "whenLoadBelowPct", "keepCoverage"), p);
                    EnergySaving.Mode mode = optEnum(n, "mode", p, EnergySaving.Mode.class, null);
                    if (mode == null) {
                        throw new PolicyJsonException(p + ".mode", "missing (expected SLEEP or REDUCE_POWER)");
                    }
                    yield new EnergySaving(mode, optNumber(n, "whenLoadBelowPct", p), optBoolean(n, "keepCoverage", p, true));
                }
                case TRAFFIC_STEERING -> {
                    refuseUnknown(n, Set.of("preference", "targetCells"), p);
                    TrafficSteering.Preference pref = optEnum(n, "preference", p, TrafficSteering.Preference.class, null);
                    if (pref == null) {
                        throw new PolicyJsonException(p + ".preference", "missing (expected PREFER, AVOID or FORBID)");
                    }
                    List<String> targets = optTextList(n, "targetCells", p);
                    if (targets.isEmpty()) {
                        throw new PolicyJsonException(p + ".targetCells", "missing or empty");
                    }
                    yield new TrafficSteering(pref, targets);
                }
            };
        } catch (IllegalArgumentException e) {
            // the records' own invariants ("at least one of ...")
            throw new PolicyJsonException(p, e.getMessage(), e);
        }
    }

    public static Validity readValidity(JsonNode n) {
        requireObject(n, "validity");
        refuseUnknown(n, VALIDITY_FIELDS, "validity");
        Instant from = optInstant(n, "from");
        Instant until = optInstant(n, "until");
        if (from != null && until != null && !until.isAfter(from)) {
            throw new PolicyJsonException("validity.until", "must be after validity.from (" + from + "), was " + until);
        }
        DailyWindow daily = null;
        if (n.hasNonNull("daily")) {
            JsonNode d = n.get("daily");
            requireObject(d, "validity.daily");
            refuseUnknown(d, DAILY_FIELDS, "validity.daily");
            LocalTime start = requireTime(d, "start");
            LocalTime end = requireTime(d, "end");
            if (start.equals(end)) {
                throw new PolicyJsonException("validity.daily.end", "equals start " + start + " (empty or full-day window is ambiguous)");
            }
            daily = new DailyWindow(start, end);
        }
        return new Validity(from, until, daily);
    }

    // ------------------------------------------------------------------ field helpers

    private static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private static String describe(JsonNode v) {
        String kind = switch (v.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
        String text = v.toString();
        return kind + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static void requireObject(JsonNode n, String field) {
        if (!n.isObject()) {
            throw new PolicyJsonException(field, "expected an object, got " + describe(n));
        }
    }

    private static void refuseUnknown(JsonNode n, Set<String> known, String parent) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new PolicyJsonException(path(parent, name), "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String requireText(JsonNode n, String field, String parent) {
        String v = optText(n, field, parent);
        if (v == null) {
            throw new PolicyJsonException(path(parent, field), "missing");
        }
        return v;
    }

    private static String optText(JsonNode n, String field, String parent) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new PolicyJsonException(path(parent, field), "expected a string, got " + describe(v));
        }
        return v.asText();
    }

    private static List<String> optTextList(JsonNode n, String field, String parent) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new PolicyJsonException(path(parent, field), "expected an array of strings, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw new PolicyJsonException(path(parent, field) + "[" + i + "]", "expected a string, got " + describe(e));
            }
            out.add(e.asText());
        }
        return out;
    }

    private static Double optNumber(JsonNode n, String field, String parent) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new PolicyJsonException(path(parent, field), "expected a number, got " + describe(v));
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw new PolicyJsonException(path(parent, field), "not a finite number: " + v);
        }
        return d;
    }

    private static long optLong(JsonNode n, String field, String parent) {
        JsonNode v = n.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new PolicyJsonException(path(parent, field), "expected an integer, got " + describe(v));
        }
        return v.asLong();
    }

    private static int optInt(JsonNode n, String field, String parent, int dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new PolicyJsonException(path(parent, field), "expected an integer, got " + describe(v));
        }
        return v.asInt();
    }

    private static boolean optBoolean(JsonNode n, String field, String parent, boolean dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new PolicyJsonException(path(parent, field), "expected true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    private static <E extends Enum<E>> E optEnum(JsonNode n, String field, String parent, Class<E> type, E dflt) {
        String text = optText(n, field, parent);
        if (text == null) {
            return dflt;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw new PolicyJsonException(path(parent, field), "unknown value \"" + text + "\" (expected one of " + String.join(", ", names) + ")");
    }

    private static Instant optInstant(JsonNode n, String field) {
        String text = optText(n, field, "validity");
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new PolicyJsonException("validity." + field,
                    "expected an ISO-8601 date-time with offset such as 2026-11-22T22:00:00Z, got \"" + text + "\"", e);
        }
    }

    private static LocalTime requireTime(JsonNode d, String field) {
        String text = optText(d, field, "validity.daily");
        if (text == null) {
            throw new PolicyJsonException("validity.daily." + field, "missing");
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new PolicyJsonException("validity.daily." + field, "expected a local time HH:mm, got \"" + text + "\"", e);
        }
    }

    private static String typeNames() {
        List<String> names = new ArrayList<>();
        for (PolicyType t : PolicyType.values()) {
            names.add(t.wireName());
        }
        return String.join(", ", names);
    }
}
