package io.oranric.testbed.sim.model;

/**
 * One UE's measurements over a granularity period, plus its radio state at the end of the period.
 *
 * @param ueId          lab name, e.g. {@code ue-17}
 * @param ranUeId       numeric id for the E2 UE ID (stand-in for the AMF UE NGAP ID)
 * @param slice         slice name
 * @param snssai        its S-NSSAI
 * @param servingCellId serving cell at the end of the period, or null when out of coverage
 * @param connected     RRC_CONNECTED at the end of the period
 * @param rsrpDbm       SS-RSRP of the serving cell at the end
 * @param sinrDb        DL SINR at the end
 * @param cqi           wideband CQI at the end
 * @param measurements  period values (throughput, volume, PRBs, delay, loss, mean radio quality)
 */
public record UeReport(String ueId, long ranUeId, String slice, Snssai snssai, String servingCellId,
                       boolean connected, double rsrpDbm, double sinrDb, int cqi, Measurements measurements) {

    public double get(String name) {
        return measurements.get(name);
    }
}
