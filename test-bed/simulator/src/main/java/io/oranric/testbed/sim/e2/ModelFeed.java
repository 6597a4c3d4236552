package io.oranric.testbed.sim.e2;

import io.oranric.testbed.sim.model.KpmMeter;
import io.oranric.testbed.sim.model.MeasurementReport;
import io.oranric.testbed.sim.model.Network;
import io.oranric.testbed.sim.model.NodeReport;
import io.oranric.testbed.sim.run.PacedRunner;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest closed measurement period of every cell and node, published by the model's own
 * thread when a period closes. E2 agents read it from their event loops without ever blocking on
 * the model: a report period is an immutable snapshot.
 */
public final class ModelFeed {
  /** One closed period: every cell's report and every node's. */
  public record Period(long index, Duration end, Map<String, MeasurementReport> cells, Map<String, NodeReport> nodes) {
    public Optional<MeasurementReport> cell(String id) {
      return Optional.ofNullable(cells.get(id));
    }

    public Optional<NodeReport> node(String id) {
      return Optional.ofNullable(nodes.get(id));
    }
  }

  private final PacedRunner runner;
  private final Duration granularity;
  private volatile Period latest = new Period(-1, Duration.ZERO, Map.of(), Map.of());

  /** Opens a meter of the given granularity on the runner's thread and starts publishing its periods. */
  public ModelFeed(PacedRunner runner, Duration granularity) {
    this.runner = runner;
    this.granularity = granularity;
    runner.submit(net -> {
      KpmMeter meter = net.meter(granularity);
      meter.addListener((m, end) -> publish(net, m, end));
      return null;
    }).join();
  }

  private void publish(Network net, KpmMeter m, Duration end) {
    Map<String, MeasurementReport> cells = new HashMap<>();
    net.cells().forEach(c -> m.snapshot(c.id()).ifPresent(r -> cells.put(c.id(), r)));
    Map<String, NodeReport> nodes = new HashMap<>();
    net.nodes().forEach(n -> m.snapshotNode(n.name()).ifPresent(r -> nodes.put(n.name(), r)));
    latest = new Period(m.completedPeriods(), end, Map.copyOf(cells), Map.copyOf(nodes));
  }

  public Period latest() {
    return latest;
  }

  public Duration granularity() {
    return granularity;
  }

  public PacedRunner runner() {
    return runner;
  }
}
