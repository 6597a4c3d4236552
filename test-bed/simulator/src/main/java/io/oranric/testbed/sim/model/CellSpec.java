package io.oranric.testbed.sim.model;

/**
 * One NR cell (one O-NRSectorCarrier with its NRCellDU) as configured at start.
 *
 * @param id             lab name, e.g. {@code cell-3}
 * @param gnb            name of the gNB that hosts it
 * @param cellLocalId    low bits of the NR Cell Identity
 * @param pci            physical cell id 0..1007
 * @param x              east coordinate of the antenna, m
 * @param y              north coordinate, m
 * @param heightM        antenna height, m
 * @param azimuthDeg     boresight, degrees counter-clockwise from east; NaN for an omni cell
 * @param antennaGainDbi maximum antenna gain
 * @param band           operating band
 * @param arfcnDl        DL NR-ARFCN of the carrier centre
 * @param scsKHz         subcarrier spacing
 * @param bandwidthMHz   channel bandwidth
 * @param txPowerDbm     configuredMaxTxPower (total over the carrier)
 * @param minTxPowerDbm  lowest configurable TX power of the radio
 * @param maxTxPowerDbm  hardware maximum TX power
 * @param mimoLayers     DL layers the cell can send (antenna ports)
 * @param cqiTable       CQI table 1 (64QAM) or 2 (256QAM)
 * @param energy         power model
 * @param ueWeight       relative share of UEs dropped in this cell (hotspots)
 * @param dropRadiusM    radius around the site where its UEs are dropped
 * @param cioDb          cell individual offset at start
 * @param asleep         whether the cell starts in sleep
 */
public record CellSpec(String id, String gnb, int cellLocalId, int pci, double x, double y, double heightM,
                       double azimuthDeg, double antennaGainDbi, NrBand band, int arfcnDl, int scsKHz,
                       int bandwidthMHz, double txPowerDbm, double minTxPowerDbm, double maxTxPowerDbm,
                       int mimoLayers, int cqiTable, EnergyProfile energy, double ueWeight, double dropRadiusM,
                       double cioDb, boolean asleep) {

    public CellSpec {
        if (id == null || id.isBlank() || gnb == null || gnb.isBlank()) {
            throw new IllegalArgumentException("cell id and gnb are required");
        }
        if (pci < 0 || pci > 1007) {
            throw new IllegalArgumentException(id + ": PCI " + pci + " outside 0..1007");
        }
        if (NrTables.maxPrbs(scsKHz, bandwidthMHz) < 0 || !band.allowsBandwidth(scsKHz, bandwidthMHz)) {
            throw new IllegalArgumentException(id + ": " + bandwidthMHz + " MHz at " + scsKHz + " kHz is not a channel "
                    + "bandwidth of " + band.bandName());
        }
        if (!band.onRaster(arfcnDl, scsKHz)) {
            throw new IllegalArgumentException(id + ": NR-ARFCN " + arfcnDl + " is not on the " + scsKHz
                    + " kHz raster of " + band.bandName());
        }
        if (!band.carrierFits(arfcnDl, bandwidthMHz)) {
            throw new IllegalArgumentException(id + ": a " + bandwidthMHz + " MHz carrier at NR-ARFCN " + arfcnDl
                    + " leaves " + band.bandName());
        }
        if (!(minTxPowerDbm <= maxTxPowerDbm) || txPowerDbm < minTxPowerDbm || txPowerDbm > maxTxPowerDbm) {
            throw new IllegalArgumentException(id + ": TX power " + txPowerDbm + " dBm outside [" + minTxPowerDbm
                    + ", " + maxTxPowerDbm + "] dBm");
        }
        if (mimoLayers != 1 && mimoLayers != 2 && mimoLayers != 4 && mimoLayers != 8) {
            throw new IllegalArgumentException(id + ": MIMO layers must be 1, 2, 4 or 8");
        }
        if (cqiTable != 1 && cqiTable != 2) {
            throw new IllegalArgumentException(id + ": CQI table must be 1 or 2");
        }
        if (heightM <= 1.5 || ueWeight < 0 || dropRadiusM <= 0) {
            throw new IllegalArgumentException(id + ": height must exceed 1.5 m, ueWeight >= 0, dropRadius > 0");
        }
        if (cioDb < -24 || cioDb > 24) {
            throw new IllegalArgumentException(id + ": CIO " + cioDb + " dB outside -24..24");
        }
    }

    public boolean omni() {
        return Double.isNaN(azimuthDeg);
    }

    public int carrierPrbs() {
        return NrTables.maxPrbs(scsKHz, bandwidthMHz);
    }
}
