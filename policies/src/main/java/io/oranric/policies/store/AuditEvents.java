package io.oranric.policies.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.contract.v1.AuditKind;
import io.oranric.policies.conflict.Conflict;
import io.oranric.policies.conflict.Resolution;
import io.oranric.policies.model.Policy;
import io.oranric.policies.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The audit trail of store operations, as AuditEvents for {@code ric.audit}. Pure: builds, never sends. */
final class AuditEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditEvents() {
    }

    /** One policy whose stored state an operation changed; {@code after} is null for a deletion. */
    record Change(String policyId, StoredPolicy before, StoredPolicy after) {
    }

    static List<AuditEvent> of(String actor, long timeNs, String operation, Policy decided, List<Violation> violations,
                               List<Conflict> conflicts, List<Resolution.Loss> losses, List<Change> changes) {
        List<AuditEvent> out = new ArrayList<>();
        if (decided != null && !violations.isEmpty()) {
            ArrayNode vs = MAPPER.createArrayNode();
            for (Violation v : violations) {
                vs.addObject().put("field", v.field()).put("value", v.value()).put("bound", v.bound()).put("message", v.message());
            }
            ObjectNode d = MAPPER.createObjectNode().put("operation", operation).put("version", decided.version());
            d.set("violations", vs);
            out.add(event(actor, timeNs, AuditKind.AUDIT_KIND_VALIDATION, decided, decided.label() + " "
                    + decided.status() + ": " + violations.get(0).message()
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""), d));
        }
        if (decided != null && !conflicts.isEmpty()) {
            ObjectNode d = MAPPER.createObjectNode().put("operation", operation).put("status", decided.status().name());
            ArrayNode cs = d.putArray("conflicts");
            for (Conflict c : conflicts) {
                cs.addObject().put("kind", c.kind().name()).put("parameter", c.parameter()).put("where", c.where())
                        .put("other", c.other().label()).put("description", c.description());
            }
            ArrayNode ls = d.putArray("losses");
            for (Resolution.Loss l : losses) {
                ls.addObject().put("loser", l.loser().label()).put("winner", l.winner().label())
                        .put("loserPriority", l.loser().priority()).put("winnerPriority", l.winner().priority())
                        .put("reason", l.toString());
            }
            String summary = losses.isEmpty() ? decided.label() + " conflicts with " + conflicts.get(0).other().label()
                    : losses.get(0).toString() + (losses.size() > 1 ? " (and " + (losses.size() - 1) + " more)" : "");
            out.add(event(actor, timeNs, AuditKind.AUDIT_KIND_CONFLICT, decided, summary, d));
        }
        for (Change c : changes) {
            ObjectNode d = MAPPER.createObjectNode().put("operation", operation).put("policyId", c.policyId());
            String from = c.before() == null ? "new" : describe(c.before());
            String to = c.after() == null ? "deleted" : describe(c.after());
            if (c.before() != null) {
                d.put("previousVersion", c.before().current().version()).put("previousStatus", c.before().current().status().name());
            }
            Policy shown = c.after() != null ? c.after().current() : c.before().current();
            if (c.after() != null) {
                d.put("version", shown.version()).put("status", shown.status().name());
                if (c.after().reason() != null) {
                    d.put("reason", c.after().reason());
                }
                if (c.after().latest().policy().version() != shown.version()) {
                    d.put("latestVersion", c.after().latest().policy().version())
                            .put("latestStatus", c.after().latest().policy().status().name());
                }
            }
            out.add(event(actor, timeNs, AuditKind.AUDIT_KIND_POLICY_CHANGE, shown,
                    operation + " " + c.policyId() + ": " + from + " -> " + to, d));
        }
        return out;
    }

    private static String describe(StoredPolicy s) {
        Policy cur = s.current();
        String text = "v" + cur.version() + " " + cur.status();
        Policy latest = s.latest().policy();
        return latest.version() == cur.version() ? text : text + " (v" + latest.version() + " " + latest.status() + ")";
    }

    private static AuditEvent event(String actor, long timeNs, AuditKind kind, Policy p, String summary, ObjectNode details) {
        AuditEvent.Builder b = AuditEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTimeNs(timeNs)
                .setActor(actor)
                .setKind(kind)
                .setSummary(summary)
                .setDetailsJson(details.toString());
        if (p.policyId() != null) {
            b.setPolicyId(p.policyId());
        }
        if (p.intentId() != null) {
            b.setIntentId(p.intentId());
        }
        return b.build();
    }

    /** ric.audit is keyed by intent id, or policy id when the policy has no intent. */
    static String key(AuditEvent e) {
        return e.getIntentId().isEmpty() ? e.getPolicyId() : e.getIntentId();
    }
}
