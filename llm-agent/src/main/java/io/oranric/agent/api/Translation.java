package io.oranric.agent.api;

import io.oranric.policies.conflict.Conflict;
import io.oranric.policies.model.Policy;
import java.util.List;

/**
 * The outcome of translating one intent.
 *
 * <p>Exactly one of two shapes: understood ({@code clarification == null}; proposals under
 * {@code policies}, refused ones under {@code rejected}) or not understood ({@code clarification} is a
 * question for the operator and both lists are empty).
 *
 * @param confidence  0..1; below the translator's threshold the answer is a clarification
 * @param assumptions defaults the translator filled in (never silent): "mode REDUCE_POWER assumed"
 * @param conflicts   what activation would have to resolve: proposals against policies in force or
 *                    against each other (resolution by priority happens at activation, not here)
 */
public record Translation(String intentId, String text, String translator, double confidence, List<Policy> policies,
                          List<Rejection> rejected, String clarification, List<String> assumptions,
                          List<Conflict> conflicts) {

    public Translation {
        policies = List.copyOf(policies);
        rejected = List.copyOf(rejected);
        assumptions = List.copyOf(assumptions);
        conflicts = List.copyOf(conflicts);
        if (clarification != null && (!policies.isEmpty() || !rejected.isEmpty())) {
            throw new IllegalArgumentException("a clarification carries no policies");
        }
    }

    public static Translation clarify(String intentId, String text, String translator, double confidence,
                                      String question, List<String> assumptions) {
        return new Translation(intentId, text, translator, confidence, List.of(), List.of(), question, assumptions, List.of());
    }

    public boolean understood() {
        return clarification == null;
    }
}
