package io.oranric.agent.assurance;

import io.oranric.agent.kpi.KpiView;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.validation.CellInfo;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to change when an intent stays unfulfilled: for a slice whose SLA is missed in a cell, raise
 * the slice's PRB floor there (and, for latency and loss, dedicate half of it), by 10 points or 15
 * when far off, within what the cell's other slices leave and at most 80 %. The raise becomes a new
 * version of the intent's own PrbQuota for that cell and slice when it has one, else of the intent's
 * adjustment policy {@code p-<intent>-adj-<cell>-<slice>}: an update, never a second policy fighting
 * the first. Pure; the proposal goes through the validator here and the store's checks afterwards.
 */
public final class Adjuster {

    /** One proposed change and why; {@code policy} null when nothing can be raised (the reason says why). */
    public record Adjustment(String cell, String slice, Policy policy, String reason) {
    }

    static final double STEP = 10;
    static final double BIG_STEP = 15;
    static final double CEILING = 80;

    private Adjuster() {
    }

    /**
     * @param intentPolicies the intent's ACTIVE policies
     * @param inForce        every ACTIVE policy (other intents' floors count against the cell budget)
     */
    public static List<Adjustment> propose(String intentId, FulfilmentEvaluator.Evaluation e, List<Policy> intentPolicies,
                                           List<Policy> inForce, PolicyValidator validator) {
        NetworkInventory inv = validator.inventory();
        Map<String, Double> worst = new LinkedHashMap<>();
        Map<String, Boolean> latency = new LinkedHashMap<>();
        Map<String, Expectations.Expectation> first = new LinkedHashMap<>();
        for (int i = 0; i < e.expectations().size(); i++) {
            Expectations.Expectation x = e.expectations().get(i);
            Optional<Double> v = e.measured().get(i);
            if (x.slice() == null || v.isEmpty() || x.met(v.get()) || !isSla(x.kpi())) {
                continue;
            }
            String key = x.cell() + "/" + x.slice();
            worst.merge(key, x.shortfall(v.get()), Math::max);
            latency.merge(key, x.kpi().equals(KpiView.DELAY_DL) || x.kpi().equals(KpiView.DROP_DL), Boolean::logicalOr);
            first.putIfAbsent(key, x);
        }
        List<Adjustment> out = new ArrayList<>();
        for (Map.Entry<String, Double> w : worst.entrySet()) {
            Expectations.Expectation x = first.get(w.getKey());
            String cell = x.cell();
            String slice = x.slice();
            Policy own = intentPolicies.stream().filter(p -> p.statement() instanceof PrbQuota && covers(p, cell, slice, inv))
                    .filter(p -> p.scope().cells().equals(List.of(cell)) || p.policyId().contains("-adj-")).findFirst().orElse(null);
            double floor = floorOf(cell, slice, inForce, inv);
            if (floor <= 0) {
                floor = estimate(cell, slice, intentPolicies, inv);
            }
            double others = 0;
            for (Policy p : inForce) {
                if (p.statement() instanceof PrbQuota q && q.minPrbPct() != null && p.scope().slice() != null
                        && !p.scope().slice().equals(slice) && covers(p, cell, p.scope().slice(), inv)) {
                    others += q.minPrbPct();
                }
            }
            double budget = Math.min(CEILING, validator.envelope().maxCellMinPrbSumPct() - others);
            double target = Math.min(budget, Math.ceil(floor + (w.getValue() > 0.5 ? BIG_STEP : STEP)));
            if (target <= floor) {
                out.add(new Adjustment(cell, slice, null, "the " + slice + " floor in " + cell + " is " + fmt(floor)
                        + " % and cannot rise: other slices hold " + fmt(others) + " % of the cell, the ceiling is "
                        + fmt(CEILING) + " %"));
                continue;
            }
            PrbQuota base = own != null ? (PrbQuota) own.statement() : null;
            Double baseMax = base == null ? null : base.maxPrbPct();
            Double max = baseMax != null && baseMax < target ? Double.valueOf(target) : baseMax;
            Double dedicated = latency.get(w.getKey()) ? Double.valueOf(Math.floor(target / 2)) : base == null ? null : base.dedicatedPrbPct();
            PrbQuota raised = new PrbQuota(target, max, dedicated);
            Policy p = own != null
                    ? new Policy(own.policyId(), raised, own.scope(), own.priority(), own.validity(), intentId, PolicyStatus.PROPOSED, own.version() + 1)
                    : new Policy(intentId.replaceFirst("^i-", "p-") + "-adj-" + cell + "-" + slice, raised, Scope.of(List.of(cell), slice),
                            slaPriority(intentPolicies, cell, slice, inv), null, intentId, PolicyStatus.PROPOSED, 1);
            List<Violation> v = validator.validate(p, inForce);
            String why = x.kpi() + " " + x.scope() + " misses " + x.target() + " (" + Math.round(w.getValue() * 100)
                    + " % off): raise the " + slice + " PRB floor in " + cell + " from " + fmt(floor) + " % to " + fmt(target) + " %"
                    + (dedicated != null && latency.get(w.getKey()) ? ", " + fmt(dedicated) + " % dedicated" : "");
            if (!v.isEmpty()) {
                out.add(new Adjustment(cell, slice, null, why + " - refused by the validator: " + v.get(0).message()));
            } else {
                out.add(new Adjustment(cell, slice, p, why));
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return Expectations.num(v);
    }

    private static boolean isSla(String kpi) {
        return kpi.equals(KpiView.THP_DL) || kpi.equals(KpiView.THP_UL) || kpi.equals(KpiView.DELAY_DL) || kpi.equals(KpiView.DROP_DL);
    }

    static boolean covers(Policy p, String cell, String slice, NetworkInventory inv) {
        return slice.equals(p.scope().slice()) && inv.resolveCells(p.scope().cells(), p.scope().nodes()).contains(cell);
    }

    /** The highest PRB floor any policy in force gives the slice in the cell. */
    static double floorOf(String cell, String slice, List<Policy> inForce, NetworkInventory inv) {
        double f = 0;
        for (Policy p : inForce) {
            if (p.statement() instanceof PrbQuota q && q.minPrbPct() != null && covers(p, cell, slice, inv)) {
                f = Math.max(f, q.minPrbPct());
            }
        }
        return f;
    }

    /** Without a floor in force the slice xApp started from guarantee / peak x 1.2, or 10 % for latency-only SLAs. */
    static double estimate(String cell, String slice, List<Policy> intentPolicies, NetworkInventory inv) {
        double share = 10;
        CellInfo info = inv.cells().get(cell);
        for (Policy p : intentPolicies) {
            if (p.statement() instanceof SliceSla s && covers(p, cell, slice, inv) && s.guaranteedDlMbps() != null && info != null
                    && info.peakDlMbps() > 0) {
                share = Math.max(share, 100 * s.guaranteedDlMbps() / info.peakDlMbps() * 1.2);
            }
        }
        return Math.ceil(share);
    }

    private static int slaPriority(List<Policy> intentPolicies, String cell, String slice, NetworkInventory inv) {
        return intentPolicies.stream().filter(p -> p.statement() instanceof SliceSla && covers(p, cell, slice, inv))
                .mapToInt(Policy::priority).max().orElse(Policy.DEFAULT_PRIORITY);
    }
}
