package io.oranric.testbed.sim.model;

import java.util.Arrays;

/**
 * Traffic over the day: 24 hourly multipliers (value at hh:00, linear in between, wrapping at midnight) times a
 * scenario-wide scale. The factor multiplies the burst arrival rate of every UE of the slices that use it.
 */
public final class DiurnalProfile {

    private final double[] hourly;
    private final double scale;

    public DiurnalProfile(double[] hourly, double scale) {
        if (hourly == null || hourly.length != 24) {
            throw new IllegalArgumentException("a diurnal profile needs 24 hourly values");
        }
        for (double v : hourly) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("diurnal values must be >= 0");
            }
        }
        if (!(scale >= 0)) {
            throw new IllegalArgumentException("diurnal scale must be >= 0");
        }
        this.hourly = hourly.clone();
        this.scale = scale;
    }

    /** Factor 1 all day. */
    public static DiurnalProfile flat() {
        double[] ones = new double[24];
        Arrays.fill(ones, 1.0);
        return new DiurnalProfile(ones, 1.0);
    }

    /**
     * A typical mobile broadband day (shape after published operator traces: night trough about 10-15 % of the
     * busy hour, a morning ramp, a plateau, the busy hour around 20:00-21:00).
     */
    public static DiurnalProfile typicalMobileBroadband() {
        return new DiurnalProfile(new double[] {
            0.35, 0.22, 0.15, 0.12, 0.11, 0.13, 0.22, 0.40, 0.58, 0.68, 0.74, 0.78,
            0.82, 0.80, 0.78, 0.78, 0.80, 0.85, 0.90, 0.96, 1.00, 0.95, 0.78, 0.55}, 1.0);
    }

    public double[] hourly() {
        return hourly.clone();
    }

    public double scale() {
        return scale;
    }

    /** Factor at a time of day given in seconds since midnight (any value; wraps). */
    public double factorAt(double secondsOfDay) {
        double h = ((secondsOfDay / 3600.0) % 24.0 + 24.0) % 24.0;
        int i = (int) h;
        double f = h - i;
        return scale * (hourly[i] * (1 - f) + hourly[(i + 1) % 24] * f);
    }

    /** Largest factor of the day. */
    public double peak() {
        return scale * Arrays.stream(hourly).max().orElse(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiurnalProfile d && d.scale == scale && Arrays.equals(d.hourly, hourly);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hourly) * 31 + Double.hashCode(scale);
    }

    @Override
    public String toString() {
        return "DiurnalProfile" + Arrays.toString(hourly) + "x" + scale;
    }
}
