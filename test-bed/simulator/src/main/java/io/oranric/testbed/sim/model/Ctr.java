package io.oranric.testbed.sim.model;

/**
 * Layout of the cumulative counters. Every level (UE, slice in a cell, cell) accumulates the same traffic
 * fields; cells add their own. A measurement over a granularity period is the difference of two snapshots of
 * these arrays, so any number of meters with different periods can read one model without resetting anything.
 * Time weights are in milliseconds (whole ticks add integers, which doubles sum exactly: four UEs connected for
 * a whole period read back as exactly 4).
 */
final class Ctr {

    private Ctr() {
    }

    // traffic fields, all levels
    static final int DL_BITS = 0;          // served DL volume
    static final int UL_BITS = 1;
    static final int DL_ACTIVE_MS = 2;     // UE-milliseconds with DL data in the buffer
    static final int UL_ACTIVE_MS = 3;
    static final int DL_PRB_MS = 4;        // PRB-milliseconds used
    static final int UL_PRB_MS = 5;
    static final int DL_DELAY_MS_PKTS = 6; // sum over delivered SDUs of their delay
    static final int DL_PKTS = 7;          // delivered SDUs
    static final int UL_DELAY_MS_PKTS = 8;
    static final int UL_PKTS = 9;
    static final int DL_ARRIVED = 10;      // SDUs offered
    static final int DL_DROPPED = 11;      // SDUs dropped (buffer overflow, discard timer)
    static final int UL_ARRIVED = 12;
    static final int UL_LOST = 13;         // SDUs lost (UE buffer, discard timer, residual HARQ errors)
    static final int CONN_MS = 14;         // UE-milliseconds in RRC_CONNECTED
    static final int DL_LAYERS_PRB_MS = 15; // sum of layers times PRB-milliseconds
    static final int CQI_MS = 16;          // sum of CQI times milliseconds, connected UEs
    static final int SINR_MS = 17;         // sum of SINR (dB) times milliseconds
    static final int RSRP_MS = 18;         // sum of SS-RSRP (dBm) times milliseconds
    static final int RADIO_MS = 19;        // milliseconds behind the three sums above
    static final int TF = 20;

    // cell-only fields
    static final int PRB_AVAIL_DL_MS = 20;  // PRB-milliseconds available
    static final int PRB_AVAIL_UL_MS = 21;
    static final int ENERGY_J = 22;
    static final int TX_MW_S = 23;         // radiated power integral (mW s)
    static final int HO_INTER_REQ = 24;
    static final int HO_INTER_SUCC = 25;
    static final int HO_INTRA_REQ = 26;
    static final int HO_INTRA_SUCC = 27;
    static final int HO_IN = 28;           // incoming inter-gNB handovers (target side)
    static final int REESTAB = 29;
    static final int CONN_ESTAB = 30;
    static final int ACTIVE_MS = 31;       // milliseconds the cell was on air
    static final int CQI_BIN0 = 32;        // 16 bins: UE-milliseconds per wideband CQI value
    static final int CF = CQI_BIN0 + 16;
}
