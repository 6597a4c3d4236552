package io.oranric.xapp.steering;

import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.LogicXApp;
import io.oranric.xapp.sdk.TypedPolicies;

/** The steering xApp: PREFER / AVOID / FORBID through E2SM-RC handover control, without ping-pong. */
public final class TrafficSteeringXApp extends LogicXApp {
  public static final String NAME = "traffic-steering";

  public TrafficSteeringXApp(TrafficSteeringLogic.Config config, TypedPolicies policies, CellDirectory cells) {
    super(NAME, new TrafficSteeringLogic(config, policies, cells), null);
  }
}
