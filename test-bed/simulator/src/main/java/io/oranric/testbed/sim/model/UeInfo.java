package io.oranric.testbed.sim.model;

/**
 * A UE's state right now.
 *
 * @param id             lab name
 * @param ranUeId        numeric id
 * @param slice          slice name
 * @param snssai         its S-NSSAI
 * @param x              east, m
 * @param y              north, m
 * @param servingCellId  serving (or camped-on) cell, null when out of coverage
 * @param connected      RRC_CONNECTED
 * @param rsrpDbm        SS-RSRP of the serving cell
 * @param sinrDb         DL SINR
 * @param cqi            wideband CQI
 * @param rank           DL rank (layers)
 * @param dlBacklogBytes data waiting for the UE
 */
public record UeInfo(String id, long ranUeId, String slice, Snssai snssai, double x, double y,
                     String servingCellId, boolean connected, double rsrpDbm, double sinrDb, int cqi, int rank,
                     double dlBacklogBytes) {
}
