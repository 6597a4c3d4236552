package io.oranric.agent.audit;

import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.contract.v1.AuditEvent;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Audit events on {@code ric.audit}, keyed by intent id (policy id when there is no intent). */
public final class KafkaAuditSink implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAuditSink.class);

    private final RicProducer producer;
    private final boolean ownsProducer;

    public KafkaAuditSink(RicProducer producer, boolean ownsProducer) {
        this.producer = producer;
        this.ownsProducer = ownsProducer;
    }

    @Override
    public void emit(AuditEvent event) {
        String key = event.getIntentId().isEmpty() ? event.getPolicyId() : event.getIntentId();
        CompletableFuture<?> f = producer.send(RicTopic.RIC_AUDIT, key.isEmpty() ? "agent" : key, event);
        f.whenComplete((md, err) -> {
            if (err != null) {
                LOG.warn("audit event {} ({}) not written to {}: {}", event.getEventId(), event.getSummary(),
                        RicTopic.RIC_AUDIT.topicName(), err.toString());
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        flush();
        if (ownsProducer) {
            producer.close();
        }
    }
}
