package io.oranric.policies.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementTest {

    @Test
    void empty_statements_are_refused() {
        assertThatThrownBy(() -> new SliceSla(null, null, null, null)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new PrbQuota(null, null, null)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new Spectrum(null, null, null)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new TrafficSteering(TrafficSteering.Preference.AVOID, List.of()))
                .hasMessageContaining("target");
    }

    @Test
    void tx_power_takes_exactly_one_of_absolute_and_delta() {
        assertThatThrownBy(() -> new TxPower(40.0, -3.0)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new TxPower(null, null)).hasMessageContaining("exactly one");
        assertThat(TxPower.delta(-3).deltaDb()).isEqualTo(-3.0);
    }

    @Test
    void energy_saving_keeps_coverage_by_default_and_types_map_to_wire_names() {
        assertThat(new EnergySaving(EnergySaving.Mode.SLEEP, 15.0).keepCoverage()).isTrue();
        assertThat(new EnergySaving(EnergySaving.Mode.SLEEP, 15.0).type().wireName()).isEqualTo("EnergySaving");
        assertThat(PolicyType.fromWireName("TrafficSteering")).contains(PolicyType.TRAFFIC_STEERING);
        assertThat(PolicyType.fromWireName("trafficsteering")).isEmpty();
    }

    @Test
    void scope_is_immutable_and_empty_means_network() {
        assertThat(Scope.NETWORK.isWholeNetwork()).isTrue();
        assertThat(Scope.cells("cell-1").isWholeNetwork()).isFalse();
        assertThatThrownBy(() -> Scope.cells("cell-1").cells().add("cell-2")).isInstanceOf(UnsupportedOperationException.class);
    }
}
