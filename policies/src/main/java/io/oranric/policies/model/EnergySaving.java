package io.oranric.policies.model;

import java.util.Objects;

/** Energy saving: sleep a cell or lower its power, optionally only below a load threshold (percent). */
public record EnergySaving(Mode mode, Double whenLoadBelowPct, boolean keepCoverage) implements Statement {

    public enum Mode { SLEEP, REDUCE_POWER }

    public EnergySaving {
        Objects.requireNonNull(mode, "EnergySaving needs a mode");
    }

    /** keepCoverage defaults to true in the contract. */
    public EnergySaving(Mode mode, Double whenLoadBelowPct) {
        this(mode, whenLoadBelowPct, true);
    }

    @Override
    public PolicyType type() {
        return PolicyType.ENERGY_SAVING;
    }
}
