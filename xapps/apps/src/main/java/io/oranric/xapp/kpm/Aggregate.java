package io.oranric.xapp.kpm;

/**
 * Rolling statistics of one measurement series over the window.
 *
 * @param p95 nearest-rank 95th percentile of the samples in the window
 * @param lastAtNs when the last sample was taken in (the xApp clock, epoch nanoseconds)
 */
public record Aggregate(double last, double mean, double p95, double min, double max, int count, long lastAtNs) {}
