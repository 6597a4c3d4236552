package io.oranric.agent.experience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.oranric.agent.assurance.FulfilmentEvaluator;
import io.oranric.agent.assurance.IntentAssurance;
import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.kpi.KpiSource;
import io.oranric.agent.kpi.KpiView;
import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.ExperienceRecord;
import io.oranric.contract.v1.Fulfilment;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's experience: for every activated intent, (context, intent, policies, measured
 * outcome) on {@code ric.experience} (compacted by intent id) with an all-MiniLM-L6-v2 embedding of
 * the text, rebuilt into memory on start. {@link #similar} finds what worked (or did not) for
 * intents like a new one: LLM translators read it in their prompt ({@link #promptLines}), the offline
 * translator's confidence takes it as a prior ({@link ExperiencePrior}).
 *
 * <p>It listens to the agent (activation: record the context and policies) and to assurance (each
 * report: the latest outcome and how often the intent was fulfilled).
 */
public final class ExperienceStore implements IntentAgent.Listener, IntentAssurance.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExperienceStore.class);
    private static final ObjectMapper M = new ObjectMapper();
    public static final String MODEL = "all-MiniLM-L6-v2";

    /** A past intent and how close its text is to the one asked about (cosine similarity, -1..1). */
    public record Match(ExperienceRecord record, double score) {
        public Fulfilment.Status outcome() {
            return record.hasOutcome() ? record.getOutcome().getStatus() : Fulfilment.Status.STATUS_UNSPECIFIED;
        }
    }

    private final Supplier<EmbeddingModel> model;
    private final RicProducer producer;
    private final TopicConsumer<ExperienceRecord> follower;
    private final KpiSource kpis;
    private final Clock clock;
    private final Map<String, ExperienceRecord> records = new ConcurrentHashMap<>();
    private volatile EmbeddingModel loaded;

    private ExperienceStore(Supplier<EmbeddingModel> model, KafkaSettings settings, RicProducer producer, KpiSource kpis, Clock clock) {
        this.model = model;
        this.producer = producer;
        this.kpis = kpis == null ? KpiSource.NONE : kpis;
        this.clock = clock;
        this.follower = settings == null ? null : TopicConsumer.start(settings, TopicConsumer.Options.replay(RicTopic.RIC_EXPERIENCE),
                batch -> {
                    for (ConsumerRecord<String, ExperienceRecord> r : batch) {
                        if (r.value() == null) {
                            records.remove(r.key());
                        } else {
                            records.merge(r.key(), r.value(), (old, now) -> old.getUpdatedNs() > now.getUpdatedNs() ? old : now);
                        }
                    }
                    return CompletableFuture.completedFuture(null);
                });
    }

    /** On {@code ric.experience}; waits until the topic is replayed. */
    public static ExperienceStore open(KafkaSettings settings, RicProducer producer, Supplier<EmbeddingModel> model, KpiSource kpis,
                                       Clock clock, Duration replayTimeout) {
        ExperienceStore s = new ExperienceStore(model, settings, producer, kpis, clock);
        try {
            s.follower.caughtUp().get(replayTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            s.close();
            throw new IllegalStateException("could not replay " + RicTopic.RIC_EXPERIENCE.topicName() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.close();
            throw new IllegalStateException("interrupted", e);
        }
        return s;
    }

    /** In memory only (tests, a CLI run). */
    public static ExperienceStore memory(Supplier<EmbeddingModel> model, KpiSource kpis, Clock clock) {
        return new ExperienceStore(model, null, null, kpis, clock);
    }

    public int size() {
        return records.size();
    }

    public Optional<ExperienceRecord> get(String intentId) {
        return Optional.ofNullable(records.get(intentId));
    }

    // ------------------------------------------------------------------ recording

    @Override
    public void activated(IntentRecord record, List<Policy> policies) {
        try {
            remember(record.getIntentId(), record.getText(), record.getTranslator(), policies);
        } catch (RuntimeException e) {
            LOG.warn("experience of {} not recorded: {}", record.getIntentId(), e.toString());
        }
    }

    /** Records an activated intent with the context it was decided in. */
    public ExperienceRecord remember(String intentId, String text, String translator, List<Policy> policies) {
        ExperienceRecord old = records.get(intentId);
        ExperienceRecord.Builder b = old != null ? old.toBuilder() : ExperienceRecord.newBuilder().setIntentId(intentId)
                .setCreatedNs(nanos(clock.instant()));
        b.setText(text).setTranslator(translator).clearPolicyJson();
        policies.forEach(p -> b.addPolicyJson(PolicyJson.toNode(p).toString()));
        b.setContextJson(context(policies).toString());
        if (old == null || old.getEmbeddingCount() == 0) {
            b.clearEmbedding().addAllEmbedding(embed(text).vectorAsList()).setEmbeddingModel(MODEL);
        }
        return save(b.setUpdatedNs(nanos(clock.instant())).build());
    }

    @Override
    public void reported(IntentRecord record, List<Policy> policies, FulfilmentEvaluator.Evaluation evaluation) {
        Fulfilment f = evaluation.fulfilment();
        if (f.getStatus() == Fulfilment.Status.STATUS_UNSPECIFIED) {
            return;
        }
        ExperienceRecord old = records.get(record.getIntentId());
        if (old == null) {
            old = remember(record.getIntentId(), record.getText(), record.getTranslator(), policies);
        }
        ExperienceRecord.Builder b = old.toBuilder().setOutcome(f).setEvaluations(old.getEvaluations() + 1)
                .setFulfilledEvaluations(old.getFulfilledEvaluations() + (f.getStatus() == Fulfilment.Status.STATUS_FULFILLED ? 1 : 0));
        if (!policies.isEmpty()) {
            b.clearPolicyJson();
            policies.forEach(p -> b.addPolicyJson(PolicyJson.toNode(p).toString()));
        }
        save(b.setUpdatedNs(nanos(clock.instant())).build());
    }

    private ExperienceRecord save(ExperienceRecord r) {
        records.put(r.getIntentId(), r);
        if (producer != null) {
            producer.send(RicTopic.RIC_EXPERIENCE, r.getIntentId(), r).whenComplete((md, err) -> {
                if (err != null) {
                    LOG.warn("experience of {} not written to {}: {}", r.getIntentId(), RicTopic.RIC_EXPERIENCE.topicName(), err.toString());
                }
            });
        }
        return r;
    }

    /** The KPIs of the cells the policies touch, as they were at activation, and the time of day. */
    private ObjectNode context(List<Policy> policies) {
        ObjectNode n = M.createObjectNode();
        n.put("at", clock.instant().toString());
        ArrayNode cells = n.putArray("kpis");
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (Policy p : policies) {
            seen.addAll(p.scope().cells());
        }
        for (String c : seen) {
            try {
                kpis.cell(c, Duration.ofSeconds(60)).ifPresent(k -> {
                    ObjectNode o = KpiView.json(k);
                    o.remove("measurements");
                    cells.add(o);
                });
            } catch (RuntimeException e) {
                // context is a help, not a must
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ retrieval

    /** Past intents most like {@code text}, best first, at least {@code minScore} similar. */
    public List<Match> similar(String text, int k, double minScore) {
        if (records.isEmpty() || text == null || text.isBlank()) {
            return List.of();
        }
        float[] q = embed(text).vector();
        List<Match> out = new ArrayList<>();
        for (ExperienceRecord r : records.values()) {
            if (r.getEmbeddingCount() != q.length) {
                continue;
            }
            double s = cosine(q, r);
            if (s >= minScore) {
                out.add(new Match(r, s));
            }
        }
        out.sort(Comparator.comparingDouble(Match::score).reversed());
        return out.size() > k ? out.subList(0, k) : out;
    }

    /** For an LLM's prompt: "<intent>" -> policies -> outcome, for the most similar past intents with a measured outcome. */
    public List<String> promptLines(String text) {
        List<String> lines = new ArrayList<>();
        for (Match m : similar(text, 3, 0.6)) {
            ExperienceRecord r = m.record();
            if (m.outcome() == Fulfilment.Status.STATUS_UNSPECIFIED) {
                continue;
            }
            List<String> ps = new ArrayList<>();
            for (String p : r.getPolicyJsonList()) {
                ps.add(compact(p));
            }
            lines.add(String.format(java.util.Locale.ROOT, "\"%s\" -> %s -> %s (%d of %d reports fulfilled; similarity %.2f)",
                    r.getText().replace('"', '\''), String.join("; ", ps), m.outcome().name().replace("STATUS_", ""),
                    r.getFulfilledEvaluations(), r.getEvaluations(), m.score()));
        }
        return lines;
    }

    private static String compact(String policyJson) {
        try {
            JsonNode n = M.readTree(policyJson);
            return n.path("type").asText() + " " + n.path("statement") + (n.path("scope").isEmpty() ? "" : " on " + n.path("scope"));
        } catch (Exception e) {
            return policyJson;
        }
    }

    private Embedding embed(String text) {
        EmbeddingModel m = loaded;
        if (m == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = model.get();
                }
                m = loaded;
            }
        }
        return m.embed(text).content();
    }

    private static double cosine(float[] q, ExperienceRecord r) {
        double dot = 0;
        double nq = 0;
        double nr = 0;
        for (int i = 0; i < q.length; i++) {
            double b = r.getEmbedding(i);
            dot += q[i] * b;
            nq += q[i] * q[i];
            nr += b * b;
        }
        return nq == 0 || nr == 0 ? 0 : dot / Math.sqrt(nq * nr);
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.close();
        }
    }
}
