package io.oranric.policies.store;

import io.oranric.policies.lifecycle.PolicyVersion;
import io.oranric.policies.model.Policy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One policy as the store holds it: its history (oldest first), the version in force or shown
 * ({@link #current()}), and who changed it last.
 */
public record StoredPolicy(String policyId, List<PolicyVersion> history, long updatedNs, String updatedBy) {

    public StoredPolicy {
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a stored policy has at least one version");
        }
    }

    /** The ACTIVE version if there is one, else the newest: what the record on the topic shows. */
    public PolicyVersion currentVersion() {
        return PolicyRecords.current(history);
    }

    public Policy current() {
        return currentVersion().policy();
    }

    /** Why the current version is in its status (null for a plain ACTIVE or PROPOSED version). */
    public String reason() {
        return currentVersion().note();
    }

    /** The newest version: differs from {@link #current()} while an update awaits approval or was refused. */
    public PolicyVersion latest() {
        return history.get(history.size() - 1);
    }

    /**
     * ACTIVE and inside its validity at {@code now}, the daily window read in {@code zone}: an ACTIVE
     * policy with a daily window is only in effect inside that window.
     */
    public boolean inEffect(Instant now, ZoneId zone) {
        Policy p = current();
        return p.status() == io.oranric.policies.model.PolicyStatus.ACTIVE && p.validity().isActiveAt(now, zone);
    }
}
