package io.oranric.policies.model;

import java.util.List;
import java.util.Objects;

/** Handover preference of the scoped UEs towards (or away from) the target cells. */
public record TrafficSteering(Preference preference, List<String> targetCells) implements Statement {

    public enum Preference { PREFER, AVOID, FORBID }

    public TrafficSteering {
        Objects.requireNonNull(preference, "TrafficSteering needs a preference");
        targetCells = List.copyOf(Objects.requireNonNull(targetCells, "TrafficSteering needs targetCells"));
        if (targetCells.isEmpty()) {
            throw new IllegalArgumentException("TrafficSteering needs at least one target cell");
        }
    }

    @Override
    public PolicyType type() {
        return PolicyType.TRAFFIC_STEERING;
    }
}
