package io.oranric.testbed.sim.model;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The simulated radio network: cells on gNBs, UEs of several slices, their traffic, and the energy it all takes.
 *
 * <pre>{@code
 * Network net = Network.create(ScenarioLoader.builtIn("lab-default").spec());
 * KpmMeter kpm = net.meter(Duration.ofSeconds(1));
 * net.step(Duration.ofSeconds(10));
 * ControlResult r = net.apply(Control.txPower("cell-3", 40));
 * net.step(Duration.ofSeconds(5));
 * double thp = kpm.snapshot("cell-3").orElseThrow().get(Kpm.DRB_UE_THP_DL);
 * }</pre>
 *
 * <p>Time only moves when the caller steps it, in whole ticks of {@link NetworkSpec#tickMs()}; nothing reads the
 * wall clock. The same spec (seed included) and the same controls at the same model times give bit-identical
 * measurements. Not thread-safe: one thread steps, controls and reads.
 */
public final class Network {

    private final Engine e;
    private long pendingMs;

    private Network(NetworkSpec spec) {
        this.e = new Engine(spec);
    }

    public static Network create(NetworkSpec spec) {
        return new Network(spec);
    }

    public NetworkSpec spec() {
        return e.spec;
    }

    // ------------------------------------------------------------------------------------------ time

    /**
     * Advances model time (millisecond resolution). Whole ticks are run; a remainder shorter than a tick is
     * carried to the next call, so many small steps add up exactly.
     */
    public void step(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot step backwards: " + d);
        }
        pendingMs += d.toMillis();
        long ticks = pendingMs / e.tickMs;
        pendingMs -= ticks * e.tickMs;
        stepTicks(ticks);
    }

    public void stepTicks(long ticks) {
        for (long i = 0; i < ticks; i++) {
            e.tick();
        }
    }

    /** Model time since start. */
    public Duration now() {
        return Duration.ofMillis(e.nowMs);
    }

    public Duration tick() {
        return Duration.ofMillis(e.tickMs);
    }

    /** Time of day of the diurnal clock. */
    public LocalTime timeOfDay() {
        double s = ((e.timeOfDayS() % 86400) + 86400) % 86400;
        return LocalTime.ofNanoOfDay((long) (s * 1e9) % 86_400_000_000_000L);
    }

    /** Current diurnal multiplier of a slice's traffic. */
    public double trafficFactor(String slice) {
        int s = sliceIndex(slice);
        return e.sliceDiurnal[s].factorAt(e.timeOfDayS());
    }

    // ------------------------------------------------------------------------------------------ measurements

    /**
     * A meter with this granularity period, keeping the last 8 periods. Meters with the same granularity and
     * history are shared, so E2 agents may each ask for theirs. Periods end at multiples of the granularity in
     * model time; the first may be shorter when the meter opens mid-period.
     */
    public KpmMeter meter(Duration granularity) {
        return meter(granularity, 8);
    }

    public KpmMeter meter(Duration granularity, int historyPeriods) {
        long g = granularity.toMillis();
        if (g <= 0 || g % e.tickMs != 0) {
            throw new IllegalArgumentException("granularity " + g + " ms must be a positive multiple of the tick ("
                    + e.tickMs + " ms)");
        }
        if (historyPeriods < 1) {
            throw new IllegalArgumentException("history must keep at least one period");
        }
        for (KpmMeter m : e.meters) {
            if (m.granularity().toMillis() == g && m.historyPeriods() == historyPeriods) {
                return m;
            }
        }
        KpmMeter m = new KpmMeter(e, g, historyPeriods);
        e.meters.add(m);
        return m;
    }

    /**
     * The cell's report for the latest completed period of {@code granularityMs}. Opens (or reuses) the meter of
     * that granularity on first use, so the very first call returns empty; keep the {@link KpmMeter} from
     * {@link #meter(Duration)} when you need more than the latest period.
     */
    public java.util.Optional<MeasurementReport> snapshot(String cellId, long granularityMs) {
        cellState(cellId);
        return meter(Duration.ofMillis(granularityMs)).snapshot(cellId);
    }

    /** Stops a meter from collecting (it keeps what it has). */
    public void close(KpmMeter meter) {
        e.meters.remove(meter);
    }

    // ------------------------------------------------------------------------------------------ inventory

    public List<NodeInfo> nodes() {
        List<NodeInfo> out = new ArrayList<>();
        for (GnbSpec g : e.spec.gnbs()) {
            List<String> ids = Arrays.stream(e.cells).filter(c -> c.gnb == g).map(c -> c.spec.id()).toList();
            out.add(new NodeInfo(g.name(), e.spec.plmn(), g.gnbId(), g.gnbIdBits(), ids));
        }
        return out;
    }

    public NodeInfo node(String gnbId) {
        return nodes().stream().filter(n -> n.name().equals(gnbId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown gNB " + gnbId));
    }

    public List<CellInfo> cells() {
        return Arrays.stream(e.cells).map(this::info).toList();
    }

    public CellInfo cell(String cellId) {
        return info(cellState(cellId));
    }

    public List<UeInfo> ues() {
        return Arrays.stream(e.ues).map(this::info).toList();
    }

    public UeInfo ue(String ueId) {
        Integer i = e.ueIndex.get(ueId);
        if (i == null) {
            throw new IllegalArgumentException("unknown UE " + ueId);
        }
        return info(e.ues[i]);
    }

    /**
     * The UE with this numeric id (the one in {@link UeInfo#ranUeId()} and {@link UeReport#ranUeId()}), for E2
     * agents that get UE IDs from the RIC. Lab UE names are {@code ue-<ranUeId>}.
     */
    public UeInfo ueByRanId(long ranUeId) {
        if (ranUeId < 1 || ranUeId > e.nUes) {
            throw new IllegalArgumentException("unknown RAN UE id " + ranUeId);
        }
        return info(e.ues[(int) (ranUeId - 1)]);
    }

    /** UEs whose serving (or camped-on) cell this is, connected or not. */
    public List<UeInfo> uesServedBy(String cellId) {
        int c = cellState(cellId).index;
        return Arrays.stream(e.ues).filter(u -> u.serving == c).map(this::info).toList();
    }

    public Snssai snssai(String slice) {
        return e.slices[sliceIndex(slice)].snssai();
    }

    public int ueCount() {
        return e.nUes;
    }

    public int cellCount() {
        return e.nCells;
    }

    private CellInfo info(CellState c) {
        Map<Snssai, PrbQuota> dl = new LinkedHashMap<>();
        Map<Snssai, PrbQuota> ul = new LinkedHashMap<>();
        for (int s = 0; s < e.nSlices; s++) {
            dl.put(e.slices[s].snssai(), c.quota(s, true));
            ul.put(e.slices[s].snssai(), c.quota(s, false));
        }
        String cgi = e.spec.plmn().toString() + String.format("%09x", c.nci);
        return new CellInfo(c.spec.id(), c.gnb.name(), cgi, c.nci, c.spec.pci(), c.spec.band(), c.arfcnDl,
                NrBand.frequencyMHz(c.arfcnDl), c.spec.scsKHz(), c.bandwidthMHz, c.carrierPrbs, c.bwp, c.txPowerDbm,
                c.spec.minTxPowerDbm(), c.spec.maxTxPowerDbm(), c.cioDb, c.mode, dl, ul, c.spec.x(), c.spec.y(),
                c.spec.azimuthDeg());
    }

    private UeInfo info(UeState u) {
        SliceSpec sl = e.slices[u.slice];
        return new UeInfo(u.id, u.index + 1L, sl.name(), sl.snssai(), u.x, u.y,
                u.serving >= 0 ? e.cells[u.serving].spec.id() : null, u.connected, u.rsrpDbm, u.sinrDb, u.cqi,
                u.rank, u.dlBacklogBits / 8, e.measuredRsrp(u));
    }

    // ------------------------------------------------------------------------------------------ control

    /**
     * Applies a control at the current model time. Refused controls change nothing and say why; the E2 layer
     * maps the reason to a RIC Control Failure cause.
     */
    public ControlResult apply(Control control) {
        if (control instanceof Control.SetTxPower p) {
            return setTxPower(p);
        } else if (control instanceof Control.SetBandwidth b) {
            return setBandwidth(b);
        } else if (control instanceof Control.SetArfcn a) {
            return setArfcn(a);
        } else if (control instanceof Control.SetBwp b) {
            return setBwp(b);
        } else if (control instanceof Control.SetSliceQuotas q) {
            return setQuotas(q);
        } else if (control instanceof Control.Sleep s) {
            return sleep(s);
        } else if (control instanceof Control.Wake w) {
            return wake(w);
        } else if (control instanceof Control.Handover h) {
            return handover(h);
        } else if (control instanceof Control.SetCellIndividualOffset o) {
            return setCio(o);
        }
        throw new IllegalArgumentException("unhandled control " + control);
    }

    private ControlResult setTxPower(Control.SetTxPower p) {
        CellState c = lookupCell(p.cellId());
        if (c == null) {
            return unknownCell(p.cellId());
        }
        double v = p.txPowerDbm();
        if (Double.isNaN(v) || v < c.spec.minTxPowerDbm() || v > c.spec.maxTxPowerDbm()) {
            return ControlResult.rejected(RejectReason.OUT_OF_RANGE, "configuredMaxTxPower " + v + " dBm of "
                    + c.spec.id() + " outside [" + c.spec.minTxPowerDbm() + ", " + c.spec.maxTxPowerDbm() + "] dBm");
        }
        c.txPowerDbm = v;
        c.derive(e.radio);
        e.configChanged();
        return ControlResult.ok();
    }

    private ControlResult setBandwidth(Control.SetBandwidth b) {
        CellState c = lookupCell(b.cellId());
        if (c == null) {
            return unknownCell(b.cellId());
        }
        int bw = b.bandwidthMHz();
        NrBand band = c.spec.band();
        int scs = c.spec.scsKHz();
        if (!band.allowsBandwidth(scs, bw) || NrTables.maxPrbs(scs, bw) < 0) {
            return ControlResult.rejected(RejectReason.NOT_ALLOWED_VALUE, "bSChannelBwDL " + bw + " MHz is not a "
                    + "channel bandwidth of " + band.bandName() + " at " + scs + " kHz (allowed: "
                    + Arrays.stream(band.channelBandwidths(scs)).mapToObj(Integer::toString)
                    .collect(Collectors.joining(", ")) + " MHz)");
        }
        if (!band.carrierFits(c.arfcnDl, bw)) {
            return ControlResult.rejected(RejectReason.OUT_OF_RANGE, "a " + bw + " MHz carrier centred at "
                    + NrBand.frequencyMHz(c.arfcnDl) + " MHz leaves " + band.bandName() + " (" + band.dlLowMHz()
                    + "-" + band.dlHighMHz() + " MHz)");
        }
        boolean fullBwp = c.bwp.startPrb() == 0 && c.bwp.numPrbs() == c.carrierPrbs;
        c.bandwidthMHz = bw;
        c.derive(e.radio);
        if (fullBwp) {
            c.bwp = new Bwp(c.bwp.id(), 0, c.carrierPrbs);
        }
        e.spectrumChanged();
        return ControlResult.ok();
    }

    private ControlResult setArfcn(Control.SetArfcn a) {
        CellState c = lookupCell(a.cellId());
        if (c == null) {
            return unknownCell(a.cellId());
        }
        NrBand band = c.spec.band();
        int scs = c.spec.scsKHz();
        if (!band.onRaster(a.arfcnDl(), scs)) {
            return ControlResult.rejected(RejectReason.NOT_ALLOWED_VALUE, "arfcnDL " + a.arfcnDl() + " is not on the "
                    + scs + " kHz channel raster of " + band.bandName() + " (" + band.firstArfcn() + ".."
                    + band.lastArfcn() + ", step " + band.rasterStep(scs) + ")");
        }
        if (!band.carrierFits(a.arfcnDl(), c.bandwidthMHz)) {
            return ControlResult.rejected(RejectReason.OUT_OF_RANGE, "a " + c.bandwidthMHz + " MHz carrier at arfcnDL "
                    + a.arfcnDl() + " leaves " + band.bandName());
        }
        c.arfcnDl = a.arfcnDl();
        c.derive(e.radio);
        e.spectrumChanged();
        e.invalidateGains();
        return ControlResult.ok();
    }

    private ControlResult setBwp(Control.SetBwp b) {
        CellState c = lookupCell(b.cellId());
        if (c == null) {
            return unknownCell(b.cellId());
        }
        if (!b.bwp().fits(c.carrierPrbs)) {
            return ControlResult.rejected(RejectReason.OUT_OF_RANGE, "BWP " + b.bwp() + " does not fit the "
                    + c.carrierPrbs + " PRBs of " + c.spec.id() + " (id 0..4, start >= 0, at least 1 PRB)");
        }
        c.bwp = b.bwp();
        return ControlResult.ok();
    }

    private ControlResult setQuotas(Control.SetSliceQuotas q) {
        CellState c = lookupCell(q.cellId());
        if (c == null) {
            return unknownCell(q.cellId());
        }
        if (q.quotas().isEmpty()) {
            return ControlResult.rejected(RejectReason.INCONSISTENT, "no slice quota given");
        }
        Map<Integer, PrbQuota> byIndex = new LinkedHashMap<>();
        for (Map.Entry<Snssai, PrbQuota> en : q.quotas().entrySet()) {
            Integer s = e.sliceBySnssai.get(en.getKey());
            if (s == null) {
                return ControlResult.rejected(RejectReason.UNKNOWN_SLICE, "S-NSSAI " + en.getKey()
                        + " is not configured in " + c.spec.id());
            }
            PrbQuota pq = en.getValue();
            var range = pq.rangeProblem();
            if (range.isPresent()) {
                return ControlResult.rejected(RejectReason.OUT_OF_RANGE, "S-NSSAI " + en.getKey() + ": " + range.get());
            }
            var order = pq.orderProblem();
            if (order.isPresent()) {
                return ControlResult.rejected(RejectReason.INCONSISTENT, "S-NSSAI " + en.getKey() + ": " + order.get());
            }
            byIndex.put(s, pq);
        }
        for (boolean dl : new boolean[] {true, false}) {
            if (dl ? !q.direction().includesDl() : !q.direction().includesUl()) {
                continue;
            }
            double minSum = 0;
            for (int s = 0; s < e.nSlices; s++) {
                PrbQuota pq = byIndex.getOrDefault(s, c.quota(s, dl));
                minSum += pq.minPct();
            }
            if (minSum > 100 + 1e-9) {
                return ControlResult.rejected(RejectReason.INCONSISTENT, (dl ? "DL" : "UL")
                        + " minPrbPct over the slices of " + c.spec.id() + " would sum to "
                        + PrbQuota.fmt(minSum) + " > 100");
            }
        }
        byIndex.forEach((s, pq) -> c.setQuota(s, pq, q.direction()));
        return ControlResult.ok();
    }

    private ControlResult sleep(Control.Sleep s) {
        CellState c = lookupCell(s.cellId());
        if (c == null) {
            return unknownCell(s.cellId());
        }
        if (c.mode != CellMode.SLEEPING) {
            c.mode = CellMode.SLEEPING;
            e.configChanged();
            e.evacuate(c);
            c.loadDl = 0;
            c.prbUsedDl = 0;
        }
        return ControlResult.ok();
    }

    private ControlResult wake(Control.Wake w) {
        CellState c = lookupCell(w.cellId());
        if (c == null) {
            return unknownCell(w.cellId());
        }
        if (c.mode == CellMode.SLEEPING) {
            long wake = c.spec.energy().wakeUpMs();
            c.mode = wake == 0 ? CellMode.ACTIVE : CellMode.WAKING;
            c.wakeAtMs = e.nowMs + wake;
            e.configChanged();
        }
        return ControlResult.ok();
    }

    private ControlResult handover(Control.Handover h) {
        Integer ui = e.ueIndex.get(h.ueId());
        if (ui == null) {
            return ControlResult.rejected(RejectReason.UNKNOWN_UE, "no UE " + h.ueId());
        }
        CellState target = lookupCell(h.targetCellId());
        if (target == null) {
            return unknownCell(h.targetCellId());
        }
        UeState u = e.ues[ui];
        if (!u.connected || u.serving < 0) {
            return ControlResult.rejected(RejectReason.UE_NOT_CONNECTED, h.ueId() + " is not RRC_CONNECTED");
        }
        if (u.serving == target.index) {
            return ControlResult.rejected(RejectReason.ALREADY_SERVING, h.ueId() + " is already served by "
                    + target.spec.id());
        }
        if (!target.active()) {
            return ControlResult.rejected(RejectReason.CELL_NOT_ACTIVE, target.spec.id() + " is " + target.mode);
        }
        double rsrp = e.rsrpAt(u, target);
        if (rsrp < e.ho.qRxLevMinDbm()) {
            return ControlResult.rejected(RejectReason.TARGET_NOT_REACHABLE, target.spec.id() + " is received by "
                    + h.ueId() + " at " + (Double.isInfinite(rsrp) ? "no measurable level"
                    : String.format("%.1f dBm", rsrp)) + ", below q-RxLevMin " + e.ho.qRxLevMinDbm() + " dBm");
        }
        e.handover(u, u.slotOf(target.index));
        return ControlResult.ok();
    }

    private ControlResult setCio(Control.SetCellIndividualOffset o) {
        CellState c = lookupCell(o.cellId());
        if (c == null) {
            return unknownCell(o.cellId());
        }
        double v = o.offsetDb();
        if (Double.isNaN(v) || v < -24 || v > 24) {
            return ControlResult.rejected(RejectReason.OUT_OF_RANGE, "cellIndividualOffset " + v + " dB of "
                    + c.spec.id() + " outside -24..24 dB");
        }
        c.cioDb = v;
        e.configChanged();
        return ControlResult.ok();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private CellState lookupCell(String id) {
        Integer i = e.cellIndex.get(id);
        return i == null ? null : e.cells[i];
    }

    private CellState cellState(String id) {
        CellState c = lookupCell(id);
        if (c == null) {
            throw new IllegalArgumentException("unknown cell " + id);
        }
        return c;
    }

    private static ControlResult unknownCell(String id) {
        return ControlResult.rejected(RejectReason.UNKNOWN_CELL, "no cell " + id);
    }

    private int sliceIndex(String slice) {
        Integer s = e.sliceByName.get(slice);
        if (s == null) {
            throw new IllegalArgumentException("unknown slice " + slice);
        }
        return s;
    }
}
