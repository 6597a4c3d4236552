package io.oranric.agent.assurance;

import io.oranric.agent.kpi.KpiSource;
import io.oranric.agent.kpi.KpiView;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.validation.NetworkInventory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What an intent's policies promise, as measurable expectations (TS 28.312 in spirit: a target on
 * a KPI in a scope). SLA targets are judged on the slice's KPM in each cell of the scope, a PRB cap
 * on the slice's share of the cell's PRBs, an absolute TX power on the carrier's configured power.
 * Relative power changes, spectrum, energy saving and steering promise actions, not KPI levels, and
 * give no expectation (their control outcomes are in the audit trail).
 */
public final class Expectations {

    /** One expectation: how to measure it from KPIs, and whether the measurement meets it. */
    public record Expectation(String policyId, String kpi, String cell, String slice, String target, Kind kind, double bound,
                              Function<Measurements, Optional<Double>> measure) {

        public String scope() {
            return slice == null ? cell : cell + "/" + slice;
        }

        public boolean met(double measured) {
            return switch (kind) {
                case AT_LEAST -> measured >= bound;
                case AT_MOST -> measured <= bound;
                case ABOUT -> Math.abs(measured - bound) <= 0.5;
            };
        }

        /** How far off, relative to the target (0 when met): a larger shortfall asks for a larger adjustment. */
        public double shortfall(double measured) {
            if (met(measured) || bound == 0) {
                return 0;
            }
            return Math.abs(measured - bound) / Math.abs(bound);
        }
    }

    public enum Kind { AT_LEAST, AT_MOST, ABOUT }

    /** The KPIs of one cell and its slice over the assessment window. */
    public record Measurements(Optional<KpiSource.Kpis> cell, Optional<KpiSource.Kpis> slice) {
    }

    private Expectations() {
    }

    public static List<Expectation> of(List<Policy> policies, NetworkInventory inventory) {
        List<Expectation> out = new ArrayList<>();
        for (Policy p : policies) {
            Set<String> cells = inventory.resolveCells(p.scope().cells(), p.scope().nodes());
            String slice = p.scope().slice();
            for (String c : cells) {
                if (p.statement() instanceof SliceSla s && slice != null) {
                    if (s.guaranteedDlMbps() != null) {
                        out.add(new Expectation(p.policyId(), KpiView.THP_DL, c, slice, ">= " + num(s.guaranteedDlMbps()) + " Mbps",
                                Kind.AT_LEAST, s.guaranteedDlMbps(), m -> m.slice().flatMap(KpiView::dlThroughputMbps).map(f -> f.value())));
                    }
                    if (s.guaranteedUlMbps() != null) {
                        out.add(new Expectation(p.policyId(), KpiView.THP_UL, c, slice, ">= " + num(s.guaranteedUlMbps()) + " Mbps",
                                Kind.AT_LEAST, s.guaranteedUlMbps(), m -> m.slice().flatMap(KpiView::ulThroughputMbps).map(f -> f.value())));
                    }
                    if (s.maxDlLatencyMs() != null) {
                        out.add(new Expectation(p.policyId(), KpiView.DELAY_DL, c, slice, "<= " + num(s.maxDlLatencyMs()) + " ms",
                                Kind.AT_MOST, s.maxDlLatencyMs(), m -> m.slice().flatMap(KpiView::dlLatencyMs).map(f -> f.value())));
                    }
                    if (s.maxPacketLossPct() != null) {
                        out.add(new Expectation(p.policyId(), KpiView.DROP_DL, c, slice, "<= " + num(s.maxPacketLossPct()) + " %",
                                Kind.AT_MOST, s.maxPacketLossPct(), m -> m.slice().flatMap(KpiView::dlLossPct).map(f -> f.value())));
                    }
                } else if (p.statement() instanceof PrbQuota q && slice != null && q.maxPrbPct() != null) {
                    // a cap is kept when the slice's share of the cell's PRBs stays under it (2 points of slack for averaging)
                    out.add(new Expectation(p.policyId(), KpiView.PRB_USED_DL + " share", c, slice, "<= " + num(q.maxPrbPct()) + " %",
                            Kind.AT_MOST, q.maxPrbPct() + 2, m -> share(m)));
                } else if (p.statement() instanceof TxPower t && t.maxTxPowerDbm() != null) {
                    out.add(new Expectation(p.policyId(), KpiView.TX_POWER, c, null, "= " + num(t.maxTxPowerDbm()) + " dBm",
                            Kind.ABOUT, t.maxTxPowerDbm(), m -> m.cell().flatMap(k -> k.get(KpiView.TX_POWER)).map(s -> s.last())));
                }
            }
        }
        return out;
    }

    private static Optional<Double> share(Measurements m) {
        Optional<Double> used = m.slice().flatMap(k -> k.get(KpiView.PRB_USED_DL)).map(s -> s.mean());
        Optional<Double> avail = m.cell().flatMap(k -> k.get(KpiView.PRB_AVAIL_DL)).map(s -> s.mean());
        if (used.isPresent() && avail.isPresent() && avail.get() > 0) {
            return Optional.of(100 * used.get() / avail.get());
        }
        return Optional.empty();
    }

    /** Measures every expectation once (one KPI query per cell and slice). */
    public static Measurements measure(KpiSource kpis, String cell, String slice, Duration window) {
        return new Measurements(kpis.cell(cell, window), slice == null ? Optional.empty() : kpis.slice(cell, slice, window));
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
