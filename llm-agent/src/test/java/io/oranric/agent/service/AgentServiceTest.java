package io.oranric.agent.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.agent.AgentTesting;
import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.kpi.StreamKpis;
import io.oranric.agent.policy.RestPolicyGateway;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.AuditKind;
import io.oranric.contract.v1.ExperienceRecord;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.contract.v1.IntentState;
import io.oranric.policies.a1.PolicyServer;
import io.oranric.policies.store.PolicyStore;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.SafetyEnvelope;
import io.oranric.xapp.sdk.KpmSample;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent service over HTTP: REST, MCP, health and metrics, with Kafka and a real policy service behind it. */
class AgentServiceTest {

    static final ObjectMapper M = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static KafkaBackbone kafka;
    static PolicyServer policies;
    static AgentService agent;
    static final StreamKpis KPIS = StreamKpis.manual(Clock.systemUTC(), Duration.ofMinutes(5));

    @BeforeAll
    static void start() {
        kafka = KafkaBackbone.open("embedded");
        PolicyValidator validator = new PolicyValidator(SafetyEnvelope.labDefaults(), NetworkInventory.lab(12, ZoneId.of("UTC")));
        policies = PolicyServer.start(kafka.settings(), validator, PolicyStore.Options.defaults().withSweepEvery(null),
                "127.0.0.1", 0, Duration.ofSeconds(60));
        AgentConfig config = AgentConfig.lab().withHost("127.0.0.1").withPort(0).withMetricsPort(0)
                .withInventory(NetworkInventory.lab(12, ZoneId.of("UTC"))).withAssurance(Duration.ofHours(1), Duration.ofMinutes(5), 4);
        agent = AgentService.start(config, kafka.settings(), new RestPolicyGateway(policies.url()), KPIS, null);
    }

    @AfterAll
    static void stop() {
        agent.close();
        policies.close();
        kafka.close();
    }

    record Reply(int status, JsonNode body) {
    }

    static Reply send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(agent.url() + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String t = r.body();
        return new Reply(r.statusCode(), t == null || t.isBlank() ? M.missingNode() : t.startsWith("{") || t.startsWith("[") ? M.readTree(t)
                : M.getNodeFactory().textNode(t));
    }

    @Test
    void intents_over_rest_from_submission_to_fulfilment_report() throws Exception {
        Reply created = send("POST", "/intents", "{\"text\":\"cap the eMBB slice to at most 70% of PRBs in cell-1\",\"operator\":\"alice\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("state").asText()).isEqualTo("PROPOSED");
        assertThat(created.body().path("translator").asText()).isEqualTo("local");
        String id = created.body().path("intentId").asText();

        assertThat(send("GET", "/intents/" + id, null).body().path("state").asText()).isEqualTo("PROPOSED");
        assertThat(send("GET", "/intents/" + id + "/report", null).body().path("note").asText()).contains("once ACTIVE");

        Reply approved = send("POST", "/intents/" + id + "/approve", null, "X-Ric-Actor", "bob");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("state").asText()).isEqualTo("ACTIVE");
        assertThat(send("POST", "/intents/" + id + "/approve", null).status()).isEqualTo(409);

        KPIS.ingest(List.of(new KpmSample("gnb-1", "cell-1", 1, "", "RRU.PrbUsedDl", 40, 0, 0),
                new KpmSample("gnb-1", "cell-1", 0, "", "RRU.PrbAvailDl", 106, 0, 0)));
        Reply report = send("GET", "/intents/" + id + "/report?refresh=true", null);
        assertThat(report.body().at("/fulfilment/status").asText()).isEqualTo("FULFILLED");
        assertThat(report.body().at("/fulfilment/expectations/0/scope").asText()).isEqualTo("cell-1/embb");
        assertThat(report.body().at("/fulfilment/expectations/0/target").asText()).isEqualTo("<= 70 %");

        Reply list = send("GET", "/intents?state=ACTIVE", null);
        assertThat(list.body().toString()).contains(id).contains("FULFILLED");

        Map<String, IntentRecord> intents = TopicConsumer.snapshot(kafka.settings(), RicTopic.RIC_INTENTS, Duration.ofSeconds(30));
        assertThat(intents.get(id).getState()).isEqualTo(IntentState.INTENT_STATE_ACTIVE);
        assertThat(intents.get(id).getFulfilment().getExpectationsCount()).isEqualTo(1);
        long deadline = System.currentTimeMillis() + 30_000;
        Map<String, ExperienceRecord> exp = Map.of();
        while (System.currentTimeMillis() < deadline && (exp.get(id) == null || !exp.get(id).hasOutcome())) {
            exp = TopicConsumer.snapshot(kafka.settings(), RicTopic.RIC_EXPERIENCE, Duration.ofSeconds(30));
        }
        assertThat(exp.get(id).getEmbeddingCount()).isEqualTo(384);
        assertThat(exp.get(id).getOutcome().getStatus().name()).isEqualTo("STATUS_FULFILLED");
        assertThat(AgentTesting.audit(kafka.settings(), id, es -> es.stream().anyMatch(e -> e.getKind() == AuditKind.AUDIT_KIND_FULFILMENT),
                Duration.ofSeconds(30))).extracting(e -> e.getKind()).contains(AuditKind.AUDIT_KIND_INTENT_RECEIVED,
                AuditKind.AUDIT_KIND_APPROVAL, AuditKind.AUDIT_KIND_FULFILMENT);
    }

    @Test
    void bad_requests_dry_runs_and_rejections() throws Exception {
        assertThat(send("POST", "/intents", "{}").status()).isEqualTo(400);
        assertThat(send("POST", "/intents", "not json").status()).isEqualTo(400);
        assertThat(send("GET", "/intents/i-nope", null).status()).isEqualTo(404);
        Reply dry = send("POST", "/intents", "{\"text\":\"set cell 3 power to 90 dBm\",\"dryRun\":true}");
        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.body().at("/rejected/0/reason").asText()).contains("46");
        HttpResponse<String> plain = CLIENT.send(HttpRequest.newBuilder(URI.create(agent.url() + "/intents"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("shrink cell 7 to 20 MHz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(201);
        String id = M.readTree(plain.body()).path("intentId").asText();
        Reply rejected = send("POST", "/intents/" + id + "/reject", "{\"reason\":\"not during the event\"}", "X-Ric-Actor", "carol");
        assertThat(rejected.body().path("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.body().at("/submitted/0/status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void mcp_health_and_metrics_on_the_same_port_and_probes_on_their_own() throws Exception {
        Reply init = send("POST", "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\","
                + "\"clientInfo\":{\"name\":\"svc-test\"}}}");
        assertThat(init.body().at("/result/serverInfo/name").asText()).isEqualTo("oran-ric-intent-agent");
        Reply health = send("GET", "/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("kafka").asText()).isEqualTo("UP");
        assertThat(health.body().path("policyStore").asText()).isEqualTo("UP");
        assertThat(health.body().path("llm").asText()).contains("offline");
        send("POST", "/intents", "{\"text\":\"make the network better\",\"dryRun\":true}");
        assertThat(send("GET", "/metrics", null).body().asText()).contains("agent_intents_total{").contains("agent_intents_fulfilment{");
        HttpResponse<String> probe = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.probePort() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.body()).contains("\"kafka\":\"UP\"");
        assertThat(send("GET", "/nothing", null).status()).isEqualTo(404);
        assertThat(agent.agent().approval()).isEqualTo(IntentAgent.Approval.OPERATOR);
    }
}
