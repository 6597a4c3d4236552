package io.oranric.xapp.kpm;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Live KPM context for anyone in the process (the intent agent, the console): rolling aggregates
 * (last, mean, p95, min, max over the monitor's window) per cell, slice and UE. Answers come from
 * the monitor's event loop, so they never see half an update.
 */
public interface KpmQuery {
  CompletionStage<List<KpmStore.CellKpis>> cells();

  CompletionStage<Optional<KpmStore.CellKpis>> cell(String cell);

  /** @param slice a slice name ("urllc") or SST ("2") */
  CompletionStage<Optional<KpmStore.SliceKpis>> slice(String cell, String slice);

  CompletionStage<List<KpmStore.UeKpis>> ues(String cell);

  CompletionStage<Optional<KpmStore.UeKpis>> ue(String ue);
}
