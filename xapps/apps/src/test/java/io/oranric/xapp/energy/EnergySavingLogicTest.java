package io.oranric.xapp.energy;

import static io.oranric.xapp.Fixtures.cell;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.EnergySaving.Mode;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.xapp.Fixtures;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.Decision;
import io.oranric.xapp.common.KpmNames;
import io.oranric.xapp.sdk.KpmSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnergySavingLogicTest {
  // 23:00 UTC: inside a 22:00-06:00 window
  private static final Instant NIGHT = Instant.parse("2026-11-23T23:00:00Z");
  private static final EnergySavingLogic.Config CONFIG = new EnergySavingLogic.Config(Duration.ofSeconds(30),
      Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5), 15, 70,
      Duration.ofSeconds(60), false);
  private static final String NIGHTLY_SLEEP = """
      {"policyId":"p-es","type":"EnergySaving","statement":{"mode":"SLEEP","whenLoadBelowPct":20},
       "validity":{"daily":{"start":"22:00","end":"06:00"}},"priority":40}""";

  private final Fixtures.Store store = new Fixtures.Store();

  private EnergySavingLogic logic(NetworkInventory inv) {
    return new EnergySavingLogic(CONFIG, store.typed, new CellDirectory(inv));
  }

  /** Every awake cell reports its load; sleeping cells report no PRBs. */
  private static List<KpmSample> reports(Map<String, Double> loads, Set<String> asleep) {
    List<KpmSample> out = new ArrayList<>();
    loads.forEach((c, l) -> {
      boolean sleeping = asleep.contains(c);
      out.add(cell(c, KpmNames.PRB_AVAIL_DL, sleeping ? 0 : 106));
      if (!sleeping) {
        out.add(cell(c, KpmNames.PRB_USED_DL, 106 * l / 100));
      }
    });
    return out;
  }

  private static Map<String, Double> uniform(int n, double load) {
    Map<String, Double> m = new HashMap<>();
    for (int i = 1; i <= n; i++) {
      m.put("cell-" + i, load);
    }
    return m;
  }

  @Test
  void never_sleeps_the_last_awake_cell_of_a_coverage_area() {
    store.put(NIGHTLY_SLEEP);
    NetworkInventory inv = Fixtures.lab(6);
    EnergySavingLogic logic = logic(inv);
    Set<String> asleep = new java.util.HashSet<>();
    for (int k = 0; k < 300; k++) {
      for (Decision d : logic.onKpm(reports(uniform(6, 5), asleep), NIGHT.plusSeconds(k))) {
        assertThat(d.request().getCcc().getEnergySaving().getMode()).isEqualTo(Mode.MODE_SLEEP);
        asleep.add(d.request().getCcc().getCellId());
      }
      for (var area : inv.coverageAreas().entrySet()) {
        assertThat(area.getValue()).as(area.getKey() + " keeps an awake cell").isNotEqualTo(
            area.getValue().stream().filter(asleep::contains).collect(java.util.stream.Collectors.toSet()));
      }
    }
    // a ring of 6 two-cell areas: at most every other cell may sleep, and some did
    assertThat(asleep).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(logic.sleeping()).isEqualTo(asleep);
  }

  @Test
  void two_cells_one_area_only_one_sleeps_and_only_after_the_hold_time() {
    store.put(NIGHTLY_SLEEP);
    EnergySavingLogic logic = logic(Fixtures.lab(2));
    List<Decision> all = new ArrayList<>();
    for (int k = 0; k <= 29; k++) {
      all.addAll(logic.onKpm(reports(uniform(2, 5), Set.of()), NIGHT.plusSeconds(k)));
    }
    assertThat(all).as("load low for 29 s of a 30 s hold").isEmpty();
    for (int k = 30; k < 200; k++) {
      all.addAll(logic.onKpm(reports(uniform(2, 5), logic.sleeping()), NIGHT.plusSeconds(k)));
    }
    assertThat(all).hasSize(1);
    assertThat(logic.sleeping()).hasSize(1);
  }

  @Test
  void a_load_spike_restarts_the_hold() {
    store.put(NIGHTLY_SLEEP);
    EnergySavingLogic logic = logic(Fixtures.lab(2));
    List<Decision> all = new ArrayList<>();
    for (int k = 0; k < 60; k++) {
      // every 20 s one busy report
      all.addAll(logic.onKpm(reports(uniform(2, k % 20 == 19 ? 50 : 5), Set.of()), NIGHT.plusSeconds(k)));
    }
    assertThat(all).isEmpty();
  }

  @Test
  void outside_the_daily_window_nothing_sleeps_and_at_its_end_sleeping_cells_wake() {
    store.put(NIGHTLY_SLEEP);
    EnergySavingLogic logic = logic(Fixtures.lab(4));
    Instant day = Instant.parse("2026-11-23T14:00:00Z");
    for (int k = 0; k < 200; k++) {
      assertThat(logic.onKpm(reports(uniform(4, 1), Set.of()), day.plusSeconds(k))).isEmpty();
    }
    Instant lateNight = Instant.parse("2026-11-24T05:50:00Z");
    for (int k = 0; k < 200; k++) {
      logic.onKpm(reports(uniform(4, 1), logic.sleeping()), lateNight.plusSeconds(k));
    }
    assertThat(logic.sleeping()).isNotEmpty();
    // 06:00 local: the window closed
    List<Decision> wakes = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      wakes.addAll(logic.onTick(Instant.parse("2026-11-24T06:00:00Z").plusSeconds(k)));
    }
    assertThat(wakes).isNotEmpty().allMatch(d -> d.request().getCcc().getEnergySaving().getMode() == Mode.MODE_WAKE);
    assertThat(logic.sleeping()).isEmpty();
  }

  @Test
  void wakes_when_load_returns_on_the_cells_that_took_over_after_min_sleep_and_wake_hold() {
    store.put(NIGHTLY_SLEEP);
    EnergySavingLogic logic = logic(Fixtures.lab(2));
    int k = 0;
    for (; k < 100 && logic.sleeping().isEmpty(); k++) {
      logic.onKpm(reports(uniform(2, 5), Set.of()), NIGHT.plusSeconds(k));
    }
    String sleeper = logic.sleeping().iterator().next();
    String other = sleeper.equals("cell-1") ? "cell-2" : "cell-1";
    int sleptAt = k;
    // 30 %: above the 20 % sleep threshold but under the 35 % wake threshold: stays asleep (hysteresis)
    for (int i = 0; i < 120; i++, k++) {
      assertThat(logic.onKpm(reports(Map.of(other, 30.0, sleeper, 0.0), Set.of(sleeper)), NIGHT.plusSeconds(k))).isEmpty();
    }
    List<Decision> wake = new ArrayList<>();
    int busyFrom = k;
    for (int i = 0; i < 30 && wake.isEmpty(); i++, k++) {
      wake.addAll(logic.onKpm(reports(Map.of(other, 60.0, sleeper, 0.0), Set.of(sleeper)), NIGHT.plusSeconds(k)));
    }
    assertThat(wake).hasSize(1);
    assertThat(wake.get(0).request().getCcc().getCellId()).isEqualTo(sleeper);
    assertThat(wake.get(0).request().getCcc().getEnergySaving().getMode()).isEqualTo(Mode.MODE_WAKE);
    assertThat(k - 1 - busyFrom).as("wake hold").isGreaterThanOrEqualTo(5);
    assertThat(k - sleptAt).as("min sleep").isGreaterThanOrEqualTo(60);
  }

  @Test
  void a_refused_sleep_leaves_the_cell_awake_and_cells_seen_asleep_after_a_restart_are_woken_without_a_policy() {
    store.put(NIGHTLY_SLEEP);
    EnergySavingLogic logic = logic(Fixtures.lab(2));
    Decision sleep = null;
    for (int k = 0; k < 100 && sleep == null; k++) {
      var ds = logic.onKpm(reports(uniform(2, 5), Set.of()), NIGHT.plusSeconds(k));
      sleep = ds.isEmpty() ? null : ds.get(0);
    }
    logic.onOutcome(sleep, ControlOutcome.newBuilder().setStatus(ControlStatus.CONTROL_STATUS_REJECTED).build(), NIGHT);
    assertThat(logic.sleeping()).isEmpty();

    // a fresh instance (restart) sees cell-2 reporting no PRBs, and no policy is in force any more
    store.remove("p-es");
    EnergySavingLogic restarted = logic(Fixtures.lab(2));
    List<Decision> wake = restarted.onKpm(reports(uniform(2, 5), Set.of("cell-2")), NIGHT);
    assertThat(wake).hasSize(1);
    assertThat(wake.get(0).request().getCcc().getCellId()).isEqualTo("cell-2");
    assertThat(restarted.sleeping()).isEmpty();
    assertThat(wake.get(0).request().getCcc().getEnergySaving().getMode()).isEqualTo(Mode.MODE_WAKE);
  }

  @Test
  void reduce_power_keeps_the_cell_active_so_needs_no_coverage_check() {
    store.put("""
        {"policyId":"p-rp","type":"EnergySaving","scope":{"cells":["cell-1","cell-2"]},
         "statement":{"mode":"REDUCE_POWER","whenLoadBelowPct":20}}""");
    EnergySavingLogic logic = logic(Fixtures.lab(2));
    List<Decision> all = new ArrayList<>();
    for (int k = 0; k < 100; k++) {
      all.addAll(logic.onKpm(reports(uniform(2, 5), Set.of()), NIGHT.plusSeconds(k)));
    }
    assertThat(all).hasSize(2).allMatch(d -> d.request().getCcc().getEnergySaving().getMode() == Mode.MODE_REDUCE_POWER);
    assertThat(logic.state("cell-1")).isEqualTo(EnergySavingLogic.State.REDUCED);
  }
}
