package io.oranric.policies.store;

import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.Statement;
import io.oranric.policies.model.Validity;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.SafetyEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Helpers of the store tests: a settable clock, polling with a deadline, reading the audit log. */
public final class StoreTesting {

    /** A lab network large enough that each test can keep to cells of its own. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final PolicyValidator VALIDATOR =
            new PolicyValidator(SafetyEnvelope.labDefaults(), NetworkInventory.lab(60, BERLIN));

    private StoreTesting() {
    }

    /** A clock that only moves when told to. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static Policy policy(String id, Statement s, Scope scope, int priority) {
        return new Policy(id, s, scope, priority, Validity.ALWAYS, null, PolicyStatus.PROPOSED, 1);
    }

    /** Polls until the condition holds; fails after the deadline instead of sleeping a guessed time. */
    public static void eventually(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Every audit event on the topic now. */
    public static List<AuditEvent> audit(KafkaSettings settings) {
        List<AuditEvent> out = new ArrayList<>();
        try (TopicConsumer<AuditEvent> c = TopicConsumer.start(settings, TopicConsumer.Options.replay(RicTopic.RIC_AUDIT),
                batch -> {
                    synchronized (out) {
                        batch.forEach(r -> out.add(r.value()));
                    }
                    return CompletableFuture.completedFuture(null);
                })) {
            c.caughtUp().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot read ric.audit", e);
        }
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    /** Waits until the audit log holds an event matching {@code match}, and returns it. */
    public static AuditEvent auditEvent(KafkaSettings settings, Predicate<AuditEvent> match) {
        AuditEvent[] found = new AuditEvent[1];
        eventually("an audit event", Duration.ofSeconds(30), () -> {
            found[0] = audit(settings).stream().filter(match).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }
}
