package io.oranric.xapp.power;

import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.LogicXApp;
import io.oranric.xapp.sdk.TypedPolicies;
import java.time.Duration;

/** The power xApp: TxPower policies in bounded steps through E2SM-CCC O-NRSectorCarrier. */
public final class TxPowerXApp extends LogicXApp {
  public static final String NAME = "tx-power";

  public TxPowerXApp(TxPowerLogic.Config config, TypedPolicies policies, CellDirectory cells) {
    super(NAME, new TxPowerLogic(config, policies, cells), Duration.ofSeconds(10));
  }
}
