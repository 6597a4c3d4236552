package io.oranric.policies.model;

import java.util.Arrays;
import java.util.Optional;

/** The policy types of the contract; {@link #wireName()} is the exact JSON value of {@code type}. */
public enum PolicyType {
    SLICE_SLA("SliceSla"),
    PRB_QUOTA("PrbQuota"),
    TX_POWER("TxPower"),
    SPECTRUM("Spectrum"),
    ENERGY_SAVING("EnergySaving"),
    TRAFFIC_STEERING("TrafficSteering");

    private final String wireName;

    PolicyType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PolicyType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** Types whose effect is per cell, for which a slice in the scope has no meaning. */
    public boolean isCellLevel() {
        return this == TX_POWER || this == SPECTRUM || this == ENERGY_SAVING;
    }
}
