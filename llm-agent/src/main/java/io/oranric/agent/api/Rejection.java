package io.oranric.agent.api;

import io.oranric.policies.model.Policy;
import io.oranric.policies.validation.Violation;
import java.util.List;

/** A proposal the validator refused: the policy as understood, and why (field, value, bound). */
public record Rejection(Policy policy, String reason, List<Violation> violations) {

    public Rejection {
        violations = List.copyOf(violations);
    }
}
