package io.oranric.agent.whatif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.kpi.KpiView;
import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.model.Spectrum;
import io.oranric.policies.model.Statement;
import io.oranric.policies.model.TrafficSteering;
import io.oranric.policies.model.TxPower;
import io.oranric.testbed.sim.model.CellInfo;
import io.oranric.testbed.sim.model.Control;
import io.oranric.testbed.sim.model.ControlResult;
import io.oranric.testbed.sim.model.Kpm;
import io.oranric.testbed.sim.model.KpmMeter;
import io.oranric.testbed.sim.model.MeasurementReport;
import io.oranric.testbed.sim.model.Network;
import io.oranric.testbed.sim.model.SliceReport;
import io.oranric.testbed.sim.model.Snssai;
import io.oranric.testbed.sim.scenario.Scenario;
import io.oranric.testbed.sim.scenario.ScenarioLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * "What if these policies were in force?" on a private copy of the lab's radio model: the scenario
 * runs twice from the same seed, once as it is and once with the controls the xApps would send for
 * the policies, each for a warm-up period and then the measured period, and the report compares the
 * two per affected cell and slice. Same seed, same traffic: the difference is the policies' effect.
 *
 * <p>The controls are the xApps' first moves, not their closed loops: a SliceSla becomes the slice
 * xApp's feed-forward PRB share (guarantee / cell peak x 1.2, or 10 % with half dedicated for
 * latency and loss targets), steering becomes a cell individual offset, energy saving sleeps (or
 * turns down) the cells below the load threshold in the warm-up, never two neighbours. The model is
 * the lab's (lab-default: cell-1..cell-7); other cells are reported as not simulated.
 */
public final class WhatIf {

    public static final Duration MAX_HORIZON = Duration.ofSeconds(120);
    private static final Map<String, Integer> SST = Map.of("embb", 1, "urllc", 2, "miot", 3);

    private final String scenarioName;
    private final Scenario scenario;
    /** One simulation at a time: each takes a core for a second or more. */
    private final Semaphore running = new Semaphore(1);

    public WhatIf(String scenarioName) {
        this.scenarioName = scenarioName;
        this.scenario = ScenarioLoader.builtIn(scenarioName);
    }

    public static WhatIf lab() {
        return new WhatIf("lab-default");
    }

    public ObjectNode run(List<Policy> policies, Duration horizon) {
        Duration h = horizon.compareTo(MAX_HORIZON) > 0 ? MAX_HORIZON : horizon;
        h = Duration.ofSeconds(Math.max(5, h.toSeconds()));
        running.acquireUninterruptibly();
        try {
            return simulate(policies, h);
        } finally {
            running.release();
        }
    }

    private ObjectNode simulate(List<Policy> policies, Duration h) {
        long t0 = System.nanoTime();
        Network base = scenario.newNetwork();
        KpmMeter baseMeter = base.meter(h, 2);
        base.step(h);
        Map<String, Double> warmLoad = loads(base, baseMeter);
        base.step(h);

        Network what = scenario.newNetwork();
        KpmMeter whatMeter = what.meter(h, 2);
        what.step(h);
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        ArrayNode notes = JsonNodeFactory.instance.arrayNode();
        ArrayNode controls = JsonNodeFactory.instance.arrayNode();
        Set<String> affected = new LinkedHashSet<>();
        Set<String> sliceOf = new LinkedHashSet<>();
        for (Policy p : policies) {
            for (Control c : controls(p, what, warmLoad, notes, affected, sliceOf)) {
                ControlResult r = what.apply(c);
                ObjectNode o = controls.addObject().put("policy", p.policyId() == null ? p.type().wireName() : p.policyId())
                        .put("control", c.toString()).put("accepted", r.accepted());
                if (!r.accepted()) {
                    o.put("refusedBecause", r.reason() + ": " + r.detail());
                }
            }
        }
        what.step(h);

        report.put("scenario", scenarioName).put("horizonSeconds", h.toSeconds())
                .put("modelTimeOfDay", base.timeOfDay().toString())
                .put("method", "two runs of the lab radio model from the same seed: warm-up " + h.toSeconds() + " s, then the controls,"
                        + " then " + h.toSeconds() + " s measured; the controls are the xApps' first moves, not their closed loops");
        report.set("controls", controls);
        ArrayNode cells = report.putArray("cells");
        Set<String> shown = new LinkedHashSet<>(affected);
        if (shown.isEmpty()) {
            base.cells().forEach(c -> shown.add(c.id()));
        }
        double basePower = 0;
        double whatPower = 0;
        for (CellInfo c : base.cells()) {
            MeasurementReport b = baseMeter.snapshot(c.id()).orElse(null);
            MeasurementReport w = whatMeter.snapshot(c.id()).orElse(null);
            if (b != null) {
                basePower += nz(b.get(Kpm.PEE_AVG_POWER));
            }
            if (w != null) {
                whatPower += nz(w.get(Kpm.PEE_AVG_POWER));
            }
            if (!shown.contains(c.id()) || b == null || w == null) {
                continue;
            }
            ObjectNode cell = cells.addObject().put("cell", c.id());
            cell.set("baseline", cellFigures(b, base.cell(c.id())));
            cell.set("withPolicies", cellFigures(w, what.cell(c.id())));
            ObjectNode slices = cell.putObject("slices");
            for (String s : sliceOf.isEmpty() ? SST.keySet() : sliceOf) {
                ObjectNode so = slices.putObject(s);
                b.slice(s).ifPresent(x -> so.set("baseline", sliceFigures(x)));
                w.slice(s).ifPresent(x -> so.set("withPolicies", sliceFigures(x)));
            }
        }
        report.putObject("network").put("powerWBaseline", KpiView.num(basePower)).put("powerWWithPolicies", KpiView.num(whatPower));
        report.set("notes", notes);
        report.put("simulationMs", (System.nanoTime() - t0) / 1_000_000);
        return report;
    }

    // ------------------------------------------------------------------ policies to controls

    private List<Control> controls(Policy p, Network net, Map<String, Double> warmLoad, ArrayNode notes, Set<String> affected,
                                   Set<String> slices) {
        List<String> cells = new ArrayList<>();
        for (String c : targetCells(p, net)) {
            if (net.cells().stream().anyMatch(x -> x.id().equals(c))) {
                cells.add(c);
            } else {
                notes.add(c + " is not in the lab model (" + net.cells().get(0).id() + ".." + net.cells().get(net.cells().size() - 1).id()
                        + "): not simulated");
            }
        }
        Statement s = p.statement();
        List<Control> out = new ArrayList<>();
        String slice = p.scope().slice();
        if (slice != null) {
            slices.add(slice);
        }
        if (s instanceof PrbQuota q) {
            Snssai sn = snssai(slice, notes);
            if (sn != null) {
                for (String c : cells) {
                    out.add(Control.sliceQuota(c, sn, new io.oranric.testbed.sim.model.PrbQuota(or(q.minPrbPct(), 0),
                            or(q.maxPrbPct(), 100), or(q.dedicatedPrbPct(), 0))));
                    affected.add(c);
                }
            }
        } else if (s instanceof SliceSla sla) {
            Snssai sn = snssai(slice, notes);
            if (sn != null) {
                for (String c : cells) {
                    CellInfo info = net.cell(c);
                    double peakDl = info.carrierPrbs() * 5.0;
                    double share = 10;
                    if (sla.guaranteedDlMbps() != null) {
                        share = Math.max(share, 100 * sla.guaranteedDlMbps() / peakDl * 1.2);
                    }
                    share = Math.min(80, share);
                    boolean latency = sla.maxDlLatencyMs() != null || sla.maxPacketLossPct() != null;
                    out.add(Control.sliceQuota(c, sn, new io.oranric.testbed.sim.model.PrbQuota(share, 100, latency ? share / 2 : 0)));
                    affected.add(c);
                }
            }
        } else if (s instanceof TxPower t) {
            for (String c : cells) {
                double now = net.cell(c).txPowerDbm();
                double target = t.maxTxPowerDbm() != null ? t.maxTxPowerDbm() : now + t.deltaDb();
                out.add(Control.txPower(c, target));
                affected.add(c);
            }
        } else if (s instanceof Spectrum sp) {
            for (String c : cells) {
                if (sp.bandwidthMHz() != null) {
                    out.add(Control.bandwidth(c, sp.bandwidthMHz().intValue()));
                }
                if (sp.arfcnDl() != null) {
                    out.add(new Control.SetArfcn(c, sp.arfcnDl().intValue()));
                }
                if (sp.bwpId() != null) {
                    notes.add("bwpId " + sp.bwpId() + " on " + c + ": BWP switching is not simulated");
                }
                affected.add(c);
            }
        } else if (s instanceof EnergySaving e) {
            double threshold = e.whenLoadBelowPct() == null ? 100 : e.whenLoadBelowPct();
            Set<String> sleeping = new LinkedHashSet<>();
            List<String> byLoad = new ArrayList<>(cells);
            byLoad.sort(Comparator.comparingDouble(c -> warmLoad.getOrDefault(c, 100.0)));
            for (String c : byLoad) {
                double load = warmLoad.getOrDefault(c, 100.0);
                if (load >= threshold) {
                    notes.add(c + " stays on: load " + Math.round(load) + " % in the warm-up, threshold " + threshold + " %");
                    continue;
                }
                if (e.mode() == EnergySaving.Mode.SLEEP) {
                    if (e.keepCoverage() && sleeping.stream().anyMatch(x -> neighbours(net, x, c))) {
                        notes.add(c + " stays on: a neighbour already sleeps (coverage)");
                        continue;
                    }
                    sleeping.add(c);
                    out.add(Control.sleep(c));
                } else {
                    out.add(Control.txPower(c, net.cell(c).txPowerDbm() - 6));
                }
                affected.add(c);
                net.cells().stream().filter(x -> neighbours(net, x.id(), c)).forEach(x -> affected.add(x.id()));
            }
        } else if (s instanceof TrafficSteering ts) {
            double cio = switch (ts.preference()) {
                case PREFER -> 6;
                case AVOID -> -6;
                case FORBID -> -24;
            };
            for (String target : ts.targetCells()) {
                if (net.cells().stream().noneMatch(x -> x.id().equals(target))) {
                    notes.add(target + " is not in the lab model: not simulated");
                    continue;
                }
                out.add(Control.cio(target, cio));
                affected.add(target);
                net.cells().stream().filter(x -> neighbours(net, x.id(), target)).forEach(x -> affected.add(x.id()));
            }
            notes.add("steering is simulated as a cell individual offset of " + cio + " dB on the target cells");
        }
        return out;
    }

    private static List<String> targetCells(Policy p, Network net) {
        if (p.statement() instanceof TrafficSteering) {
            return List.of();
        }
        if (!p.scope().cells().isEmpty()) {
            return p.scope().cells();
        }
        if (!p.scope().nodes().isEmpty()) {
            List<String> out = new ArrayList<>();
            for (String n : p.scope().nodes()) {
                net.cells().stream().filter(c -> c.gnbId().equals(n)).forEach(c -> out.add(c.id()));
            }
            return out;
        }
        return net.cells().stream().map(CellInfo::id).toList();
    }

    /** Cells whose sites are at most 1.2 x the nearest site spacing apart (as the lab inventory reads them). */
    private static boolean neighbours(Network net, String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        CellInfo x = net.cell(a);
        CellInfo y = net.cell(b);
        double spacing = Double.MAX_VALUE;
        for (CellInfo c : net.cells()) {
            double d = Math.hypot(c.x() - x.x(), c.y() - x.y());
            if (d > 1) {
                spacing = Math.min(spacing, d);
            }
        }
        return Math.hypot(x.x() - y.x(), x.y() - y.y()) <= spacing * 1.2;
    }

    private static Snssai snssai(String slice, ArrayNode notes) {
        Integer sst = slice == null ? null : SST.get(slice);
        if (sst == null) {
            notes.add("slice " + slice + " is not in the lab model: not simulated");
            return null;
        }
        return Snssai.of(sst);
    }

    private static Map<String, Double> loads(Network net, KpmMeter meter) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (CellInfo c : net.cells()) {
            meter.snapshot(c.id()).ifPresent(r -> out.put(c.id(), nz(r.get(Kpm.RRU_PRB_TOT_DL))));
        }
        return out;
    }

    private static ObjectNode cellFigures(MeasurementReport r, CellInfo info) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("dlThroughputMbps", KpiView.num(r.get(Kpm.DRB_UE_THP_DL) / 1000.0));
        n.put("ulThroughputMbps", KpiView.num(r.get(Kpm.DRB_UE_THP_UL) / 1000.0));
        n.put("dlLatencyMs", KpiView.num(r.get(Kpm.DRB_RLC_SDU_DELAY_DL)));
        n.put("prbUsagePct", KpiView.num(r.get(Kpm.RRU_PRB_TOT_DL)));
        n.put("activeUes", KpiView.num(r.get(Kpm.DRB_MEAN_ACTIVE_UE_DL)));
        n.put("connectedUes", KpiView.num(r.get(Kpm.RRC_CONN_MEAN)));
        n.put("powerW", KpiView.num(r.get(Kpm.PEE_AVG_POWER)));
        n.put("txPowerDbm", KpiView.num(info.txPowerDbm()));
        n.put("bandwidthMHz", info.bandwidthMHz());
        n.put("mode", info.mode().name());
        return n;
    }

    private static ObjectNode sliceFigures(SliceReport s) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("dlThroughputMbps", KpiView.num(s.get(Kpm.DRB_UE_THP_DL) / 1000.0));
        n.put("dlLatencyMs", KpiView.num(s.get(Kpm.DRB_RLC_SDU_DELAY_DL)));
        n.put("dlPacketLossPct", KpiView.num(s.get(Kpm.DRB_RLC_PACKET_DROP_RATE_DL) / 10_000.0));
        n.put("prbUsed", KpiView.num(s.get(Kpm.RRU_PRB_USED_DL)));
        return n;
    }

    private static double or(Double v, double dflt) {
        return v == null ? dflt : v;
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
