package io.oranric.testbed.sim.model;

/** A slice's measurements in one cell over one granularity period. */
public record SliceReport(String slice, Snssai snssai, Measurements measurements) {

    public double get(String name) {
        return measurements.get(name);
    }
}
