package io.oranric.xapp.spectrum;

import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.LogicXApp;
import io.oranric.xapp.sdk.TypedPolicies;

/** The spectrum xApp: Spectrum policies through E2SM-CCC O-NRSectorCarrier and O-BWP. */
public final class SpectrumXApp extends LogicXApp {
  public static final String NAME = "spectrum";

  public SpectrumXApp(SpectrumLogic.Config config, TypedPolicies policies, CellDirectory cells) {
    super(NAME, new SpectrumLogic(config, policies, cells), null);
  }
}
