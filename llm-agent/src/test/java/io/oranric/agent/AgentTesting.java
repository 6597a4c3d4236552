package io.oranric.agent;

import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.AuditEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Helpers of the agent's integration tests (real embedded broker, real policy service). */
public final class AgentTesting {

    private AgentTesting() {
    }

    /** Every audit event of an intent on ric.audit, waiting until {@code until} holds for them (or the time-out). */
    public static List<AuditEvent> audit(KafkaSettings settings, String intentId, Predicate<List<AuditEvent>> until,
                                         Duration timeout) throws Exception {
        List<AuditEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (TopicConsumer<AuditEvent> c = TopicConsumer.start(settings, TopicConsumer.Options.replay(RicTopic.RIC_AUDIT), batch -> {
            synchronized (seen) {
                for (ConsumerRecord<String, AuditEvent> r : batch) {
                    if (r.value() != null && intentId.equals(r.value().getIntentId())) {
                        seen.add(r.value());
                    }
                }
                seen.notifyAll();
            }
            return CompletableFuture.completedFuture(null);
        })) {
            synchronized (seen) {
                // woken by every batch the consumer hands over
                long left;
                while ((left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
                    if (until.test(seen)) {
                        return List.copyOf(seen);
                    }
                    seen.wait(left);
                }
            }
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }
}
