package io.oranric.xapp.spectrum;

import static io.oranric.xapp.Fixtures.T0;
import static io.oranric.xapp.Fixtures.cell;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.xapp.Fixtures;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.Decision;
import io.oranric.xapp.common.KpmNames;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpectrumLogicTest {
  private final Fixtures.Store store = new Fixtures.Store();
  private final SpectrumLogic logic = new SpectrumLogic(SpectrumLogic.Config.defaults(), store.typed, new CellDirectory(Fixtures.lab(7)));

  private List<Decision> tick(int second) {
    return logic.onKpm(List.of(cell("cell-5", KpmNames.PRB_TOT_DL, 30)), T0.plusSeconds(second));
  }

  @Test
  void carrier_and_bwp_are_set_once_and_re_sent_after_a_refusal_no_sooner_than_the_interval() {
    store.put("""
        {"policyId":"p-s","type":"Spectrum","scope":{"cells":["cell-5"]},"statement":{"bandwidthMHz":20,"arfcnDl":630000,"bwpId":1}}""");
    List<Decision> ds = tick(0);
    assertThat(ds).hasSize(2);
    var sc = ds.get(0).request().getCcc().getSectorCarrier();
    assertThat(sc.getBsChannelBwDlMhz()).isEqualTo(20);
    assertThat(sc.getArfcnDl()).isEqualTo(630000);
    assertThat(sc.hasConfiguredMaxTxPowerDbm()).isFalse();
    assertThat(ds.get(1).request().getCcc().getBwp().getBwpId()).isEqualTo(1);
    assertThat(ds.get(0).request().getNodeId()).isEqualTo("gnb-5");

    logic.onOutcome(ds.get(0), ControlOutcome.newBuilder().setStatus(ControlStatus.CONTROL_STATUS_SUCCESS).build(), T0);
    logic.onOutcome(ds.get(1), ControlOutcome.newBuilder().setStatus(ControlStatus.CONTROL_STATUS_FAILURE).build(), T0);
    assertThat(tick(30)).as("within the minimum interval").isEmpty();
    ds = tick(61);
    assertThat(ds).hasSize(1);
    assertThat(ds.get(0).request().getCcc().hasBwp()).isTrue();
  }

  @Test
  void a_bandwidth_outside_the_envelope_never_reaches_the_node() {
    store.put("""
        {"policyId":"p-s","type":"Spectrum","statement":{"bandwidthMHz":35}}""");
    assertThat(tick(0)).isEmpty();
    assertThat(logic.rejected("cell-5")).contains("35");
  }
}
