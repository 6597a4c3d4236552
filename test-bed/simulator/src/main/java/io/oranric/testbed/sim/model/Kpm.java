package io.oranric.testbed.sim.model;

/**
 * Names and units of the measurements the model reports, as TS 28.552 names them (clause in brackets).
 * Values are doubles; rounding to the integer encodings of KPM is the E2 layer's business.
 *
 * <p>A measurement that has no sample in a period (no UE had data, no SDU was delivered) is absent from the
 * report rather than zero, as srsRAN and OAI report "no value"; {@link Measurements#get} then returns NaN.
 */
public final class Kpm {

    private Kpm() {
    }

    /** Average DL UE throughput, kbps: volume over the time UEs had data in the buffer (5.1.1.3.1). */
    public static final String DRB_UE_THP_DL = "DRB.UEThpDl";
    /** Average UL UE throughput, kbps (5.1.1.3.3). */
    public static final String DRB_UE_THP_UL = "DRB.UEThpUl";
    /** Average DL RLC SDU delay, ms (5.1.3.3.1; 28.552 counts in 0.1 ms, KPM v3 in ms). */
    public static final String DRB_RLC_SDU_DELAY_DL = "DRB.RlcSduDelayDl";
    /** Average UL RLC packet delay, ms (5.1.1.1.4). */
    public static final String DRB_RLC_DELAY_UL = "DRB.RlcDelayUl";
    /** DL PDCP SDU volume, Mbit (5.1.2.1.1.1). */
    public static final String DRB_PDCP_SDU_VOLUME_DL = "DRB.PdcpSduVolumeDL";
    /** UL PDCP SDU volume, Mbit (5.1.2.1.2.1). */
    public static final String DRB_PDCP_SDU_VOLUME_UL = "DRB.PdcpSduVolumeUL";
    /** Mean number of DL PRBs used for data traffic, a count (5.1.1.2.5). */
    public static final String RRU_PRB_USED_DL = "RRU.PrbUsedDl";
    /** Mean number of UL PRBs used for data traffic, a count (5.1.1.2.7). */
    public static final String RRU_PRB_USED_UL = "RRU.PrbUsedUl";
    /** Mean number of DL PRBs available, a count; 0 while the cell sleeps (5.1.1.2.6). */
    public static final String RRU_PRB_AVAIL_DL = "RRU.PrbAvailDl";
    /** Mean number of UL PRBs available, a count (5.1.1.2.8). */
    public static final String RRU_PRB_AVAIL_UL = "RRU.PrbAvailUl";
    /** DL PRB usage, percent of the available PRBs (5.1.1.2.1). */
    public static final String RRU_PRB_TOT_DL = "RRU.PrbTotDl";
    /** UL PRB usage, percent (5.1.1.2.2). */
    public static final String RRU_PRB_TOT_UL = "RRU.PrbTotUl";
    /** Peak DL PRBs used in any tick of the period, a count (5.1.1.2.9). */
    public static final String RRU_MAX_PRB_USED_DL = "RRU.MaxPrbUsedDl";
    /** Mean number of UEs with DL data in the buffer (5.1.1.23.1). */
    public static final String DRB_MEAN_ACTIVE_UE_DL = "DRB.MeanActiveUeDl";
    /** Max number of UEs with DL data in any tick (5.1.1.23.2). */
    public static final String DRB_MAX_ACTIVE_UE_DL = "DRB.MaxActiveUeDl";
    /** Mean number of UEs with UL data in the buffer (5.1.1.23.3). */
    public static final String DRB_MEAN_ACTIVE_UE_UL = "DRB.MeanActiveUeUl";
    /** Mean number of RRC_CONNECTED UEs (5.1.1.4.1). */
    public static final String RRC_CONN_MEAN = "RRC.ConnMean";
    /** Max number of RRC_CONNECTED UEs in any tick (5.1.1.4.2). */
    public static final String RRC_CONN_MAX = "RRC.ConnMax";
    /** RRC connection establishments (attempts; all succeed in the model) (5.1.1.15.1). */
    public static final String RRC_CONN_ESTAB_ATT = "RRC.ConnEstabAtt";
    /** Successful RRC connection establishments (5.1.1.15.2). */
    public static final String RRC_CONN_ESTAB_SUCC = "RRC.ConnEstabSucc";
    /** RRC re-establishments after radio link failure, counted at the new cell (5.1.1.17.1). */
    public static final String RRC_REESTAB_ATT = "RRC.ReEstabAtt";
    /** Outgoing inter-gNB handover executions requested (5.1.1.6.1.7). */
    public static final String MM_HO_EXE_INTER_REQ = "MM.HoExeInterReq";
    /** Outgoing inter-gNB handover executions that succeeded (5.1.1.6.1.8). */
    public static final String MM_HO_EXE_INTER_SUCC = "MM.HoExeInterSucc";
    /** Outgoing intra-gNB handover executions requested (5.1.1.6.2.1). */
    public static final String MM_HO_EXE_INTRA_REQ = "MM.HoExeIntraReq";
    /** Outgoing intra-gNB handover executions that succeeded (5.1.1.6.2.2). */
    public static final String MM_HO_EXE_INTRA_SUCC = "MM.HoExeIntraSucc";
    /** Incoming inter-gNB handover resource allocations (target side) (5.1.1.6.1.4). */
    public static final String MM_HO_RES_ALLO_INTER_REQ = "MM.HoResAlloInterReq";
    /** Average power, W (5.1.1.19.2.1); per cell here, summed per gNB in node reports. */
    public static final String PEE_AVG_POWER = "PEE.AvgPower";
    /** Minimum power in any tick, W (5.1.1.19.2.2). */
    public static final String PEE_MIN_POWER = "PEE.MinPower";
    /** Maximum power in any tick, W (5.1.1.19.2.3). */
    public static final String PEE_MAX_POWER = "PEE.MaxPower";
    /** Energy consumed in the period, kWh (5.1.1.19.3). */
    public static final String PEE_ENERGY = "PEE.Energy";
    /** DL packets dropped in the gNB (buffer overflow, discard timer), parts per million of the offered (5.1.3.3.3). */
    public static final String DRB_RLC_PACKET_DROP_RATE_DL = "DRB.RlcPacketDropRateDl";
    /** UL packets lost (UE buffer, discard timer, residual HARQ errors), parts per million (5.1.3.1.1). */
    public static final String DRB_PACKET_LOSS_RATE_UL = "DRB.PacketLossRateUl";
    /** Average DL MIMO layers per scheduled PRB (5.1.1.30.5). */
    public static final String CARR_AVERAGE_LAYERS_DL = "CARR.AverageLayersDl";
    /** Configured maximum carrier TX power, dBm (5.1.1.29.1). */
    public static final String CARR_MAX_TX_PWR = "CARR.MaxTxPwr";
    /** Mean radiated carrier power, dBm (5.1.1.29.2): configured power times the share of REs in use. */
    public static final String CARR_MEAN_TX_PWR = "CARR.MeanTxPwr";
    /**
     * Wideband CQI distribution (5.1.1.11.1): {@code CARR.WBCQIDist.Bin<cqi>}, number of CQI reports per value,
     * counting one report per connected UE every {@value #CSI_REPORT_PERIOD_MS} ms.
     */
    public static final String CARR_WB_CQI_DIST_PREFIX = "CARR.WBCQIDist.Bin";
    /** Mean SS-RSRP of the connected UEs, dBm (O-RAN KPM v3 L1M.DL-SS-RSRP.SSB). */
    public static final String L1M_DL_SS_RSRP = "L1M.DL-SS-RSRP.SSB";
    /** Mean SS-SINR of the connected UEs, dB (O-RAN KPM v3 L1M.DL-SS-SINR.SSB). */
    public static final String L1M_DL_SS_SINR = "L1M.DL-SS-SINR.SSB";

    /** CSI report periodicity behind the CQI distribution. */
    public static final int CSI_REPORT_PERIOD_MS = 20;

    public static String cqiBin(int cqi) {
        return CARR_WB_CQI_DIST_PREFIX + cqi;
    }

    /** Measurements every level reports (cell, slice, UE): what an E2 agent may list for any level. */
    public static final java.util.List<String> COMMON = java.util.List.of(DRB_UE_THP_DL, DRB_UE_THP_UL,
            DRB_RLC_SDU_DELAY_DL, DRB_RLC_DELAY_UL, DRB_PDCP_SDU_VOLUME_DL, DRB_PDCP_SDU_VOLUME_UL, RRU_PRB_USED_DL,
            RRU_PRB_USED_UL, DRB_MEAN_ACTIVE_UE_DL, DRB_MEAN_ACTIVE_UE_UL, RRC_CONN_MEAN, DRB_RLC_PACKET_DROP_RATE_DL,
            DRB_PACKET_LOSS_RATE_UL, CARR_AVERAGE_LAYERS_DL, L1M_DL_SS_RSRP, L1M_DL_SS_SINR);

    /** Everything a cell-level report can hold (the CQI distribution as its 16 bins). */
    public static final java.util.List<String> CELL = cellNames();

    /** What a slice report can hold (S-NSSAI subcounters). */
    public static final java.util.List<String> SLICE = COMMON;

    /** What a UE report can hold. */
    public static final java.util.List<String> UE = COMMON;

    /** What a node (gNB) report holds. */
    public static final java.util.List<String> NODE = java.util.List.of(PEE_AVG_POWER, PEE_MIN_POWER,
            PEE_MAX_POWER, PEE_ENERGY);

    private static java.util.List<String> cellNames() {
        java.util.List<String> l = new java.util.ArrayList<>(COMMON);
        l.addAll(java.util.List.of(RRU_PRB_AVAIL_DL, RRU_PRB_AVAIL_UL, RRU_PRB_TOT_DL, RRU_PRB_TOT_UL,
                RRU_MAX_PRB_USED_DL, DRB_MAX_ACTIVE_UE_DL, RRC_CONN_MAX, RRC_CONN_ESTAB_ATT, RRC_CONN_ESTAB_SUCC,
                RRC_REESTAB_ATT, MM_HO_EXE_INTER_REQ, MM_HO_EXE_INTER_SUCC, MM_HO_EXE_INTRA_REQ, MM_HO_EXE_INTRA_SUCC,
                MM_HO_RES_ALLO_INTER_REQ, PEE_AVG_POWER, PEE_MIN_POWER, PEE_MAX_POWER, PEE_ENERGY, CARR_MAX_TX_PWR,
                CARR_MEAN_TX_PWR));
        for (int q = 0; q <= 15; q++) {
            l.add(cqiBin(q));
        }
        return java.util.List.copyOf(l);
    }
}
