package io.oranric.policies.model;

/**
 * What a policy asks for. One record per policy type; the sealed hierarchy lets validation, conflict
 * detection and the enforcing xApps switch exhaustively over the types.
 *
 * <p>Optional numeric fields are nullable boxed values: the contract distinguishes "absent" from any
 * number, and absent fields are omitted from the JSON.
 */
public sealed interface Statement
        permits SliceSla, PrbQuota, TxPower, Spectrum, EnergySaving, TrafficSteering {

    PolicyType type();
}
