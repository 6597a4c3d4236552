package io.oranric.policies.lifecycle;

import io.oranric.policies.model.Policy;

/**
 * One entry of a policy's history.
 *
 * @param everActive whether this version was in force at some point: only such versions are rollback
 *                   targets (a superseded proposal that never ran is not a known-good state)
 * @param note       why the version is in its status ("lost to p-2 v1: ...", "rolled back from v3")
 */
public record PolicyVersion(Policy policy, boolean everActive, String note) {

    PolicyVersion moveTo(Policy moved, String why) {
        return new PolicyVersion(moved, everActive || moved.status() == io.oranric.policies.model.PolicyStatus.ACTIVE,
                why == null ? note : why);
    }
}
