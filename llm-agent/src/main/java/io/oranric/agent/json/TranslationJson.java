package io.oranric.agent.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.api.Rejection;
import io.oranric.agent.api.Translation;
import io.oranric.policies.conflict.Conflict;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The object {@code ./ric intent --dry-run --json} prints: intentId, text, translator, confidence,
 * policies, rejected [{policy, reason}], clarification — in that order, with the contract's names.
 * {@code assumptions} and {@code conflicts} are additions (the contract allows more fields): what the
 * translator filled in, and what activation would have to resolve.
 */
public final class TranslationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TranslationJson() {
    }

    public static ObjectNode toNode(Translation t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("intentId", t.intentId());
        n.put("text", t.text());
        n.put("translator", t.translator());
        n.put("confidence", new BigDecimal(t.confidence()).setScale(2, RoundingMode.HALF_UP));
        ArrayNode policies = n.putArray("policies");
        for (Policy p : t.policies()) {
            policies.add(PolicyJson.toNode(p));
        }
        ArrayNode rejected = n.putArray("rejected");
        for (Rejection r : t.rejected()) {
            ObjectNode e = rejected.addObject();
            // a model's proposal that is not even a policy is shown as the model wrote it
            e.set("policy", r.policy() != null ? PolicyJson.toNode(r.policy()) : r.raw());
            e.put("reason", r.reason());
        }
        if (t.clarification() == null) {
            n.putNull("clarification");
        } else {
            n.put("clarification", t.clarification());
        }
        ArrayNode assumptions = n.putArray("assumptions");
        t.assumptions().forEach(assumptions::add);
        ArrayNode conflicts = n.putArray("conflicts");
        for (Conflict c : t.conflicts()) {
            ObjectNode e = conflicts.addObject();
            e.put("kind", c.kind().name());
            e.put("parameter", c.parameter());
            e.put("where", c.where());
            e.put("policyId", c.candidate().policyId());
            e.put("with", c.other().policyId());
            e.put("description", c.description());
        }
        return n;
    }

    public static String write(Translation t, boolean pretty) {
        try {
            return (pretty ? PRETTY : MAPPER).writeValueAsString(toNode(t));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree we built", e);
        }
    }
}
