package io.oranric.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.agent.AgentTesting;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.contract.v1.AuditKind;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.Provenance;
import io.oranric.contract.v1.SlicePrbQuota;
import io.oranric.contract.v1.SliceQuota;
import io.oranric.contract.v1.Snssai;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Control requests and outcomes of an intent's policies land in ric.audit under the intent. */
class ControlAuditJoinTest {

    @Test
    void joins_control_actions_by_intent_id() throws Exception {
        try (KafkaBackbone kafka = KafkaBackbone.open("embedded");
             RicProducer producer = RicProducer.create(kafka.settings(), "join-test");
             ControlAuditJoin join = ControlAuditJoin.start(kafka.settings(), new KafkaAuditSink(producer, false), Clock.systemUTC())) {
            Provenance mine = Provenance.newBuilder().setIntentId("i-joined01").setPolicyId("p-joined01-1").setXapp("slice-sla")
                    .setPolicyVersion(1).build();
            ControlRequest req = ControlRequest.newBuilder().setRequestId("r-1").setNodeId("gnb-3").setProvenance(mine)
                    .setSlicePrbQuota(SlicePrbQuota.newBuilder().setCellId("cell-3").addSlices(SliceQuota.newBuilder()
                            .setSlice(Snssai.newBuilder().setSst(2)).setMinPrbPct(20).setMaxPrbPct(100))).build();
            ControlRequest foreign = req.toBuilder().setRequestId("r-2").setProvenance(Provenance.newBuilder().setPolicyId("p-operator")).build();
            producer.send(RicTopic.E2_CONTROL_REQUESTS, "gnb-3", req).get();
            producer.send(RicTopic.E2_CONTROL_REQUESTS, "gnb-3", foreign).get();
            producer.send(RicTopic.E2_CONTROL_OUTCOMES, "gnb-3", ControlOutcome.newBuilder().setRequestId("r-1").setNodeId("gnb-3")
                    .setStatus(ControlStatus.CONTROL_STATUS_FAILURE).setCause("radioNetwork: unknown slice").setProvenance(mine)
                    .setSentNs(1_000_000).setAnsweredNs(4_000_000).build()).get();

            List<AuditEvent> events = AgentTesting.audit(kafka.settings(), "i-joined01", es -> es.size() >= 2, Duration.ofSeconds(60));
            assertThat(events).extracting(AuditEvent::getKind)
                    .containsExactlyInAnyOrder(AuditKind.AUDIT_KIND_CONTROL_SENT, AuditKind.AUDIT_KIND_CONTROL_OUTCOME);
            AuditEvent sent = events.stream().filter(e -> e.getKind() == AuditKind.AUDIT_KIND_CONTROL_SENT).findFirst().orElseThrow();
            assertThat(sent.getSummary()).contains("slice-sla sent an RC slice PRB quota for cell-3 to gnb-3 for p-joined01-1");
            assertThat(sent.getNodeId()).isEqualTo("gnb-3");
            AuditEvent outcome = events.stream().filter(e -> e.getKind() == AuditKind.AUDIT_KIND_CONTROL_OUTCOME).findFirst().orElseThrow();
            assertThat(outcome.getSummary()).contains("FAILURE (radioNetwork: unknown slice)");
            assertThat(outcome.getDetailsJson()).contains("\"roundTripMs\":3.0");
            assertThat(String.join("\n", AuditFormat.lines(outcome, ZoneId.of("UTC"), true))).contains("i-joined01").contains("CONTROL_OUTCOME");
        }
    }
}
