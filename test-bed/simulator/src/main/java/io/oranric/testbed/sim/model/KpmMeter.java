package io.oranric.testbed.sim.model;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measurement collection with one granularity period, as a KPM subscription needs it.
 *
 * <p>Periods end at model times that are multiples of the granularity. At each end the meter copies the model's
 * cumulative counters; a report is the difference between two copies, so meters never disturb the model or each
 * other. The meter keeps the last {@code history} periods: enough for a KPM report that bundles several
 * granularity periods ({@link #drain}) or for the latest one ({@link #snapshot}). Reports are built on demand,
 * so a 1000-cell network pays only for the cells somebody reads.
 *
 * <p>Obtain one with {@link Network#meter(Duration)}. Not thread-safe, like the network it belongs to.
 */
public final class KpmMeter {

    private final Engine e;
    private final long granularityMs;
    private final int history;
    private final ArrayDeque<Mark> marks = new ArrayDeque<>();
    private final Map<Integer, Long> drained = new HashMap<>();
    private final List<PeriodListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long seq;

    // extremes of the running period, per cell and per gNB
    private final double[] maxPower;
    private final double[] minPower;
    private final double[] maxConn;
    private final double[] maxActiveDl;
    private final double[] maxPrbDl;
    private final double[] nodeMaxPower;
    private final double[] nodeMinPower;
    private final double[] nodeScratch;

    KpmMeter(Engine e, long granularityMs, int history) {
        this.e = e;
        this.granularityMs = granularityMs;
        this.history = history;
        int n = e.nCells;
        maxPower = new double[n];
        minPower = new double[n];
        maxConn = new double[n];
        maxActiveDl = new double[n];
        maxPrbDl = new double[n];
        int g = e.gnbIndex.size();
        nodeMaxPower = new double[g];
        nodeMinPower = new double[g];
        nodeScratch = new double[g];
        resetExtremes();
        marks.addLast(mark());
    }

    public Duration granularity() {
        return Duration.ofMillis(granularityMs);
    }

    /** How many completed periods the meter keeps. */
    public int historyPeriods() {
        return history;
    }

    /** Number of completed granularity periods so far. */
    public long completedPeriods() {
        return seq;
    }

    /** The cell's report for the latest completed period, if one completed since the meter was opened. */
    public Optional<MeasurementReport> snapshot(String cellId) {
        int c = cell(cellId);
        if (marks.size() < 2) {
            return Optional.empty();
        }
        Mark end = marks.peekLast();
        return Optional.of(cellReport(c, previous(end), end));
    }

    /**
     * The cell's reports for every completed period not yet drained for this cell, oldest first (at most the
     * meter's history); each period is returned once.
     */
    public List<MeasurementReport> drain(String cellId) {
        int c = cell(cellId);
        long after = drained.getOrDefault(c, 0L);
        List<MeasurementReport> out = new ArrayList<>();
        Mark prev = null;
        for (Mark m : marks) {
            if (prev != null && m.seq > after) {
                out.add(cellReport(c, prev, m));
            }
            prev = m;
        }
        drained.put(c, seq);
        return out;
    }

    /** Called on the stepping thread right after a granularity period closes. */
    @FunctionalInterface
    public interface PeriodListener {
        /**
         * @param meter     the meter whose period closed; its snapshots now return that period
         * @param periodEnd model time at which it closed
         */
        void periodClosed(KpmMeter meter, Duration periodEnd);
    }

    /** Tells the listener about every period that closes from now on (an E2 agent sends its indications). */
    public void addListener(PeriodListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(PeriodListener listener) {
        listeners.remove(listener);
    }

    /** A slice's report in a cell for the latest completed period. */
    public Optional<SliceReport> snapshotSlice(String cellId, String slice) {
        return snapshot(cellId).flatMap(r -> r.slice(slice));
    }

    /** A UE's report for the latest completed period, whatever its cell and connection state. */
    public Optional<UeReport> snapshotUe(String ueId) {
        Integer u = e.ueIndex.get(ueId);
        if (u == null) {
            throw new IllegalArgumentException("unknown UE " + ueId);
        }
        if (marks.size() < 2) {
            return Optional.empty();
        }
        Mark end = marks.peekLast();
        return Optional.of(ueReport(u, previous(end), end));
    }

    /** A gNB's report for the latest completed period: node-level power and energy plus its cells. */
    public Optional<NodeReport> snapshotNode(String gnbId) {
        Integer g = e.gnbIndex.get(gnbId);
        if (g == null) {
            throw new IllegalArgumentException("unknown gNB " + gnbId);
        }
        if (marks.size() < 2) {
            return Optional.empty();
        }
        Mark end = marks.peekLast();
        Mark start = previous(end);
        List<MeasurementReport> cells = new ArrayList<>();
        double energy = 0;
        for (CellState c : e.cells) {
            if (c.gnbIndex == g) {
                cells.add(cellReport(c.index, start, end));
                energy += end.cell[c.index * Ctr.CF + Ctr.ENERGY_J] - start.cell[c.index * Ctr.CF + Ctr.ENERGY_J];
            }
        }
        double t = (end.tMs - start.tMs) / 1000.0;
        Measurements.Layout l = Measurements.NODE;
        double[] v = l.blank();
        l.put(v, Kpm.PEE_AVG_POWER, energy / t);
        l.put(v, Kpm.PEE_MIN_POWER, end.nodeMinPower[g]);
        l.put(v, Kpm.PEE_MAX_POWER, end.nodeMaxPower[g]);
        l.put(v, Kpm.PEE_ENERGY, energy / 3.6e6);
        return Optional.of(new NodeReport(gnbId, Duration.ofMillis(start.tMs), Duration.ofMillis(end.tMs),
                new Measurements(l, v), cells));
    }

    // ------------------------------------------------------------------------------------------ bookkeeping

    void afterTick(Engine engine) {
        Arrays.fill(nodeScratch, 0);
        for (CellState c : engine.cells) {
            int i = c.index;
            maxPower[i] = Math.max(maxPower[i], c.powerW);
            minPower[i] = Math.min(minPower[i], c.powerW);
            maxConn[i] = Math.max(maxConn[i], c.connected);
            maxActiveDl[i] = Math.max(maxActiveDl[i], c.activeDl);
            maxPrbDl[i] = Math.max(maxPrbDl[i], c.prbUsedDl);
            nodeScratch[c.gnbIndex] += c.powerW;
        }
        for (int g = 0; g < nodeScratch.length; g++) {
            nodeMaxPower[g] = Math.max(nodeMaxPower[g], nodeScratch[g]);
            nodeMinPower[g] = Math.min(nodeMinPower[g], nodeScratch[g]);
        }
        if (engine.nowMs % granularityMs == 0) {
            seq++;
            marks.addLast(mark());
            while (marks.size() > history + 1) {
                marks.removeFirst();
            }
            resetExtremes();
            Duration end = Duration.ofMillis(engine.nowMs);
            for (PeriodListener l : listeners) {
                l.periodClosed(this, end);
            }
        }
    }

    private void resetExtremes() {
        Arrays.fill(maxPower, 0);
        Arrays.fill(minPower, Double.POSITIVE_INFINITY);
        Arrays.fill(maxConn, 0);
        Arrays.fill(maxActiveDl, 0);
        Arrays.fill(maxPrbDl, 0);
        Arrays.fill(nodeMaxPower, 0);
        Arrays.fill(nodeMinPower, Double.POSITIVE_INFINITY);
    }

    private Mark mark() {
        Mark m = new Mark();
        m.seq = seq;
        m.tMs = e.nowMs;
        m.cell = e.cellC.clone();
        m.slice = e.sliceC.clone();
        m.ue = e.ueC.clone();
        int n = e.nUes;
        m.ueServing = new int[n];
        m.ueConnected = new boolean[n];
        m.ueRsrp = new double[n];
        m.ueSinr = new double[n];
        m.ueCqi = new int[n];
        for (UeState u : e.ues) {
            m.ueServing[u.index] = u.serving;
            m.ueConnected[u.index] = u.connected;
            m.ueRsrp[u.index] = u.rsrpDbm;
            m.ueSinr[u.index] = u.sinrDb;
            m.ueCqi[u.index] = u.cqi;
        }
        m.maxPower = maxPower.clone();
        m.minPower = minPower.clone();
        m.maxConn = maxConn.clone();
        m.maxActiveDl = maxActiveDl.clone();
        m.maxPrbDl = maxPrbDl.clone();
        m.nodeMaxPower = nodeMaxPower.clone();
        m.nodeMinPower = nodeMinPower.clone();
        m.txPowerDbm = new double[e.nCells];
        for (CellState c : e.cells) {
            m.txPowerDbm[c.index] = c.txPowerDbm;
        }
        return m;
    }

    private Mark previous(Mark end) {
        Mark prev = null;
        for (Iterator<Mark> it = marks.iterator(); it.hasNext(); ) {
            Mark m = it.next();
            if (m == end) {
                return prev;
            }
            prev = m;
        }
        throw new IllegalStateException("mark not in history");
    }

    private int cell(String cellId) {
        Integer c = e.cellIndex.get(cellId);
        if (c == null) {
            throw new IllegalArgumentException("unknown cell " + cellId);
        }
        return c;
    }

    /** Counters at one period end. */
    private static final class Mark {
        long seq;
        long tMs;
        double[] cell;
        double[] slice;
        double[] ue;
        int[] ueServing;
        boolean[] ueConnected;
        double[] ueRsrp;
        double[] ueSinr;
        int[] ueCqi;
        double[] maxPower;
        double[] minPower;
        double[] maxConn;
        double[] maxActiveDl;
        double[] maxPrbDl;
        double[] nodeMaxPower;
        double[] nodeMinPower;
        double[] txPowerDbm;
        int[] cellUeStart;
        int[] cellUeIdx;

        /** UEs per serving cell at this mark, built on first use. */
        void index(int nCells) {
            if (cellUeStart != null) {
                return;
            }
            cellUeStart = new int[nCells + 1];
            for (int s : ueServing) {
                if (s >= 0) {
                    cellUeStart[s + 1]++;
                }
            }
            for (int c = 0; c < nCells; c++) {
                cellUeStart[c + 1] += cellUeStart[c];
            }
            int[] fill = Arrays.copyOf(cellUeStart, nCells);
            cellUeIdx = new int[cellUeStart[nCells]];
            for (int u = 0; u < ueServing.length; u++) {
                if (ueServing[u] >= 0) {
                    cellUeIdx[fill[ueServing[u]]++] = u;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ reports

    private MeasurementReport cellReport(int c, Mark a, Mark b) {
        double periodMs = b.tMs - a.tMs;
        double t = periodMs / 1000.0;
        int base = c * Ctr.CF;
        CellState cs = e.cells[c];
        Out m = new Out(Measurements.CELL);
        traffic(m, a.cell, b.cell, base, periodMs);
        double availDl = d(a.cell, b.cell, base + Ctr.PRB_AVAIL_DL_MS) / periodMs;
        double availUl = d(a.cell, b.cell, base + Ctr.PRB_AVAIL_UL_MS) / periodMs;
        double usedDl = d(a.cell, b.cell, base + Ctr.DL_PRB_MS) / periodMs;
        double usedUl = d(a.cell, b.cell, base + Ctr.UL_PRB_MS) / periodMs;
        m.put(Kpm.RRU_PRB_AVAIL_DL, availDl);
        m.put(Kpm.RRU_PRB_AVAIL_UL, availUl);
        m.put(Kpm.RRU_PRB_TOT_DL, availDl > 0 ? Math.min(100.0, 100 * usedDl / availDl) : 0.0);
        m.put(Kpm.RRU_PRB_TOT_UL, availUl > 0 ? Math.min(100.0, 100 * usedUl / availUl) : 0.0);
        m.put(Kpm.RRU_MAX_PRB_USED_DL, b.maxPrbDl[c]);
        m.put(Kpm.DRB_MAX_ACTIVE_UE_DL, b.maxActiveDl[c]);
        m.put(Kpm.RRC_CONN_MAX, b.maxConn[c]);
        double estab = d(a.cell, b.cell, base + Ctr.CONN_ESTAB);
        m.put(Kpm.RRC_CONN_ESTAB_ATT, estab);
        m.put(Kpm.RRC_CONN_ESTAB_SUCC, estab);
        m.put(Kpm.RRC_REESTAB_ATT, d(a.cell, b.cell, base + Ctr.REESTAB));
        m.put(Kpm.MM_HO_EXE_INTER_REQ, d(a.cell, b.cell, base + Ctr.HO_INTER_REQ));
        m.put(Kpm.MM_HO_EXE_INTER_SUCC, d(a.cell, b.cell, base + Ctr.HO_INTER_SUCC));
        m.put(Kpm.MM_HO_EXE_INTRA_REQ, d(a.cell, b.cell, base + Ctr.HO_INTRA_REQ));
        m.put(Kpm.MM_HO_EXE_INTRA_SUCC, d(a.cell, b.cell, base + Ctr.HO_INTRA_SUCC));
        m.put(Kpm.MM_HO_RES_ALLO_INTER_REQ, d(a.cell, b.cell, base + Ctr.HO_IN));
        double energy = d(a.cell, b.cell, base + Ctr.ENERGY_J);
        m.put(Kpm.PEE_AVG_POWER, energy / t);
        m.put(Kpm.PEE_MIN_POWER, b.minPower[c]);
        m.put(Kpm.PEE_MAX_POWER, b.maxPower[c]);
        m.put(Kpm.PEE_ENERGY, energy / 3.6e6);
        m.put(Kpm.CARR_MAX_TX_PWR, b.txPowerDbm[c]);
        double txMw = d(a.cell, b.cell, base + Ctr.TX_MW_S) / t;
        if (txMw > 0) {
            m.put(Kpm.CARR_MEAN_TX_PWR, 10 * Math.log10(txMw));
        }
        for (int q = 0; q <= 15; q++) {
            double ueMs = d(a.cell, b.cell, base + Ctr.CQI_BIN0 + q);
            m.put(Kpm.cqiBin(q), (double) Math.round(ueMs / Kpm.CSI_REPORT_PERIOD_MS));
        }

        List<SliceReport> sliceReports = new ArrayList<>(e.nSlices);
        for (int s = 0; s < e.nSlices; s++) {
            Out sm = new Out(Measurements.COMMON);
            traffic(sm, a.slice, b.slice, (c * e.nSlices + s) * Ctr.TF, periodMs);
            sliceReports.add(new SliceReport(e.slices[s].name(), e.slices[s].snssai(), sm.done()));
        }

        b.index(e.nCells);
        List<UeReport> ueReports = new ArrayList<>();
        for (int j = b.cellUeStart[c]; j < b.cellUeStart[c + 1]; j++) {
            int u = b.cellUeIdx[j];
            if (b.ue[u * Ctr.TF + Ctr.CONN_MS] - a.ue[u * Ctr.TF + Ctr.CONN_MS] > 0 || b.ueConnected[u]) {
                ueReports.add(ueReport(u, a, b));
            }
        }
        return new MeasurementReport(cs.spec.id(), cs.gnb.name(), cs.nci, Duration.ofMillis(a.tMs),
                Duration.ofMillis(b.tMs), m.done(), sliceReports, ueReports);
    }

    private UeReport ueReport(int u, Mark a, Mark b) {
        Out m = new Out(Measurements.COMMON);
        traffic(m, a.ue, b.ue, u * Ctr.TF, b.tMs - a.tMs);
        UeState us = e.ues[u];
        SliceSpec sl = e.slices[us.slice];
        int serving = b.ueServing[u];
        return new UeReport(us.id, u + 1L, sl.name(), sl.snssai(),
                serving >= 0 ? e.cells[serving].spec.id() : null, b.ueConnected[u],
                b.ueRsrp[u], b.ueSinr[u], b.ueCqi[u], m.done());
    }

    /** The measurements every level shares; time weights are in ms, so bits per active ms is kbps. */
    private static void traffic(Out m, double[] a, double[] b, int base, double periodMs) {
        double dlBits = d(a, b, base + Ctr.DL_BITS);
        double ulBits = d(a, b, base + Ctr.UL_BITS);
        double dlActive = d(a, b, base + Ctr.DL_ACTIVE_MS);
        double ulActive = d(a, b, base + Ctr.UL_ACTIVE_MS);
        double dlPrb = d(a, b, base + Ctr.DL_PRB_MS);
        if (dlActive > 0) {
            m.put(Kpm.DRB_UE_THP_DL, dlBits / dlActive);
        }
        if (ulActive > 0) {
            m.put(Kpm.DRB_UE_THP_UL, ulBits / ulActive);
        }
        double dlPkts = d(a, b, base + Ctr.DL_PKTS);
        if (dlPkts > 0) {
            m.put(Kpm.DRB_RLC_SDU_DELAY_DL, d(a, b, base + Ctr.DL_DELAY_MS_PKTS) / dlPkts);
        }
        double ulPkts = d(a, b, base + Ctr.UL_PKTS);
        if (ulPkts > 0) {
            m.put(Kpm.DRB_RLC_DELAY_UL, d(a, b, base + Ctr.UL_DELAY_MS_PKTS) / ulPkts);
        }
        m.put(Kpm.DRB_PDCP_SDU_VOLUME_DL, dlBits / 1e6);
        m.put(Kpm.DRB_PDCP_SDU_VOLUME_UL, ulBits / 1e6);
        m.put(Kpm.RRU_PRB_USED_DL, dlPrb / periodMs);
        m.put(Kpm.RRU_PRB_USED_UL, d(a, b, base + Ctr.UL_PRB_MS) / periodMs);
        m.put(Kpm.DRB_MEAN_ACTIVE_UE_DL, dlActive / periodMs);
        m.put(Kpm.DRB_MEAN_ACTIVE_UE_UL, ulActive / periodMs);
        m.put(Kpm.RRC_CONN_MEAN, d(a, b, base + Ctr.CONN_MS) / periodMs);
        double dlArrived = d(a, b, base + Ctr.DL_ARRIVED);
        if (dlArrived > 0) {
            m.put(Kpm.DRB_RLC_PACKET_DROP_RATE_DL,
                    Math.min(1e6, 1e6 * d(a, b, base + Ctr.DL_DROPPED) / dlArrived));
        }
        double ulArrived = d(a, b, base + Ctr.UL_ARRIVED);
        if (ulArrived > 0) {
            m.put(Kpm.DRB_PACKET_LOSS_RATE_UL, Math.min(1e6, 1e6 * d(a, b, base + Ctr.UL_LOST) / ulArrived));
        }
        if (dlPrb > 0) {
            m.put(Kpm.CARR_AVERAGE_LAYERS_DL, d(a, b, base + Ctr.DL_LAYERS_PRB_MS) / dlPrb);
        }
        double radioS = d(a, b, base + Ctr.RADIO_MS);
        if (radioS > 0) {
            m.put(Kpm.L1M_DL_SS_RSRP, d(a, b, base + Ctr.RSRP_MS) / radioS);
            m.put(Kpm.L1M_DL_SS_SINR, d(a, b, base + Ctr.SINR_MS) / radioS);
        }
    }

    private static double d(double[] a, double[] b, int i) {
        return b[i] - a[i];
    }

    /** Values being filled into one layout. */
    private static final class Out {
        private final Measurements.Layout layout;
        private final double[] values;

        Out(Measurements.Layout layout) {
            this.layout = layout;
            this.values = layout.blank();
        }

        void put(String name, double value) {
            layout.put(values, name, value);
        }

        Measurements done() {
            return new Measurements(layout, values);
        }
    }
}
