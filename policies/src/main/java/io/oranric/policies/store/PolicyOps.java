package io.oranric.policies.store;

import io.oranric.policies.conflict.Conflict;
import io.oranric.policies.conflict.ConflictDetector;
import io.oranric.policies.conflict.Resolution;
import io.oranric.policies.lifecycle.Decision;
import io.oranric.policies.lifecycle.PolicyBook;
import io.oranric.policies.lifecycle.PolicyVersion;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The store's decisions as pure functions of a book: what {@link PolicyStore} does before it writes
 * anything. Kept apart so that the rules can be read (and tested) without Kafka.
 */
public final class PolicyOps {

    private PolicyOps() {
    }

    /**
     * A new version of {@code policy}: validated against the envelope (REJECTED with the violations),
     * then checked against the ACTIVE policies. A candidate that would lose a conflict is REJECTED at
     * once with the conflicts that cost it, since approving it could not make it win. A winner is
     * ACTIVE in auto-approve mode (its losers SUPERSEDED); otherwise it stays PROPOSED and the losses
     * say what its activation would supersede.
     */
    public static Decision submit(PolicyBook book, ConflictDetector detector, Policy policy, boolean autoApprove,
                                  Instant now) {
        Decision proposed = book.propose(policy);
        if (proposed.isRejected()) {
            return proposed;
        }
        String id = proposed.policy().policyId();
        if (autoApprove) {
            return proposed.book().activate(id, now);
        }
        List<Conflict> conflicts = detector.detect(proposed.policy(), proposed.book().active());
        Resolution resolution = Resolution.resolve(proposed.policy(), conflicts);
        if (!resolution.candidateWins()) {
            Decision rejected = proposed.book().reject(id, lossReason(resolution.losses()));
            return new Decision(rejected.book(), rejected.policy(), List.of(), conflicts, resolution.losses());
        }
        return new Decision(proposed.book(), proposed.policy(), List.of(), conflicts, resolution.losses());
    }

    static String lossReason(List<Resolution.Loss> losses) {
        return losses.stream().map(Resolution.Loss::toString).collect(Collectors.joining("; "));
    }

    /**
     * The last history a deleted policy is written with before its tombstone: every version still
     * PROPOSED or ACTIVE becomes SUPERSEDED with the reason, so that a follower that reads the status
     * (and misses the tombstone after compaction) stops enforcing it too.
     */
    public static List<PolicyVersion> deletedHistory(List<PolicyVersion> history, String reason) {
        List<PolicyVersion> out = new ArrayList<>(history.size());
        for (PolicyVersion v : history) {
            PolicyStatus s = v.policy().status();
            if (s == PolicyStatus.ACTIVE || s == PolicyStatus.PROPOSED) {
                out.add(new PolicyVersion(v.policy().withStatus(PolicyStatus.SUPERSEDED), v.everActive(), reason));
            } else {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }
}
