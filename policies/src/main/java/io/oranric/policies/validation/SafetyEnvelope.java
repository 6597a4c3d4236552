package io.oranric.policies.validation;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Bounds no policy may cross, whatever an operator or a model asks for. Lab defaults follow the
 * policy contract; a deployment passes its own values (a real site's licence and regulator decide
 * its power and spectrum limits).
 *
 * @param maxPacketLossPct upper bound accepted for a loss target; a target of 0 is allowed (best effort)
 * @param allowCoverageLoss whether an EnergySaving policy may leave a coverage area without an active
 *                          cell; false in the lab and in any sane deployment
 */
public record SafetyEnvelope(double minTxPowerDbm, double maxTxPowerDbm, double maxTxPowerStepDb,
                             SortedSet<Double> allowedBandwidthsMHz, double minPrbPct, double maxPrbPct,
                             double maxCellMinPrbSumPct, double maxLatencyMs, double maxPacketLossPct,
                             int minPriority, int maxPriority, boolean allowCoverageLoss) {

    public SafetyEnvelope {
        if (minTxPowerDbm > maxTxPowerDbm) {
            throw new IllegalArgumentException("minTxPowerDbm > maxTxPowerDbm");
        }
        allowedBandwidthsMHz = Collections.unmodifiableSortedSet(new TreeSet<>(allowedBandwidthsMHz));
    }

    public static SafetyEnvelope labDefaults() {
        TreeSet<Double> bw = new TreeSet<>();
        for (double b : new double[] {5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100}) {
            bw.add(b);
        }
        return new SafetyEnvelope(10, 46, 6, bw, 0, 100, 100, 10_000, 100, 0, 100, false);
    }

    public SafetyEnvelope withTxPower(double min, double max, double step) {
        return new SafetyEnvelope(min, max, step, allowedBandwidthsMHz, minPrbPct, maxPrbPct, maxCellMinPrbSumPct,
                maxLatencyMs, maxPacketLossPct, minPriority, maxPriority, allowCoverageLoss);
    }
}
