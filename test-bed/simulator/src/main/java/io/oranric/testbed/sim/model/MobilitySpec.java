package io.oranric.testbed.sim.model;

/**
 * Random waypoint mobility inside a disc around the UE's drop point (its "home"), so that each cell keeps its
 * population and hotspots stay hot, instead of the drift to the map centre of an unbounded random waypoint.
 *
 * @param minSpeedMps    lower speed bound
 * @param maxSpeedMps    upper speed bound
 * @param minPauseS      lower pause at a waypoint
 * @param maxPauseS      upper pause
 * @param staticFraction share of UEs that never move (sensors, fixed wireless)
 * @param roamRadiusM    radius of the home disc
 */
public record MobilitySpec(double minSpeedMps, double maxSpeedMps, double minPauseS, double maxPauseS,
                           double staticFraction, double roamRadiusM) {

    public MobilitySpec {
        if (minSpeedMps < 0 || maxSpeedMps < minSpeedMps || minPauseS < 0 || maxPauseS < minPauseS
                || staticFraction < 0 || staticFraction > 1 || roamRadiusM < 0) {
            throw new IllegalArgumentException("invalid mobility: speeds, pauses and radius must be ordered and >= 0,"
                    + " staticFraction in 0..1");
        }
    }

    public static MobilitySpec pedestrian(double roamRadiusM) {
        return new MobilitySpec(0.5, 1.5, 0, 30, 0.2, roamRadiusM);
    }

    public static MobilitySpec stationary() {
        return new MobilitySpec(0, 0, 0, 0, 1.0, 0);
    }
}
