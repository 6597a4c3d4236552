package io.oranric.policies.model;

import java.util.Objects;

/**
 * One version of one policy. {@code policyId} and {@code intentId} may be null while a policy is only
 * a translation draft; the store assigns ids. {@code version} counts from 1 per policyId.
 */
public record Policy(String policyId, Statement statement, Scope scope, int priority, Validity validity,
                     String intentId, PolicyStatus status, int version) {

    public static final int DEFAULT_PRIORITY = 50;

    public Policy {
        Objects.requireNonNull(statement, "statement");
        scope = scope == null ? Scope.NETWORK : scope;
        validity = validity == null ? Validity.ALWAYS : validity;
        status = status == null ? PolicyStatus.PROPOSED : status;
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    /** A fresh proposal: no ids, default priority, always valid, version 1. */
    public static Policy draft(Statement statement, Scope scope) {
        return new Policy(null, statement, scope, DEFAULT_PRIORITY, Validity.ALWAYS, null, PolicyStatus.PROPOSED, 1);
    }

    public PolicyType type() {
        return statement.type();
    }

    public Policy withStatus(PolicyStatus newStatus) {
        return new Policy(policyId, statement, scope, priority, validity, intentId, newStatus, version);
    }

    public Policy withVersion(int newVersion) {
        return new Policy(policyId, statement, scope, priority, validity, intentId, status, newVersion);
    }

    public Policy withIds(String newPolicyId, String newIntentId) {
        return new Policy(newPolicyId, statement, scope, priority, validity, newIntentId, status, version);
    }

    public Policy withValidity(Validity newValidity) {
        return new Policy(policyId, statement, scope, priority, newValidity, intentId, status, version);
    }

    public Policy withPriority(int newPriority) {
        return new Policy(policyId, statement, scope, newPriority, validity, intentId, status, version);
    }

    public Policy withScope(Scope newScope) {
        return new Policy(policyId, statement, newScope, priority, validity, intentId, status, version);
    }

    public Policy withStatement(Statement newStatement) {
        return new Policy(policyId, newStatement, scope, priority, validity, intentId, status, version);
    }

    /** "p-7f3a v2" or the type when the policy has no id yet: used in messages. */
    public String label() {
        return policyId == null ? type().wireName() + " proposal" : policyId + " v" + version;
    }
}
