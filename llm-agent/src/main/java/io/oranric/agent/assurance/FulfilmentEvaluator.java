package io.oranric.agent.assurance;

import io.oranric.agent.kpi.KpiSource;
import io.oranric.contract.v1.Expectation;
import io.oranric.contract.v1.Fulfilment;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges an intent from its expectations and the KPIs of the window: FULFILLED when every measured
 * expectation is met, NOT_FULFILLED when none is, DEGRADED in between. Expectations without data in
 * the window are reported (measured NaN, not met) but do not decide the status; with no data at all
 * the status stays UNSPECIFIED rather than guessing.
 */
public final class FulfilmentEvaluator {

    /** The report and, per expectation, the measurement (empty without data). */
    public record Evaluation(Fulfilment fulfilment, List<Expectations.Expectation> expectations, List<Optional<Double>> measured) {
    }

    private FulfilmentEvaluator() {
    }

    public static Evaluation evaluate(List<Expectations.Expectation> expectations, KpiSource kpis, Duration window, Instant now) {
        Map<String, Expectations.Measurements> cache = new HashMap<>();
        Fulfilment.Builder f = Fulfilment.newBuilder().setEvaluatedNs(now.getEpochSecond() * 1_000_000_000L + now.getNano());
        int measuredCount = 0;
        int metCount = 0;
        List<Optional<Double>> values = new java.util.ArrayList<>();
        for (Expectations.Expectation e : expectations) {
            Expectations.Measurements m = cache.computeIfAbsent(e.scope(), k -> Expectations.measure(kpis, e.cell(), e.slice(), window));
            Optional<Double> v = e.measure().apply(m);
            values.add(v);
            boolean met = v.isPresent() && e.met(v.get());
            if (v.isPresent()) {
                measuredCount++;
                if (met) {
                    metCount++;
                }
            }
            f.addExpectations(Expectation.newBuilder().setKpi(e.kpi()).setScope(e.scope()).setTarget(e.target())
                    .setMeasured(v.orElse(Double.NaN)).setMet(met));
        }
        Fulfilment.Status status;
        if (measuredCount == 0) {
            status = Fulfilment.Status.STATUS_UNSPECIFIED;
        } else if (metCount == measuredCount) {
            status = Fulfilment.Status.STATUS_FULFILLED;
        } else if (metCount == 0) {
            status = Fulfilment.Status.STATUS_NOT_FULFILLED;
        } else {
            status = Fulfilment.Status.STATUS_DEGRADED;
        }
        return new Evaluation(f.setStatus(status).build(), expectations, values);
    }
}
