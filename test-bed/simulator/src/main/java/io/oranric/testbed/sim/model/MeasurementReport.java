package io.oranric.testbed.sim.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One cell's measurements over one granularity period: cell level, per slice (S-NSSAI subcounters) and per
 * connected UE.
 *
 * @param cellId      cell
 * @param gnbId       its gNB
 * @param nci         NR Cell Identity
 * @param periodStart model time at the start of the period
 * @param periodEnd   model time at the end
 * @param cell        cell-level measurements
 * @param slices      one report per configured slice, in configuration order
 * @param ues         UEs served by the cell at the end of the period that were connected during it
 */
public record MeasurementReport(String cellId, String gnbId, long nci, Duration periodStart, Duration periodEnd,
                                Measurements cell, List<SliceReport> slices, List<UeReport> ues) {

    public MeasurementReport {
        slices = List.copyOf(slices);
        ues = List.copyOf(ues);
    }

    public Optional<SliceReport> slice(String name) {
        return slices.stream().filter(s -> s.slice().equals(name)).findFirst();
    }

    public Optional<SliceReport> slice(Snssai snssai) {
        return slices.stream().filter(s -> s.snssai().equals(snssai)).findFirst();
    }

    public Optional<UeReport> ue(String ueId) {
        return ues.stream().filter(u -> u.ueId().equals(ueId)).findFirst();
    }

    /** Shortcut for {@code cell().get(name)}. */
    public double get(String name) {
        return cell.get(name);
    }
}
