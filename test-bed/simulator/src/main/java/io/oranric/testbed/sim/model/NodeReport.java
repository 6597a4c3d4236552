package io.oranric.testbed.sim.model;

import java.time.Duration;
import java.util.List;

/**
 * A gNB's (E2 node's) view of a granularity period: node-level power and energy (PEE measurements are defined
 * per network element) and its cells' reports.
 */
public record NodeReport(String gnbId, Duration periodStart, Duration periodEnd, Measurements node,
                         List<MeasurementReport> cells) {

    public NodeReport {
        cells = List.copyOf(cells);
    }
}
