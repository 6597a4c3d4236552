package io.oranric.policies.a1;

/**
 * The operations of {@code a1/openapi.json}, by operationId. The server binds a handler to each, and
 * fails at start when the document and this enum disagree, so neither can drift alone.
 */
public enum A1Operation {
    GET_OPEN_API("getOpenApi"),
    LIST_POLICY_TYPES("listPolicyTypes"),
    GET_POLICY_TYPE("getPolicyType"),
    LIST_POLICIES_OF_TYPE("listPoliciesOfType"),
    PUT_POLICY("putPolicy"),
    GET_POLICY("getPolicy"),
    DELETE_POLICY("deletePolicy"),
    GET_POLICY_STATUS("getPolicyStatus"),
    LIST_POLICIES("listPolicies"),
    SUBMIT_POLICY("submitPolicy"),
    GET_STORED_POLICY("getStoredPolicy"),
    DELETE_STORED_POLICY("deleteStoredPolicy"),
    ACTIVATE_POLICY("activatePolicy"),
    REJECT_POLICY("rejectPolicy"),
    ROLLBACK_POLICY("rollbackPolicy");

    private final String operationId;

    A1Operation(String operationId) {
        this.operationId = operationId;
    }

    public String operationId() {
        return operationId;
    }
}
