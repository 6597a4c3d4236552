package io.oranric.agent.kpi;

import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.KpmReport;
import io.oranric.xapp.sdk.KpmSample;
import io.oranric.xapp.sdk.Slices;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The agent's own rolling window over {@code e2.kpm}: cell- and slice-level series (UE series are
 * the xApps' business and would only cost memory here), kept for {@code keep} and queried over any
 * window up to it. Times are when a value arrived (the agent's clock), not the node's collection
 * time, so a simulator's model clock or a node with a wrong clock cannot empty the window.
 */
public final class StreamKpis implements KpiSource, AutoCloseable {

    private record Key(String cell, int sst, String name) {
    }

    private static final int MAX_PER_SERIES = 4096;

    private final Map<Key, Deque<long[]>> series = new HashMap<>();
    private final Clock clock;
    private final Duration keep;
    private final TopicConsumer<KpmReport> consumer;

    private StreamKpis(KafkaSettings settings, Clock clock, Duration keep) {
        this.clock = clock;
        this.keep = keep;
        this.consumer = settings == null ? null : TopicConsumer.start(settings, TopicConsumer.Options.tail(RicTopic.E2_KPM), batch -> {
            List<KpmSample> samples = new ArrayList<>();
            for (ConsumerRecord<String, KpmReport> r : batch) {
                if (r.value() != null) {
                    samples.addAll(KpmSample.of(r.value()));
                }
            }
            ingest(samples);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Follows e2.kpm from now on. */
    public static StreamKpis follow(KafkaSettings settings, Clock clock, Duration keep) {
        return new StreamKpis(settings, clock, keep);
    }

    /** Fed by the caller ({@link #ingest}): tests, or a process that already reads e2.kpm. */
    public static StreamKpis manual(Clock clock, Duration keep) {
        return new StreamKpis(null, clock, keep);
    }

    public void ingest(List<KpmSample> samples) {
        long now = nanos();
        synchronized (series) {
            for (KpmSample s : samples) {
                if (s.cellId().isEmpty() || s.isUeLevel()) {
                    continue;
                }
                Deque<long[]> d = series.computeIfAbsent(new Key(s.cellId(), s.sliceSst(), s.name()), k -> new ArrayDeque<>());
                d.addLast(new long[] {now, Double.doubleToRawLongBits(s.value())});
                while (d.size() > MAX_PER_SERIES || (!d.isEmpty() && d.peekFirst()[0] < now - keep.toNanos())) {
                    d.pollFirst();
                }
            }
        }
    }

    @Override
    public List<Kpis> cells(Duration window) {
        List<String> cells;
        synchronized (series) {
            cells = series.keySet().stream().filter(k -> k.sst() == 0).map(Key::cell).distinct().sorted().toList();
        }
        List<Kpis> out = new ArrayList<>();
        for (String c : cells) {
            cell(c, window).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<Kpis> cell(String cell, Duration window) {
        return kpis(cell, 0, null, window);
    }

    @Override
    public Optional<Kpis> slice(String cell, String slice, Duration window) {
        int sst = Slices.sst(slice);
        return sst == 0 ? Optional.empty() : kpis(cell, sst, slice, window);
    }

    private Optional<Kpis> kpis(String cell, int sst, String sliceName, Duration window) {
        Duration w = window.compareTo(keep) > 0 ? keep : window;
        long from = nanos() - w.toNanos();
        Map<String, Stat> metrics = new TreeMap<>();
        synchronized (series) {
            for (Map.Entry<Key, Deque<long[]>> e : series.entrySet()) {
                Key k = e.getKey();
                if (!k.cell().equals(cell) || k.sst() != sst) {
                    continue;
                }
                double[] values = e.getValue().stream().filter(v -> v[0] >= from)
                        .mapToDouble(v -> Double.longBitsToDouble(v[1])).toArray();
                if (values.length > 0) {
                    metrics.put(k.name(), stat(values));
                }
            }
        }
        return metrics.isEmpty() ? Optional.empty() : Optional.of(new Kpis(cell, sliceName, metrics, w));
    }

    static Stat stat(double[] values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.95 * sorted.length) - 1;
        return new Stat(values[values.length - 1], sum / values.length, sorted[Math.max(0, rank)], min, max, values.length);
    }

    @Override
    public String describe() {
        return consumer == null ? "agent KPI window" : "agent window over " + RicTopic.E2_KPM.topicName();
    }

    private long nanos() {
        var t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
