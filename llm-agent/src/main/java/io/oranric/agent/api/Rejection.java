package io.oranric.agent.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.oranric.policies.model.Policy;
import io.oranric.policies.validation.Violation;
import java.util.List;

/**
 * A proposal the guardrails refused, and why (field, value, bound). Either a policy as understood
 * ({@code policy}) or, when a model's proposal could not even be read as a policy (wrong types,
 * unknown fields), the proposal as the model wrote it ({@code raw}, and {@code policy} null).
 */
public record Rejection(Policy policy, JsonNode raw, String reason, List<Violation> violations) {

    public Rejection {
        if (policy == null && raw == null) {
            throw new IllegalArgumentException("a rejection names the policy or the raw proposal");
        }
        violations = List.copyOf(violations);
    }

    public Rejection(Policy policy, String reason, List<Violation> violations) {
        this(policy, null, reason, violations);
    }

    /** A proposal that is not a policy at all (the reason says which field and why). */
    public static Rejection unreadable(JsonNode raw, String reason) {
        return new Rejection(null, raw, reason, List.of());
    }
}
