package io.oranric.policies.model;

import java.time.Instant;
import java.time.ZoneId;

/**
 * When a policy is in force: an absolute interval [from, until) (either end open when null), further
 * restricted to a daily window when {@code daily} is set.
 */
public record Validity(Instant from, Instant until, DailyWindow daily) {

    public static final Validity ALWAYS = new Validity(null, null, null);

    public static Validity daily(DailyWindow window) {
        return new Validity(null, null, window);
    }

    public boolean isAlways() {
        return from == null && until == null && daily == null;
    }

    /** In force at instant {@code t}, with the daily window read in the network's zone. */
    public boolean isActiveAt(Instant t, ZoneId zone) {
        if (from != null && t.isBefore(from)) {
            return false;
        }
        if (until != null && !t.isBefore(until)) {
            return false;
        }
        return daily == null || daily.contains(t.atZone(zone).toLocalTime());
    }

    /** The absolute interval has ended by {@code t}: nothing can make this policy apply again. */
    public boolean hasEndedBy(Instant t) {
        return until != null && !t.isBefore(until);
    }

    /**
     * Whether two validities can be in force at the same moment. Conservative: absolute intervals must
     * intersect and, when both are daily, the windows must share a time of day; a daily window against
     * a short absolute interval that falls outside it still counts as overlapping. Reporting a conflict
     * that cannot happen is the safe side of this approximation.
     */
    public boolean overlaps(Validity other) {
        boolean absolute = (until == null || other.from == null || other.from.isBefore(until))
                && (other.until == null || from == null || from.isBefore(other.until));
        if (!absolute) {
            return false;
        }
        return daily == null || other.daily == null || daily.overlaps(other.daily);
    }
}
