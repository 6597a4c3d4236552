package io.oranric.xapp.energy;

import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.LogicXApp;
import io.oranric.xapp.sdk.TypedPolicies;
import java.time.Duration;

/** The energy xApp: sleeps or powers down lightly loaded cells through E2SM-CCC, keeping coverage. */
public final class EnergySavingXApp extends LogicXApp {
  public static final String NAME = "energy-saving";

  public EnergySavingXApp(EnergySavingLogic.Config config, TypedPolicies policies, CellDirectory cells) {
    // the tick wakes sleeping cells when their window closes even if no report arrives
    super(NAME, new EnergySavingLogic(config, policies, cells), Duration.ofSeconds(1));
  }
}
