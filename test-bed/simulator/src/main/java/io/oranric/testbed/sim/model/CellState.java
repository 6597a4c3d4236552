package io.oranric.testbed.sim.model;

/** Mutable state of one cell inside the engine. Fields are package-visible: the engine is the only writer. */
final class CellState {

    final int index;
    final CellSpec spec;
    final GnbSpec gnb;
    final int gnbIndex;
    final long nci;
    final int site;
    final double azimuthRad;

    // configuration, changed by controls
    double txPowerDbm;
    int bandwidthMHz;
    int arfcnDl;
    Bwp bwp;
    double cioDb;
    final double[] dedDl;
    final double[] minDl;
    final double[] maxDl;
    final double[] dedUl;
    final double[] minUl;
    final double[] maxUl;
    CellMode mode;
    long wakeAtMs;

    // derived from configuration
    int carrierPrbs;
    double fcGHz;
    double fLowMHz;
    double fHighMHz;
    double txPowerW;
    double txPerReMw;
    double txPerReDbm;
    double dlBitsPerPrbSecondPerEff;
    double ulBitsPerPrbSecondPerEff;
    double ueNoisePerReMw;
    double gnbNoisePerPrbMw;
    double slotMs;
    double dlFixedDelayMs;
    double ulFixedDelayMs;

    // dynamic
    double loadDl;            // share of available DL PRBs used in the last tick
    double ulInterferenceMw;  // UL interference per PRB seen in the last tick
    double ulInterferenceAcc; // being accumulated for the next tick
    double powerW;
    int connected;
    int activeDl;
    double prbUsedDl;

    CellState(int index, CellSpec spec, GnbSpec gnb, int gnbIndex, int site, int nSlices) {
        this.index = index;
        this.spec = spec;
        this.gnb = gnb;
        this.gnbIndex = gnbIndex;
        this.site = site;
        this.nci = gnb.nci(spec.cellLocalId());
        this.azimuthRad = spec.omni() ? Double.NaN : Math.toRadians(spec.azimuthDeg());
        this.txPowerDbm = spec.txPowerDbm();
        this.bandwidthMHz = spec.bandwidthMHz();
        this.arfcnDl = spec.arfcnDl();
        this.cioDb = spec.cioDb();
        this.dedDl = new double[nSlices];
        this.minDl = new double[nSlices];
        this.maxDl = new double[nSlices];
        this.dedUl = new double[nSlices];
        this.minUl = new double[nSlices];
        this.maxUl = new double[nSlices];
        this.mode = spec.asleep() ? CellMode.SLEEPING : CellMode.ACTIVE;
        this.bwp = Bwp.fullCarrier(spec.carrierPrbs());
    }

    boolean active() {
        return mode == CellMode.ACTIVE;
    }

    int availablePrbs() {
        return active() ? bwp.numPrbs() : 0;
    }

    void setQuota(int slice, PrbQuota q, Direction d) {
        if (d.includesDl()) {
            dedDl[slice] = q.dedicatedPct();
            minDl[slice] = q.minPct();
            maxDl[slice] = q.maxPct();
        }
        if (d.includesUl()) {
            dedUl[slice] = q.dedicatedPct();
            minUl[slice] = q.minPct();
            maxUl[slice] = q.maxPct();
        }
    }

    PrbQuota quota(int slice, boolean dl) {
        return dl ? new PrbQuota(minDl[slice], maxDl[slice], dedDl[slice])
                : new PrbQuota(minUl[slice], maxUl[slice], dedUl[slice]);
    }

    /** Recomputes everything that follows from power, bandwidth and frequency. */
    void derive(RadioSpec radio) {
        carrierPrbs = NrTables.maxPrbs(spec.scsKHz(), bandwidthMHz);
        if (!bwp.fits(carrierPrbs)) {
            bwp = Bwp.fullCarrier(carrierPrbs);
        }
        double fc = NrBand.frequencyMHz(arfcnDl);
        fcGHz = fc / 1000.0;
        fLowMHz = fc - bandwidthMHz / 2.0;
        fHighMHz = fc + bandwidthMHz / 2.0;
        txPowerW = Math.pow(10, (txPowerDbm - 30) / 10);
        double res = (double) NrTables.SUBCARRIERS_PER_PRB * carrierPrbs;
        txPerReMw = txPowerW * 1000.0 / res;
        txPerReDbm = 10 * Math.log10(txPerReMw);
        int slots = NrTables.slotsPerSecond(spec.scsKHz());
        slotMs = 1000.0 / slots;
        boolean tdd = spec.band().duplex() == NrBand.Duplex.TDD;
        double dlShare = tdd ? radio.tddDlFraction() : 1.0;
        double ulShare = tdd ? radio.tddUlFraction() : 1.0;
        double re = (double) NrTables.SUBCARRIERS_PER_PRB * NrTables.SYMBOLS_PER_SLOT * slots;
        double goodput = 1.0 - radio.firstTxBler();
        dlBitsPerPrbSecondPerEff = re * (1 - NrTables.OVERHEAD_DL) * dlShare * goodput;
        ulBitsPerPrbSecondPerEff = re * (1 - NrTables.OVERHEAD_UL) * ulShare * goodput;
        double scsHz = spec.scsKHz() * 1000.0;
        ueNoisePerReMw = Math.pow(10, (-174 + 10 * Math.log10(scsHz) + radio.ueNoiseFigureDb()) / 10);
        gnbNoisePerPrbMw = Math.pow(10, (-174 + 10 * Math.log10(12 * scsHz) + radio.gnbNoiseFigureDb()) / 10);
        // Air-interface latency on top of queueing: alignment to the next slot and processing (1.5 slots),
        // the HARQ round trips of retransmitted blocks (8 slots each), and in TDD the wait for a slot of the
        // right direction. UL adds the scheduling request / grant cycle.
        double harq = 8 * radio.firstTxBler();
        dlFixedDelayMs = slotMs * (1.5 + harq + (tdd ? 1.0 : 0.0));
        ulFixedDelayMs = slotMs * (4.0 + harq + (tdd ? 2.5 : 0.0));
    }

    /** Share of this cell's carrier overlapped by another carrier (0 when they do not overlap). */
    double overlapFrom(CellState other) {
        double lo = Math.max(fLowMHz, other.fLowMHz);
        double hi = Math.min(fHighMHz, other.fHighMHz);
        return hi <= lo ? 0.0 : (hi - lo) / (fHighMHz - fLowMHz);
    }
}
