package io.oranric.agent.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.api.Rejection;
import io.oranric.agent.api.Translation;
import io.oranric.agent.api.TranslationTrace;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.policy.PolicyGateway;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.contract.v1.AuditKind;
import io.oranric.policies.conflict.Conflict;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import io.oranric.policies.validation.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail of one intent on {@code ric.audit}: received, routed, every model call (model,
 * SHA-256 of the prompt, outcome), every tool call (arguments and result), what the guardrails
 * caught, the proposals and their validation, the store's decisions and the approvals. It is the
 * {@link TranslationTrace} handed to the translators, so what they do is recorded under the intent.
 */
public final class IntentAuditor implements TranslationTrace {

    private static final ObjectMapper M = new ObjectMapper();
    /** Tool results can be large (a KPI table); the audit keeps enough to see what the model saw. */
    private static final int MAX_RESULT = 4000;

    private final AuditSink sink;
    private final String intentId;
    private final String actor;
    private final Clock clock;

    public IntentAuditor(AuditSink sink, String intentId, String actor, Clock clock) {
        this.sink = sink;
        this.intentId = intentId;
        this.actor = actor;
        this.clock = clock;
    }

    public String intentId() {
        return intentId;
    }

    public void received(String text, String operator, String channel, boolean dryRun) {
        ObjectNode d = M.createObjectNode().put("text", text).put("operator", operator).put("channel", channel).put("dryRun", dryRun);
        emit(AuditKind.AUDIT_KIND_INTENT_RECEIVED, operator, null, null, null, null,
                (dryRun ? "dry run of intent from " : "intent from ") + operator + " via " + channel + ": \"" + clip(text, 200) + "\"", d);
    }

    public void routed(TranslatorRouter.Route route) {
        ObjectNode d = M.createObjectNode().put("answeredBy", route.answeredBy()).put("reason", route.reason());
        ArrayNode esc = d.putArray("escalation");
        route.escalation().forEach(e -> esc.add(e.name()));
        ArrayNode at = d.putArray("attempts");
        for (TranslatorRouter.Attempt a : route.attempts()) {
            at.addObject().put("translator", a.translator()).put("outcome", a.outcome()).put("confidence", a.confidence())
                    .put("ms", a.micros() / 1000.0);
        }
        emit(AuditKind.AUDIT_KIND_ROUTING, null, route.answeredBy(), null, null, null,
                "answered by " + route.answeredBy() + ": " + route.reason(), d);
    }

    /** The guarded translation: one PROPOSAL event, then one VALIDATION event per rejection and one CONFLICT per conflict. */
    public void reviewed(Translation t, String model) {
        ObjectNode d = M.createObjectNode().put("translator", t.translator()).put("confidence", t.confidence());
        ArrayNode ps = d.putArray("policies");
        t.policies().forEach(p -> ps.add(PolicyJson.toNode(p)));
        d.put("rejected", t.rejected().size());
        if (t.clarification() != null) {
            d.put("clarification", t.clarification());
        }
        ArrayNode as = d.putArray("assumptions");
        t.assumptions().forEach(as::add);
        String summary = t.understood()
                ? t.translator() + " proposes " + t.policies().size() + " polic" + (t.policies().size() == 1 ? "y" : "ies")
                        + (t.rejected().isEmpty() ? "" : ", " + t.rejected().size() + " rejected by the guard")
                : t.translator() + " asks: " + clip(t.clarification(), 160);
        emit(AuditKind.AUDIT_KIND_PROPOSAL, null, t.translator(), model, null, null, summary, d);
        for (Rejection r : t.rejected()) {
            ObjectNode v = M.createObjectNode().put("reason", r.reason());
            v.set("policy", r.policy() != null ? PolicyJson.toNode(r.policy()) : r.raw());
            ArrayNode vs = v.putArray("violations");
            for (Violation x : r.violations()) {
                vs.addObject().put("field", x.field()).put("value", x.value()).put("bound", x.bound()).put("message", x.message());
            }
            String what = r.policy() != null ? r.policy().policyId() + " " + r.policy().type().wireName() : "unreadable proposal";
            emit(AuditKind.AUDIT_KIND_VALIDATION, null, t.translator(), model, r.policy() != null ? r.policy().policyId() : null,
                    null, what + " rejected: " + clip(r.reason(), 300), v);
        }
        for (Conflict c : t.conflicts()) {
            ObjectNode v = M.createObjectNode().put("kind", c.kind().name()).put("parameter", c.parameter()).put("where", c.where())
                    .put("with", c.other().policyId()).put("description", c.description());
            emit(AuditKind.AUDIT_KIND_CONFLICT, null, t.translator(), model, c.candidate().policyId(), null,
                    c.candidate().policyId() + " conflicts with " + c.other().policyId() + ": " + clip(c.description(), 200), v);
        }
    }

    public void submitted(Policy p, PolicyGateway.Decision decision) {
        ObjectNode d = M.createObjectNode().put("policyId", decision.policyId()).put("status", decision.status())
                .put("version", decision.version());
        if (decision.reason() != null) {
            d.put("reason", decision.reason());
        }
        d.set("policy", PolicyJson.toNode(p));
        emit(AuditKind.AUDIT_KIND_PROPOSAL, null, null, null, decision.policyId(), null, "submitted " + decision.policyId()
                + " to the policy store: " + decision.status() + (decision.refused() && decision.reason() != null
                ? " (" + clip(decision.reason(), 200) + ")" : ""), d);
    }

    public void approval(String by, boolean approved, String mode, List<PolicyGateway.Decision> decisions, String reason) {
        ObjectNode d = M.createObjectNode().put("approved", approved).put("by", by).put("mode", mode);
        if (reason != null) {
            d.put("reason", reason);
        }
        ArrayNode a = d.putArray("decisions");
        for (PolicyGateway.Decision x : decisions) {
            ObjectNode o = a.addObject().put("policyId", x.policyId()).put("status", x.status()).put("version", x.version());
            if (x.reason() != null) {
                o.put("reason", x.reason());
            }
        }
        emit(AuditKind.AUDIT_KIND_APPROVAL, by, null, null, null, null, (approved ? "approved" : "rejected") + " by " + by
                + " (" + mode + "): " + decisions.stream().map(x -> x.policyId() + " " + x.status()).toList(), d);
    }

    public void fulfilment(String summary, ObjectNode details) {
        emit(AuditKind.AUDIT_KIND_FULFILMENT, null, null, null, null, null, summary, details);
    }

    // ------------------------------------------------------------------ TranslationTrace

    @Override
    public void modelCall(String translator, String model, String promptSha256, long micros, String outcome) {
        ObjectNode d = M.createObjectNode().put("outcome", outcome).put("ms", micros / 1000.0);
        emit(AuditKind.AUDIT_KIND_MODEL_CALL, null, translator, model, null, promptSha256,
                "asked " + translator + " (prompt sha256 " + promptSha256.substring(0, Math.min(12, promptSha256.length()))
                        + "...): " + clip(outcome, 200), d);
    }

    @Override
    public void toolCall(String translator, String tool, String argumentsJson, String resultJson, long micros, boolean error) {
        ObjectNode d = M.createObjectNode().put("tool", tool).put("arguments", clip(argumentsJson, 2000))
                .put("result", clip(resultJson, MAX_RESULT)).put("error", error).put("ms", micros / 1000.0);
        emit(AuditKind.AUDIT_KIND_TOOL_CALL, null, translator, null, null, null,
                translator + " called " + tool + clip(argumentsJson, 160) + (error ? " -> error" : ""), d);
    }

    @Override
    public void guardrail(String translator, String finding) {
        emit(AuditKind.AUDIT_KIND_GUARDRAIL, null, translator, null, null, null, "guardrail: " + clip(finding, 300),
                M.createObjectNode().put("finding", finding));
    }

    @Override
    public void note(String translator, String message) {
        emit(AuditKind.AUDIT_KIND_ROUTING, null, translator, null, null, null, clip(message, 300),
                M.createObjectNode().put("note", message));
    }

    private void emit(AuditKind kind, String who, String translator, String model, String policyId, String promptSha,
                      String summary, ObjectNode details) {
        Instant now = clock.instant();
        AuditEvent.Builder b = AuditEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setTimeNs(now.getEpochSecond() * 1_000_000_000L + now.getNano())
                .setActor(who != null ? who : actor).setKind(kind).setIntentId(intentId)
                .setSummary(summary).setDetailsJson(details.toString());
        if (translator != null) {
            b.setTranslator(translator);
        }
        if (model != null) {
            b.setModel(model);
        }
        if (policyId != null) {
            b.setPolicyId(policyId);
        }
        if (promptSha != null) {
            b.setPromptSha256(promptSha);
        }
        sink.emit(b.build());
    }

    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
