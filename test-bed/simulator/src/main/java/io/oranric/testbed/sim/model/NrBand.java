package io.oranric.testbed.sim.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The FR1 operating bands the lab uses, with what a gNB must check before it accepts a carrier change:
 * the DL frequency range (TS 38.104 Table 5.2-1), the channel raster step per subcarrier spacing
 * (TS 38.104 Table 5.4.2.3-1) and the channel bandwidths allowed per subcarrier spacing
 * (TS 38.101-1 Table 5.3.5-1, Rel-16 values).
 */
public enum NrBand {
    N1(Duplex.FDD, 2110, 2170, 20, 20, new int[] {5, 10, 15, 20}, new int[] {10, 15, 20}, new int[0]),
    N3(Duplex.FDD, 1805, 1880, 20, 20, new int[] {5, 10, 15, 20, 25, 30}, new int[] {10, 15, 20, 25, 30},
            new int[0]),
    N28(Duplex.FDD, 758, 803, 20, 20, new int[] {5, 10, 15, 20}, new int[] {10, 15, 20}, new int[0]),
    N41(Duplex.TDD, 2496, 2690, 3, 6, new int[] {10, 15, 20, 30, 40, 50},
            new int[] {10, 15, 20, 30, 40, 50, 60, 80, 90, 100}, new int[] {10, 15, 20, 30, 40, 50, 60, 80, 90, 100}),
    N77(Duplex.TDD, 3300, 4200, 1, 2, new int[] {10, 15, 20, 25, 30, 40, 50},
            new int[] {10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100},
            new int[] {10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100}),
    N78(Duplex.TDD, 3300, 3800, 1, 2, new int[] {10, 15, 20, 25, 30, 40, 50},
            new int[] {10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100},
            new int[] {10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100}),
    N79(Duplex.TDD, 4400, 5000, 1, 2, new int[0], new int[] {40, 50, 60, 80, 100}, new int[] {40, 50, 60, 80, 100});

    /** FDD carries DL and UL on paired spectrum; TDD shares the carrier in time. */
    public enum Duplex { FDD, TDD }

    private final Duplex duplex;
    private final double dlLowMHz;
    private final double dlHighMHz;
    private final int rasterStep15;
    private final int rasterStep30;
    private final int[] bw15;
    private final int[] bw30;
    private final int[] bw60;

    NrBand(Duplex duplex, double dlLowMHz, double dlHighMHz, int rasterStep15, int rasterStep30,
           int[] bw15, int[] bw30, int[] bw60) {
        this.duplex = duplex;
        this.dlLowMHz = dlLowMHz;
        this.dlHighMHz = dlHighMHz;
        this.rasterStep15 = rasterStep15;
        this.rasterStep30 = rasterStep30;
        this.bw15 = bw15;
        this.bw30 = bw30;
        this.bw60 = bw60;
    }

    public Duplex duplex() {
        return duplex;
    }

    public double dlLowMHz() {
        return dlLowMHz;
    }

    public double dlHighMHz() {
        return dlHighMHz;
    }

    /** The band name as 3GPP writes it, e.g. {@code n78}. */
    public String bandName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NrBand> byName(String name) {
        for (NrBand b : values()) {
            if (b.bandName().equalsIgnoreCase(name)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Channel bandwidths (MHz) this band allows at a subcarrier spacing, ascending. */
    public int[] channelBandwidths(int scsKHz) {
        int[] list = switch (scsKHz) {
            case 15 -> bw15;
            case 30 -> bw30;
            case 60 -> bw60;
            default -> new int[0];
        };
        return list.clone();
    }

    public boolean allowsBandwidth(int scsKHz, int bandwidthMHz) {
        return Arrays.stream(channelBandwidths(scsKHz)).anyMatch(b -> b == bandwidthMHz);
    }

    /** Channel raster step in NR-ARFCN units for a subcarrier spacing (TS 38.104 Table 5.4.2.3-1). */
    public int rasterStep(int scsKHz) {
        return scsKHz == 15 ? rasterStep15 : rasterStep30;
    }

    /** First NR-ARFCN of the band's DL range, the origin of its raster. */
    public int firstArfcn() {
        return (int) Math.ceil(arfcnExact(dlLowMHz) - 1e-6);
    }

    public int lastArfcn() {
        return (int) Math.floor(arfcnExact(dlHighMHz) + 1e-6);
    }

    /** Whether the ARFCN lies in the band and on its raster for this subcarrier spacing. */
    public boolean onRaster(int arfcn, int scsKHz) {
        return arfcn >= firstArfcn() && arfcn <= lastArfcn() && (arfcn - firstArfcn()) % rasterStep(scsKHz) == 0;
    }

    /** Whether a carrier of this bandwidth centred on the ARFCN stays inside the band's DL range. */
    public boolean carrierFits(int arfcn, int bandwidthMHz) {
        double f = frequencyMHz(arfcn);
        return f - bandwidthMHz / 2.0 >= dlLowMHz - 1e-6 && f + bandwidthMHz / 2.0 <= dlHighMHz + 1e-6;
    }

    /** F_REF in MHz for an NR-ARFCN (TS 38.104 clause 5.4.2.1, FR1 and FR2 global raster). */
    public static double frequencyMHz(int arfcn) {
        if (arfcn < 0) {
            throw new IllegalArgumentException("negative NR-ARFCN " + arfcn);
        }
        if (arfcn < 600_000) {
            return arfcn * 0.005;
        }
        if (arfcn < 2_016_667) {
            return 3000.0 + 0.015 * (arfcn - 600_000);
        }
        return 24250.08 + 0.060 * (arfcn - 2_016_667);
    }

    private static double arfcnExact(double fMHz) {
        if (fMHz < 3000.0) {
            return fMHz / 0.005;
        }
        if (fMHz < 24250.0) {
            return 600_000 + (fMHz - 3000.0) / 0.015;
        }
        return 2_016_667 + (fMHz - 24250.08) / 0.060;
    }
}
