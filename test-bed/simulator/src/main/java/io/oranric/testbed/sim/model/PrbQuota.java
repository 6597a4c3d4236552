package io.oranric.testbed.sim.model;

import java.util.Optional;

/**
 * One slice's share of a cell's PRBs, with the semantics of the O-RAN / 3GPP RRM policy ratio
 * (TS 28.541 RRMPolicyRatio, E2SM-RC style 2 action 6 "Slice-level PRB quota"), in percent of the PRBs:
 *
 * <ul>
 *   <li>{@code dedicatedPct}: reserved for the slice; unused dedicated PRBs stay idle.</li>
 *   <li>{@code minPct}: prioritized up to this share (dedicated included); what the slice does not use goes to
 *       the others.</li>
 *   <li>{@code maxPct}: the slice never gets more than this share.</li>
 * </ul>
 */
public record PrbQuota(double minPct, double maxPct, double dedicatedPct) {

    /** What a slice gets when nobody configured it: no reservation, no cap. */
    public static final PrbQuota UNRESTRICTED = new PrbQuota(0, 100, 0);

    /** Why the triple is not a valid quota, or empty. Cross-slice sums are checked by the cell. */
    public Optional<String> problem() {
        return rangeProblem().or(this::orderProblem);
    }

    /** A ratio outside 0..100 (or NaN). */
    public Optional<String> rangeProblem() {
        if (!inRange(dedicatedPct)) {
            return Optional.of("dedicatedPrbPct " + fmt(dedicatedPct) + " outside 0..100");
        }
        if (!inRange(minPct)) {
            return Optional.of("minPrbPct " + fmt(minPct) + " outside 0..100");
        }
        if (!inRange(maxPct)) {
            return Optional.of("maxPrbPct " + fmt(maxPct) + " outside 0..100");
        }
        return Optional.empty();
    }

    /** Ratios in range but out of order: dedicated &lt;= min &lt;= max must hold. */
    public Optional<String> orderProblem() {
        if (dedicatedPct > minPct) {
            return Optional.of("dedicatedPrbPct " + fmt(dedicatedPct) + " exceeds minPrbPct " + fmt(minPct));
        }
        if (minPct > maxPct) {
            return Optional.of("minPrbPct " + fmt(minPct) + " exceeds maxPrbPct " + fmt(maxPct));
        }
        return Optional.empty();
    }

    private static boolean inRange(double v) {
        return !Double.isNaN(v) && v >= 0 && v <= 100;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
