package io.oranric.agent.kpi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * KPIs in the units of the policy contract (Mbps, ms, %, W, dBm) with the TS 28.552 names they come
 * from: what a model or an operator reads, and what intent assurance compares with targets.
 */
public final class KpiView {

    public static final String THP_DL = "DRB.UEThpDl";
    public static final String THP_UL = "DRB.UEThpUl";
    public static final String DELAY_DL = "DRB.RlcSduDelayDl";
    public static final String DROP_DL = "DRB.RlcPacketDropRateDl";
    public static final String PRB_USED_DL = "RRU.PrbUsedDl";
    public static final String PRB_AVAIL_DL = "RRU.PrbAvailDl";
    public static final String PRB_TOT_DL = "RRU.PrbTotDl";
    public static final String ACTIVE_UE_DL = "DRB.MeanActiveUeDl";
    public static final String POWER = "PEE.AvgPower";
    public static final String TX_POWER = "CARR.MaxTxPwr";

    /** One friendly figure: its value (the window's mean) and the measurement behind it. */
    public record Figure(String name, String unit, double value, String source) {
    }

    private KpiView() {
    }

    public static Optional<Figure> dlThroughputMbps(KpiSource.Kpis k) {
        return k.get(THP_DL).map(s -> new Figure("dlThroughputMbps", "Mbps", s.mean() / 1000.0, THP_DL));
    }

    public static Optional<Figure> ulThroughputMbps(KpiSource.Kpis k) {
        return k.get(THP_UL).map(s -> new Figure("ulThroughputMbps", "Mbps", s.mean() / 1000.0, THP_UL));
    }

    public static Optional<Figure> dlLatencyMs(KpiSource.Kpis k) {
        return k.get(DELAY_DL).map(s -> new Figure("dlLatencyMs", "ms", s.mean(), DELAY_DL));
    }

    /** The window's 95th percentile: what a latency target should hold for, not the mean. */
    public static Optional<Figure> dlLatencyP95Ms(KpiSource.Kpis k) {
        return k.get(DELAY_DL).map(s -> new Figure("dlLatencyP95Ms", "ms", s.p95(), DELAY_DL));
    }

    public static Optional<Figure> dlLossPct(KpiSource.Kpis k) {
        return k.get(DROP_DL).map(s -> new Figure("dlPacketLossPct", "%", s.mean() / 10_000.0, DROP_DL));
    }

    /** DL PRB usage: RRU.PrbTotDl, else used over available. */
    public static Optional<Figure> prbUsagePct(KpiSource.Kpis k) {
        Optional<KpiSource.Stat> tot = k.get(PRB_TOT_DL);
        if (tot.isPresent()) {
            return Optional.of(new Figure("prbUsagePct", "%", tot.get().mean(), PRB_TOT_DL));
        }
        Optional<KpiSource.Stat> used = k.get(PRB_USED_DL);
        Optional<KpiSource.Stat> avail = k.get(PRB_AVAIL_DL);
        if (used.isPresent() && avail.isPresent() && avail.get().mean() > 0) {
            return Optional.of(new Figure("prbUsagePct", "%", 100 * used.get().mean() / avail.get().mean(), PRB_USED_DL + "/" + PRB_AVAIL_DL));
        }
        return Optional.empty();
    }

    public static ObjectNode json(KpiSource.Kpis k) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("cell", k.cell());
        if (k.slice() != null) {
            n.put("slice", k.slice());
        }
        n.put("windowSeconds", k.window().toSeconds());
        ObjectNode f = n.putObject("kpis");
        dlThroughputMbps(k).ifPresent(x -> put(f, x));
        ulThroughputMbps(k).ifPresent(x -> put(f, x));
        dlLatencyMs(k).ifPresent(x -> put(f, x));
        dlLatencyP95Ms(k).ifPresent(x -> put(f, x));
        dlLossPct(k).ifPresent(x -> put(f, x));
        prbUsagePct(k).ifPresent(x -> put(f, x));
        k.get(ACTIVE_UE_DL).ifPresent(s -> f.put("activeUes", num(s.mean())));
        k.get(POWER).ifPresent(s -> f.put("powerW", num(s.mean())));
        k.get(TX_POWER).ifPresent(s -> f.put("txPowerDbm", num(s.last())));
        ObjectNode raw = n.putObject("measurements");
        for (Map.Entry<String, KpiSource.Stat> e : new java.util.TreeMap<>(k.metrics()).entrySet()) {
            KpiSource.Stat s = e.getValue();
            raw.putObject(e.getKey()).put("mean", num(s.mean())).put("p95", num(s.p95())).put("min", num(s.min()))
                    .put("max", num(s.max())).put("last", num(s.last())).put("count", s.count());
        }
        return n;
    }

    private static void put(ObjectNode n, Figure f) {
        n.put(f.name(), num(f.value()));
    }

    /** JSON has no NaN: a value the window does not have is null. */
    public static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : round(v);
    }

    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return Math.round(v * 1000) / 1000.0;
    }
}
