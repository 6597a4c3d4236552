package io.oranric.agent.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.audit.AuditSink;
import io.oranric.agent.guard.Guard;
import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.intent.IntentJournal;
import io.oranric.agent.kpi.StreamKpis;
import io.oranric.agent.local.LocalTranslator;
import io.oranric.agent.policy.RestPolicyGateway;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.contract.v1.AuditKind;
import io.oranric.contract.v1.Expectation;
import io.oranric.contract.v1.Fulfilment;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.contract.v1.IntentState;
import io.oranric.policies.a1.PolicyServer;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.store.PolicyStore;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.SafetyEnvelope;
import io.oranric.xapp.sdk.KpmSample;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fulfilment reports and adjustments against a real policy service; KPIs fed as the e2.kpm stream would carry them. */
class IntentAssuranceTest {

    static KafkaBackbone kafka;
    static PolicyServer server;
    static final NetworkContext CTX = NetworkContext.lab(12, ZoneId.of("UTC"), Clock.systemUTC());
    static final ObjectMapper M = new ObjectMapper();

    @BeforeAll
    static void start() {
        kafka = KafkaBackbone.open("embedded");
        PolicyValidator validator = new PolicyValidator(SafetyEnvelope.labDefaults(), NetworkInventory.lab(12, ZoneId.of("UTC")));
        server = PolicyServer.start(kafka.settings(), validator, PolicyStore.Options.defaults().withSweepEvery(null),
                "127.0.0.1", 0, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        server.close();
        kafka.close();
    }

    static IntentAgent agent(IntentAgent.Approval approval, AuditSink audit) {
        return new IntentAgent(new TranslatorRouter(List.of(LocalTranslator.grammarOnly()), 0.6), new Guard(), CTX,
                new RestPolicyGateway(server.url()), new IntentJournal.Memory(), audit, approval, Clock.systemUTC());
    }

    static void urllc(StreamKpis kpis, String cell, double delayMs, double thpKbps) {
        kpis.ingest(List.of(new KpmSample("gnb", cell, 2, "", "DRB.RlcSduDelayDl", delayMs, 0, 0),
                new KpmSample("gnb", cell, 2, "", "DRB.UEThpDl", thpKbps, 0, 0)));
    }

    @Test
    void a_missed_latency_target_is_reported_then_the_floor_is_raised_and_fulfilment_follows() throws Exception {
        AuditSink.Memory audit = new AuditSink.Memory();
        IntentAgent agent = agent(IntentAgent.Approval.AUTO, audit);
        StreamKpis kpis = StreamKpis.manual(Clock.systemUTC(), Duration.ofMinutes(5));
        IntentAssurance assurance = new IntentAssurance(agent, kpis, Clock.systemUTC(), new IntentAssurance.Options(Duration.ofHours(1),
                Duration.ofMinutes(5), 2));
        IntentAgent.Result r = agent.submit(new IntentAgent.Request("urllc in cell 3 must see less than 5 ms downlink latency",
                "alice", "test", false));
        assertThat(r.state()).isEqualTo(IntentState.INTENT_STATE_ACTIVE);
        String id = r.intentId();

        assertThat(assurance.evaluate(id)).get().extracting(x -> x.getFulfilment().getStatus())
                .isEqualTo(Fulfilment.Status.STATUS_UNSPECIFIED);

        urllc(kpis, "cell-3", 12, 900);
        IntentRecord first = assurance.evaluate(id).orElseThrow();
        assertThat(first.getFulfilment().getStatus()).isEqualTo(Fulfilment.Status.STATUS_NOT_FULFILLED);
        Expectation e = first.getFulfilment().getExpectations(0);
        assertThat(e.getKpi()).isEqualTo("DRB.RlcSduDelayDl");
        assertThat(e.getScope()).isEqualTo("cell-3/urllc");
        assertThat(e.getTarget()).isEqualTo("<= 5 ms");
        assertThat(e.getMeasured()).isEqualTo(12.0);
        assertThat(e.getMet()).isFalse();
        assertThat(first.getFulfilment().getProposalJson()).isEmpty();

        IntentRecord second = assurance.evaluate(id).orElseThrow();
        JsonNode proposal = M.readTree(second.getFulfilment().getProposalJson());
        JsonNode adj = proposal.path("adjustments").get(0);
        assertThat(adj.path("why").asText()).contains("raise the urllc PRB floor in cell-3 from 10 % to 25 %");
        assertThat(adj.at("/policy/statement/minPrbPct").asDouble()).isEqualTo(25);
        assertThat(adj.at("/policy/statement/dedicatedPrbPct").asDouble()).isEqualTo(12);
        assertThat(adj.path("status").asText()).isEqualTo("ACTIVE");
        String adjId = adj.at("/policy/policyId").asText();
        assertThat(second.getPolicyIdsList()).contains(adjId);
        assertThat(new RestPolicyGateway(server.url()).active()).extracting(Policy::policyId).contains(adjId);

        // the raised floor does not help enough: the next adjustment is a new version of the same policy
        assurance.evaluate(id);
        IntentRecord fourth = assurance.evaluate(id).orElseThrow();
        JsonNode again = M.readTree(fourth.getFulfilment().getProposalJson()).path("adjustments").get(0);
        assertThat(again.at("/policy/policyId").asText()).isEqualTo(adjId);
        assertThat(again.at("/policy/version").asInt()).isEqualTo(2);
        assertThat(again.path("why").asText()).contains("from 25 % to 40 %");
        Policy active = new RestPolicyGateway(server.url()).active().stream().filter(p -> p.policyId().equals(adjId)).findFirst().orElseThrow();
        assertThat(((PrbQuota) active.statement()).minPrbPct()).isEqualTo(40.0);

        kpis.close();
        StreamKpis better = StreamKpis.manual(Clock.systemUTC(), Duration.ofMinutes(5));
        urllc(better, "cell-3", 3.2, 900);
        IntentAssurance after = new IntentAssurance(agent, better, Clock.systemUTC(), new IntentAssurance.Options(Duration.ofHours(1),
                Duration.ofMinutes(5), 2));
        assertThat(after.evaluate(id).orElseThrow().getFulfilment().getStatus()).isEqualTo(Fulfilment.Status.STATUS_FULFILLED);
        assertThat(audit.events()).filteredOn(x -> x.getKind() == AuditKind.AUDIT_KIND_FULFILMENT).extracting(AuditEvent::getSummary)
                .anySatisfy(s -> assertThat(s).contains("NOT_FULFILLED"))
                .anySatisfy(s -> assertThat(s).contains("adjustment proposed"))
                .anySatisfy(s -> assertThat(s).contains(" FULFILLED"));
    }

    @Test
    void one_target_met_and_one_missed_is_degraded_and_waits_for_the_operator() throws Exception {
        IntentAgent agent = agent(IntentAgent.Approval.OPERATOR, AuditSink.NONE);
        IntentAgent.Result r = agent.submit(new IntentAgent.Request(
                "guarantee 50 Mbps downlink to urllc in cell 5 and keep its latency under 10 ms", "alice", "test", false));
        assertThat(r.translation().policies()).hasSize(1);
        agent.approve(r.intentId(), "bob");
        StreamKpis kpis = StreamKpis.manual(Clock.systemUTC(), Duration.ofMinutes(5));
        urllc(kpis, "cell-5", 4, 20_000);
        IntentAssurance assurance = new IntentAssurance(agent, kpis, Clock.systemUTC(), new IntentAssurance.Options(Duration.ofHours(1),
                Duration.ofMinutes(5), 1));
        IntentRecord rec = assurance.evaluate(r.intentId()).orElseThrow();
        assertThat(rec.getFulfilment().getStatus()).isEqualTo(Fulfilment.Status.STATUS_DEGRADED);
        JsonNode adj = M.readTree(rec.getFulfilment().getProposalJson()).path("adjustments").get(0);
        assertThat(adj.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(adj.at("/policy/statement/minPrbPct").asDouble()).isEqualTo(25);
        assertThat(adj.at("/policy/statement").has("dedicatedPrbPct")).isFalse();
        assertThat(adj.path("why").asText()).contains("DRB.UEThpDl cell-5/urllc misses >= 50 Mbps (60 % off)");
        assertThat(agent.journal().get(r.intentId()).orElseThrow().getState()).isEqualTo(IntentState.INTENT_STATE_ACTIVE);

        IntentAgent.Result approved = agent.approve(r.intentId(), "bob");
        assertThat(approved.decisions()).extracting(d -> d.status()).containsExactly("ACTIVE");
    }
}
