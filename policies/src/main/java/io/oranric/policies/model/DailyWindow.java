package io.oranric.policies.model;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A time-of-day window in the network's local time zone, repeated every day. {@code end <= start}
 * means the window crosses midnight (22:00-06:00). Start is inclusive, end exclusive.
 */
public record DailyWindow(LocalTime start, LocalTime end) {

    public DailyWindow {
        Objects.requireNonNull(start, "daily.start");
        Objects.requireNonNull(end, "daily.end");
        if (start.equals(end)) {
            // 00:00-00:00 could mean "all day" or "never"; the contract has validity without daily for the former.
            throw new IllegalArgumentException("daily window start and end are both " + start);
        }
    }

    public static DailyWindow of(String start, String end) {
        return new DailyWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    public boolean contains(LocalTime t) {
        if (crossesMidnight()) {
            return !t.isBefore(start) || t.isBefore(end);
        }
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Whether some time of day lies in both windows. */
    public boolean overlaps(DailyWindow other) {
        return contains(other.start) || other.contains(start);
    }
}
