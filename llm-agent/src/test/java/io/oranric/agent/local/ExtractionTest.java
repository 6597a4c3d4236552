package io.oranric.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.agent.api.NetworkContext;
import io.oranric.policies.model.DailyWindow;
import io.oranric.policies.model.Validity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final NetworkContext CTX = NetworkContext.lab(12, PARIS, Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), PARIS));

    private static Extraction x(String s) {
        return Extraction.of(s, CTX);
    }

    private static Validity window(String s) {
        Extraction e = x(s);
        assertThat(e.windows).as(s).hasSize(1);
        return e.windows.get(0).validity();
    }

    @Test
    void explicit_daily_windows_in_several_notations() {
        assertThat(window("between 23:00 and 06:00").daily()).isEqualTo(DailyWindow.of("23:00", "06:00"));
        assertThat(window("from 22h to 6h").daily()).isEqualTo(DailyWindow.of("22:00", "06:00"));
        assertThat(window("from 11 pm to 5 am").daily()).isEqualTo(DailyWindow.of("23:00", "05:00"));
        assertThat(window("between 1am and 5am").daily()).isEqualTo(DailyWindow.of("01:00", "05:00"));
        assertThat(window("from midnight to 4:30").daily()).isEqualTo(DailyWindow.of("00:00", "04:30"));
        assertThat(window("23h30-05h").daily()).isEqualTo(DailyWindow.of("23:30", "05:00"));
    }

    @Test
    void explicit_times_beat_the_night_default() {
        Extraction e = x("at night between 23:00 and 06:00");
        assertThat(e.windows).singleElement().satisfies(w -> assertThat(w.validity().daily()).isEqualTo(DailyWindow.of("23:00", "06:00")));
    }

    @Test
    void night_words_use_the_configured_night() {
        for (String s : List.of("at night", "overnight", "every night", "during the night", "nightly")) {
            assertThat(window(s + " sleep cells").daily()).as(s).isEqualTo(NetworkContext.DEFAULT_NIGHT);
        }
        assertThat(window("during the day").daily()).isEqualTo(DailyWindow.of("06:00", "22:00"));
    }

    @Test
    void tonight_is_one_night_in_the_network_zone() {
        Validity v = window("tonight");
        assertThat(v.daily()).isNull();
        assertThat(v.from()).isEqualTo(Instant.parse("2026-11-22T21:00:00Z")); // 22:00 Paris
        assertThat(v.until()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z")); // 06:00 Paris
        Validity late = window("tonight from 1am to 4am");
        assertThat(late.from()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(late.until()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
    }

    @Test
    void durations_and_until() {
        Validity v = window("for the next 2 hours");
        assertThat(v.from()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(v.until()).isEqualTo(Instant.parse("2026-11-22T14:00:00Z"));
        assertThat(window("until 18:00").until()).isEqualTo(Instant.parse("2026-11-22T17:00:00Z"));
    }

    @Test
    void a_percentage_range_is_not_a_time_window() {
        Extraction e = x("between 10 and 40 percent");
        assertThat(e.windows).isEmpty();
        assertThat(e.ranges).singleElement().satisfies(r -> {
            assertThat(r.low()).isEqualByComparingTo("10");
            assertThat(r.high()).isEqualByComparingTo("40");
            assertThat(r.unit()).isEqualTo(Unit.PERCENT);
        });
    }

    @Test
    void cell_lists_ranges_all_and_back_references() {
        assertThat(x("cells 2 and 4").cells).singleElement().satisfies(c -> assertThat(c.cells()).containsExactly("cell-2", "cell-4"));
        assertThat(x("cells 1, 2 and 3").cells.get(0).cells()).containsExactly("cell-1", "cell-2", "cell-3");
        assertThat(x("cells 5 to 7").cells.get(0).cells()).containsExactly("cell-5", "cell-6", "cell-7");
        assertThat(x("cell 2 and cell 4").cells.get(0).cells()).containsExactly("cell-2", "cell-4");
        assertThat(x("cell number three").cells.get(0).cells()).containsExactly("cell-3");
        assertThat(x("shrink cell 7 to 20 MHz").cells.get(0).cells()).containsExactly("cell-7");
        assertThat(x("every cell").cells.get(0).kind()).isEqualTo(Mentions.CellKind.ALL);
        assertThat(x("all the cells").cells.get(0).kind()).isEqualTo(Mentions.CellKind.ALL);
        assertThat(x("cells with load below 15%").cells.get(0).kind()).isEqualTo(Mentions.CellKind.ALL_IMPLICIT);
        assertThat(x("cap embb at 60% there").cells.get(0).kind()).isEqualTo(Mentions.CellKind.BACKREF);
        assertThat(x("steer traffic away from cell 6").cells.get(0).prep()).isEqualTo("away from");
    }

    @Test
    void nodes_and_ues() {
        assertThat(x("reduce power of gNB 4").nodes.get(0).nodes()).containsExactly("gnb-4");
        assertThat(x("base station 2").nodes.get(0).nodes()).containsExactly("gnb-2");
        assertThat(x("ue 17").ues.get(0).ues()).containsExactly("ue-17");
    }

    @Test
    void slices_by_name_sst_and_alias() {
        assertThat(x("eMBB").slices.get(0).slice()).isEqualTo("embb");
        assertThat(x("mMTC").slices.get(0).slice()).isEqualTo("miot");
        assertThat(x("SST 2").slices.get(0).slice()).isEqualTo("urllc");
        assertThat(x("low-latency traffic").slices.get(0)).satisfies(s -> {
            assertThat(s.slice()).isEqualTo("urllc");
            assertThat(s.explicit()).isFalse();
        });
        assertThat(x("IoT devices").slices.get(0).slice()).isEqualTo("miot");
        assertThat(x("mobile broadband").slices.get(0).slice()).isEqualTo("embb");
    }

    private static BigDecimal quantity(String s, Unit unit) {
        Extraction e = x(s);
        assertThat(e.quantities).as(s).isNotEmpty();
        assertThat(e.quantities.get(0).unit()).as(s).isEqualTo(unit);
        return e.quantities.get(0).value();
    }

    @Test
    void units_convert_to_the_contract_units() {
        assertThat(quantity("1 Gbps", Unit.MBPS)).isEqualByComparingTo("1000");
        assertThat(quantity("500 kbps", Unit.MBPS)).isEqualByComparingTo("0.5");
        assertThat(quantity("20 Mbit/s", Unit.MBPS)).isEqualByComparingTo("20");
        assertThat(quantity("0.5 s", Unit.MS)).isEqualByComparingTo("500");
        assertThat(quantity("5 milliseconds", Unit.MS)).isEqualByComparingTo("5");
        assertThat(quantity("20 W", Unit.DBM)).isEqualByComparingTo("43");
        assertThat(quantity("0.04 GHz", Unit.MHZ)).isEqualByComparingTo("40");
        assertThat(quantity("12 per cent", Unit.PERCENT)).isEqualByComparingTo("12");
        assertThat(quantity("a quarter of the PRBs", Unit.PERCENT)).isEqualByComparingTo("25");
        assertThat(quantity("two thirds of the PRBs", Unit.PERCENT)).isEqualByComparingTo("66.7");
        assertThat(quantity("3 dB", Unit.DB)).isEqualByComparingTo("3");
        assertThat(quantity("3 dBm", Unit.DBM)).isEqualByComparingTo("3");
    }

    @Test
    void entities_consume_their_and_so_it_cannot_split_clauses() {
        Extraction e = x("allocate between 10 and 40 percent of PRBs to miot in cells 2 and 4");
        assertThat(ClauseSplitter.split(e)).hasSize(1);
    }
}
