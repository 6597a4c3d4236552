package io.oranric.testbed.sim.model;

import java.util.Map;

/**
 * A cell's identity and current configuration, what an E2 node agent puts into E2 Setup and CCC reports.
 *
 * @param id            lab name
 * @param gnbId         hosting gNB
 * @param nrCgi         NR CGI as PLMN digits followed by the 36-bit NCI in 9 hex digits
 * @param nci           NR Cell Identity
 * @param pci           physical cell id
 * @param band          operating band
 * @param arfcnDl       DL NR-ARFCN
 * @param frequencyMHz  DL centre frequency
 * @param scsKHz        subcarrier spacing
 * @param bandwidthMHz  channel bandwidth
 * @param carrierPrbs   N_RB of the carrier
 * @param bwp           active bandwidth part
 * @param txPowerDbm    configuredMaxTxPower
 * @param minTxPowerDbm lowest settable power
 * @param maxTxPowerDbm highest settable power
 * @param cioDb         cell individual offset
 * @param mode          active, sleeping or waking
 * @param quotasDl      DL PRB quota per S-NSSAI
 * @param quotasUl      UL PRB quota per S-NSSAI
 * @param x             east, m
 * @param y             north, m
 * @param azimuthDeg    boresight (NaN: omni)
 */
public record CellInfo(String id, String gnbId, String nrCgi, long nci, int pci, NrBand band, int arfcnDl,
                       double frequencyMHz, int scsKHz, int bandwidthMHz, int carrierPrbs, Bwp bwp,
                       double txPowerDbm, double minTxPowerDbm, double maxTxPowerDbm, double cioDb, CellMode mode,
                       Map<Snssai, PrbQuota> quotasDl, Map<Snssai, PrbQuota> quotasUl, double x, double y,
                       double azimuthDeg) {

    public CellInfo {
        quotasDl = Map.copyOf(quotasDl);
        quotasUl = Map.copyOf(quotasUl);
    }
}
