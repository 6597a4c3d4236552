package io.oranric.testbed.sim.model;

/**
 * Mobility and connection parameters (TS 38.331 names where they exist).
 *
 * @param hysteresisDb     A3 hysteresis
 * @param a3OffsetDb       A3 offset
 * @param tttMs            time to trigger
 * @param qRxLevMinDbm     minimum SS-RSRP for a cell to be usable (selection, handover target, forced handover)
 * @param interruptionMs   user-plane interruption of a handover
 * @param t310Ms           radio link failure timer: a UE below the lowest CQI this long re-establishes
 * @param inactivityTimerMs a UE without traffic this long leaves RRC_CONNECTED
 */
public record HandoverSpec(double hysteresisDb, double a3OffsetDb, long tttMs, double qRxLevMinDbm,
                           long interruptionMs, long t310Ms, long inactivityTimerMs) {

    public HandoverSpec {
        if (hysteresisDb < 0 || tttMs < 0 || interruptionMs < 0 || t310Ms < 0 || inactivityTimerMs < 0) {
            throw new IllegalArgumentException("handover timers and hysteresis must be >= 0");
        }
    }

    public static HandoverSpec defaults() {
        return new HandoverSpec(2.0, 1.0, 160, -124, 30, 1000, 10_000);
    }
}
