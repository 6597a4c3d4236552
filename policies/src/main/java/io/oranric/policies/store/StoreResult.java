package io.oranric.policies.store;

import io.oranric.policies.conflict.Conflict;
import io.oranric.policies.conflict.Resolution;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.validation.Violation;
import java.util.List;

/**
 * What one store operation decided.
 *
 * @param decided    the version the operation produced or moved (REJECTED v2 while v1 stays ACTIVE, say)
 * @param losses     every policy that lost a conflict: the candidate itself when it lost; the policies
 *                   it superseded when it won and became ACTIVE; while it is only PROPOSED, the
 *                   policies its activation would supersede
 * @param superseded ids of other policies this operation moved out of ACTIVE
 * @param policy     the candidate's policy as stored after the operation
 * @param created    whether the operation created the policy
 */
public record StoreResult(Policy decided, List<Violation> violations, List<Conflict> conflicts,
                          List<Resolution.Loss> losses, List<String> superseded, StoredPolicy policy, boolean created) {

    public StoreResult {
        violations = List.copyOf(violations);
        conflicts = List.copyOf(conflicts);
        losses = List.copyOf(losses);
        superseded = List.copyOf(superseded);
    }

    public boolean rejectedByEnvelope() {
        return decided.status() == PolicyStatus.REJECTED && !violations.isEmpty();
    }

    public boolean lostConflict() {
        return decided.status() == PolicyStatus.REJECTED && violations.isEmpty() && !losses.isEmpty();
    }
}
