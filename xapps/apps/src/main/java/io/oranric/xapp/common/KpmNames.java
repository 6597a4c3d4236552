package io.oranric.xapp.common;

/**
 * The TS 28.552 / O-RAN KPM measurement names the xApps read, with the units the E2 side delivers
 * (as the termination decodes them and the lab simulator reports them).
 */
public final class KpmNames {
  private KpmNames() {}

  /** Average DL UE throughput, kbps. */
  public static final String THP_DL = "DRB.UEThpDl";
  /** Average UL UE throughput, kbps. */
  public static final String THP_UL = "DRB.UEThpUl";
  /** Average DL RLC SDU delay, ms. */
  public static final String DELAY_DL = "DRB.RlcSduDelayDl";
  /** DL packets dropped, parts per million of the offered. */
  public static final String DROP_RATE_DL = "DRB.RlcPacketDropRateDl";
  /** DL PRBs used: a count when {@link #PRB_AVAIL_DL} is reported beside it, else percent. */
  public static final String PRB_USED_DL = "RRU.PrbUsedDl";
  /** DL PRBs available, a count; 0 while the cell sleeps. */
  public static final String PRB_AVAIL_DL = "RRU.PrbAvailDl";
  /** DL PRB usage, percent. */
  public static final String PRB_TOT_DL = "RRU.PrbTotDl";
  /** Mean number of UEs with DL data. */
  public static final String ACTIVE_UE_DL = "DRB.MeanActiveUeDl";
  /** Average power, W. */
  public static final String AVG_POWER = "PEE.AvgPower";
  /** Configured maximum carrier TX power, dBm. */
  public static final String MAX_TX_PWR = "CARR.MaxTxPwr";
  /** Mean SS-SINR of the connected UEs, dB. */
  public static final String SS_SINR = "L1M.DL-SS-SINR.SSB";

  /** kbps to Mbps. */
  public static double mbps(double kbps) {
    return kbps / 1000.0;
  }

  /** Parts per million to percent. */
  public static double pctFromPpm(double ppm) {
    return ppm / 10_000.0;
  }
}
