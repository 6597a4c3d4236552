package io.oranric.policies.lifecycle;

import io.oranric.policies.conflict.Conflict;
import io.oranric.policies.conflict.ConflictDetector;
import io.oranric.policies.conflict.Resolution;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The versioned set of policies as a pure value: every operation returns a new book and leaves this
 * one untouched, so the store can persist (and a test can compare) each step. Histories only grow:
 * each state change rewrites the status of an existing version, each change of content is a new
 * version, and a rollback is a new version with an old version's content.
 */
public final class PolicyBook {

    private final Map<String, List<PolicyVersion>> histories;
    private final PolicyValidator validator;
    private final ConflictDetector detector;

    private PolicyBook(Map<String, List<PolicyVersion>> histories, PolicyValidator validator, ConflictDetector detector) {
        this.histories = histories;
        this.validator = validator;
        this.detector = detector;
    }

    public static PolicyBook empty(PolicyValidator validator) {
        return new PolicyBook(Map.of(), validator, new ConflictDetector(validator.inventory()));
    }

    // ------------------------------------------------------------------ queries

    /** Every policy with a history, in the order they entered the book. */
    public List<String> policyIds() {
        return List.copyOf(histories.keySet());
    }

    public List<PolicyVersion> history(String policyId) {
        return histories.getOrDefault(policyId, List.of());
    }

    public Optional<Policy> latest(String policyId) {
        List<PolicyVersion> h = history(policyId);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1).policy());
    }

    /** The version of each policy that is ACTIVE, if any (at most one per policyId). */
    public List<Policy> active() {
        return histories.values().stream().flatMap(List::stream).map(PolicyVersion::policy)
                .filter(p -> p.status() == PolicyStatus.ACTIVE).collect(Collectors.toUnmodifiableList());
    }

    /** ACTIVE policies whose validity (daily window included) covers {@code t}. */
    public List<Policy> inEffectAt(Instant t) {
        return active().stream().filter(p -> p.validity().isActiveAt(t, validator.inventory().zone())).toList();
    }

    // ------------------------------------------------------------------ operations

    /**
     * Adds a new version of {@code policy.policyId()} as PROPOSED, or REJECTED when it breaks the
     * safety envelope. A pending proposal of the same policy is superseded by the new one.
     */
    public Decision propose(Policy policy) {
        String id = requireId(policy);
        Map<String, List<PolicyVersion>> next = copy();
        List<PolicyVersion> h = new ArrayList<>(history(id));
        if (!h.isEmpty() && h.get(h.size() - 1).policy().status() == PolicyStatus.PROPOSED) {
            PolicyVersion pending = h.get(h.size() - 1);
            h.set(h.size() - 1, pending.moveTo(moved(pending.policy(), PolicyStatus.SUPERSEDED), "replaced by a newer proposal"));
        }
        Policy candidate = policy.withVersion(nextVersion(h)).withStatus(PolicyStatus.PROPOSED);
        List<Violation> violations = validator.validate(candidate, active());
        String note = null;
        if (!violations.isEmpty()) {
            candidate = candidate.withStatus(PolicyStatus.REJECTED);
            note = violations.stream().map(Violation::message).collect(Collectors.joining("; "));
        }
        h.add(new PolicyVersion(candidate, false, note));
        next.put(id, List.copyOf(h));
        return new Decision(with(next), candidate, violations, List.of(), List.of());
    }

    /**
     * Moves the pending proposal of {@code policyId} to ACTIVE if it is still valid, within the envelope
     * given everything in force, and wins every conflict; otherwise it becomes REJECTED (or EXPIRED if
     * its validity is over). Winning supersedes the policy's previous active version and every loser.
     */
    public Decision activate(String policyId, Instant now) {
        PolicyVersion pending = pendingProposal(policyId);
        Policy candidate = pending.policy();
        Map<String, List<PolicyVersion>> next = copy();
        if (candidate.validity().hasEndedBy(now)) {
            Policy expired = moved(candidate, PolicyStatus.EXPIRED);
            replaceLatest(next, policyId, pending.moveTo(expired, "validity ended before activation"));
            return new Decision(with(next), expired, List.of(), List.of(), List.of());
        }
        List<Policy> inForce = active();
        List<Violation> violations = validator.validate(candidate, inForce);
        if (!violations.isEmpty()) {
            Policy rejected = moved(candidate, PolicyStatus.REJECTED);
            replaceLatest(next, policyId, pending.moveTo(rejected,
                    violations.stream().map(Violation::message).collect(Collectors.joining("; "))));
            return new Decision(with(next), rejected, violations, List.of(), List.of());
        }
        List<Conflict> conflicts = detector.detect(candidate, inForce);
        Resolution resolution = Resolution.resolve(candidate, conflicts);
        if (!resolution.candidateWins()) {
            Policy rejected = moved(candidate, PolicyStatus.REJECTED);
            replaceLatest(next, policyId, pending.moveTo(rejected, resolution.losses().stream()
                    .map(Resolution.Loss::toString).collect(Collectors.joining("; "))));
            return new Decision(with(next), rejected, List.of(), conflicts, resolution.losses());
        }
        for (Resolution.Loss loss : resolution.losses()) {
            supersedeActive(next, loss.loser().policyId(), loss.toString());
        }
        supersedeActive(next, policyId, "replaced by v" + candidate.version());
        Policy activated = moved(candidate, PolicyStatus.ACTIVE);
        replaceLatest(next, policyId, pending.moveTo(activated, null));
        return new Decision(with(next), activated, List.of(), conflicts, resolution.losses());
    }

    /** Operator refusal of a pending proposal. */
    public Decision reject(String policyId, String reason) {
        PolicyVersion pending = pendingProposal(policyId);
        Policy rejected = moved(pending.policy(), PolicyStatus.REJECTED);
        Map<String, List<PolicyVersion>> next = copy();
        replaceLatest(next, policyId, pending.moveTo(rejected, reason));
        return new Decision(with(next), rejected, List.of(), List.of(), List.of());
    }

    /** Every ACTIVE or PROPOSED version whose validity has ended by {@code now} becomes EXPIRED. */
    public ExpiryResult expire(Instant now) {
        Map<String, List<PolicyVersion>> next = copy();
        List<Policy> expired = new ArrayList<>();
        for (var e : histories.entrySet()) {
            List<PolicyVersion> h = new ArrayList<>(e.getValue());
            boolean changed = false;
            for (int i = 0; i < h.size(); i++) {
                Policy p = h.get(i).policy();
                if ((p.status() == PolicyStatus.ACTIVE || p.status() == PolicyStatus.PROPOSED) && p.validity().hasEndedBy(now)) {
                    Policy moved = moved(p, PolicyStatus.EXPIRED);
                    h.set(i, h.get(i).moveTo(moved, "validity ended " + p.validity().until()));
                    expired.add(moved);
                    changed = true;
                }
            }
            if (changed) {
                next.put(e.getKey(), List.copyOf(h));
            }
        }
        return new ExpiryResult(with(next), List.copyOf(expired));
    }

    public record ExpiryResult(PolicyBook book, List<Policy> expired) {
    }

    /**
     * Restores the content of the last version before the active one that was ever in force, as a new
     * version that goes through {@link #activate} like any other: the network may have changed since,
     * so the old content is validated and conflict-checked again. If it fails, the current version stays.
     */
    public Decision rollback(String policyId, Instant now) {
        List<PolicyVersion> h = history(policyId);
        if (h.isEmpty()) {
            throw new PolicyLifecycleException("unknown policy " + policyId);
        }
        int current = -1;
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).policy().status() == PolicyStatus.ACTIVE) {
                current = i;
                break;
            }
        }
        if (current < 0) {
            throw new PolicyLifecycleException(policyId + " has no active version to roll back from");
        }
        PolicyVersion target = null;
        for (int i = current - 1; i >= 0; i--) {
            if (h.get(i).everActive()) {
                target = h.get(i);
                break;
            }
        }
        if (target == null) {
            throw new PolicyLifecycleException(policyId + " v" + h.get(current).policy().version()
                    + " has no earlier version that was ever active");
        }
        Policy restored = target.policy().withStatus(PolicyStatus.PROPOSED);
        Map<String, List<PolicyVersion>> next = copy();
        List<PolicyVersion> nh = new ArrayList<>(h);
        if (nh.get(nh.size() - 1).policy().status() == PolicyStatus.PROPOSED) {
            PolicyVersion pending = nh.get(nh.size() - 1);
            nh.set(nh.size() - 1, pending.moveTo(moved(pending.policy(), PolicyStatus.SUPERSEDED), "dropped by a rollback"));
        }
        nh.add(new PolicyVersion(restored.withVersion(nextVersion(nh)), false,
                "rollback to v" + target.policy().version()));
        next.put(policyId, List.copyOf(nh));
        return with(next).activate(policyId, now);
    }

    /**
     * This book with one policy's history replaced, or removed when {@code history} is empty: how the
     * store applies a record it read back from the topic. The history is taken as written (oldest
     * first); its consistency is the writer's business, checked only for the id.
     */
    public PolicyBook withHistory(String policyId, List<PolicyVersion> history) {
        Map<String, List<PolicyVersion>> next = copy();
        if (history.isEmpty()) {
            next.remove(policyId);
        } else {
            for (PolicyVersion v : history) {
                if (!policyId.equals(v.policy().policyId())) {
                    throw new PolicyLifecycleException("history of " + policyId + " holds " + v.policy().label());
                }
            }
            next.put(policyId, List.copyOf(history));
        }
        return with(next);
    }

    // ------------------------------------------------------------------ internals

    /**
     * One more than the newest version, not the history's length: a history restored from a store
     * record may start at any version, and numbers must never be reused.
     */
    private static int nextVersion(List<PolicyVersion> h) {
        return h.isEmpty() ? 1 : h.get(h.size() - 1).policy().version() + 1;
    }

    private static String requireId(Policy p) {
        if (p.policyId() == null || p.policyId().isBlank()) {
            throw new PolicyLifecycleException("a policy needs a policyId before it enters the book");
        }
        return p.policyId();
    }

    private PolicyVersion pendingProposal(String policyId) {
        List<PolicyVersion> h = history(policyId);
        if (h.isEmpty()) {
            throw new PolicyLifecycleException("unknown policy " + policyId);
        }
        PolicyVersion latest = h.get(h.size() - 1);
        if (latest.policy().status() != PolicyStatus.PROPOSED) {
            throw new PolicyLifecycleException(policyId + " v" + latest.policy().version() + " is "
                    + latest.policy().status() + ", not PROPOSED");
        }
        return latest;
    }

    private static Policy moved(Policy p, PolicyStatus target) {
        if (!p.status().canMoveTo(target)) {
            throw new PolicyLifecycleException(p.label() + " cannot move from " + p.status() + " to " + target);
        }
        return p.withStatus(target);
    }

    private void supersedeActive(Map<String, List<PolicyVersion>> next, String policyId, String why) {
        List<PolicyVersion> h = new ArrayList<>(next.getOrDefault(policyId, List.of()));
        boolean changed = false;
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).policy().status() == PolicyStatus.ACTIVE) {
                h.set(i, h.get(i).moveTo(moved(h.get(i).policy(), PolicyStatus.SUPERSEDED), why));
                changed = true;
            }
        }
        if (changed) {
            next.put(policyId, List.copyOf(h));
        }
    }

    private static void replaceLatest(Map<String, List<PolicyVersion>> next, String policyId, PolicyVersion v) {
        List<PolicyVersion> h = new ArrayList<>(next.get(policyId));
        h.set(h.size() - 1, v);
        next.put(policyId, List.copyOf(h));
    }

    private Map<String, List<PolicyVersion>> copy() {
        return new LinkedHashMap<>(histories);
    }

    private PolicyBook with(Map<String, List<PolicyVersion>> next) {
        return new PolicyBook(Collections.unmodifiableMap(next), validator, detector);
    }

    @Override
    public String toString() {
        return "PolicyBook" + histories.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyBook b && histories.equals(b.histories);
    }

    @Override
    public int hashCode() {
        return Objects.hash(histories);
    }
}
