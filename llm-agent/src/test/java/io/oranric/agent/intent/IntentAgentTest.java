package io.oranric.agent.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.agent.AgentTesting;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.audit.KafkaAuditSink;
import io.oranric.agent.guard.Guard;
import io.oranric.agent.local.LocalTranslator;
import io.oranric.agent.policy.PolicyGateway;
import io.oranric.agent.policy.RestPolicyGateway;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.contract.v1.AuditKind;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.contract.v1.IntentState;
import io.oranric.policies.a1.PolicyServer;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.store.PolicyStore;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.SafetyEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline against a real policy service (REST) on an embedded broker, recording on ric.intents and ric.audit. */
class IntentAgentTest {

    static KafkaBackbone kafka;
    static PolicyServer server;
    static RicProducer producer;
    static KafkaIntentJournal journal;
    static final NetworkContext CTX = NetworkContext.lab(12, ZoneId.of("UTC"), Clock.systemUTC());

    @BeforeAll
    static void start() {
        kafka = KafkaBackbone.open("embedded");
        PolicyValidator validator = new PolicyValidator(SafetyEnvelope.labDefaults(), NetworkInventory.lab(12, ZoneId.of("UTC")));
        server = PolicyServer.start(kafka.settings(), validator, PolicyStore.Options.defaults().withSweepEvery(null),
                "127.0.0.1", 0, Duration.ofSeconds(60));
        producer = RicProducer.create(kafka.settings(), "agent-test");
        journal = KafkaIntentJournal.open(kafka.settings(), producer, false, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        journal.close();
        producer.close();
        server.close();
        kafka.close();
    }

    static IntentAgent agent(IntentAgent.Approval approval) {
        return new IntentAgent(new TranslatorRouter(List.of(LocalTranslator.grammarOnly()), 0.6), new Guard(), CTX,
                new RestPolicyGateway(server.url()), journal, new KafkaAuditSink(producer, false), approval, Clock.systemUTC());
    }

    @Test
    void proposed_then_approved_by_the_operator() throws Exception {
        IntentAgent agent = agent(IntentAgent.Approval.OPERATOR);
        IntentAgent.Result r = agent.submit(new IntentAgent.Request("cap embb at 60% in cell 2", "alice", "test", false));
        assertThat(r.state()).isEqualTo(IntentState.INTENT_STATE_PROPOSED);
        assertThat(r.decisions()).extracting(PolicyGateway.Decision::status).containsExactly("PROPOSED");
        String id = r.intentId();
        assertThat(journal.get(id)).get().extracting(IntentRecord::getState).isEqualTo(IntentState.INTENT_STATE_PROPOSED);

        IntentAgent.Result a = agent.approve(id, "bob");
        assertThat(a.state()).isEqualTo(IntentState.INTENT_STATE_ACTIVE);
        assertThat(new RestPolicyGateway(server.url()).active()).extracting(Policy::intentId).contains(id);
        assertThat(journal.get(id).orElseThrow().getState()).isEqualTo(IntentState.INTENT_STATE_ACTIVE);
        assertThatThrownBy(() -> agent.approve(id, "bob")).isInstanceOf(IntentAgent.NotAllowed.class).hasMessageContaining("ACTIVE");

        List<AuditEvent> events = AgentTesting.audit(kafka.settings(), id,
                es -> es.stream().anyMatch(e -> e.getKind() == AuditKind.AUDIT_KIND_APPROVAL), Duration.ofSeconds(30));
        assertThat(events).extracting(AuditEvent::getKind).contains(AuditKind.AUDIT_KIND_INTENT_RECEIVED,
                AuditKind.AUDIT_KIND_ROUTING, AuditKind.AUDIT_KIND_PROPOSAL, AuditKind.AUDIT_KIND_APPROVAL);
        AuditEvent received = events.stream().filter(e -> e.getKind() == AuditKind.AUDIT_KIND_INTENT_RECEIVED).findFirst().orElseThrow();
        assertThat(received.getDetailsJson()).contains("cap embb at 60% in cell 2").contains("alice");
        AuditEvent approval = events.stream().filter(e -> e.getKind() == AuditKind.AUDIT_KIND_APPROVAL).findFirst().orElseThrow();
        assertThat(approval.getActor()).isEqualTo("bob");
    }

    @Test
    void auto_approve_activates_at_once() {
        IntentAgent.Result r = agent(IntentAgent.Approval.AUTO).submit(
                new IntentAgent.Request("lower tx power of cell 7 by 1 dB", "alice", "test", false));
        assertThat(r.state()).isEqualTo(IntentState.INTENT_STATE_ACTIVE);
        assertThat(r.decisions()).extracting(PolicyGateway.Decision::status).containsExactly("ACTIVE");
    }

    @Test
    void a_question_or_an_out_of_envelope_intent_submits_nothing() {
        IntentAgent agent = agent(IntentAgent.Approval.AUTO);
        IntentAgent.Result q = agent.submit(new IntentAgent.Request("make the network better", "alice", "test", false));
        assertThat(q.state()).isEqualTo(IntentState.INTENT_STATE_NEEDS_CLARIFICATION);
        assertThat(q.decisions()).isEmpty();
        IntentAgent.Result x = agent.submit(new IntentAgent.Request("set cell 3 power to 90 dBm", "alice", "test", false));
        assertThat(x.state()).isEqualTo(IntentState.INTENT_STATE_REJECTED);
        assertThat(x.translation().rejected().get(0).reason()).contains("46");
        assertThat(x.decisions()).isEmpty();
        assertThat(journal.get(x.intentId()).orElseThrow().getState()).isEqualTo(IntentState.INTENT_STATE_REJECTED);
    }

    @Test
    void the_operator_can_reject_a_proposal() {
        IntentAgent agent = agent(IntentAgent.Approval.OPERATOR);
        IntentAgent.Result r = agent.submit(new IntentAgent.Request("use 20 MHz of bandwidth on cell 8", "alice", "test", false));
        IntentAgent.Result x = agent.reject(r.intentId(), "not tonight", "bob");
        assertThat(x.state()).isEqualTo(IntentState.INTENT_STATE_REJECTED);
        assertThat(x.decisions()).extracting(PolicyGateway.Decision::status).containsExactly("REJECTED");
    }

    @Test
    void a_proposal_that_loses_a_conflict_in_the_store_is_reported() throws Exception {
        RestPolicyGateway store = new RestPolicyGateway(server.url());
        Policy strong = new Policy("p-strong-embb", PrbQuota.max(40), Scope.of(List.of("cell-5"), "embb"), 90, null, null,
                PolicyStatus.PROPOSED, 1);
        assertThat(store.submit(strong, "test").status()).isEqualTo("PROPOSED");
        assertThat(store.activate("p-strong-embb", "test").status()).isEqualTo("ACTIVE");

        IntentAgent.Result r = agent(IntentAgent.Approval.AUTO).submit(
                new IntentAgent.Request("cap the eMBB slice to at most 70% of PRBs in cell-5", "alice", "test", false));
        assertThat(r.translation().conflicts()).isNotEmpty();
        assertThat(r.decisions()).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo("REJECTED");
            assertThat(d.reason()).contains("p-strong-embb");
        });
        assertThat(r.state()).isEqualTo(IntentState.INTENT_STATE_REJECTED);
    }

    @Test
    void a_restarted_journal_replays_the_intents() {
        IntentAgent.Result r = agent(IntentAgent.Approval.OPERATOR).submit(
                new IntentAgent.Request("prefer cell 2 for miot devices", "alice", "test", false));
        Map<String, IntentRecord> snapshot = TopicConsumer.snapshot(kafka.settings(), RicTopic.RIC_INTENTS, Duration.ofSeconds(30));
        assertThat(snapshot.get(r.intentId()).getTranslator()).isEqualTo("local");
        assertThat(snapshot.get(r.intentId()).getPolicyIdsCount()).isEqualTo(1);
        assertThat(snapshot.get(r.intentId()).getTranslationJson()).contains("\"routing\"").contains("TrafficSteering");
    }
}
