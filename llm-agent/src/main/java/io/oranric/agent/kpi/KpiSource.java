package io.oranric.agent.kpi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live KPIs for the agent's tools and for intent assurance: rolling aggregates per cell and per
 * cell slice, in the TS 28.552 names and units the E2 side delivers (see {@link KpiView} for the
 * operator's units). Implementations: the agent's own window over {@code e2.kpm} ({@link StreamKpis}),
 * the KPM monitor xApp in the same process ({@link QueryKpis}) or over HTTP ({@link HttpKpis}).
 */
public interface KpiSource {

    /** Statistics of one measurement over the window. */
    record Stat(double last, double mean, double p95, double min, double max, int count) {
    }

    /**
     * @param slice  null for the cell level
     * @param window the window the statistics cover (the source's own when it cannot choose)
     */
    record Kpis(String cell, String slice, Map<String, Stat> metrics, Duration window) {
        public Kpis {
            metrics = Map.copyOf(metrics);
        }

        public Optional<Stat> get(String name) {
            return Optional.ofNullable(metrics.get(name));
        }
    }

    /** Cell-level KPIs of every cell that reported within the window. */
    List<Kpis> cells(Duration window);

    Optional<Kpis> cell(String cell, Duration window);

    /** @param slice a slice name (embb, urllc, miot) */
    Optional<Kpis> slice(String cell, String slice, Duration window);

    /** Where the numbers come from, for tool results and reports. */
    String describe();

    /** No KPIs at all (an agent started without Kafka or monitor). */
    KpiSource NONE = new KpiSource() {
        @Override
        public List<Kpis> cells(Duration window) {
            return List.of();
        }

        @Override
        public Optional<Kpis> cell(String cell, Duration window) {
            return Optional.empty();
        }

        @Override
        public Optional<Kpis> slice(String cell, String slice, Duration window) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "no KPI source configured";
        }
    };
}
