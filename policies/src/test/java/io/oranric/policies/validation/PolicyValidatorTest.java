package io.oranric.policies.validation;

import static io.oranric.policies.Fixtures.LAB;
import static io.oranric.policies.Fixtures.UTC;
import static io.oranric.policies.Fixtures.VALIDATOR;
import static io.oranric.policies.Fixtures.active;
import static io.oranric.policies.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.policies.model.DailyWindow;
import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.model.Spectrum;
import io.oranric.policies.model.TrafficSteering;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.model.Validity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyValidatorTest {

    private static List<Violation> check(Policy p) {
        return VALIDATOR.validate(p);
    }

    private static Violation only(List<Violation> vs) {
        assertThat(vs).hasSize(1);
        return vs.get(0);
    }

    // ------------------------------------------------------------ TxPower

    @Test
    void power_above_the_envelope_names_field_value_and_bound() {
        Violation v = only(check(policy("p", TxPower.absolute(90), Scope.cells("cell-3"))));
        assertThat(v.field()).isEqualTo("statement.maxTxPowerDbm");
        assertThat(v.value()).isEqualTo("90");
        assertThat(v.bound()).isEqualTo("10..46 dBm");
        assertThat(v.message()).contains("90 dBm").contains("maximum of 46");
    }

    @Test
    void power_below_the_envelope_is_refused_and_the_edges_pass() {
        assertThat(only(check(policy("p", TxPower.absolute(9.5), Scope.cells("cell-3")))).message()).contains("minimum of 10");
        assertThat(check(policy("p", TxPower.absolute(10), Scope.cells("cell-3")))).isEmpty();
        assertThat(check(policy("p", TxPower.absolute(46), Scope.cells("cell-3")))).isEmpty();
    }

    @Test
    void one_change_is_at_most_six_db() {
        assertThat(check(policy("p", TxPower.delta(-6), Scope.cells("cell-2")))).isEmpty();
        Violation v = only(check(policy("p", TxPower.delta(7), Scope.cells("cell-2"))));
        assertThat(v.field()).isEqualTo("statement.deltaDb");
        assertThat(v.bound()).isEqualTo("-6..6 dB");
    }

    @Test
    void known_configured_power_bounds_absolute_steps_and_results_of_deltas() {
        NetworkInventory inv = new NetworkInventory(
                Map.of("cell-1", new CellInfo("cell-1", "gnb-1", 800, 200, 43.0, Set.of())),
                Set.of("gnb-1"), Set.of("embb"), Map.of(), UTC);
        PolicyValidator v = new PolicyValidator(SafetyEnvelope.labDefaults(), inv);
        assertThat(v.validate(policy("p", TxPower.absolute(40), Scope.cells("cell-1")))).isEmpty();
        assertThat(only(v.validate(policy("p", TxPower.absolute(30), Scope.cells("cell-1")))).message())
                .contains("by 13 dB from 43 dBm");
        assertThat(only(v.validate(policy("p", TxPower.delta(5), Scope.cells("cell-1")))).message())
                .contains("to 48 dBm");
    }

    @Test
    void configurable_envelope_moves_the_bounds() {
        PolicyValidator site = new PolicyValidator(SafetyEnvelope.labDefaults().withTxPower(0, 24, 3), LAB);
        assertThat(site.validate(policy("p", TxPower.absolute(30), Scope.cells("cell-1")))).hasSize(1);
        assertThat(site.validate(policy("p", TxPower.delta(-4), Scope.cells("cell-1")))).hasSize(1);
        assertThat(VALIDATOR.validate(policy("p", TxPower.absolute(30), Scope.cells("cell-1")))).isEmpty();
    }

    // ------------------------------------------------------------ Spectrum

    @ParameterizedTest
    @ValueSource(doubles = {5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100})
    void allowed_bandwidths_pass(double mhz) {
        assertThat(check(policy("p", Spectrum.bandwidth(mhz), Scope.cells("cell-4")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 33, 45, 120, 7.5})
    void other_bandwidths_are_refused(double mhz) {
        Violation v = only(check(policy("p", Spectrum.bandwidth(mhz), Scope.cells("cell-4"))));
        assertThat(v.field()).isEqualTo("statement.bandwidthMHz");
        assertThat(v.bound()).startsWith("one of 5, 10, 15");
    }

    @Test
    void arfcn_and_bwp_ranges() {
        assertThat(only(check(policy("p", new Spectrum(null, 4_000_000L, null), Scope.cells("cell-1")))).field())
                .isEqualTo("statement.arfcnDl");
        assertThat(only(check(policy("p", new Spectrum(null, null, 7), Scope.cells("cell-1")))).field())
                .isEqualTo("statement.bwpId");
        assertThat(check(policy("p", new Spectrum(null, 632_628L, 1), Scope.cells("cell-1")))).isEmpty();
    }

    // ------------------------------------------------------------ PrbQuota

    @Test
    void prb_shares_lie_between_0_and_100() {
        assertThat(only(check(policy("p", PrbQuota.max(120), Scope.of(List.of("cell-1"), "embb")))).field())
                .isEqualTo("statement.maxPrbPct");
        assertThat(only(check(policy("p", PrbQuota.min(-5), Scope.of(List.of("cell-1"), "embb")))).field())
                .isEqualTo("statement.minPrbPct");
    }

    @Test
    void dedicated_at_most_min_at_most_max() {
        Scope s = Scope.of(List.of("cell-1"), "urllc");
        assertThat(check(policy("p", new PrbQuota(20.0, 60.0, 10.0), s))).isEmpty();
        assertThat(only(check(policy("p", new PrbQuota(20.0, 60.0, 30.0), s))).field()).isEqualTo("statement.dedicatedPrbPct");
        assertThat(only(check(policy("p", new PrbQuota(70.0, 60.0, null), s))).field()).isEqualTo("statement.minPrbPct");
        assertThat(only(check(policy("p", new PrbQuota(null, 20.0, 30.0), s))).field()).isEqualTo("statement.dedicatedPrbPct");
    }

    @Test
    void per_cell_sum_of_minimum_shares_stays_within_100() {
        Scope urllc3 = Scope.of(List.of("cell-3"), "urllc");
        List<Policy> inForce = List.of(
                active("a", PrbQuota.min(50), Scope.of(List.of("cell-3"), "embb"), 50),
                active("b", PrbQuota.min(30), Scope.of(List.of(), "miot"), 50));
        assertThat(VALIDATOR.validate(policy("p", PrbQuota.min(20), urllc3), inForce)).isEmpty();
        Violation v = only(VALIDATOR.validate(policy("p", PrbQuota.min(25), urllc3), inForce));
        assertThat(v.field()).isEqualTo("statement.minPrbPct");
        assertThat(v.message()).contains("cell-3").contains("105 %");
    }

    @Test
    void sum_rule_ignores_other_cells_same_slice_and_disjoint_time() {
        Scope urllc3 = Scope.of(List.of("cell-3"), "urllc");
        Policy otherCell = active("a", PrbQuota.min(90), Scope.of(List.of("cell-4"), "embb"), 50);
        Policy sameSlice = active("b", PrbQuota.min(90), urllc3, 50);
        Policy daytime = active("c", PrbQuota.min(90), Scope.of(List.of("cell-3"), "embb"), 50)
                .withValidity(Validity.daily(DailyWindow.of("08:00", "20:00")));
        Policy nightly = policy("p", PrbQuota.min(20), urllc3).withValidity(Validity.daily(DailyWindow.of("22:00", "06:00")));
        assertThat(VALIDATOR.validate(nightly, List.of(otherCell, sameSlice, daytime))).isEmpty();
        assertThat(VALIDATOR.validate(nightly.withValidity(Validity.ALWAYS), List.of(daytime))).hasSize(1);
    }

    @Test
    void slice_targets_need_a_slice() {
        assertThat(only(check(policy("p", PrbQuota.min(20), Scope.cells("cell-3")))).field()).isEqualTo("scope.slice");
        assertThat(only(check(policy("p", new SliceSla(50.0, null, null, null), Scope.cells("cell-3")))).field()).isEqualTo("scope.slice");
    }

    // ------------------------------------------------------------ SliceSla

    @Test
    void sla_targets_must_be_positive_and_within_capacity() {
        Scope s = Scope.of(List.of("cell-1"), "embb");
        assertThat(check(policy("p", new SliceSla(50.0, 100.0, 5.0, 0.1), s))).isEmpty();
        assertThat(only(check(policy("p", new SliceSla(900.0, null, null, null), s))).message()).contains("capacity of cell-1");
        assertThat(only(check(policy("p", new SliceSla(null, 300.0, null, null), s))).field()).isEqualTo("statement.guaranteedUlMbps");
        assertThat(only(check(policy("p", new SliceSla(null, null, 0.0, null), s))).field()).isEqualTo("statement.maxDlLatencyMs");
        assertThat(only(check(policy("p", new SliceSla(null, null, null, 150.0), s))).field()).isEqualTo("statement.maxPacketLossPct");
        assertThat(only(check(policy("p", new SliceSla(-1.0, null, null, null), s))).field()).isEqualTo("statement.guaranteedDlMbps");
    }

    // ------------------------------------------------------------ scope

    @Test
    void unknown_cells_nodes_and_slices_are_refused() {
        Violation cell = only(check(policy("p", TxPower.delta(-1), Scope.cells("cell-40"))));
        assertThat(cell.field()).isEqualTo("scope.cells[0]");
        assertThat(cell.value()).isEqualTo("cell-40");
        assertThat(cell.bound()).isEqualTo("known cells cell-1 .. cell-6");
        Violation node = only(check(policy("p", TxPower.delta(-1), new Scope(List.of("gnb-9"), List.of(), null, List.of()))));
        assertThat(node.field()).isEqualTo("scope.nodes[0]");
        Violation slice = only(check(policy("p", PrbQuota.min(10), Scope.of(List.of("cell-1"), "gold"))));
        assertThat(slice.field()).isEqualTo("scope.slice");
        assertThat(slice.message()).contains("embb, miot, urllc");
        Violation target = only(check(policy("p", new TrafficSteering(TrafficSteering.Preference.PREFER, List.of("cell-9")), Scope.NETWORK)));
        assertThat(target.field()).isEqualTo("statement.targetCells[0]");
    }

    @Test
    void cells_must_belong_to_the_named_nodes() {
        Scope s = new Scope(List.of("gnb-1"), List.of("cell-2"), null, List.of());
        assertThat(only(check(policy("p", TxPower.delta(-1), s))).message()).contains("served by gnb-2");
    }

    @Test
    void cell_level_types_take_no_slice() {
        assertThat(only(check(policy("p", TxPower.delta(-1), Scope.of(List.of("cell-1"), "embb")))).field()).isEqualTo("scope.slice");
    }

    @Test
    void priority_is_bounded() {
        assertThat(only(check(policy("p", TxPower.delta(-1), Scope.cells("cell-1")).withPriority(101))).field()).isEqualTo("priority");
    }

    // ------------------------------------------------------------ EnergySaving coverage

    private static final EnergySaving SLEEP = new EnergySaving(EnergySaving.Mode.SLEEP, null);

    @Test
    void one_cell_of_an_area_may_sleep() {
        assertThat(check(policy("p", SLEEP, Scope.cells("cell-5")))).isEmpty();
    }

    @Test
    void sleeping_every_cell_of_an_area_is_refused() {
        Violation v = only(check(policy("p", SLEEP, Scope.cells("cell-2", "cell-3"))));
        assertThat(v.field()).isEqualTo("scope.cells");
        assertThat(v.message()).contains("area-2-3").contains("without an active cell");
    }

    @Test
    void coverage_counts_sleep_policies_already_in_force() {
        Policy other = active("o", new EnergySaving(EnergySaving.Mode.SLEEP, null), Scope.cells("cell-4"), 50);
        assertThat(VALIDATOR.validate(policy("p", SLEEP, Scope.cells("cell-5")), List.of(other))).hasSize(1);
        assertThat(VALIDATOR.validate(policy("p", SLEEP, Scope.cells("cell-1")), List.of(other))).isEmpty();
        Policy reducing = active("r", new EnergySaving(EnergySaving.Mode.REDUCE_POWER, 5.0), Scope.cells("cell-4"), 50);
        assertThat(VALIDATOR.validate(policy("p", SLEEP, Scope.cells("cell-5")), List.of(reducing))).isEmpty();
    }

    @Test
    void load_conditional_sleep_keeping_coverage_is_left_to_the_run_time_guard() {
        assertThat(check(policy("p", new EnergySaving(EnergySaving.Mode.SLEEP, 6.0), Scope.cells("cell-2", "cell-3")))).isEmpty();
        assertThat(check(policy("p", new EnergySaving(EnergySaving.Mode.SLEEP, 6.0, false), Scope.cells("cell-2", "cell-3")))).hasSize(1);
    }

    @Test
    void network_wide_sleep_keeping_coverage_is_left_to_the_run_time_guard() {
        assertThat(check(policy("p", new EnergySaving(EnergySaving.Mode.SLEEP, 15.0), Scope.NETWORK))).isEmpty();
    }

    @Test
    void giving_up_coverage_is_refused_unless_the_envelope_allows_it() {
        Policy p = policy("p", new EnergySaving(EnergySaving.Mode.SLEEP, 15.0, false), Scope.NETWORK);
        List<Violation> vs = check(p);
        assertThat(vs).isNotEmpty();
        assertThat(vs.get(0).field()).isEqualTo("statement.keepCoverage");
        SafetyEnvelope lax = new SafetyEnvelope(10, 46, 6, SafetyEnvelope.labDefaults().allowedBandwidthsMHz(), 0, 100, 100,
                10_000, 100, 0, 100, true);
        assertThat(new PolicyValidator(lax, LAB).validate(p)).isEmpty();
    }

    @Test
    void load_threshold_is_a_percentage() {
        assertThat(only(check(policy("p", new EnergySaving(EnergySaving.Mode.REDUCE_POWER, 120.0), Scope.NETWORK))).field())
                .isEqualTo("statement.whenLoadBelowPct");
    }
}
