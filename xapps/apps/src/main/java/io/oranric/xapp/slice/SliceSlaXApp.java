package io.oranric.xapp.slice;

import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.LogicXApp;
import io.oranric.xapp.sdk.TypedPolicies;
import java.time.Duration;

/** The slice xApp: SliceSla feedback loops and PrbQuota enforcement through E2SM-RC slice PRB quotas. */
public final class SliceSlaXApp extends LogicXApp {
  public static final String NAME = "slice-sla";

  public SliceSlaXApp(SliceSlaLogic.Config config, TypedPolicies policies, CellDirectory cells) {
    super(NAME, new SliceSlaLogic(config, policies, cells), Duration.ofSeconds(5));
  }
}
