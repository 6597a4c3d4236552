package io.oranric.policies.lifecycle;

/** An operation that the lifecycle does not allow in the current state (unknown id, illegal transition). */
public final class PolicyLifecycleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PolicyLifecycleException(String message) {
        super(message);
    }
}
