package io.oranric.xapp.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.contract.v1.CccConfiguration;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.EnergySaving;
import io.oranric.contract.v1.Handover;
import io.oranric.contract.v1.Provenance;
import io.oranric.contract.v1.SectorCarrier;
import io.oranric.contract.v1.SlicePrbQuota;
import io.oranric.contract.v1.SliceQuota;
import io.oranric.contract.v1.Snssai;
import io.oranric.xapp.ScriptedE2Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlGuardTest {
  private static final long S = 1_000_000_000L;
  private final ControlGuard guard = new ControlGuard(Duration.ofSeconds(30));
  private final List<ControlGuard.Conflict> logged = new ArrayList<>();

  {
    guard.onConflict(logged::add);
  }

  private static ControlRequest power(String xapp, String policy, double dbm, String id) {
    return ControlRequest.newBuilder().setRequestId(id).setNodeId("gnb-3")
        .setProvenance(Provenance.newBuilder().setXapp(xapp).setPolicyId(policy))
        .setCcc(CccConfiguration.newBuilder().setCellId("cell-3")
            .setSectorCarrier(SectorCarrier.newBuilder().setConfiguredMaxTxPowerDbm(dbm))).build();
  }

  private static ControlRequest energy(String xapp, String policy, EnergySaving.Mode mode, String cell) {
    return ControlRequest.newBuilder().setRequestId(xapp + "-" + mode).setNodeId("gnb-" + cell.substring(5))
        .setProvenance(Provenance.newBuilder().setXapp(xapp).setPolicyId(policy))
        .setCcc(CccConfiguration.newBuilder().setCellId(cell).setEnergySaving(EnergySaving.newBuilder().setMode(mode))).build();
  }

  private static ControlRequest handover(String xapp, String policy, String ue, String from, String to) {
    return ControlRequest.newBuilder().setRequestId(xapp + "-" + ue).setNodeId("gnb-" + from.substring(5))
        .setProvenance(Provenance.newBuilder().setXapp(xapp).setPolicyId(policy))
        .setHandover(Handover.newBuilder().setUeId(ue).setSourceCellId(from).setTargetCellId(to)).build();
  }

  @Test
  void one_owner_per_key_and_the_higher_priority_wins_a_contradiction() {
    assertThat(guard.check(power("power", "p-low", 40, "a"), 30, 0).allowed()).isTrue();
    // the same xApp may change its own setting freely
    assertThat(guard.check(power("power", "p-low", 43, "b"), 30, S).allowed()).isTrue();
    // energy saving lowers power of the same cell with a weaker policy: rejected, logged
    ControlGuard.Verdict v = guard.check(energy("energy", "p-es", EnergySaving.Mode.MODE_REDUCE_POWER, "cell-3"), 20, 2 * S);
    assertThat(v.allowed()).isFalse();
    assertThat(v.cause()).contains("tx-power").contains("power").contains("p-low");
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0).winner().xapp()).isEqualTo("power");
    // a stronger one takes the key over
    v = guard.check(energy("energy", "p-es-hi", EnergySaving.Mode.MODE_REDUCE_POWER, "cell-3"), 80, 3 * S);
    assertThat(v.allowed()).isTrue();
    assertThat(v.conflicts()).hasSize(1);
    assertThat(v.conflicts().get(0).preempted()).isTrue();
    assertThat(guard.owners()).containsKey("gnb-3/cell-3/tx-power");
    assertThat(guard.owners().get("gnb-3/cell-3/tx-power").xapp()).isEqualTo("energy");
    // now the power xApp is the contender and loses
    assertThat(guard.check(power("power", "p-low", 44, "c"), 30, 4 * S).allowed()).isFalse();
    assertThat(guard.rejected()).isEqualTo(2);
  }

  @Test
  void equal_priority_keeps_the_incumbent_and_the_lease_lapses_after_the_window() {
    assertThat(guard.check(power("power", "p-1", 40, "a"), 50, 0).allowed()).isTrue();
    assertThat(guard.check(energy("energy", "p-2", EnergySaving.Mode.MODE_REDUCE_POWER, "cell-3"), 50, S).allowed()).isFalse();
    assertThat(guard.check(energy("energy", "p-2", EnergySaving.Mode.MODE_REDUCE_POWER, "cell-3"), 50, 31 * S).allowed())
        .as("owner quiet for longer than the window").isTrue();
  }

  @Test
  void agreeing_settings_are_not_conflicts() {
    ControlRequest q1 = quota("slice-sla", "p-1", 20);
    ControlRequest q2 = quota("other", "p-2", 20);
    assertThat(guard.check(q1, 50, 0).allowed()).isTrue();
    assertThat(guard.check(q2, 10, S).allowed()).isTrue();
    assertThat(logged).isEmpty();
    assertThat(guard.check(quota("other", "p-2", 30), 10, 2 * S).allowed()).isFalse();
  }

  @Test
  void no_handover_into_a_sleeping_cell_and_no_sleep_of_a_stronger_steering_target() {
    assertThat(guard.check(energy("energy", "p-es", EnergySaving.Mode.MODE_SLEEP, "cell-2"), 40, 0).allowed()).isTrue();
    ControlGuard.Verdict v = guard.check(handover("steering", "p-ts", "ue-1", "cell-1", "cell-2"), 90, S);
    assertThat(v.allowed()).isFalse();
    assertThat(v.cause()).contains("asleep");
    // woken: handovers are fine again
    assertThat(guard.check(energy("energy", "p-es", EnergySaving.Mode.MODE_WAKE, "cell-2"), 40, 2 * S).allowed()).isTrue();
    assertThat(guard.check(handover("steering", "p-ts", "ue-1", "cell-1", "cell-2"), 90, 3 * S).allowed()).isTrue();
    // steering (priority 90) just moved UEs into cell-2: a weaker energy policy may not sleep it
    assertThat(guard.check(energy("energy", "p-es", EnergySaving.Mode.MODE_SLEEP, "cell-2"), 40, 4 * S).allowed()).isFalse();
    assertThat(logged).hasSize(2);
  }

  @Test
  void a_refused_request_gives_its_claim_back() throws Exception {
    ScriptedE2Stream e2 = new ScriptedE2Stream().answer(r -> r.getProvenance().getXapp().equals("power")
        ? ControlStatus.CONTROL_STATUS_FAILURE : ControlStatus.CONTROL_STATUS_SUCCESS);
    GuardedE2Stream guarded = new GuardedE2Stream(e2, guard, Map.of("p-1", 90, "p-2", 10)::get, () -> 0L);
    assertThat(guarded.control(power("power", "p-1", 40, "a")).toCompletableFuture().get().getStatus())
        .isEqualTo(ControlStatus.CONTROL_STATUS_FAILURE);
    var o = guarded.control(energy("energy", "p-2", EnergySaving.Mode.MODE_REDUCE_POWER, "cell-3")).toCompletableFuture().get();
    assertThat(o.getStatus()).as("the failed setting holds no lease").isEqualTo(ControlStatus.CONTROL_STATUS_SUCCESS);
    o = guarded.control(power("power", "p-1", 41, "b")).toCompletableFuture().get();
    assertThat(o.getStatus()).isEqualTo(ControlStatus.CONTROL_STATUS_FAILURE);
    assertThat(e2.requests).hasSize(3);
    // and a guard rejection never reaches the node
    e2.drain();
    var rejected = guarded.control(energy("other", "p-2", EnergySaving.Mode.MODE_SLEEP, "cell-3")).toCompletableFuture().get();
    assertThat(rejected.getStatus()).isEqualTo(ControlStatus.CONTROL_STATUS_REJECTED);
    assertThat(rejected.getCause()).contains("cell-state");
    assertThat(e2.requests).isEmpty();
  }

  private static ControlRequest quota(String xapp, String policy, int min) {
    return ControlRequest.newBuilder().setRequestId(xapp + min).setNodeId("gnb-3")
        .setProvenance(Provenance.newBuilder().setXapp(xapp).setPolicyId(policy))
        .setSlicePrbQuota(SlicePrbQuota.newBuilder().setCellId("cell-3").addSlices(SliceQuota.newBuilder()
            .setSlice(Snssai.newBuilder().setSst(2)).setMinPrbPct(min).setMaxPrbPct(100))).build();
  }
}
