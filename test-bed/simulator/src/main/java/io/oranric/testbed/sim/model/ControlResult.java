package io.oranric.testbed.sim.model;

import java.util.Objects;

/**
 * Outcome of {@link Network#apply(Control)}.
 *
 * @param accepted whether the model applied the control
 * @param reason   why not (null when accepted)
 * @param detail   a sentence naming the field, the value and the bound, for logs and for the RIC
 */
public record ControlResult(boolean accepted, RejectReason reason, String detail) {

    private static final ControlResult OK = new ControlResult(true, null, "accepted");

    public ControlResult {
        if (accepted != (reason == null)) {
            throw new IllegalArgumentException("a rejection needs a reason, an acceptance none");
        }
        Objects.requireNonNull(detail, "detail");
    }

    public static ControlResult ok() {
        return OK;
    }

    public static ControlResult rejected(RejectReason reason, String detail) {
        return new ControlResult(false, Objects.requireNonNull(reason, "reason"), detail);
    }
}
