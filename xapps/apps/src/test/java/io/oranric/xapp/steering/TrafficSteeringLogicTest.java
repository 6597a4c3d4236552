package io.oranric.xapp.steering;

import static io.oranric.xapp.Fixtures.T0;
import static io.oranric.xapp.Fixtures.cell;
import static io.oranric.xapp.Fixtures.ue;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.contract.v1.Handover;
import io.oranric.xapp.Fixtures;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.Decision;
import io.oranric.xapp.common.KpmNames;
import io.oranric.xapp.sdk.KpmSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficSteeringLogicTest {
  private final Fixtures.Store store = new Fixtures.Store();
  private final TrafficSteeringLogic logic = new TrafficSteeringLogic(TrafficSteeringLogic.Config.defaults(), store.typed,
      new CellDirectory(Fixtures.lab(7)));

  private static List<KpmSample> ues(Map<String, String> servedBy, int sst) {
    List<KpmSample> out = new ArrayList<>();
    servedBy.forEach((ue, c) -> out.add(ue(c, ue, sst, KpmNames.THP_DL, 10_000)));
    return out;
  }

  @Test
  void forbid_moves_every_ue_out_to_the_least_loaded_neighbour_once() {
    store.put("""
        {"policyId":"p-f","type":"TrafficSteering","statement":{"preference":"FORBID","targetCells":["cell-2"]}}""");
    List<KpmSample> batch = new ArrayList<>(ues(Map.of("ue-1", "cell-2", "ue-2", "cell-2", "ue-3", "cell-1"), 1));
    batch.add(cell("cell-1", KpmNames.PRB_TOT_DL, 70));
    batch.add(cell("cell-3", KpmNames.PRB_TOT_DL, 20));
    List<Decision> ds = logic.onKpm(batch, T0);
    assertThat(ds).hasSize(2);
    for (Decision d : ds) {
      Handover h = d.request().getHandover();
      assertThat(h.getSourceCellId()).isEqualTo("cell-2");
      assertThat(h.getTargetCellId()).isEqualTo("cell-3");
      assertThat(d.request().getNodeId()).isEqualTo("gnb-2");
      assertThat(d.provenance().getPolicyId()).isEqualTo("p-f");
    }
    // still reported in cell-2 a second later (handover in flight): nothing new
    assertThat(logic.onKpm(ues(Map.of("ue-1", "cell-2", "ue-2", "cell-2"), 1), T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void prefer_respects_slice_scope_and_the_target_load_limit() {
    store.put("""
        {"policyId":"p-p","type":"TrafficSteering","scope":{"slice":"urllc"},
         "statement":{"preference":"PREFER","targetCells":["cell-3"]}}""");
    List<KpmSample> batch = new ArrayList<>(ues(Map.of("ue-u", "cell-2"), 2));
    batch.addAll(ues(Map.of("ue-e", "cell-2"), 1));
    batch.add(cell("cell-3", KpmNames.PRB_TOT_DL, 95));
    assertThat(logic.onKpm(batch, T0)).as("preferred cell overloaded").isEmpty();
    batch.set(2, cell("cell-3", KpmNames.PRB_TOT_DL, 30));
    List<Decision> ds = logic.onKpm(batch, T0.plusSeconds(1));
    assertThat(ds).hasSize(1);
    assertThat(ds.get(0).request().getHandover().getUeId()).isEqualTo("ue-u");
  }

  @Test
  void a_ue_never_ping_pongs_even_when_policies_flip_every_second() {
    String prefer = """
        {"policyId":"p-x","type":"TrafficSteering","statement":{"preference":"PREFER","targetCells":["%s"]},"version":%d}""";
    Map<String, String> serving = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      serving.put("ue-" + i, i % 2 == 0 ? "cell-1" : "cell-2");
    }
    Map<String, List<Long>> moves = new HashMap<>();
    Map<String, List<String>> path = new HashMap<>();
    serving.forEach((u, c) -> path.computeIfAbsent(u, k -> new ArrayList<>()).add(c));
    for (int k = 0; k < 900; k++) {
      // the operator keeps flipping which of the two cells is preferred
      store.put(String.format(prefer, k % 2 == 0 ? "cell-1" : "cell-2", k + 1));
      Instant now = T0.plusSeconds(k);
      for (Decision d : logic.onKpm(ues(serving, 1), now)) {
        Handover h = d.request().getHandover();
        moves.computeIfAbsent(h.getUeId(), u -> new ArrayList<>()).add((long) k);
        // the handover completes: the UE reports from its new cell from the next second on
        serving.put(h.getUeId(), h.getTargetCellId());
        path.get(h.getUeId()).add(h.getTargetCellId());
      }
    }
    assertThat(moves).isNotEmpty();
    TrafficSteeringLogic.Config c = TrafficSteeringLogic.Config.defaults();
    moves.forEach((ue, times) -> {
      for (int i = 1; i < times.size(); i++) {
        assertThat(times.get(i) - times.get(i - 1)).as(ue + " held").isGreaterThanOrEqualTo(c.noReturn().toSeconds());
      }
      for (int i = 0; i < times.size(); i++) {
        long from = times.get(i);
        long inWindow = times.stream().filter(t -> t >= from && t < from + c.window().toSeconds()).count();
        assertThat(inWindow).as(ue + " handovers in one window").isLessThanOrEqualTo(c.maxPerWindow());
      }
    });
  }

  @Test
  void avoid_moves_only_to_a_less_loaded_acceptable_neighbour_and_not_back_to_where_it_came_from() {
    store.put("""
        {"policyId":"p-av","type":"TrafficSteering","statement":{"preference":"AVOID","targetCells":["cell-4"]}}""");
    List<KpmSample> batch = new ArrayList<>(ues(Map.of("ue-1", "cell-4"), 1));
    batch.add(cell("cell-4", KpmNames.PRB_TOT_DL, 40));
    batch.add(cell("cell-3", KpmNames.PRB_TOT_DL, 60));
    batch.add(cell("cell-5", KpmNames.PRB_TOT_DL, 50));
    assertThat(logic.onKpm(batch, T0)).as("both neighbours busier").isEmpty();
    batch.set(3, cell("cell-5", KpmNames.PRB_TOT_DL, 10));
    List<Decision> ds = logic.onKpm(batch, T0.plusSeconds(1));
    assertThat(ds).hasSize(1);
    assertThat(ds.get(0).request().getHandover().getTargetCellId()).isEqualTo("cell-5");
  }

  @Test
  void a_move_made_by_the_node_itself_also_starts_the_hold() {
    store.put("""
        {"policyId":"p-p","type":"TrafficSteering","statement":{"preference":"PREFER","targetCells":["cell-2"]}}""");
    logic.onKpm(ues(Map.of("ue-1", "cell-2"), 1), T0);
    // the node's own A3 mobility took it to cell-1: not pulled back at once
    assertThat(logic.onKpm(ues(Map.of("ue-1", "cell-1"), 1), T0.plusSeconds(1))).isEmpty();
    assertThat(logic.onKpm(ues(Map.of("ue-1", "cell-1"), 1), T0.plusSeconds(200))).hasSize(1);
  }
}
