package io.oranric.policies.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ValidityTest {

    private static final DailyWindow NIGHT = DailyWindow.of("22:00", "06:00");
    private static final DailyWindow OFFICE = DailyWindow.of("09:00", "17:00");

    @Test
    void window_crossing_midnight_contains_late_evening_and_early_morning_only() {
        assertThat(NIGHT.crossesMidnight()).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(22, 0))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(0, 0))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(5, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(6, 0))).isFalse();
        assertThat(NIGHT.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(NIGHT.contains(LocalTime.of(21, 59))).isFalse();
    }

    @Test
    void window_within_one_day_is_start_inclusive_end_exclusive() {
        assertThat(OFFICE.crossesMidnight()).isFalse();
        assertThat(OFFICE.contains(LocalTime.of(9, 0))).isTrue();
        assertThat(OFFICE.contains(LocalTime.of(16, 59))).isTrue();
        assertThat(OFFICE.contains(LocalTime.of(17, 0))).isFalse();
        assertThat(OFFICE.contains(LocalTime.of(2, 0))).isFalse();
    }

    @Test
    void windows_overlap_only_when_they_share_a_time_of_day() {
        assertThat(NIGHT.overlaps(OFFICE)).isFalse();
        assertThat(OFFICE.overlaps(NIGHT)).isFalse();
        assertThat(NIGHT.overlaps(DailyWindow.of("05:00", "07:00"))).isTrue();
        assertThat(DailyWindow.of("23:00", "01:00").overlaps(NIGHT)).isTrue();
        assertThat(DailyWindow.of("06:00", "22:00").overlaps(NIGHT)).isFalse();
    }

    @Test
    void equal_start_and_end_is_refused() {
        assertThatThrownBy(() -> DailyWindow.of("06:00", "06:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void daily_window_is_read_in_the_network_zone() {
        Validity v = Validity.daily(NIGHT);
        Instant t = Instant.parse("2026-11-22T21:30:00Z"); // 22:30 in Paris (UTC+1 in November)
        assertThat(v.isActiveAt(t, ZoneId.of("Europe/Paris"))).isTrue();
        assertThat(v.isActiveAt(t, ZoneId.of("UTC"))).isFalse();
    }

    @Test
    void absolute_bounds_apply_with_from_inclusive_and_until_exclusive() {
        Instant from = Instant.parse("2026-11-22T22:00:00Z");
        Instant until = Instant.parse("2026-11-23T06:00:00Z");
        Validity v = new Validity(from, until, null);
        ZoneId utc = ZoneId.of("UTC");
        assertThat(v.isActiveAt(from.minusSeconds(1), utc)).isFalse();
        assertThat(v.isActiveAt(from, utc)).isTrue();
        assertThat(v.isActiveAt(until.minusSeconds(1), utc)).isTrue();
        assertThat(v.isActiveAt(until, utc)).isFalse();
        assertThat(v.hasEndedBy(until)).isTrue();
        assertThat(v.hasEndedBy(until.minusSeconds(1))).isFalse();
        assertThat(Validity.ALWAYS.hasEndedBy(until)).isFalse();
    }

    @Test
    void absolute_intervals_that_do_not_meet_do_not_overlap() {
        Instant a = Instant.parse("2026-11-22T00:00:00Z");
        Instant b = Instant.parse("2026-11-23T00:00:00Z");
        Instant c = Instant.parse("2026-11-24T00:00:00Z");
        assertThat(new Validity(a, b, null).overlaps(new Validity(b, c, null))).isFalse();
        assertThat(new Validity(a, c, null).overlaps(new Validity(b, null, null))).isTrue();
        assertThat(Validity.ALWAYS.overlaps(new Validity(a, b, null))).isTrue();
        assertThat(Validity.daily(NIGHT).overlaps(Validity.daily(OFFICE))).isFalse();
    }
}
