package io.oranric.testbed.sim.model;

import java.util.Map;

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
 * @param rsrpByCellDbm  SS-RSRP of every active cell the UE tracks (serving and neighbours), strongest first: what
 *                       its measurement reports would carry to a mobility xApp
 */
public record UeInfo(String id, long ranUeId, String slice, Snssai snssai, double x, double y,
                     String servingCellId, boolean connected, double rsrpDbm, double sinrDb, int cqi, int rank,
                     double dlBacklogBytes, Map<String, Double> rsrpByCellDbm) {

    public UeInfo {
        rsrpByCellDbm = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rsrpByCellDbm));
    }

    /** The strongest active cell other than the serving one, if the UE hears any. */
    public java.util.Optional<String> bestNeighbour() {
        return rsrpByCellDbm.keySet().stream().filter(c -> !c.equals(servingCellId)).findFirst();
    }
}
