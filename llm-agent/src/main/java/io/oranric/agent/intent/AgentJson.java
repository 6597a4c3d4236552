package io.oranric.agent.intent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.api.Translation;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.json.TranslationJson;
import io.oranric.agent.policy.PolicyGateway;
import io.oranric.contract.v1.IntentRecord;

/**
 * The agent's answer to one intent: the contract's {@code ./ric intent --json} object (intentId, text,
 * translator, confidence, policies, rejected, clarification; then assumptions and conflicts) followed
 * by what the agent did: {@code state}, {@code approval}, {@code submitted} (the store's decision per
 * policy), {@code routing} (who answered and why) and {@code notes}.
 */
public final class AgentJson {

    private AgentJson() {
    }

    public static ObjectNode translation(Translation t) {
        return TranslationJson.toNode(t);
    }

    public static ObjectNode result(IntentAgent.Result r) {
        ObjectNode n = TranslationJson.toNode(r.translation());
        n.put("state", IntentAgent.stateName(r.state()));
        n.put("dryRun", r.dryRun());
        n.put("approval", r.approval());
        ArrayNode s = n.putArray("submitted");
        for (PolicyGateway.Decision d : r.decisions()) {
            ObjectNode o = s.addObject().put("policyId", d.policyId()).put("status", d.status()).put("version", d.version());
            if (d.reason() != null) {
                o.put("reason", d.reason());
            }
        }
        if (r.route() != null) {
            n.set("routing", routing(r.route()));
        }
        ArrayNode notes = n.putArray("notes");
        r.notes().forEach(notes::add);
        return n;
    }

    public static ObjectNode routing(TranslatorRouter.Route route) {
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("answeredBy", route.answeredBy()).put("reason", route.reason());
        ArrayNode e = n.putArray("escalation");
        route.escalation().forEach(x -> e.add(x.name()));
        ArrayNode a = n.putArray("attempts");
        for (TranslatorRouter.Attempt at : route.attempts()) {
            a.addObject().put("translator", at.translator()).put("outcome", at.outcome())
                    .put("confidence", Math.round(at.confidence() * 100) / 100.0).put("ms", Math.round(at.micros() / 100.0) / 10.0);
        }
        return n;
    }

    /** An intent as recorded: its stored answer plus state and fulfilment. */
    public static ObjectNode record(IntentRecord r) {
        ObjectNode n;
        try {
            n = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getTranslationJson());
        } catch (Exception e) {
            n = TranslationJson.toNode(IntentAgent.translationOf(r));
        }
        n.put("intentId", r.getIntentId());
        n.put("state", IntentAgent.stateName(r.getState()));
        n.put("operator", r.getOperator());
        ArrayNode ids = n.putArray("policyIds");
        r.getPolicyIdsList().forEach(ids::add);
        n.put("createdAt", java.time.Instant.ofEpochSecond(0, r.getCreatedNs()).toString());
        n.put("updatedAt", java.time.Instant.ofEpochSecond(0, r.getUpdatedNs()).toString());
        if (r.hasFulfilment()) {
            n.set("fulfilment", FulfilmentJson.of(r.getFulfilment()));
        }
        return n;
    }
}
