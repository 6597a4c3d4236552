package io.oranric.agent.kpi;

import io.oranric.xapp.kpm.Aggregate;
import io.oranric.xapp.kpm.KpmQuery;
import io.oranric.xapp.kpm.KpmStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The KPM monitor xApp in the same process ({@link KpmQuery}): its window (30 s by default) is what
 * every answer covers, whatever window is asked for.
 */
public final class QueryKpis implements KpiSource {

    private final KpmQuery query;
    private final Duration monitorWindow;

    public QueryKpis(KpmQuery query, Duration monitorWindow) {
        this.query = query;
        this.monitorWindow = monitorWindow;
    }

    @Override
    public List<Kpis> cells(Duration window) {
        return await(query.cells()).stream().map(c -> new Kpis(c.cell(), null, stats(c.metrics()), monitorWindow)).toList();
    }

    @Override
    public Optional<Kpis> cell(String cell, Duration window) {
        Optional<KpmStore.CellKpis> c = await(query.cell(cell));
        return c.map(x -> new Kpis(x.cell(), null, stats(x.metrics()), monitorWindow));
    }

    @Override
    public Optional<Kpis> slice(String cell, String slice, Duration window) {
        Optional<KpmStore.SliceKpis> s = await(query.slice(cell, slice));
        return s.map(x -> new Kpis(x.cell(), slice, stats(x.metrics()), monitorWindow));
    }

    @Override
    public String describe() {
        return "KPM monitor xApp (in process, " + monitorWindow.toSeconds() + " s window)";
    }

    static Map<String, Stat> stats(Map<String, Aggregate> metrics) {
        Map<String, Stat> out = new HashMap<>();
        metrics.forEach((k, a) -> out.put(k, new Stat(a.last(), a.mean(), a.p95(), a.min(), a.max(), a.count())));
        return out;
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> s) {
        try {
            return s.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the KPM monitor did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
