package io.oranric.policies.conflict;

import static io.oranric.policies.Fixtures.LAB;
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
import org.junit.jupiter.api.Test;

class ConflictDetectorTest {

    private static final ConflictDetector D = new ConflictDetector(LAB);

    private static List<Conflict> detect(Policy candidate, Policy... existing) {
        return D.detect(candidate, List.of(existing));
    }

    // ------------------------------------------------------------ direct

    @Test
    void different_caps_for_the_same_cell_and_slice_conflict_directly() {
        Policy a = active("a", PrbQuota.max(70), Scope.of(List.of("cell-1"), "embb"), 50);
        List<Conflict> cs = detect(policy("b", PrbQuota.max(60), Scope.of(List.of("cell-1"), "embb")), a);
        assertThat(cs).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Conflict.Kind.DIRECT);
            assertThat(c.parameter()).isEqualTo("statement.maxPrbPct");
            assertThat(c.where()).isEqualTo("cell-1/embb");
            assertThat(c.other()).isSameAs(a);
        });
    }

    @Test
    void no_conflict_across_slices_cells_equal_values_or_versions_of_one_policy() {
        Policy a = active("a", PrbQuota.max(70), Scope.of(List.of("cell-1"), "embb"), 50);
        assertThat(detect(policy("b", PrbQuota.max(60), Scope.of(List.of("cell-1"), "urllc")), a)).isEmpty();
        assertThat(detect(policy("b", PrbQuota.max(60), Scope.of(List.of("cell-2"), "embb")), a)).isEmpty();
        assertThat(detect(policy("b", PrbQuota.max(70), Scope.of(List.of("cell-1"), "embb")), a)).isEmpty();
        assertThat(detect(policy("a", PrbQuota.max(60), Scope.of(List.of("cell-1"), "embb")), a)).isEmpty();
    }

    @Test
    void network_wide_scope_overlaps_every_cell() {
        Policy all = active("a", TxPower.delta(-1), Scope.NETWORK, 50);
        assertThat(detect(policy("b", TxPower.delta(-3), Scope.cells("cell-5")), all)).singleElement()
                .satisfies(c -> assertThat(c.where()).isEqualTo("cell-5"));
    }

    @Test
    void node_scope_covers_the_cells_of_the_node() {
        Policy node = active("a", Spectrum.bandwidth(40), new Scope(List.of("gnb-4"), List.of(), null, List.of()), 50);
        assertThat(detect(policy("b", Spectrum.bandwidth(20), Scope.cells("cell-4")), node)).hasSize(1);
        assertThat(detect(policy("b", Spectrum.bandwidth(20), Scope.cells("cell-3")), node)).isEmpty();
    }

    @Test
    void windows_that_never_meet_do_not_conflict() {
        Policy night = active("a", TxPower.delta(-3), Scope.cells("cell-2"), 50)
                .withValidity(Validity.daily(DailyWindow.of("22:00", "06:00")));
        Policy day = policy("b", TxPower.delta(2), Scope.cells("cell-2"))
                .withValidity(Validity.daily(DailyWindow.of("08:00", "20:00")));
        assertThat(detect(day, night)).isEmpty();
        assertThat(detect(day.withValidity(Validity.daily(DailyWindow.of("05:00", "09:00"))), night)).hasSize(1);
    }

    @Test
    void absolute_and_relative_power_on_one_cell_conflict() {
        Policy abs = active("a", TxPower.absolute(40), Scope.cells("cell-2"), 50);
        assertThat(detect(policy("b", TxPower.delta(-3), Scope.cells("cell-2")), abs)).singleElement()
                .satisfies(c -> assertThat(c.description()).contains("to 40 dBm").contains("by -3 dB"));
    }

    @Test
    void floor_above_the_other_policys_cap_conflicts() {
        Policy cap = active("a", PrbQuota.max(30), Scope.of(List.of("cell-1"), "embb"), 50);
        assertThat(detect(policy("b", PrbQuota.min(40), Scope.of(List.of("cell-1"), "embb")), cap))
                .extracting(Conflict::parameter).containsExactly("PRB share");
    }

    @Test
    void opposite_steering_of_one_target_conflicts_for_overlapping_slices() {
        Policy prefer = active("a", new TrafficSteering(TrafficSteering.Preference.PREFER, List.of("cell-2")), Scope.slice("miot"), 50);
        Policy forbidAll = policy("b", new TrafficSteering(TrafficSteering.Preference.FORBID, List.of("cell-2", "cell-3")), Scope.NETWORK);
        assertThat(detect(forbidAll, prefer)).singleElement().satisfies(c -> assertThat(c.parameter()).isEqualTo("statement.preference"));
        Policy forbidEmbb = policy("c", new TrafficSteering(TrafficSteering.Preference.FORBID, List.of("cell-2")), Scope.slice("embb"));
        assertThat(detect(forbidEmbb, prefer)).isEmpty();
    }

    @Test
    void different_energy_modes_on_one_cell_conflict() {
        Policy sleep = active("a", new EnergySaving(EnergySaving.Mode.SLEEP, 10.0), Scope.cells("cell-5"), 50);
        assertThat(detect(policy("b", new EnergySaving(EnergySaving.Mode.REDUCE_POWER, 10.0), Scope.NETWORK), sleep))
                .extracting(Conflict::parameter).containsExactly("statement.mode");
    }

    // ------------------------------------------------------------ indirect

    @Test
    void a_cap_below_what_an_sla_needs_conflicts_indirectly() {
        // 400 Mbps of an 800 Mbps cell needs half of the PRBs
        Policy sla = active("sla", new SliceSla(400.0, null, null, null), Scope.of(List.of("cell-1"), "embb"), 50);
        List<Conflict> cs = detect(policy("q", PrbQuota.max(40), Scope.of(List.of("cell-1"), "embb")), sla);
        assertThat(cs).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Conflict.Kind.INDIRECT);
            assertThat(c.description()).contains("needs about 50 %");
            assertThat(c.candidate().policyId()).isEqualTo("q");
        });
        assertThat(detect(policy("q", PrbQuota.max(60), Scope.of(List.of("cell-1"), "embb")), sla)).isEmpty();
    }

    @Test
    void the_check_runs_whichever_of_the_two_is_the_candidate() {
        Policy cap = active("q", PrbQuota.max(40), Scope.of(List.of(), "embb"), 50);
        List<Conflict> cs = detect(policy("sla", new SliceSla(400.0, null, null, null), Scope.of(List.of("cell-2"), "embb")), cap);
        assertThat(cs).singleElement().satisfies(c -> {
            assertThat(c.candidate().policyId()).isEqualTo("sla");
            assertThat(c.other()).isSameAs(cap);
        });
    }

    @Test
    void another_slices_floor_can_starve_an_sla() {
        Policy sla = active("sla", new SliceSla(null, 100.0, null, null), Scope.of(List.of("cell-3"), "urllc"), 50);
        // 100 of 200 Mbps uplink needs 50 %; 60 % for embb leaves 40 %
        assertThat(detect(policy("q", PrbQuota.min(60), Scope.of(List.of("cell-3"), "embb")), sla))
                .extracting(Conflict::parameter).containsExactly("PRB floor vs SLA");
        assertThat(detect(policy("q", PrbQuota.min(40), Scope.of(List.of("cell-3"), "embb")), sla)).isEmpty();
    }

    @Test
    void zero_cap_breaks_a_latency_sla() {
        Policy sla = active("sla", new SliceSla(null, null, 5.0, null), Scope.slice("urllc"), 50);
        assertThat(detect(policy("q", PrbQuota.max(0), Scope.of(List.of("cell-3"), "urllc")), sla)).hasSize(1);
    }

    @Test
    void sleeping_a_preferred_cell_conflicts_indirectly() {
        Policy prefer = active("s", new TrafficSteering(TrafficSteering.Preference.PREFER, List.of("cell-2")), Scope.slice("miot"), 50);
        List<Conflict> cs = detect(policy("e", new EnergySaving(EnergySaving.Mode.SLEEP, 15.0), Scope.NETWORK), prefer);
        assertThat(cs).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Conflict.Kind.INDIRECT);
            assertThat(c.where()).isEqualTo("cell-2");
        });
        assertThat(detect(policy("e", new EnergySaving(EnergySaving.Mode.SLEEP, 15.0), Scope.cells("cell-5")), prefer)).isEmpty();
        assertThat(detect(policy("e", new EnergySaving(EnergySaving.Mode.REDUCE_POWER, 15.0), Scope.NETWORK), prefer)).isEmpty();
        Policy avoid = active("s", new TrafficSteering(TrafficSteering.Preference.AVOID, List.of("cell-2")), Scope.NETWORK, 50);
        assertThat(detect(policy("e", new EnergySaving(EnergySaving.Mode.SLEEP, 15.0), Scope.NETWORK), avoid)).isEmpty();
    }

    @Test
    void raising_power_where_energy_saving_lowers_it_conflicts() {
        Policy es = active("e", new EnergySaving(EnergySaving.Mode.REDUCE_POWER, 10.0), Scope.NETWORK, 50);
        assertThat(detect(policy("t", TxPower.delta(2), Scope.cells("cell-1")), es)).hasSize(1);
        assertThat(detect(policy("t", TxPower.delta(-2), Scope.cells("cell-1")), es)).isEmpty();
    }
}
