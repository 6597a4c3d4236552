package io.oranric.policies.store;

import static io.oranric.policies.store.StoreTesting.VALIDATOR;
import static io.oranric.policies.store.StoreTesting.auditEvent;
import static io.oranric.policies.store.StoreTesting.eventually;
import static io.oranric.policies.store.StoreTesting.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.AuditKind;
import io.oranric.contract.v1.PolicyRecord;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.lifecycle.PolicyVersion;
import io.oranric.policies.model.DailyWindow;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.model.Validity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store against a real embedded broker. The broker is shared by the tests of this class, so each
 * test keeps to cells of its own: the stores all replay the same topic.
 */
class PolicyStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaBackbone kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaBackbone.open("embedded");
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static PolicyStore open(PolicyStore.Options options) {
        PolicyStore s = PolicyStore.open(kafka.settings(), VALIDATOR, options.withSweepEvery(null));
        get(s.ready());
        return s;
    }

    private static PolicyStore open(boolean autoApprove) {
        return open(PolicyStore.Options.defaults().withAutoApprove(autoApprove));
    }

    static <T> T get(CompletableFuture<T> f) {
        try {
            return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, PolicyRecord> topic() {
        return TopicConsumer.snapshot(kafka.settings(), RicTopic.RIC_POLICIES, WAIT);
    }

    @Test
    void a_second_store_rebuilds_what_the_first_wrote() {
        Scope cell = Scope.of(List.of("cell-1"), "embb");
        String id;
        List<PolicyVersion> written;
        try (PolicyStore first = open(false)) {
            StoreResult proposed = get(first.submit(policy(null, PrbQuota.max(70), cell, 50), "operator"));
            id = proposed.decided().policyId();
            assertThat(id).startsWith("p-");
            assertThat(proposed.decided().status()).isEqualTo(PolicyStatus.PROPOSED);
            assertThat(proposed.created()).isTrue();
            assertThat(get(first.activate(id, "operator")).decided().status()).isEqualTo(PolicyStatus.ACTIVE);
            StoreResult update = get(first.submit(policy(id, PrbQuota.max(60), cell, 50), "agent"));
            assertThat(update.decided().version()).isEqualTo(2);
            assertThat(update.decided().status()).isEqualTo(PolicyStatus.PROPOSED);
            written = first.get(id).orElseThrow().history();
        }
        try (PolicyStore second = open(false)) {
            StoredPolicy seen = second.get(id).orElseThrow();
            assertThat(seen.history()).isEqualTo(written);
            // the version in force stays the shown one while the update waits for approval
            assertThat(seen.current().version()).isEqualTo(1);
            assertThat(seen.current().status()).isEqualTo(PolicyStatus.ACTIVE);
            assertThat(seen.latest().policy().status()).isEqualTo(PolicyStatus.PROPOSED);
            assertThat(seen.updatedBy()).isEqualTo("agent");
            // and the restarted store decides as the first would: approve v2, then roll back to v1
            assertThat(get(second.activate(id, "operator")).decided().version()).isEqualTo(2);
            StoreResult back = get(second.rollback(id, "operator"));
            assertThat(back.decided().version()).isEqualTo(3);
            assertThat(back.decided().status()).isEqualTo(PolicyStatus.ACTIVE);
            assertThat(back.decided().statement()).isEqualTo(PrbQuota.max(70));
        }
        PolicyRecord record = topic().get(id);
        assertThat(record.getStatus()).isEqualTo("ACTIVE");
        assertThat(record.getVersion()).isEqualTo(3);
        assertThat(PolicyJson.read(record.getPolicyJson()).statement()).isEqualTo(PrbQuota.max(70));
        assertThat(record.getPreviousVersionsJsonCount()).isEqualTo(3);
    }

    @Test
    void a_second_writer_decides_on_what_the_first_had_written() {
        try (PolicyStore a = open(true); PolicyStore b = open(true)) {
            for (int i = 0; i < 5; i++) {
                String id = "p-two-" + i;
                Scope cell = Scope.cells("cell-" + (40 + i));
                get(a.submit(policy(id, TxPower.delta(-1), cell, 50), "writer-a"));
                // b has not necessarily received a's record yet: it must catch up before deciding
                StoreResult r = get(b.submit(policy(id, TxPower.delta(-2), cell, 50), "writer-b"));
                assertThat(r.created()).as(id).isFalse();
                assertThat(r.decided().version()).as(id).isEqualTo(2);
                assertThat(r.policy().history()).extracting(v -> v.policy().status())
                        .containsExactly(PolicyStatus.SUPERSEDED, PolicyStatus.ACTIVE);
            }
            eventually("a converges on b's writes", WAIT, () -> a.get("p-two-4")
                    .map(s -> s.current().version() == 2).orElse(false));
            assertThat(a.get("p-two-0").orElseThrow().history()).isEqualTo(b.get("p-two-0").orElseThrow().history());
        }
    }

    @Test
    void a_follower_sees_later_changes_and_cannot_write() {
        try (PolicyStore writer = open(true);
             PolicyStore follower = PolicyStore.follow(kafka.settings(), VALIDATOR, Clock.systemUTC())) {
            get(follower.ready());
            String id = get(writer.submit(policy("p-follow", TxPower.delta(-3), Scope.cells("cell-2"), 50), "agent"))
                    .decided().policyId();
            eventually("the follower sees p-follow ACTIVE", WAIT, () -> follower.get(id)
                    .map(s -> s.current().status() == PolicyStatus.ACTIVE).orElse(false));
            assertThat(follower.inEffect(Instant.now())).extracting(Policy::policyId).contains("p-follow");
            assertThatThrownBy(() -> get(follower.activate(id, "x"))).isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.READ_ONLY);
        }
    }

    @Test
    void an_envelope_violation_is_rejected_with_its_bound_and_audited() {
        try (PolicyStore store = open(true)) {
            StoreResult r = get(store.submit(policy("p-hot", TxPower.absolute(60), Scope.cells("cell-3"), 50), "agent"));
            assertThat(r.decided().status()).isEqualTo(PolicyStatus.REJECTED);
            assertThat(r.rejectedByEnvelope()).isTrue();
            assertThat(r.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("statement.maxTxPowerDbm");
                assertThat(v.value()).isEqualTo("60");
                assertThat(v.bound()).isEqualTo("10..46 dBm");
            });
            PolicyRecord record = topic().get("p-hot");
            assertThat(record.getStatus()).isEqualTo("REJECTED");
            assertThat(record.getReason()).contains("60 dBm");
            assertThat(auditEvent(kafka.settings(), e -> e.getKind() == AuditKind.AUDIT_KIND_VALIDATION
                    && e.getPolicyId().equals("p-hot")).getDetailsJson()).contains("\"bound\":\"10..46 dBm\"");
        }
    }

    @Test
    void conflicts_are_resolved_by_priority_and_the_loser_is_reported() {
        Scope cell = Scope.of(List.of("cell-4"), "embb");
        try (PolicyStore store = open(true)) {
            get(store.submit(policy("p-mid", PrbQuota.max(70), cell, 50), "operator"));

            StoreResult low = get(store.submit(policy("p-low", PrbQuota.max(60), cell, 40), "agent"));
            assertThat(low.decided().status()).isEqualTo(PolicyStatus.REJECTED);
            assertThat(low.lostConflict()).isTrue();
            assertThat(low.losses()).singleElement().satisfies(l -> {
                assertThat(l.loser().policyId()).isEqualTo("p-low");
                assertThat(l.winner().policyId()).isEqualTo("p-mid");
            });
            assertThat(store.get("p-low").orElseThrow().reason()).contains("p-low v1 loses to p-mid v1");

            StoreResult high = get(store.submit(policy("p-high", PrbQuota.max(50), cell, 80), "operator"));
            assertThat(high.decided().status()).isEqualTo(PolicyStatus.ACTIVE);
            assertThat(high.superseded()).containsExactly("p-mid");
            StoredPolicy mid = store.get("p-mid").orElseThrow();
            assertThat(mid.current().status()).isEqualTo(PolicyStatus.SUPERSEDED);
            assertThat(mid.reason()).contains("p-mid v1 loses to p-high v1");
            assertThat(topic().get("p-mid").getStatus()).isEqualTo("SUPERSEDED");
            assertThat(auditEvent(kafka.settings(), e -> e.getKind() == AuditKind.AUDIT_KIND_CONFLICT
                    && e.getPolicyId().equals("p-high")).getSummary()).contains("p-mid v1 loses to p-high v1");
        }
    }

    @Test
    void without_auto_approval_a_winner_waits_and_a_sure_loser_is_rejected_at_once() {
        Scope cell = Scope.of(List.of("cell-5"), "urllc");
        try (PolicyStore store = open(false)) {
            get(store.submit(policy("p-base", PrbQuota.max(70), cell, 50), "operator"));
            get(store.activate("p-base", "operator"));
            StoreResult winner = get(store.submit(policy("p-strong", PrbQuota.max(40), cell, 90), "agent"));
            assertThat(winner.decided().status()).isEqualTo(PolicyStatus.PROPOSED);
            assertThat(winner.losses()).extracting(l -> l.loser().policyId()).containsExactly("p-base");
            assertThat(store.get("p-base").orElseThrow().current().status()).isEqualTo(PolicyStatus.ACTIVE);
            StoreResult loser = get(store.submit(policy("p-weak", PrbQuota.max(40), cell, 10), "agent"));
            assertThat(loser.decided().status()).isEqualTo(PolicyStatus.REJECTED);
            assertThat(get(store.activate("p-strong", "operator")).superseded()).containsExactly("p-base");
        }
    }

    @Test
    void rollback_restores_the_previous_version_and_needs_one() {
        Scope cell = Scope.of(List.of("cell-6"), "miot");
        try (PolicyStore store = open(true)) {
            get(store.submit(policy("p-rb", PrbQuota.max(70), cell, 50), "operator"));
            assertThatThrownBy(() -> get(store.rollback("p-rb", "operator"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("no earlier version");
            get(store.submit(policy("p-rb", PrbQuota.max(30), cell, 50), "operator"));
            assertThat(store.get("p-rb").orElseThrow().current().statement()).isEqualTo(PrbQuota.max(30));
            StoreResult r = get(store.rollback("p-rb", "operator"));
            assertThat(r.decided().version()).isEqualTo(3);
            StoredPolicy s = store.get("p-rb").orElseThrow();
            assertThat(s.current().statement()).isEqualTo(PrbQuota.max(70));
            assertThat(s.history()).extracting(v -> v.policy().status())
                    .containsExactly(PolicyStatus.SUPERSEDED, PolicyStatus.SUPERSEDED, PolicyStatus.ACTIVE);
            assertThat(s.history().get(2).note()).isEqualTo("rollback to v1");
        }
    }

    @Test
    void validity_ends_are_expired_by_the_sweep_and_daily_windows_only_gate_effect() {
        Instant t0 = Instant.parse("2026-11-22T12:00:00Z");
        StoreTesting.MutableClock clock = new StoreTesting.MutableClock(t0);
        try (PolicyStore store = open(PolicyStore.Options.defaults().withAutoApprove(true).withClock(clock))) {
            Policy bounded = policy("p-until", TxPower.delta(-2), Scope.cells("cell-7"), 50)
                    .withValidity(new Validity(null, t0.plus(Duration.ofHours(1)), null));
            // 22:00-06:00 in Berlin (UTC+1 in November)
            Policy nightly = policy("p-night", TxPower.delta(-3), Scope.cells("cell-8"), 50)
                    .withValidity(Validity.daily(DailyWindow.of("22:00", "06:00")));
            assertThat(get(store.submit(bounded, "operator")).decided().status()).isEqualTo(PolicyStatus.ACTIVE);
            assertThat(get(store.submit(nightly, "operator")).decided().status()).isEqualTo(PolicyStatus.ACTIVE);

            assertThat(get(store.sweepExpired())).isEmpty();
            assertThat(store.inEffect("p-until", t0)).isTrue();
            assertThat(store.inEffect("p-night", t0)).isFalse();
            assertThat(store.inEffect("p-night", Instant.parse("2026-11-22T21:30:00Z"))).isTrue();  // 22:30 local
            assertThat(store.inEffect("p-night", Instant.parse("2026-11-22T20:30:00Z"))).isFalse(); // 21:30 local

            clock.set(t0.plus(Duration.ofHours(2)));
            assertThat(get(store.sweepExpired())).extracting(Policy::policyId).containsExactly("p-until");
            assertThat(store.get("p-until").orElseThrow().current().status()).isEqualTo(PolicyStatus.EXPIRED);
            assertThat(store.get("p-until").orElseThrow().reason()).startsWith("validity ended");
            assertThat(store.get("p-night").orElseThrow().current().status()).isEqualTo(PolicyStatus.ACTIVE);
            assertThat(topic().get("p-until").getStatus()).isEqualTo("EXPIRED");
            assertThat(topic().get("p-until").getUpdatedBy()).isEqualTo(PolicyStore.SYSTEM);
        }
    }

    @Test
    void the_periodic_sweep_expires_without_being_asked() {
        Instant t0 = Instant.parse("2026-11-22T12:00:00Z");
        StoreTesting.MutableClock clock = new StoreTesting.MutableClock(t0);
        PolicyStore.Options o = PolicyStore.Options.defaults().withAutoApprove(true).withClock(clock);
        try (PolicyStore store = PolicyStore.open(kafka.settings(), VALIDATOR, o.withSweepEvery(Duration.ofMillis(50)))) {
            get(store.ready());
            get(store.submit(policy("p-sweep", TxPower.delta(-1), Scope.cells("cell-9"), 50)
                    .withValidity(new Validity(null, t0.plusSeconds(60), null)), "operator"));
            clock.set(t0.plusSeconds(61));
            eventually("p-sweep expires", WAIT, () -> store.get("p-sweep").orElseThrow().current().status() == PolicyStatus.EXPIRED);
        }
    }

    @Test
    void delete_writes_a_final_status_then_a_tombstone() {
        try (PolicyStore store = open(true)) {
            get(store.submit(policy("p-del", TxPower.delta(-2), Scope.cells("cell-10"), 50), "operator"));
            StoredPolicy last = get(store.delete("p-del", "operator"));
            assertThat(last.current().status()).isEqualTo(PolicyStatus.SUPERSEDED);
            assertThat(last.reason()).isEqualTo("deleted by operator");
            assertThat(store.get("p-del")).isEmpty();
            assertThat(store.inEffect(Instant.now())).extracting(Policy::policyId).doesNotContain("p-del");
            assertThat(topic()).doesNotContainKey("p-del");
            assertThatThrownBy(() -> get(store.delete("p-del", "operator"))).isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.NOT_FOUND);
        }
        try (PolicyStore again = open(true)) {
            assertThat(again.get("p-del")).isEmpty();
        }
        assertThat(auditEvent(kafka.settings(), e -> e.getPolicyId().equals("p-del") && e.getSummary().startsWith("delete"))
                .getSummary()).isEqualTo("delete p-del: v1 ACTIVE -> deleted");
    }

    @Test
    void create_refuses_a_taken_id_and_lifecycle_misuse_is_an_illegal_state() {
        try (PolicyStore store = open(false)) {
            get(store.submit(policy("p-once", TxPower.delta(-1), Scope.cells("cell-11"), 50), "operator"));
            assertThatThrownBy(() -> get(store.create(policy("p-once", TxPower.delta(-2), Scope.cells("cell-11"), 50), "x")))
                    .isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.ALREADY_EXISTS);
            get(store.reject("p-once", "not tonight", "operator"));
            assertThat(store.get("p-once").orElseThrow().reason()).isEqualTo("not tonight");
            assertThatThrownBy(() -> get(store.activate("p-once", "operator"))).isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.ILLEGAL_STATE);
            assertThatThrownBy(() -> get(store.activate("p-none", "operator"))).isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.NOT_FOUND);
        }
    }
}
