package io.oranric.testbed.sim.model;

import java.util.Arrays;

/**
 * NR numbers the model takes from the 3GPP tables.
 *
 * <ul>
 *   <li>Maximum transmission bandwidth configuration N_RB: TS 38.101-1 Table 5.3.2-1 (FR1).</li>
 *   <li>CQI tables 1 (up to 64QAM) and 2 (up to 256QAM): TS 38.214 Tables 5.2.2.1-2 and 5.2.2.1-3;
 *       the spectral efficiency column is used directly as bits per resource element.</li>
 *   <li>SINR thresholds per CQI: 38.214 defines the tables but not the mapping from SINR (that is the
 *       UE's implementation). Table 1 uses the widely used 10 % BLER AWGN link-level thresholds; table 2
 *       shares the threshold of the table-1 entry with the same efficiency and extends the 256QAM entries
 *       along an attenuated Shannon slope (about 4 dB per bit per resource element).</li>
 *   <li>Overheads: TS 38.306 clause 4.1.2 (FR1: 0.14 DL, 0.08 UL).</li>
 * </ul>
 */
public final class NrTables {

    private NrTables() {
    }

    /** Subcarriers per PRB. */
    public static final int SUBCARRIERS_PER_PRB = 12;
    /** OFDM symbols per slot (normal cyclic prefix). */
    public static final int SYMBOLS_PER_SLOT = 14;
    /** TS 38.306 4.1.2, FR1. */
    public static final double OVERHEAD_DL = 0.14;
    /** TS 38.306 4.1.2, FR1. */
    public static final double OVERHEAD_UL = 0.08;

    private static final int[] BANDWIDTHS_MHZ = {5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100};

    // N_RB per bandwidth above, 0 where the combination is not defined.
    private static final int[] NRB_15 = {25, 52, 79, 106, 133, 160, 188, 216, 242, 270, 0, 0, 0, 0, 0};
    private static final int[] NRB_30 = {11, 24, 38, 51, 65, 78, 92, 106, 119, 133, 162, 189, 217, 245, 273};
    private static final int[] NRB_60 = {0, 11, 18, 24, 31, 38, 44, 51, 58, 65, 79, 93, 107, 121, 135};

    /**
     * N_RB for a channel bandwidth and subcarrier spacing (TS 38.101-1 Table 5.3.2-1), or -1 when the table
     * has no entry.
     */
    public static int maxPrbs(int scsKHz, int bandwidthMHz) {
        int i = Arrays.binarySearch(BANDWIDTHS_MHZ, bandwidthMHz);
        if (i < 0) {
            return -1;
        }
        int[] row = switch (scsKHz) {
            case 15 -> NRB_15;
            case 30 -> NRB_30;
            case 60 -> NRB_60;
            default -> null;
        };
        if (row == null || row[i] == 0) {
            return -1;
        }
        return row[i];
    }

    /** Slots per second for a subcarrier spacing: 1000 * 2^mu. */
    public static int slotsPerSecond(int scsKHz) {
        return switch (scsKHz) {
            case 15 -> 1000;
            case 30 -> 2000;
            case 60 -> 4000;
            case 120 -> 8000;
            default -> throw new IllegalArgumentException("unsupported subcarrier spacing " + scsKHz + " kHz");
        };
    }

    // Index 0 is "out of range" (CQI 0): nothing can be scheduled.
    private static final double[] EFF_TABLE1 = {0,
        0.1523, 0.2344, 0.3770, 0.6016, 0.8770, 1.1758, 1.4766, 1.9141,
        2.4063, 2.7305, 3.3223, 3.9023, 4.5234, 5.1152, 5.5547};
    private static final double[] EFF_TABLE2 = {0,
        0.1523, 0.3770, 0.8770, 1.4766, 1.9141, 2.4063, 2.7305, 3.3223,
        3.9023, 4.5234, 5.1152, 5.5547, 6.2266, 6.9141, 7.4063};
    private static final double[] SINR_TABLE1 = {Double.NEGATIVE_INFINITY,
        -6.7, -4.7, -2.3, 0.2, 2.4, 4.3, 5.9, 8.1, 10.3, 11.7, 14.1, 16.3, 18.7, 21.0, 22.7};
    private static final double[] SINR_TABLE2 = {Double.NEGATIVE_INFINITY,
        -6.7, -2.3, 2.4, 5.9, 8.1, 10.3, 11.7, 14.1, 16.3, 18.7, 21.0, 22.7, 25.4, 28.2, 30.2};

    // CQI lookup in 0.25 dB buckets from -10 dB: the bucket gives the CQI at its lower edge, one or two
    // comparisons finish the job exactly. Called several times per UE and tick, so it matters.
    private static final double LUT_FROM_DB = -10.0;
    private static final double LUT_STEP_DB = 0.25;
    private static final int LUT_SIZE = 200;
    private static final byte[] LUT_TABLE1 = lut(SINR_TABLE1);
    private static final byte[] LUT_TABLE2 = lut(SINR_TABLE2);

    private static byte[] lut(double[] thr) {
        byte[] t = new byte[LUT_SIZE];
        for (int i = 0; i < LUT_SIZE; i++) {
            t[i] = (byte) search(thr, LUT_FROM_DB + i * LUT_STEP_DB);
        }
        return t;
    }

    private static int search(double[] thr, double sinrDb) {
        int lo = 0;
        int hi = 15;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (sinrDb >= thr[mid]) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Highest CQI (0..15) whose threshold the SINR reaches, for CQI table 1 or 2. */
    public static int cqi(int table, double sinrDb) {
        double[] thr = table == 1 ? SINR_TABLE1 : SINR_TABLE2;
        double pos = (sinrDb - LUT_FROM_DB) / LUT_STEP_DB;
        if (!(pos >= 0) || pos >= LUT_SIZE) {
            return search(thr, sinrDb);
        }
        int cqi = (table == 1 ? LUT_TABLE1 : LUT_TABLE2)[(int) pos];
        while (cqi < 15 && sinrDb >= thr[cqi + 1]) {
            cqi++;
        }
        return cqi;
    }

    /** Spectral efficiency in bits per resource element for a CQI of table 1 or 2 (0 for CQI 0). */
    public static double efficiency(int table, int cqi) {
        return (table == 1 ? EFF_TABLE1 : EFF_TABLE2)[cqi];
    }

    /** Modulation order Q_m of a CQI entry (2, 4, 6 or 8; 0 for CQI 0). */
    public static int modulationOrder(int table, int cqi) {
        if (cqi == 0) {
            return 0;
        }
        if (table == 1) {
            return cqi <= 6 ? 2 : cqi <= 9 ? 4 : 6;
        }
        return cqi <= 3 ? 2 : cqi <= 6 ? 4 : cqi <= 11 ? 6 : 8;
    }

    /** The SINR a CQI entry needs, in dB. */
    public static double sinrThresholdDb(int table, int cqi) {
        return (table == 1 ? SINR_TABLE1 : SINR_TABLE2)[cqi];
    }
}
