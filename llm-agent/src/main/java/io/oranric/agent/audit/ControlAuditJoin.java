package io.oranric.agent.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.contract.v1.AuditKind;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Closes the audit trail of an intent: the control actions the xApps sent for its policies
 * ({@code e2.control.requests}) and what the nodes answered ({@code e2.control.outcomes}), joined by
 * {@code provenance.intent_id} and written to {@code ric.audit} under the intent's key, next to its
 * translation and approval. Actions without an intent (operator policies) are left out.
 *
 * <p>One consumer group per topic: replicas of the agent share the work, and a restart resumes
 * where the group stopped instead of auditing the same actions twice.
 */
public final class ControlAuditJoin implements AutoCloseable {

    public static final String GROUP = "ric-agent-control-audit";
    private static final ObjectMapper M = new ObjectMapper();

    private final TopicConsumer<ControlRequest> requests;
    private final TopicConsumer<ControlOutcome> outcomes;
    private final AuditSink sink;
    private final Clock clock;

    private ControlAuditJoin(KafkaSettings settings, AuditSink sink, Clock clock, String group) {
        this.sink = sink;
        this.clock = clock;
        this.requests = TopicConsumer.start(settings, TopicConsumer.Options.group(RicTopic.E2_CONTROL_REQUESTS, group + "-requests"),
                batch -> {
                    for (ConsumerRecord<String, ControlRequest> r : batch) {
                        if (r.value() != null) {
                            request(r.value());
                        }
                    }
                    sink.flush();
                    return CompletableFuture.completedFuture(null);
                });
        this.outcomes = TopicConsumer.start(settings, TopicConsumer.Options.group(RicTopic.E2_CONTROL_OUTCOMES, group + "-outcomes"),
                batch -> {
                    for (ConsumerRecord<String, ControlOutcome> r : batch) {
                        if (r.value() != null) {
                            outcome(r.value());
                        }
                    }
                    sink.flush();
                    return CompletableFuture.completedFuture(null);
                });
    }

    public static ControlAuditJoin start(KafkaSettings settings, AuditSink sink, Clock clock) {
        return new ControlAuditJoin(settings, sink, clock, GROUP);
    }

    public static ControlAuditJoin start(KafkaSettings settings, AuditSink sink, Clock clock, String group) {
        return new ControlAuditJoin(settings, sink, clock, group);
    }

    void request(ControlRequest r) {
        String intent = r.getProvenance().getIntentId();
        if (intent.isEmpty()) {
            return;
        }
        ObjectNode d = M.createObjectNode().put("requestId", r.getRequestId()).put("nodeId", r.getNodeId())
                .put("xapp", r.getProvenance().getXapp()).put("policyVersion", r.getProvenance().getPolicyVersion())
                .put("action", r.getActionCase().name().toLowerCase(java.util.Locale.ROOT));
        d.set("request", json(r));
        emit(AuditKind.AUDIT_KIND_CONTROL_SENT, r.getProvenance().getXapp(), intent, r.getProvenance().getPolicyId(), r.getNodeId(),
                r.getProvenance().getXapp() + " sent " + action(r) + " to " + r.getNodeId() + " for " + r.getProvenance().getPolicyId()
                        + " (request " + r.getRequestId() + ")", d);
    }

    void outcome(ControlOutcome o) {
        String intent = o.getProvenance().getIntentId();
        if (intent.isEmpty()) {
            return;
        }
        String status = o.getStatus().name().replace("CONTROL_STATUS_", "");
        ObjectNode d = M.createObjectNode().put("requestId", o.getRequestId()).put("nodeId", o.getNodeId())
                .put("status", status).put("cause", o.getCause()).put("xapp", o.getProvenance().getXapp());
        if (o.getAnsweredNs() > 0 && o.getSentNs() > 0) {
            d.put("roundTripMs", (o.getAnsweredNs() - o.getSentNs()) / 1e6);
        }
        if (!o.getOutcomeJson().isEmpty()) {
            d.put("outcome", o.getOutcomeJson());
        }
        emit(AuditKind.AUDIT_KIND_CONTROL_OUTCOME, "e2-termination", intent, o.getProvenance().getPolicyId(), o.getNodeId(),
                o.getNodeId() + " answered request " + o.getRequestId() + " of " + o.getProvenance().getPolicyId() + ": " + status
                        + (o.getStatus() != ControlStatus.CONTROL_STATUS_SUCCESS && !o.getCause().isEmpty() ? " (" + o.getCause() + ")" : ""), d);
    }

    private static String action(ControlRequest r) {
        return switch (r.getActionCase()) {
            case SLICE_PRB_QUOTA -> "an RC slice PRB quota for " + r.getSlicePrbQuota().getCellId();
            case HANDOVER -> "an RC handover of " + r.getHandover().getUeId() + " to " + r.getHandover().getTargetCellId();
            case CCC -> "a CCC " + r.getCcc().getChangeCase().name().toLowerCase(java.util.Locale.ROOT) + " change of "
                    + (r.getCcc().getCellId().isEmpty() ? "the node" : r.getCcc().getCellId());
            case RAW -> "a raw " + r.getRaw().getServiceModel() + " control";
            default -> "a control request";
        };
    }

    private static com.fasterxml.jackson.databind.JsonNode json(com.google.protobuf.Message m) {
        try {
            return M.readTree(JsonFormat.printer().omittingInsignificantWhitespace().print(m));
        } catch (Exception e) {
            return M.getNodeFactory().textNode(m.toString());
        }
    }

    private void emit(AuditKind kind, String actor, String intentId, String policyId, String nodeId, String summary, ObjectNode d) {
        Instant now = clock.instant();
        sink.emit(AuditEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setTimeNs(now.getEpochSecond() * 1_000_000_000L + now.getNano()).setActor(actor.isEmpty() ? "xapp" : actor)
                .setKind(kind).setIntentId(intentId).setPolicyId(policyId).setNodeId(nodeId).setSummary(summary)
                .setDetailsJson(d.toString()).build());
    }

    @Override
    public void close() {
        requests.close();
        outcomes.close();
    }
}
