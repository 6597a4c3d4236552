package io.oranric.testbed.sim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulation state and one tick of it. {@link Network} is the public face; this class holds the arrays.
 *
 * <p>A tick, in order: cells finish waking up; UEs move, refresh path gains when they have moved far enough,
 * measure their cells, select/hand over, compute SINR, CQI and rank; traffic arrives; each cell splits its DL and
 * UL PRBs ({@link PrbScheduler}); queues drain, delays and drops are booked; UL interference for the next tick is
 * summed; energy is booked; meters close their granularity periods.
 *
 * <p>Interference couples cells through the previous tick's load (DL) and UL allocations, so the cells of one
 * tick can be scheduled independently and in a fixed order; that order, per-entity random streams and no
 * wall-clock make the run a pure function of the seed and the controls.
 */
final class Engine {

    private static final long SALT_LOS = 0x4C4F53L;
    private static final long SALT_SF = 0x534846L;
    private static final double SINR_FLOOR_DB = -30;
    private static final double SINR_CEIL_DB = 60;
    /** Elastic (TCP-like) sources stop offering new bursts beyond this many bursts of backlog. */
    private static final double ELASTIC_BACKLOG_BURSTS = 8;
    /** Backlog below one bit is rounding dust, not data. */
    private static final double RESIDUE_BITS = 1.0;

    final NetworkSpec spec;
    final RadioSpec radio;
    final HandoverSpec ho;
    final SliceSpec[] slices;
    final DiurnalProfile[] sliceDiurnal;
    final double[] slicePeak;
    final double[] diurnalNow;
    final CellState[] cells;
    final UeState[] ues;
    final int nCells;
    final int nUes;
    final int nSlices;
    final int tickMs;
    final double tickS;
    final Map<String, Integer> cellIndex = new HashMap<>();
    final Map<String, Integer> ueIndex = new HashMap<>();
    final Map<String, Integer> gnbIndex = new LinkedHashMap<>();
    final Map<Snssai, Integer> sliceBySnssai = new HashMap<>();
    final Map<String, Integer> sliceByName = new HashMap<>();
    final long seed;
    private final double startOfDayS;

    long nowMs;
    long gainEpoch;
    /** Bumped whenever something that ranks cells for a UE changes (power, CIO, cell state, carrier). */
    long configEpoch;
    /** All carriers identical: overlap is 1 everywhere and needs no arithmetic. */
    boolean uniformSpectrum;

    // cumulative counters, see Ctr
    final double[] cellC;
    final double[] sliceC;
    final double[] ueC;

    private final SiteGrid grid;
    private final int[] listStart;
    private final int[] listIdx;
    private final int[] listFill;
    private final PrbScheduler scheduler = new PrbScheduler();
    private double[] demand = new double[64];
    private double[] alloc = new double[64];
    private int[] sliceOf = new int[64];
    private int[] member = new int[64];
    private final double[] shareOf;
    private final double candRefresh2;
    private final double gainRefresh2;
    private final double[] rsrpScratch;
    final List<KpmMeter> meters = new ArrayList<>();

    Engine(NetworkSpec spec) {
        this.spec = spec;
        this.radio = spec.radio();
        this.ho = spec.handover();
        this.seed = spec.seed();
        this.tickMs = spec.tickMs();
        this.tickS = tickMs / 1000.0;
        this.startOfDayS = spec.startTimeOfDay().toNanoOfDay() / 1e9;

        nSlices = spec.slices().size();
        slices = spec.slices().toArray(new SliceSpec[0]);
        sliceDiurnal = new DiurnalProfile[nSlices];
        slicePeak = new double[nSlices];
        diurnalNow = new double[nSlices];
        for (int s = 0; s < nSlices; s++) {
            sliceDiurnal[s] = slices[s].diurnal() != null ? slices[s].diurnal() : spec.diurnal();
            slicePeak[s] = sliceDiurnal[s].peak();
            sliceBySnssai.put(slices[s].snssai(), s);
            sliceByName.put(slices[s].name(), s);
        }
        for (int g = 0; g < spec.gnbs().size(); g++) {
            gnbIndex.put(spec.gnbs().get(g).name(), g);
        }

        nCells = spec.cells().size();
        cells = new CellState[nCells];
        Map<String, Integer> sites = new HashMap<>();
        for (int i = 0; i < nCells; i++) {
            CellSpec cs = spec.cells().get(i);
            int site = sites.computeIfAbsent(cs.x() + "," + cs.y(), k -> sites.size());
            GnbSpec g = spec.gnb(cs.gnb());
            CellState c = new CellState(i, cs, g, gnbIndex.get(cs.gnb()), site, nSlices);
            for (int s = 0; s < nSlices; s++) {
                c.setQuota(s, slices[s].quota(), Direction.BOTH);
            }
            c.derive(radio);
            cells[i] = c;
            cellIndex.put(cs.id(), i);
        }
        grid = new SiteGrid(cells, radio.candidateRadiusM());
        spectrumChanged();
        shareOf = new double[nSlices];
        double candRefresh = Math.min(50.0, radio.candidateRadiusM() / 4);
        candRefresh2 = candRefresh * candRefresh;
        gainRefresh2 = radio.gainRefreshM() * radio.gainRefreshM();
        rsrpScratch = new double[radio.maxCandidates()];

        ues = createUes();
        nUes = ues.length;
        cellC = new double[nCells * Ctr.CF];
        sliceC = new double[nCells * nSlices * Ctr.TF];
        ueC = new double[nUes * Ctr.TF];
        listStart = new int[nCells + 1];
        listIdx = new int[nUes];
        listFill = new int[nCells];

        double todS = timeOfDayS();
        for (int s = 0; s < nSlices; s++) {
            diurnalNow[s] = sliceDiurnal[s].factorAt(todS);
        }
        for (UeState u : ues) {
            refreshCandidates(u);
            refreshGains(u);
            selectCell(u);
            measure(u);
        }
    }

    // ------------------------------------------------------------------------------------------ construction

    private UeState[] createUes() {
        List<UeState> list = new ArrayList<>();
        double[] weights = new double[nCells];
        for (int i = 0; i < nCells; i++) {
            weights[i] = cells[i].spec.ueWeight();
        }
        for (int s = 0; s < nSlices; s++) {
            SliceSpec sl = slices[s];
            int[] perCell = apportion(sl.ueCount(), weights);
            for (int c = 0; c < nCells; c++) {
                for (int j = 0; j < perCell[c]; j++) {
                    list.add(createUe(list.size(), s, cells[c]));
                }
            }
        }
        for (UeState u : list) {
            ueIndex.put(u.id, u.index);
        }
        return list.toArray(new UeState[0]);
    }

    private UeState createUe(int index, int s, CellState c) {
        SliceSpec sl = slices[s];
        MobilitySpec mob = sl.mobility();
        Rng place = Rng.derive(seed, 0x1000_0000L + index);
        double rMax = c.spec.dropRadiusM();
        double rMin = Math.min(10.0, rMax / 2);
        double r = Math.sqrt(place.nextDouble() * (rMax * rMax - rMin * rMin) + rMin * rMin);
        double theta = c.spec.omni()
                ? place.uniform(0, 2 * Math.PI)
                : c.azimuthRad + place.uniform(-Math.PI / 3, Math.PI / 3);
        double x = c.spec.x() + r * Math.cos(theta);
        double y = c.spec.y() + r * Math.sin(theta);
        boolean mobile = mob.maxSpeedMps() > 0 && mob.roamRadiusM() > 0
                && place.nextDouble() >= mob.staticFraction();
        boolean indoor = place.nextDouble() < sl.indoorFraction();
        double dIn = Math.min(place.uniform(0, 25), place.uniform(0, 25));
        double o2i = place.gaussian();
        UeState u = new UeState(index, "ue-" + (index + 1), s, Rng.derive(seed, 0x2000_0000L + index),
                Rng.derive(seed, 0x3000_0000L + index), Rng.derive(seed, 0x4000_0000L + index), mobile,
                x, y, mob.roamRadiusM(), indoor, dIn, o2i, radio.maxCandidates());
        if (mobile) {
            newWaypoint(u, mob);
            u.pauseUntilS = u.move.uniform(0, mob.maxPauseS());
        }
        u.nextDlS = firstArrival(sl.dl(), u.dlTraffic, s);
        u.nextUlS = firstArrival(sl.ul(), u.ulTraffic, s);
        if (sl.dl().fullBuffer() || sl.ul().fullBuffer()) {
            u.connected = true;
        }
        return u;
    }

    private double firstArrival(FlowSpec f, Rng rng, int s) {
        double lambdaMax = f.burstRatePerS() * slicePeak[s];
        return f.fullBuffer() || lambdaMax <= 0 ? Double.POSITIVE_INFINITY : rng.exponential(1.0 / lambdaMax);
    }

    /** Largest-remainder apportionment of {@code total} over weights, deterministic on ties (lowest index). */
    static int[] apportion(int total, double[] weights) {
        int n = weights.length;
        int[] out = new int[n];
        double sum = Arrays.stream(weights).sum();
        if (total == 0 || sum <= 0) {
            return out;
        }
        double[] frac = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = total * weights[i] / sum;
            out[i] = (int) Math.floor(exact);
            frac[i] = exact - out[i];
            given += out[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (frac[i] > frac[best]) {
                    best = i;
                }
            }
            out[best]++;
            frac[best] = -1;
            given++;
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ time

    /** Seconds since midnight of the diurnal clock (may exceed one day; profiles wrap). */
    double timeOfDayS() {
        return startOfDayS + nowMs / 1000.0 * spec.clockSpeedup();
    }

    void tick() {
        double dt = tickS;
        double t0s = nowMs / 1000.0;
        double t1s = (nowMs + tickMs) / 1000.0;
        double todS = timeOfDayS();
        for (int s = 0; s < nSlices; s++) {
            diurnalNow[s] = sliceDiurnal[s].factorAt(todS);
        }
        for (CellState c : cells) {
            if (c.mode == CellMode.WAKING && nowMs >= c.wakeAtMs) {
                c.mode = CellMode.ACTIVE;
                configEpoch++;
            }
            c.ulInterferenceMw = c.ulInterferenceAcc;
            c.ulInterferenceAcc = 0;
            c.connected = 0;
            c.activeDl = 0;
        }
        for (UeState u : ues) {
            boolean moved = false;
            if (u.mobile) {
                move(u, dt, t0s);
                if (dist2(u.x - u.candX, u.y - u.candY) > candRefresh2) {
                    refreshCandidates(u);
                }
                moved = dist2(u.x - u.gainX, u.y - u.gainY) > gainRefresh2;
            }
            if (moved || u.gainEpoch != gainEpoch) {
                refreshGains(u);
            }
            selectCell(u);
            measure(u);
            checkRadioLink(u, dt);
            arrivals(u, true, t1s);
            arrivals(u, false, t1s);
            connectionState(u);
        }
        buildLists();
        for (CellState c : cells) {
            schedule(c, true, dt);
            schedule(c, false, dt);
        }
        for (UeState u : ues) {
            if (u.ulAlloc > 0 && u.serving >= 0) {
                CellState s = cells[u.serving];
                double share = u.ulAlloc / Math.max(1, s.availablePrbs());
                for (int k = 0; k < u.nCand; k++) {
                    if (k != u.servSlot) {
                        CellState c = cells[u.cand[k]];
                        if (c.active()) {
                            c.ulInterferenceAcc += u.ulPsdMw * u.gainLin[k] * share
                                    * (uniformSpectrum ? 1.0 : c.overlapFrom(s));
                        }
                    }
                }
            }
        }
        for (CellState c : cells) {
            bookCell(c, dt);
        }
        nowMs += tickMs;
        for (KpmMeter m : meters) {
            m.afterTick(this);
        }
    }

    private static double dist2(double dx, double dy) {
        return dx * dx + dy * dy;
    }

    // ------------------------------------------------------------------------------------------ mobility

    private void move(UeState u, double dt, double t0s) {
        if (!u.mobile || t0s < u.pauseUntilS) {
            return;
        }
        double left = u.speed * dt;
        double dx = u.wx - u.x;
        double dy = u.wy - u.y;
        double d = Math.sqrt(dx * dx + dy * dy);
        if (d <= left) {
            u.x = u.wx;
            u.y = u.wy;
            MobilitySpec mob = slices[u.slice].mobility();
            u.pauseUntilS = t0s + dt + u.move.uniform(mob.minPauseS(), mob.maxPauseS());
            newWaypoint(u, mob);
        } else {
            u.x += dx / d * left;
            u.y += dy / d * left;
        }
    }

    private static void newWaypoint(UeState u, MobilitySpec mob) {
        double r = u.roamRadiusM * Math.sqrt(u.move.nextDouble());
        double th = u.move.uniform(0, 2 * Math.PI);
        u.wx = u.homeX + r * Math.cos(th);
        u.wy = u.homeY + r * Math.sin(th);
        u.speed = u.move.uniform(mob.minSpeedMps(), mob.maxSpeedMps());
    }

    // ------------------------------------------------------------------------------------------ radio

    private void refreshCandidates(UeState u) {
        int servingCell = u.serving;
        u.nCand = grid.nearest(u.x, u.y, u.cand);
        u.candX = u.x;
        u.candY = u.y;
        u.gainEpoch = -1;
        u.servSlot = servingCell >= 0 ? u.slotOf(servingCell) : -1;
        if (servingCell >= 0 && u.servSlot < 0) {
            // walked out of range of its cell without a handover: treat as a lost link
            u.serving = -1;
        }
        if (u.tttTarget >= 0 && u.slotOf(u.tttTarget) < 0) {
            u.tttTarget = -1;
        }
    }

    private void refreshGains(UeState u) {
        Environment env = radio.environment();
        double hUt = radio.ueHeightM();
        long losCell = (long) Math.floor(u.x / env.losCorrelationM());
        long losRow = (long) Math.floor(u.y / env.losCorrelationM());
        for (int k = 0; k < u.nCand; k++) {
            CellState c = cells[u.cand[k]];
            double dx = u.x - c.spec.x();
            double dy = u.y - c.spec.y();
            double d2d = Math.sqrt(dx * dx + dy * dy);
            boolean los = Rng.unitHash(seed ^ SALT_LOS, c.site, losCell, losRow) < env.losProbability(d2d, hUt);
            double pl = env.pathLossDb(los, d2d, c.spec.heightM(), hUt, c.fcGHz);
            double sf = env.shadowSigmaDb(los)
                    * ShadowField.sample(seed ^ SALT_SF, c.site, u.x, u.y, env.shadowDecorrelationM(false));
            double antenna = c.spec.antennaGainDbi();
            if (!c.spec.omni()) {
                double off = Math.toDegrees(Math.atan2(dy, dx) - c.azimuthRad);
                off = ((off + 180) % 360 + 360) % 360 - 180;
                antenna -= Environment.sectorAttenuationDb(off);
            }
            double o2i = u.indoor ? Environment.o2iLowLossDb(c.fcGHz, u.indoorDistanceM, u.o2iGaussian) : 0;
            double g = antenna - pl - sf - o2i;
            u.gainDb[k] = g;
            u.gainLin[k] = Math.pow(10, g / 10);
        }
        u.gainX = u.x;
        u.gainY = u.y;
        u.gainEpoch = gainEpoch;
        u.gainVersion++;
    }

    /** Best usable cell by RSRP plus CIO, as a candidate slot, or -1. Fills rsrpScratch. */
    private int bestSlot(UeState u, int excludeCell) {
        int best = -1;
        double bestMetric = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < u.nCand; k++) {
            CellState c = cells[u.cand[k]];
            if (!c.active() || c.index == excludeCell) {
                rsrpScratch[k] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double rsrp = c.txPerReDbm + u.gainDb[k];
            rsrpScratch[k] = rsrp;
            if (rsrp < ho.qRxLevMinDbm()) {
                continue;
            }
            double metric = rsrp + c.cioDb;
            if (metric > bestMetric) {
                bestMetric = metric;
                best = k;
            }
        }
        return best;
    }

    /** Cell selection, A3 handover with hysteresis and time to trigger, idle reselection. */
    private void selectCell(UeState u) {
        if (u.serving >= 0 && u.rankedAtConfig == configEpoch && u.rankedAtGains == u.gainVersion) {
            // nothing that ranks cells changed since the last look: only a running time to trigger can fire
            if (u.tttTarget >= 0 && nowMs - u.tttSinceMs >= ho.tttMs()) {
                handover(u, u.slotOf(u.tttTarget));
            }
            return;
        }
        u.rankedAtConfig = configEpoch;
        u.rankedAtGains = u.gainVersion;
        int best = bestSlot(u, -1);
        if (u.serving < 0 || !cells[u.serving].active()) {
            if (best >= 0) {
                attach(u, best);
            } else {
                detach(u);
            }
            return;
        }
        if (best >= 0 && u.cand[best] != u.serving) {
            CellState s = cells[u.serving];
            CellState n = cells[u.cand[best]];
            double servMetric = rsrpScratch[u.servSlot] + s.cioDb;
            double bestMetric = rsrpScratch[best] + n.cioDb;
            if (bestMetric - ho.hysteresisDb() > servMetric + ho.a3OffsetDb()) {
                if (u.tttTarget != n.index) {
                    u.tttTarget = n.index;
                    u.tttSinceMs = nowMs;
                }
                if (nowMs - u.tttSinceMs >= ho.tttMs()) {
                    handover(u, best);
                }
                return;
            }
        }
        u.tttTarget = -1;
    }

    private void attach(UeState u, int slot) {
        u.serving = u.cand[slot];
        u.servSlot = slot;
        u.tttTarget = -1;
        u.outageS = 0;
        u.rankedAtGains = -1;
    }

    private void detach(UeState u) {
        u.serving = -1;
        u.servSlot = -1;
        u.tttTarget = -1;
        u.outageS = 0;
        u.connected = false;
        u.rsrpDbm = Double.NEGATIVE_INFINITY;
        u.sinrDb = Double.NEGATIVE_INFINITY;
        u.cqi = 0;
        u.rank = 0;
        u.rDl = 0;
        u.rUl = 0;
    }

    /** Moves the UE to the cell in candidate slot {@code slot}; connected UEs count a handover. */
    void handover(UeState u, int slot) {
        CellState from = cells[u.serving];
        CellState to = cells[u.cand[slot]];
        if (u.connected) {
            int base = from.index * Ctr.CF;
            if (from.gnbIndex == to.gnbIndex) {
                cellC[base + Ctr.HO_INTRA_REQ]++;
                cellC[base + Ctr.HO_INTRA_SUCC]++;
            } else {
                cellC[base + Ctr.HO_INTER_REQ]++;
                cellC[base + Ctr.HO_INTER_SUCC]++;
                cellC[to.index * Ctr.CF + Ctr.HO_IN]++;
            }
            u.interruptedUntilMs = nowMs + ho.interruptionMs();
        }
        attach(u, slot);
    }

    /** RSRP, SINR, CQI, rank and bit rates per PRB towards the serving cell, DL and UL. */
    private void measure(UeState u) {
        if (u.serving < 0) {
            return;
        }
        CellState s = cells[u.serving];
        int ks = u.servSlot;
        u.rsrpDbm = s.txPerReDbm + u.gainDb[ks];
        double signal = s.txPerReMw * u.gainLin[ks];
        double interference = 0;
        for (int k = 0; k < u.nCand; k++) {
            if (k == ks) {
                continue;
            }
            CellState c = cells[u.cand[k]];
            if (!c.active()) {
                continue;
            }
            double activity = Math.max(c.loadDl, radio.idleInterferenceLoad());
            interference += c.txPerReMw * u.gainLin[k] * activity * (uniformSpectrum ? 1.0 : s.overlapFrom(c));
        }
        double sinr = 10 * Math.log10(signal / (interference + s.ueNoisePerReMw));
        u.sinrDb = Math.max(SINR_FLOOR_DB, Math.min(SINR_CEIL_DB, sinr));
        int table = s.spec.cqiTable();
        int maxRank = Math.min(s.spec.mimoLayers(), slices[u.slice].ueLayersDl());
        int bestRank = 1;
        int cqi1 = NrTables.cqi(table, u.sinrDb);
        double bestEff = NrTables.efficiency(table, cqi1);
        // each extra layer splits the power: the per-layer SINR drops by 10 log10(rank)
        for (int r = 2; r <= maxRank; r *= 2) {
            int cq = NrTables.cqi(table, u.sinrDb - 10 * Math.log10(r));
            double eff = r * NrTables.efficiency(table, cq);
            if (eff > bestEff) {
                bestEff = eff;
                bestRank = r;
            }
        }
        u.cqi = cqi1;
        u.rank = cqi1 == 0 ? 0 : bestRank;
        u.rDl = bestEff * s.dlBitsPerPrbSecondPerEff;

        // UL: open-loop fractional power control per PRB. Beyond the PRB count where the UE hits its maximum
        // power (the power headroom report says so) more PRBs only spread the same power, so the scheduler stops
        // adding PRBs there: the UE's UL demand is capped at ulMaxPrbs.
        double couplingLossDb = -u.gainDb[ks];
        double psdDbm = Math.min(radio.ulP0DbmPerPrb() + radio.ulAlpha() * couplingLossDb, radio.ueMaxTxPowerDbm());
        u.ulPsdMw = Math.pow(10, psdDbm / 10);
        u.ulMaxPrbs = Math.max(1, Math.pow(10, (radio.ueMaxTxPowerDbm() - psdDbm) / 10));
        double ulSinr = 10 * Math.log10(u.ulPsdMw * u.gainLin[ks] / (s.gnbNoisePerPrbMw + s.ulInterferenceMw));
        u.ulSinrDb = Math.max(SINR_FLOOR_DB, Math.min(SINR_CEIL_DB, ulSinr));
        u.rUl = NrTables.efficiency(1, NrTables.cqi(1, u.ulSinrDb)) * s.ulBitsPerPrbSecondPerEff;
    }

    /** T310: a connected UE that cannot be served for too long re-establishes on the best cell. */
    private void checkRadioLink(UeState u, double dt) {
        if (u.serving < 0 || !u.connected) {
            u.outageS = 0;
            return;
        }
        if (u.cqi > 0) {
            u.outageS = 0;
            return;
        }
        u.outageS += dt;
        if (u.outageS * 1000 < ho.t310Ms()) {
            return;
        }
        int best = bestSlot(u, u.serving);
        if (best < 0) {
            detach(u);
            return;
        }
        attach(u, best);
        cellC[u.serving * Ctr.CF + Ctr.REESTAB]++;
        u.interruptedUntilMs = nowMs + ho.interruptionMs();
        measure(u);
    }

    // ------------------------------------------------------------------------------------------ traffic

    private void arrivals(UeState u, boolean dl, double t1s) {
        SliceSpec sl = slices[u.slice];
        FlowSpec f = dl ? sl.dl() : sl.ul();
        if (f.fullBuffer()) {
            if (u.serving >= 0 && !u.connected) {
                connect(u);
            }
            return;
        }
        double next = dl ? u.nextDlS : u.nextUlS;
        if (next > t1s) {
            return;
        }
        Rng rng = dl ? u.dlTraffic : u.ulTraffic;
        double peak = slicePeak[u.slice];
        double lambdaMax = f.burstRatePerS() * peak;
        double accept = peak > 0 ? diurnalNow[u.slice] / peak : 0;
        while (next <= t1s) {
            // thinning: candidates at the day's peak rate, kept with probability factor(now) / peak
            if (rng.nextDouble() < accept) {
                burst(u, dl, f, sl);
            }
            next += rng.exponential(1.0 / lambdaMax);
        }
        if (dl) {
            u.nextDlS = next;
        } else {
            u.nextUlS = next;
        }
    }

    private void burst(UeState u, boolean dl, FlowSpec f, SliceSpec sl) {
        double pktBits = f.packetBytes() * 8;
        double bits = f.burstBytes() * 8;
        double packets = bits / pktBits;
        int arrivedF = dl ? Ctr.DL_ARRIVED : Ctr.UL_ARRIVED;
        int droppedF = dl ? Ctr.DL_DROPPED : Ctr.UL_LOST;
        if (dl && u.serving < 0) {
            // nobody can page an unreachable UE: the data never enters the RAN
            addUe(u, arrivedF, packets);
            addUe(u, droppedF, packets);
            return;
        }
        double backlog = dl ? u.dlBacklogBits : u.ulBacklogBits;
        if (elastic(f)) {
            if (backlog > ELASTIC_BACKLOG_BURSTS * bits) {
                return; // the user gives up on starting yet another download; nothing reaches the RAN
            }
            backlog += bits;
            add(u, arrivedF, packets);
        } else {
            double buffer = sl.bufferBytes() * 8;
            double overflow = Math.max(0, backlog + bits - buffer);
            backlog = Math.min(buffer, backlog + bits);
            add(u, arrivedF, packets);
            if (overflow > 0) {
                add(u, droppedF, overflow / pktBits);
            }
        }
        if (dl) {
            u.dlBacklogBits = backlog;
        } else {
            u.ulBacklogBits = backlog;
        }
        u.lastActivityMs = nowMs;
        if (!u.connected && u.serving >= 0) {
            connect(u);
        }
    }

    /** TCP-like sources wait instead of overflowing the RLC buffer; packet sources overflow. */
    static boolean elastic(FlowSpec f) {
        return f.fullBuffer() || f.burstBytes() > f.packetBytes();
    }

    private void connect(UeState u) {
        u.connected = true;
        u.lastActivityMs = nowMs;
        cellC[u.serving * Ctr.CF + Ctr.CONN_ESTAB]++;
    }

    private void connectionState(UeState u) {
        SliceSpec sl = slices[u.slice];
        if (u.connected && !sl.dl().fullBuffer() && !sl.ul().fullBuffer()
                && u.dlBacklogBits <= 0 && u.ulBacklogBits <= 0
                && nowMs - u.lastActivityMs >= ho.inactivityTimerMs()) {
            u.connected = false;
        }
        if (!u.connected || u.serving < 0) {
            return;
        }
        CellState c = cells[u.serving];
        c.connected++;
        if (sl.dl().fullBuffer() || u.dlBacklogBits > 0) {
            c.activeDl++;
        }
        add(u, Ctr.CONN_MS, tickMs);
        add(u, Ctr.CQI_MS, u.cqi * tickMs);
        add(u, Ctr.SINR_MS, u.sinrDb * tickMs);
        add(u, Ctr.RSRP_MS, u.rsrpDbm * tickMs);
        add(u, Ctr.RADIO_MS, tickMs);
        cellC[c.index * Ctr.CF + Ctr.CQI_BIN0 + u.cqi] += tickMs;
    }

    // ------------------------------------------------------------------------------------------ scheduling

    private void buildLists() {
        Arrays.fill(listStart, 0);
        for (UeState u : ues) {
            if (u.serving >= 0) {
                listStart[u.serving + 1]++;
            }
            u.dlAlloc = 0;
            u.ulAlloc = 0;
        }
        for (int c = 0; c < nCells; c++) {
            listStart[c + 1] += listStart[c];
        }
        System.arraycopy(listStart, 0, listFill, 0, nCells);
        for (UeState u : ues) {
            if (u.serving >= 0) {
                listIdx[listFill[u.serving]++] = u.index;
            }
        }
    }

    private void schedule(CellState c, boolean dl, double dt) {
        if (dl) {
            c.prbUsedDl = 0;
            c.loadDl = 0;
        }
        double prbs = c.availablePrbs();
        if (prbs <= 0) {
            return;
        }
        int from = listStart[c.index];
        int to = listStart[c.index + 1];
        int n = 0;
        if (demand.length < to - from) {
            int size = 2 * (to - from);
            demand = new double[size];
            alloc = new double[size];
            sliceOf = new int[size];
            member = new int[size];
        }
        for (int j = from; j < to; j++) {
            UeState u = ues[listIdx[j]];
            FlowSpec f = dl ? slices[u.slice].dl() : slices[u.slice].ul();
            double backlog = dl ? u.dlBacklogBits : u.ulBacklogBits;
            if (!f.fullBuffer() && backlog < RESIDUE_BITS) {
                continue;
            }
            double r = dl ? u.rDl : u.rUl;
            boolean schedulable = u.connected && nowMs >= u.interruptedUntilMs && r > 0;
            member[n] = u.index;
            sliceOf[n] = u.slice;
            double want = !schedulable ? 0 : f.fullBuffer() ? prbs : Math.min(prbs, backlog / (r * dt));
            demand[n] = dl ? want : Math.min(want, u.ulMaxPrbs);
            n++;
        }
        if (n == 0) {
            return;
        }
        double[] ded = dl ? c.dedDl : c.dedUl;
        double[] min = dl ? c.minDl : c.minUl;
        double[] max = dl ? c.maxDl : c.maxUl;
        double used = scheduler.allocate(n, demand, sliceOf, nSlices, prbs, ded, min, max, alloc);
        Arrays.fill(shareOf, Double.NaN);
        double fixedMs = dl ? c.dlFixedDelayMs : c.ulFixedDelayMs;
        for (int i = 0; i < n; i++) {
            UeState u = ues[member[i]];
            SliceSpec sl = slices[u.slice];
            FlowSpec f = dl ? sl.dl() : sl.ul();
            double r = dl ? u.rDl : u.rUl;
            double a = alloc[i];
            double pktBits = f.packetBytes() * 8;
            double bufferBits = sl.bufferBytes() * 8;
            double backlog = dl ? u.dlBacklogBits : u.ulBacklogBits;
            double qPre = f.fullBuffer() ? bufferBits : Math.min(backlog, bufferBits);
            double served = a * r * dt;
            if (!f.fullBuffer()) {
                served = Math.min(served, backlog);
                backlog -= served;
                if (backlog < RESIDUE_BITS) {
                    // a == backlog / (r dt) leaves rounding dust that would keep the UE "active" forever
                    served += backlog;
                    backlog = 0;
                }
            }
            double qPost = f.fullBuffer() ? bufferBits : Math.min(backlog, bufferBits);
            boolean saturated = demand[i] > 0 && a < demand[i] * (1 - 1e-9);
            double activeMs;
            double delayS = 0;
            double rateWhenBusy;
            if (demand[i] <= 0) {
                activeMs = tickMs;
                rateWhenBusy = 0;
            } else if (saturated) {
                activeMs = tickMs;
                rateWhenBusy = a * r;
                if (served > 0) {
                    // Little's law on the RLC queue
                    delayS = 0.5 * (qPre + qPost) / rateWhenBusy;
                }
            } else {
                // Cleared its queue: packets met the processor-sharing rate of one more UE of the slice
                if (Double.isNaN(shareOf[u.slice])) {
                    shareOf[u.slice] = scheduler.marginalShare(n, demand, sliceOf, nSlices, prbs, ded, min, max,
                            u.slice);
                }
                rateWhenBusy = r * Math.max(shareOf[u.slice], a);
                activeMs = Math.min(tickMs, 1000 * served / rateWhenBusy);
                delayS = 0.5 * (Math.min(qPre, f.burstBytes() * 8) + pktBits) / rateWhenBusy;
            }
            double packets = served / pktBits;
            if (dl) {
                add(u, Ctr.DL_BITS, served);
                add(u, Ctr.DL_ACTIVE_MS, activeMs);
                add(u, Ctr.DL_PRB_MS, a * tickMs);
                add(u, Ctr.DL_LAYERS_PRB_MS, a * tickMs * u.rank);
                if (packets > 0) {
                    add(u, Ctr.DL_DELAY_MS_PKTS, (delayS * 1000 + fixedMs) * packets);
                    add(u, Ctr.DL_PKTS, packets);
                }
                u.dlAlloc = a;
            } else {
                add(u, Ctr.UL_BITS, served);
                add(u, Ctr.UL_ACTIVE_MS, activeMs);
                add(u, Ctr.UL_PRB_MS, a * tickMs);
                if (packets > 0) {
                    add(u, Ctr.UL_DELAY_MS_PKTS, (delayS * 1000 + fixedMs) * packets);
                    add(u, Ctr.UL_PKTS, packets);
                    add(u, Ctr.UL_LOST, packets * Math.pow(radio.firstTxBler(), radio.harqMaxTx()));
                }
                u.ulAlloc = a;
            }
            if (served > 0) {
                u.lastActivityMs = nowMs;
            }
            if (!elastic(f) && sl.discardTimerMs() > 0) {
                backlog = discard(u, dl, backlog, served, rateWhenBusy, dt, sl, pktBits);
            }
            if (!f.fullBuffer()) {
                if (dl) {
                    u.dlBacklogBits = backlog;
                } else {
                    u.ulBacklogBits = backlog;
                }
            }
        }
        if (dl) {
            c.prbUsedDl = used;
            c.loadDl = used / prbs;
        }
    }

    /** PDCP discard timer on a packet flow: what cannot leave within the timer is dropped. */
    private double discard(UeState u, boolean dl, double backlog, double served, double rateWhenBusy, double dt,
                           SliceSpec sl, double pktBits) {
        double timerS = sl.discardTimerMs() / 1000.0;
        double starved = dl ? u.dlStarvedS : u.ulStarvedS;
        starved = served > 0 || backlog <= 0 ? 0 : starved + dt;
        double drop = 0;
        if (starved >= timerS) {
            drop = backlog;
            starved = 0;
        } else if (rateWhenBusy > 0 && backlog > rateWhenBusy * timerS) {
            drop = backlog - rateWhenBusy * timerS;
        }
        if (dl) {
            u.dlStarvedS = starved;
        } else {
            u.ulStarvedS = starved;
        }
        if (drop > 0) {
            add(u, dl ? Ctr.DL_DROPPED : Ctr.UL_LOST, drop / pktBits);
        }
        return backlog - drop;
    }

    private void bookCell(CellState c, double dt) {
        EnergyProfile e = c.spec.energy();
        c.powerW = switch (c.mode) {
            case ACTIVE -> e.activePowerW(c.txPowerW, c.loadDl);
            case WAKING -> e.trxCount() * e.p0W();
            case SLEEPING -> e.deepSleepW();
        };
        int base = c.index * Ctr.CF;
        cellC[base + Ctr.ENERGY_J] += c.powerW * dt;
        if (c.active()) {
            cellC[base + Ctr.TX_MW_S] += c.txPowerW * 1000 * Math.max(c.loadDl, radio.idleInterferenceLoad()) * dt;
            cellC[base + Ctr.ACTIVE_MS] += tickMs;
            // integers in PRB-milliseconds: sums stay exact, so a constant PRB count reads back exactly
            cellC[base + Ctr.PRB_AVAIL_DL_MS] += (double) c.availablePrbs() * tickMs;
            cellC[base + Ctr.PRB_AVAIL_UL_MS] += (double) c.availablePrbs() * tickMs;
        }
    }

    // ------------------------------------------------------------------------------------------ counters

    /** Adds to the UE, its slice in its serving cell, and that cell. */
    private void add(UeState u, int field, double v) {
        ueC[u.index * Ctr.TF + field] += v;
        if (u.serving >= 0) {
            sliceC[(u.serving * nSlices + u.slice) * Ctr.TF + field] += v;
            cellC[u.serving * Ctr.CF + field] += v;
        }
    }

    private void addUe(UeState u, int field, double v) {
        ueC[u.index * Ctr.TF + field] += v;
    }

    // ------------------------------------------------------------------------------------------ controls

    /** Moves every UE off a cell before it powers down; UEs with no other cell lose coverage. */
    void evacuate(CellState c) {
        for (UeState u : ues) {
            if (u.serving != c.index) {
                continue;
            }
            int best = bestSlot(u, c.index);
            if (best < 0) {
                detach(u);
            } else {
                handover(u, best);
            }
        }
    }

    /** SS-RSRP of a cell at the UE, or -infinity when the cell is not among the UE's candidates. */
    double rsrpAt(UeState u, CellState c) {
        int k = u.slotOf(c.index);
        return k < 0 ? Double.NEGATIVE_INFINITY : c.txPerReDbm + u.gainDb[k];
    }

    /** SS-RSRP per active candidate cell, strongest first. */
    Map<String, Double> measuredRsrp(UeState u) {
        List<Map.Entry<String, Double>> l = new ArrayList<>();
        for (int k = 0; k < u.nCand; k++) {
            CellState c = cells[u.cand[k]];
            if (c.active()) {
                l.add(Map.entry(c.spec.id(), c.txPerReDbm + u.gainDb[k]));
            }
        }
        l.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Map<String, Double> out = new LinkedHashMap<>();
        l.forEach(en -> out.put(en.getKey(), en.getValue()));
        return out;
    }

    /** Carrier moved or resized: recheck whether all carriers coincide. */
    void spectrumChanged() {
        uniformSpectrum = true;
        for (CellState c : cells) {
            if (c.fLowMHz != cells[0].fLowMHz || c.fHighMHz != cells[0].fHighMHz) {
                uniformSpectrum = false;
                break;
            }
        }
        configEpoch++;
    }

    /** Power, CIO or cell state changed: every UE re-ranks its cells on its next tick. */
    void configChanged() {
        configEpoch++;
    }

    /** Frequency changes alter path loss: every UE recomputes its gains on its next tick. */
    void invalidateGains() {
        gainEpoch++;
    }

    // ------------------------------------------------------------------------------------------ spatial index

    /** Buckets cells into squares of the candidate radius so that a UE only looks at the 3x3 around it. */
    static final class SiteGrid {
        private final CellState[] cells;
        private final double radius;
        private final Map<Long, int[]> buckets = new HashMap<>();
        private int[] scratch;
        private double[] dist;

        SiteGrid(CellState[] cells, double radius) {
            this.cells = cells;
            this.radius = radius;
            Map<Long, List<Integer>> tmp = new HashMap<>();
            for (CellState c : cells) {
                tmp.computeIfAbsent(key(bin(c.spec.x()), bin(c.spec.y())), k -> new ArrayList<>()).add(c.index);
            }
            tmp.forEach((k, v) -> buckets.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            scratch = new int[Math.min(64, cells.length)];
            dist = new double[scratch.length];
        }

        private long bin(double v) {
            return (long) Math.floor(v / radius);
        }

        private static long key(long bx, long by) {
            return (bx << 32) ^ (by & 0xFFFFFFFFL);
        }

        /** Nearest cells within the radius, nearest first (ties by index), at most out.length. */
        int nearest(double x, double y, int[] out) {
            long bx = bin(x);
            long by = bin(y);
            int m = 0;
            for (long i = bx - 1; i <= bx + 1; i++) {
                for (long j = by - 1; j <= by + 1; j++) {
                    int[] b = buckets.get(key(i, j));
                    if (b == null) {
                        continue;
                    }
                    for (int ci : b) {
                        CellState c = cells[ci];
                        double dx = x - c.spec.x();
                        double dy = y - c.spec.y();
                        double d = Math.sqrt(dx * dx + dy * dy);
                        if (d <= radius) {
                            if (m == scratch.length) {
                                scratch = Arrays.copyOf(scratch, 2 * m);
                                dist = Arrays.copyOf(dist, 2 * m);
                            }
                            scratch[m] = ci;
                            dist[m] = d;
                            m++;
                        }
                    }
                }
            }
            // insertion sort: m is small
            for (int i = 1; i < m; i++) {
                int ci = scratch[i];
                double d = dist[i];
                int j = i - 1;
                while (j >= 0 && (dist[j] > d || (dist[j] == d && scratch[j] > ci))) {
                    scratch[j + 1] = scratch[j];
                    dist[j + 1] = dist[j];
                    j--;
                }
                scratch[j + 1] = ci;
                dist[j + 1] = d;
            }
            int k = Math.min(m, out.length);
            System.arraycopy(scratch, 0, out, 0, k);
            return k;
        }
    }
}
