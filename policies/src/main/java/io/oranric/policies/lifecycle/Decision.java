package io.oranric.policies.lifecycle;

import io.oranric.policies.conflict.Conflict;
import io.oranric.policies.conflict.Resolution;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.validation.Violation;
import java.util.List;

/**
 * The result of one lifecycle operation: the new book, the version it produced and everything that
 * explains it. {@code losses} lists the policies that lost a conflict (the candidate itself when it
 * lost), so nothing is dropped silently.
 */
public record Decision(PolicyBook book, Policy policy, List<Violation> violations, List<Conflict> conflicts,
                       List<Resolution.Loss> losses) {

    public Decision {
        violations = List.copyOf(violations);
        conflicts = List.copyOf(conflicts);
        losses = List.copyOf(losses);
    }

    public boolean isActive() {
        return policy.status() == PolicyStatus.ACTIVE;
    }

    public boolean isRejected() {
        return policy.status() == PolicyStatus.REJECTED;
    }
}
