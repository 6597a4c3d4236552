package io.oranric.policies.store;

import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.contract.v1.PolicyRecord;
import io.oranric.policies.conflict.ConflictDetector;
import io.oranric.policies.lifecycle.Decision;
import io.oranric.policies.lifecycle.PolicyBook;
import io.oranric.policies.lifecycle.PolicyLifecycleException;
import io.oranric.policies.lifecycle.PolicyVersion;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.validation.PolicyValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy store. The compacted topic {@code ric.policies} is the source of truth: on start the
 * store replays it into a {@link PolicyBook} ({@link #ready()} completes at the end of the replay),
 * then follows it, so every instance on the topic converges on what the topic says.
 *
 * <p><b>One writer.</b> All changes of one store, and the records it reads back, go through one
 * thread in order: a change is decided on the current book, written to Kafka (acknowledged by the
 * broker) and only then applied, so a failed write changes nothing. Before deciding, a change waits
 * until this store has applied the topic up to its current end, so it never decides on a book older
 * than what other instances had written by then. Across processes the design still assumes one
 * writing instance (the one serving the REST API), with read-only followers ({@link #follow}) in the
 * other services: two writers converge (each record carries a whole history and every instance
 * applies the log in order) but two changes of one policy decided at the same moment would leave
 * the later write standing, not both.
 *
 * <p><b>Deletion</b> writes a last record in which every PROPOSED or ACTIVE version is SUPERSEDED
 * ("deleted by ..."), then a tombstone: followers that only read the status stop enforcing the
 * policy, compaction removes the key, and the audit log keeps the history. The id may be used again
 * afterwards; its versions then start again at 1.
 *
 * <p><b>Time.</b> Expiry and "in effect" come from the injected {@link Clock}. A periodic sweep on the
 * writer thread moves policies whose validity has ended to EXPIRED; a daily window does not expire a
 * policy, it stays ACTIVE and is {@linkplain #inEffect(Instant) in effect} only inside the window,
 * read in the network's time zone.
 */
public final class PolicyStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);
    /** Actor of the store's own changes (expiry). */
    public static final String SYSTEM = "policy-store";

    /**
     * @param autoApprove whether an accepted submission becomes ACTIVE at once instead of PROPOSED
     * @param sweepEvery  period of the expiry sweep; null or zero for none (tests call {@link #sweepExpired()})
     * @param writeTimeout how long a change may wait for the broker's acknowledgement
     */
    public record Options(boolean autoApprove, Duration sweepEvery, Clock clock, Duration writeTimeout) {
        public Options {
            clock = clock == null ? Clock.systemUTC() : clock;
            writeTimeout = writeTimeout == null ? Duration.ofSeconds(15) : writeTimeout;
        }

        public static Options defaults() {
            return new Options(false, Duration.ofSeconds(10), Clock.systemUTC(), null);
        }

        public Options withAutoApprove(boolean on) {
            return new Options(on, sweepEvery, clock, writeTimeout);
        }

        public Options withClock(Clock c) {
            return new Options(autoApprove, sweepEvery, c, writeTimeout);
        }

        public Options withSweepEvery(Duration d) {
            return new Options(autoApprove, d, clock, writeTimeout);
        }
    }

    private final PolicyValidator validator;
    private final ConflictDetector detector;
    private final Options options;
    private final RicProducer producer;
    private final Admin admin;
    private final ScheduledThreadPoolExecutor writer;
    private final TopicConsumer<PolicyRecord> follower;
    private final CompletableFuture<Void> ready;
    private final ScheduledFuture<?> sweep;

    /** Replaced only on the writer thread; read from any thread. */
    private volatile PolicyBook book;
    private final Map<String, StoredPolicy> stored = new ConcurrentHashMap<>();
    /** Offset of the newest record applied per key (writer thread only): skips the echo of our own writes. */
    private final Map<String, Long> applied = new HashMap<>();
    /** Newest offset seen per partition, read or written (writer thread only). */
    private final Map<Integer, Long> seen = new HashMap<>();
    /** Changes waiting for this store to reach the topic's end (writer thread only). */
    private final List<CatchUp> catchUps = new ArrayList<>();
    private volatile List<TopicPartition> partitions;

    private record CatchUp(Map<Integer, Long> ends, CompletableFuture<Void> done) {
    }

    private PolicyStore(KafkaSettings settings, PolicyValidator validator, Options options, RicProducer producer) {
        this.validator = Objects.requireNonNull(validator);
        this.detector = new ConflictDetector(validator.inventory());
        this.options = Objects.requireNonNull(options);
        this.producer = producer;
        this.admin = producer == null ? null : Admin.create(settings.toProperties());
        this.book = PolicyBook.empty(validator);
        this.writer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "policy-store-writer");
            t.setDaemon(true);
            return t;
        });
        this.writer.setRemoveOnCancelPolicy(true);
        this.follower = TopicConsumer.start(settings, TopicConsumer.Options.replay(RicTopic.RIC_POLICIES),
                batch -> CompletableFuture.runAsync(() -> applyFromTopic(batch), writer));
        this.ready = follower.caughtUp().thenRun(() -> LOG.info("policy store ready: {} policies from {}",
                stored.size(), RicTopic.RIC_POLICIES.topicName()));
        Duration every = options.sweepEvery();
        if (producer != null && every != null && !every.isZero() && !every.isNegative()) {
            this.sweep = writer.scheduleWithFixedDelay(this::sweepQuietly, every.toMillis(), every.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            this.sweep = null;
        }
    }

    /**
     * The writing store: rebuilds from the topic, then takes changes. Wait for {@link #ready()} before
     * serving (operations issued earlier are queued behind the replay).
     */
    public static PolicyStore open(KafkaSettings settings, PolicyValidator validator, Options options) {
        return new PolicyStore(settings, validator, options, RicProducer.create(settings, "policy-store"));
    }

    /** A read-only follower of the topic, for services that enforce or show policies. */
    public static PolicyStore follow(KafkaSettings settings, PolicyValidator validator, Clock clock) {
        return new PolicyStore(settings, validator, Options.defaults().withClock(clock).withSweepEvery(null), null);
    }

    /** Completes once the replay of the topic is applied. */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    // ------------------------------------------------------------------ queries (any thread)

    public Optional<StoredPolicy> get(String policyId) {
        return Optional.ofNullable(stored.get(policyId));
    }

    /** Every stored policy, by id. */
    public List<StoredPolicy> list() {
        List<StoredPolicy> all = new ArrayList<>(stored.values());
        all.sort(Comparator.comparing(StoredPolicy::policyId));
        return all;
    }

    public List<StoredPolicy> list(PolicyStatus currentStatus) {
        return list().stream().filter(s -> s.current().status() == currentStatus).toList();
    }

    /** ACTIVE policies whose validity, daily window included, covers {@code now}: what xApps enforce. */
    public List<Policy> inEffect(Instant now) {
        return book.inEffectAt(now);
    }

    public boolean inEffect(String policyId, Instant now) {
        StoredPolicy s = stored.get(policyId);
        return s != null && s.inEffect(now, zone());
    }

    public Instant now() {
        return options.clock().instant();
    }

    public ZoneId zone() {
        return validator.inventory().zone();
    }

    public PolicyValidator validator() {
        return validator;
    }

    public boolean autoApprove() {
        return options.autoApprove();
    }

    // ------------------------------------------------------------------ changes

    /**
     * Submits a policy: a new one (an id is assigned when it has none) or a new version of an existing
     * one. See {@link PolicyOps#submit} for the decision; nothing of the request's status or version
     * is taken over.
     */
    public CompletableFuture<StoreResult> submit(Policy policy, String actor) {
        return submit(policy, actor, false);
    }

    /** As {@link #submit}, but the id (if given) must be new. */
    public CompletableFuture<StoreResult> create(Policy policy, String actor) {
        return submit(policy, actor, true);
    }

    private CompletableFuture<StoreResult> submit(Policy policy, String actor, boolean mustBeNew) {
        return change(() -> {
            Policy p = policy;
            if (p.policyId() == null || p.policyId().isBlank()) {
                p = p.withIds(newId(), p.intentId());
            } else if (mustBeNew && stored.containsKey(p.policyId())) {
                throw new StoreException(StoreException.Kind.ALREADY_EXISTS, "policy " + p.policyId()
                        + " exists; send a new version with PUT /a1-p/policytypes/" + p.type().wireName() + "/policies/"
                        + p.policyId());
            }
            boolean created = !stored.containsKey(p.policyId());
            Decision d = PolicyOps.submit(book, detector, p, options.autoApprove(), now());
            return commit(actor, created ? "create" : "update", d, created);
        });
    }

    /** PROPOSED -> ACTIVE, if the proposal is still within the envelope and wins its conflicts. */
    public CompletableFuture<StoreResult> activate(String policyId, String actor) {
        return change(() -> commit(actor, "activate", book.activate(known(policyId), now()), false));
    }

    /** Operator refusal of a pending proposal. */
    public CompletableFuture<StoreResult> reject(String policyId, String reason, String actor) {
        return change(() -> commit(actor, "reject", book.reject(known(policyId),
                reason == null || reason.isBlank() ? "rejected by " + actor : reason), false));
    }

    /** Restores the previous version that was in force, as a new version checked like any other. */
    public CompletableFuture<StoreResult> rollback(String policyId, String actor) {
        return change(() -> commit(actor, "rollback", book.rollback(known(policyId), now()), false));
    }

    /** Deletes a policy (see the class comment); completes with its last state. */
    public CompletableFuture<StoredPolicy> delete(String policyId, String actor) {
        return change(() -> {
            StoredPolicy before = stored.get(known(policyId));
            List<PolicyVersion> last = PolicyOps.deletedHistory(before.history(), "deleted by " + actor);
            long t = nanos(now());
            StoredPolicy deleted = new StoredPolicy(policyId, last, t, actor);
            PolicyRecord lastRecord = PolicyRecords.encode(last, t, actor);
            CompletableFuture<RecordMetadata> lastSent = producer.send(RicTopic.RIC_POLICIES, policyId, lastRecord);
            CompletableFuture<RecordMetadata> tombstone = producer.tombstone(RicTopic.RIC_POLICIES, policyId);
            await(lastSent);
            RecordMetadata md = await(tombstone);
            see(md.partition(), md.offset());
            applied.put(policyId, md.offset());
            stored.remove(policyId);
            book = book.withHistory(policyId, List.of());
            audit(AuditEvents.of(actor, t, "delete", null, List.of(), List.of(), List.of(),
                    List.of(new AuditEvents.Change(policyId, before, null))));
            return deleted;
        });
    }

    /** Moves every policy whose validity has ended to EXPIRED; completes with those policies. */
    public CompletableFuture<List<Policy>> sweepExpired() {
        return change(this::sweepNow);
    }

    private List<Policy> sweepNow() {
        PolicyBook.ExpiryResult r = book.expire(now());
        if (r.expired().isEmpty()) {
            return List.of();
        }
        commitBook(SYSTEM, "expire", r.book(), null, null);
        return r.expired();
    }

    private void sweepQuietly() {
        if (!ready.isDone() || ready.isCompletedExceptionally()) {
            return;
        }
        try {
            List<Policy> expired = sweepNow();
            if (!expired.isEmpty()) {
                LOG.info("expired {}", expired.stream().map(Policy::label).toList());
            }
        } catch (RuntimeException e) {
            LOG.warn("expiry sweep failed (retried next period): {}", e.toString());
        }
    }

    // ------------------------------------------------------------------ writer thread

    /** Runs a change on the writer thread once the store is ready; lifecycle refusals become StoreExceptions. */
    private <T> CompletableFuture<T> change(Supplier<T> body) {
        if (producer == null) {
            return CompletableFuture.failedFuture(new StoreException(StoreException.Kind.READ_ONLY,
                    "this policy store only follows " + RicTopic.RIC_POLICIES.topicName()));
        }
        if (writer.isShutdown()) {
            return CompletableFuture.failedFuture(new StoreException(StoreException.Kind.NOT_READY, "policy store closed"));
        }
        return ready.thenCompose(v -> caughtUpWithTopic()).thenApplyAsync(v -> {
            try {
                return body.get();
            } catch (PolicyLifecycleException e) {
                throw new StoreException(StoreException.Kind.ILLEGAL_STATE, e.getMessage(), e);
            }
        }, writer);
    }

    /** Completes once this store has applied every record the topic held when it was called. */
    private CompletableFuture<Void> caughtUpWithTopic() {
        return endOffsets().thenCompose(ends -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            writer.execute(() -> {
                catchUps.add(new CatchUp(ends, done));
                releaseCatchUps();
            });
            return done.orTimeout(options.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }).exceptionally(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot reach the end of "
                    + RicTopic.RIC_POLICIES.topicName() + ": " + cause, cause);
        });
    }

    private CompletableFuture<Map<Integer, Long>> endOffsets() {
        CompletableFuture<List<TopicPartition>> parts = partitions != null
                ? CompletableFuture.completedFuture(partitions)
                : admin.describeTopics(List.of(RicTopic.RIC_POLICIES.topicName())).allTopicNames().toCompletionStage()
                        .toCompletableFuture().thenApply(d -> {
                            List<TopicPartition> ps = d.get(RicTopic.RIC_POLICIES.topicName()).partitions().stream()
                                    .map(i -> new TopicPartition(RicTopic.RIC_POLICIES.topicName(), i.partition())).toList();
                            partitions = ps;
                            return ps;
                        });
        return parts.thenCompose(ps -> {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            ps.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().toCompletionStage().toCompletableFuture();
        }).thenApply(infos -> {
            Map<Integer, Long> ends = new HashMap<>();
            infos.forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
            return ends;
        });
    }

    private void see(int partition, long offset) {
        seen.merge(partition, offset, Math::max);
    }

    private void releaseCatchUps() {
        catchUps.removeIf(c -> {
            if (c.done().isDone()) {
                return true; // timed out
            }
            for (var e : c.ends().entrySet()) {
                if (seen.getOrDefault(e.getKey(), -1L) < e.getValue() - 1) {
                    return false;
                }
            }
            c.done().complete(null);
            return true;
        });
    }

    private String known(String policyId) {
        if (policyId == null || !stored.containsKey(policyId)) {
            throw new StoreException(StoreException.Kind.NOT_FOUND, "no policy " + policyId);
        }
        return policyId;
    }

    private StoreResult commit(String actor, String operation, Decision d, boolean created) {
        List<String> superseded = commitBook(actor, operation, d.book(), d, d.policy());
        String id = d.policy().policyId();
        return new StoreResult(d.policy(), d.violations(), d.conflicts(), d.losses(), superseded, stored.get(id), created);
    }

    /**
     * Writes the record of every policy whose history differs between the current book and
     * {@code after}, waits for the broker, then applies {@code after}. Returns the other policies that
     * left ACTIVE.
     */
    private List<String> commitBook(String actor, String operation, PolicyBook after, Decision d, Policy decided) {
        PolicyBook before = book;
        Set<String> ids = new LinkedHashSet<>(after.policyIds());
        ids.addAll(before.policyIds());
        long t = nanos(now());
        Map<String, StoredPolicy> changed = new LinkedHashMap<>();
        for (String id : ids) {
            List<PolicyVersion> h = after.history(id);
            if (!h.equals(before.history(id)) && !h.isEmpty()) {
                changed.put(id, new StoredPolicy(id, h, t, actor));
            }
        }
        Map<String, CompletableFuture<RecordMetadata>> sends = new LinkedHashMap<>();
        changed.forEach((id, s) -> sends.put(id, producer.send(RicTopic.RIC_POLICIES, id,
                PolicyRecords.encode(s.history(), t, actor))));
        Map<String, RecordMetadata> acks = new LinkedHashMap<>();
        for (var e : sends.entrySet()) {
            acks.put(e.getKey(), await(e.getValue()));
        }
        List<AuditEvents.Change> changes = new ArrayList<>();
        List<String> superseded = new ArrayList<>();
        acks.values().forEach(md -> see(md.partition(), md.offset()));
        releaseCatchUps();
        for (var e : changed.entrySet()) {
            StoredPolicy prev = stored.put(e.getKey(), e.getValue());
            applied.put(e.getKey(), acks.get(e.getKey()).offset());
            changes.add(new AuditEvents.Change(e.getKey(), prev, e.getValue()));
            if (decided != null && !e.getKey().equals(decided.policyId()) && prev != null
                    && prev.current().status() == PolicyStatus.ACTIVE && e.getValue().current().status() != PolicyStatus.ACTIVE) {
                superseded.add(e.getKey());
            }
        }
        book = after;
        audit(AuditEvents.of(actor, t, operation, decided, d == null ? List.of() : d.violations(),
                d == null ? List.of() : d.conflicts(), d == null ? List.of() : d.losses(), changes));
        return superseded;
    }

    /**
     * The audit log is a record of what happened, not part of the change: a change the broker took
     * is not undone because its audit event failed, which is logged instead.
     */
    private void audit(List<AuditEvent> events) {
        for (AuditEvent e : events) {
            producer.send(RicTopic.RIC_AUDIT, AuditEvents.key(e), e).whenComplete((md, err) -> {
                if (err != null) {
                    LOG.error("audit event lost ({}): {}", err.toString(), e.getSummary());
                }
            });
        }
    }

    private RecordMetadata await(CompletableFuture<RecordMetadata> f) {
        try {
            return f.get(options.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "Kafka did not take the change: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "interrupted while writing", e);
        }
    }

    private void applyFromTopic(List<ConsumerRecord<String, PolicyRecord>> batch) {
        for (ConsumerRecord<String, PolicyRecord> r : batch) {
            see(r.partition(), r.offset());
            String id = r.key();
            Long known = applied.get(id);
            if (id == null || known != null && r.offset() <= known) {
                continue;
            }
            applied.put(id, r.offset());
            if (r.value() == null) {
                stored.remove(id);
                book = book.withHistory(id, List.of());
                continue;
            }
            try {
                List<PolicyVersion> h = PolicyRecords.decode(id, r.value());
                book = book.withHistory(id, h);
                stored.put(id, new StoredPolicy(id, h, r.value().getUpdatedNs(), r.value().getUpdatedBy()));
            } catch (RuntimeException e) {
                // A record this store cannot read (a newer schema, a broken writer) must not stop the
                // others; the policy keeps its last readable state here and the error says why.
                LOG.error("skipping unreadable record of policy {} at offset {}: {}", id, r.offset(), e.getMessage());
            }
        }
        releaseCatchUps();
    }

    private String newId() {
        String id;
        do {
            id = "p-" + UUID.randomUUID().toString().substring(0, 8);
        } while (stored.containsKey(id));
        return id;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public void close() {
        if (sweep != null) {
            sweep.cancel(false);
        }
        follower.close();
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close();
            admin.close(Duration.ofSeconds(5));
        }
    }
}
