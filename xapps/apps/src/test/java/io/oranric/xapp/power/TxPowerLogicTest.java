package io.oranric.xapp.power;

import static io.oranric.xapp.Fixtures.T0;
import static io.oranric.xapp.Fixtures.cell;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.xapp.Fixtures;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.Decision;
import io.oranric.xapp.common.KpmNames;
import io.oranric.xapp.sdk.KpmSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxPowerLogicTest {
  private static final ControlOutcome OK = ControlOutcome.newBuilder().setStatus(ControlStatus.CONTROL_STATUS_SUCCESS).build();
  private final Fixtures.Store store = new Fixtures.Store();
  private final TxPowerLogic logic = new TxPowerLogic(TxPowerLogic.Config.defaults(), store.typed, new CellDirectory(Fixtures.lab(7)));

  /** cell-3 at its power, neighbours cell-2 and cell-4 with the given DL throughput. */
  private static List<KpmSample> batch(double power, double neighbourKbps) {
    List<KpmSample> out = new ArrayList<>();
    out.add(cell("cell-3", KpmNames.MAX_TX_PWR, power));
    out.add(cell("cell-3", KpmNames.THP_DL, 50_000));
    out.add(cell("cell-2", KpmNames.THP_DL, neighbourKbps));
    out.add(cell("cell-4", KpmNames.THP_DL, neighbourKbps));
    return out;
  }

  /** Runs the loop for a while, acknowledging every step; returns the powers it set in order. */
  private List<Double> run(double start, int seconds, java.util.function.IntToDoubleFunction neighbourKbps) {
    double power = start;
    List<Double> set = new ArrayList<>();
    for (int k = 0; k < seconds; k++) {
      Instant now = T0.plusSeconds(k);
      for (Decision d : logic.onKpm(batch(power, neighbourKbps.applyAsDouble(k)), now)) {
        double next = d.request().getCcc().getSectorCarrier().getConfiguredMaxTxPowerDbm();
        assertThat(Math.abs(next - power)).as("one change at most 6 dB").isLessThanOrEqualTo(6);
        assertThat(next).isBetween(10.0, 46.0);
        assertThat(d.request().getNodeId()).isEqualTo("gnb-3");
        logic.onOutcome(d, OK, now);
        power = next;
        set.add(next);
      }
    }
    return set;
  }

  @Test
  void an_absolute_ceiling_is_reached_in_bounded_steps() {
    store.put("""
        {"policyId":"p-tx","type":"TxPower","scope":{"cells":["cell-3"]},"statement":{"maxTxPowerDbm":30}}""");
    assertThat(run(43, 60, k -> 100_000)).containsExactly(40.0, 37.0, 34.0, 31.0, 30.0);
  }

  @Test
  void the_envelope_caps_the_target() {
    store.put("""
        {"policyId":"p-tx","type":"TxPower","scope":{"cells":["cell-3"]},"statement":{"maxTxPowerDbm":60}}""");
    assertThat(run(43, 60, k -> 100_000)).containsExactly(46.0);
  }

  @Test
  void a_delta_applies_once_from_the_power_at_activation_and_reverts_when_the_policy_ends() {
    store.put("""
        {"policyId":"p-d","type":"TxPower","scope":{"cells":["cell-3"]},"statement":{"deltaDb":-7}}""");
    assertThat(run(40, 60, k -> 100_000)).containsExactly(37.0, 34.0, 33.0);
    store.remove("p-d");
    assertThat(run(33, 60, k -> 100_000)).as("back up to the original 40 dBm").containsExactly(36.0, 39.0, 40.0);
  }

  @Test
  void a_raise_is_held_while_a_neighbour_degrades_and_resumes_when_it_recovers() {
    store.put("""
        {"policyId":"p-up","type":"TxPower","scope":{"cells":["cell-3"]},"statement":{"maxTxPowerDbm":42}}""");
    // neighbours lose 30 % of their throughput right after the first raise, and recover at t = 40 s
    List<Double> set = run(33, 40, k -> k < 1 ? 100_000 : 70_000);
    assertThat(set).containsExactly(36.0);
    assertThat(logic.held("cell-3")).contains("DL throughput");
    // recovered to the level of the last raise: the loop goes on
    List<Double> later = new ArrayList<>();
    double power = 36;
    for (int k = 40; k < 80; k++) {
      for (Decision d : logic.onKpm(batch(power, 100_000), T0.plusSeconds(k))) {
        power = d.request().getCcc().getSectorCarrier().getConfiguredMaxTxPowerDbm();
        logic.onOutcome(d, OK, T0.plusSeconds(k));
        later.add(power);
      }
    }
    assertThat(later).containsExactly(39.0, 42.0);
  }

  @Test
  void lowering_is_never_held_and_an_unknown_power_is_left_alone() {
    store.put("""
        {"policyId":"p-tx","type":"TxPower","statement":{"maxTxPowerDbm":20}}""");
    assertThat(run(26, 30, k -> k < 3 ? 100_000 : 10_000)).containsExactly(23.0, 20.0);
    // a cell that never reported its power (and the lab inventory does not know it)
    assertThat(logic.onKpm(List.of(cell("cell-6", KpmNames.THP_DL, 1000)), T0)).isEmpty();
  }
}
