package io.oranric.policies.a1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.policies.conflict.Conflict;
import io.oranric.policies.conflict.Resolution;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.lifecycle.PolicyVersion;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.store.StoreResult;
import io.oranric.policies.store.StoredPolicy;
import io.oranric.policies.validation.Violation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The JSON bodies of the interface (schemas in {@code a1/openapi.json}). Pure: values in, trees out. */
public final class A1Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private A1Json() {
    }

    /** PolicySummary: the current version and its state. */
    public static ObjectNode summary(StoredPolicy s, Instant now, ZoneId zone) {
        Policy p = s.current();
        ObjectNode n = NODES.objectNode();
        n.put("policyId", s.policyId()).put("type", p.type().wireName()).put("version", p.version())
                .put("status", p.status().name()).put("reason", s.reason()).put("inEffect", s.inEffect(now, zone))
                .put("priority", p.priority()).put("intentId", p.intentId()).put("updatedBy", s.updatedBy())
                .put("updatedAt", Instant.ofEpochSecond(0, s.updatedNs()).toString());
        Policy latest = s.latest().policy();
        if (latest.version() != p.version()) {
            n.put("latestVersion", latest.version()).put("latestStatus", latest.status().name());
        }
        n.set("policy", PolicyJson.toNode(p));
        return n;
    }

    /** PolicyDetails: the summary plus the history, oldest first. */
    public static ObjectNode details(StoredPolicy s, Instant now, ZoneId zone) {
        ObjectNode n = summary(s, now, zone);
        ArrayNode h = n.putArray("history");
        for (PolicyVersion v : s.history()) {
            h.addObject().put("version", v.policy().version()).put("status", v.policy().status().name())
                    .put("everActive", v.everActive()).put("reason", v.note()).set("policy", PolicyJson.toNode(v.policy()));
        }
        return n;
    }

    /** PolicyStatusInfo, with A1-P's enforceStatus beside the lifecycle status. */
    public static ObjectNode status(StoredPolicy s, Instant now, ZoneId zone) {
        Policy p = s.current();
        boolean inEffect = s.inEffect(now, zone);
        ObjectNode n = NODES.objectNode();
        n.put("policyId", s.policyId()).put("version", p.version()).put("status", p.status().name())
                .put("reason", s.reason()).put("inEffect", inEffect)
                .put("enforceStatus", inEffect ? "ENFORCED" : "NOT_ENFORCED")
                .put("enforceReason", inEffect ? null : notInEffectBecause(s, now, zone));
        Policy latest = s.latest().policy();
        if (latest.version() != p.version()) {
            n.put("latestVersion", latest.version()).put("latestStatus", latest.status().name());
        }
        n.put("at", now.toString());
        return n;
    }

    private static String notInEffectBecause(StoredPolicy s, Instant now, ZoneId zone) {
        Policy p = s.current();
        if (p.status() != PolicyStatus.ACTIVE) {
            return p.status() + (s.reason() == null ? "" : ": " + s.reason());
        }
        if (p.validity().from() != null && now.isBefore(p.validity().from())) {
            return "validity starts " + p.validity().from();
        }
        if (p.validity().daily() != null) {
            return "outside its daily window " + p.validity().daily().start() + "-" + p.validity().daily().end() + " (" + zone + ")";
        }
        return "validity ended " + p.validity().until();
    }

    /** ChangeResult of a change the store accepted (or decided without refusing the request). */
    public static ObjectNode change(StoreResult r, Instant now, ZoneId zone) {
        Policy d = r.decided();
        ObjectNode n = NODES.objectNode();
        n.put("policyId", d.policyId()).put("version", d.version()).put("status", d.status().name())
                .put("reason", reasonOf(r)).put("created", r.created());
        n.set("policy", PolicyJson.toNode(d));
        if (r.policy() != null) {
            n.set("current", summary(r.policy(), now, zone));
        }
        n.set("conflicts", conflicts(r.conflicts()));
        n.set("losses", losses(r.losses()));
        ArrayNode sup = n.putArray("superseded");
        r.superseded().forEach(sup::add);
        return n;
    }

    private static String reasonOf(StoreResult r) {
        if (r.policy() == null) {
            return null;
        }
        for (PolicyVersion v : r.policy().history()) {
            if (v.policy().version() == r.decided().version()) {
                return v.note();
            }
        }
        return null;
    }

    public static ArrayNode violations(List<Violation> vs) {
        ArrayNode a = NODES.arrayNode();
        for (Violation v : vs) {
            a.addObject().put("field", v.field()).put("value", v.value()).put("bound", v.bound()).put("message", v.message());
        }
        return a;
    }

    public static ArrayNode conflicts(List<Conflict> cs) {
        ArrayNode a = NODES.arrayNode();
        for (Conflict c : cs) {
            a.addObject().put("kind", c.kind().name()).put("parameter", c.parameter()).put("where", c.where())
                    .put("other", c.other().policyId()).put("description", c.description());
        }
        return a;
    }

    public static ArrayNode losses(List<Resolution.Loss> ls) {
        ArrayNode a = NODES.arrayNode();
        for (Resolution.Loss l : ls) {
            a.addObject().put("loser", l.loser().policyId()).put("loserVersion", l.loser().version())
                    .put("winner", l.winner().policyId()).put("winnerVersion", l.winner().version())
                    .put("loserPriority", l.loser().priority()).put("winnerPriority", l.winner().priority())
                    .put("parameter", l.conflict().parameter()).put("where", l.conflict().where())
                    .put("reason", l.toString());
        }
        return a;
    }

    /**
     * The error a refused change answers: 400 naming the first violation's field, value and bound;
     * 409 naming the conflict the candidate lost; 409 when its validity ended before activation.
     * Null when the change was not refused.
     */
    public static A1Error refusal(StoreResult r, Instant now) {
        Policy d = r.decided();
        ObjectNode extra = NODES.objectNode();
        extra.put("policyId", d.policyId()).put("version", d.version()).put("policyStatus", d.status().name());
        if (d.status() == PolicyStatus.REJECTED && !r.violations().isEmpty()) {
            Violation v = r.violations().get(0);
            extra.set("violations", violations(r.violations()));
            return new A1Error(400, "Outside the safety envelope", v.message(), v.field(), v.value(), v.bound(), extra);
        }
        if (d.status() == PolicyStatus.REJECTED && !r.losses().isEmpty()) {
            Resolution.Loss l = r.losses().get(0);
            extra.set("losses", losses(r.losses()));
            extra.set("conflicts", conflicts(r.conflicts()));
            return new A1Error(409, "Conflict lost", l.toString(), l.conflict().parameter(),
                    "priority " + l.loser().priority(), "priority above " + l.winner().priority() + " of "
                    + l.winner().label() + ", or no overlap with it", extra);
        }
        if (d.status() == PolicyStatus.EXPIRED) {
            return new A1Error(409, "Validity ended", d.label() + " expired before it could be activated", "validity.until",
                    String.valueOf(d.validity().until()), "after " + now, extra);
        }
        return null;
    }
}
