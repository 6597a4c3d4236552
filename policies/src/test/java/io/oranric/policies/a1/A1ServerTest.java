package io.oranric.policies.a1;

import static io.oranric.policies.store.StoreTesting.VALIDATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.contract.v1.PolicyRecord;
import io.oranric.policies.store.PolicyStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST interface through a real HTTP client, against the real server on a real embedded broker.
 * Approval is manual here, so each test drives the lifecycle itself; tests keep to cells of their own.
 */
class A1ServerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KafkaBackbone kafka;
    private static PolicyServer server;

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    @BeforeAll
    static void start() {
        kafka = KafkaBackbone.open("embedded");
        server = PolicyServer.start(kafka.settings(), VALIDATOR, PolicyStore.Options.defaults().withSweepEvery(null),
                "127.0.0.1", 0, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        kafka.close();
    }

    static Reply call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30))
                .header(A1Server.ACTOR_HEADER, "test-operator");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isEmpty() ? MAPPER.missingNode() : MAPPER.readTree(r.body());
            return new Reply(r.statusCode(), json, r);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String prbQuota(String cell, String slice, int maxPct, int priority) {
        return "{\"type\":\"PrbQuota\",\"scope\":{\"cells\":[\"" + cell + "\"],\"slice\":\"" + slice + "\"},"
                + "\"statement\":{\"maxPrbPct\":" + maxPct + "},\"priority\":" + priority + "}";
    }

    private static Map<String, PolicyRecord> topic() {
        return TopicConsumer.snapshot(kafka.settings(), RicTopic.RIC_POLICIES, Duration.ofSeconds(30));
    }

    @Test
    void the_contract_is_served_and_every_operation_has_a_handler() {
        Reply r = call("GET", "/openapi.json", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("openapi")).isEqualTo("3.1.0");
        List<String> ids = new ArrayList<>();
        r.body().path("paths").forEach(p -> p.forEach(op -> {
            if (op.has("operationId")) {
                ids.add(op.get("operationId").asText());
            }
        }));
        Set<String> bound = Arrays.stream(A1Operation.values()).map(A1Operation::operationId).collect(Collectors.toSet());
        assertThat(ids).containsExactlyInAnyOrderElementsOf(bound);
    }

    @Test
    void policy_types_come_with_the_schema_of_their_statement() {
        Reply list = call("GET", "/a1-p/policytypes", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).extracting(JsonNode::asText)
                .containsExactly("SliceSla", "PrbQuota", "TxPower", "Spectrum", "EnergySaving", "TrafficSteering");
        Reply tx = call("GET", "/a1-p/policytypes/TxPower", null);
        assertThat(tx.status()).isEqualTo(200);
        assertThat(tx.body().at("/policySchema/properties/maxTxPowerDbm/type").asText()).isEqualTo("number");
        assertThat(tx.text("enforcedBy")).contains("configuredMaxTxPower");
        Reply unknown = call("GET", "/a1-p/policytypes/Teleport", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("field")).isEqualTo("policyTypeId");
        assertThat(unknown.text("title")).isNotEmpty();
    }

    @Test
    void lifecycle_submit_activate_update_rollback_delete() {
        Reply submitted = call("POST", "/policies", prbQuota("cell-20", "embb", 70, 50));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        String id = submitted.text("policyId");
        assertThat(submitted.raw().headers().firstValue("Location")).hasValue("/policies/" + id);
        assertThat(submitted.text("status")).isEqualTo("PROPOSED");
        assertThat(submitted.body().path("created").asBoolean()).isTrue();
        assertThat(call("GET", "/policies?status=PROPOSED", null).body()).extracting(n -> n.path("policyId").asText()).contains(id);

        Reply active = call("POST", "/policies/" + id + "/activate", null);
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.text("status")).isEqualTo("ACTIVE");
        String a1 = "/a1-p/policytypes/PrbQuota/policies/" + id;
        Reply status = call("GET", a1 + "/status", null);
        assertThat(status.text("status")).isEqualTo("ACTIVE");
        assertThat(status.body().path("inEffect").asBoolean()).isTrue();
        assertThat(status.text("enforceStatus")).isEqualTo("ENFORCED");
        assertThat(call("GET", "/a1-p/policytypes/PrbQuota/policies", null).body()).extracting(JsonNode::asText).contains(id);

        Reply update = call("PUT", a1, prbQuota("cell-20", "embb", 60, 50));
        assertThat(update.status()).as(update.body().toString()).isEqualTo(200);
        assertThat(update.text("status")).isEqualTo("PROPOSED");
        assertThat(update.body().path("version").asInt()).isEqualTo(2);
        Reply waiting = call("GET", a1 + "/status", null);
        assertThat(waiting.body().path("version").asInt()).isEqualTo(1);
        assertThat(waiting.body().path("latestVersion").asInt()).isEqualTo(2);
        assertThat(waiting.text("latestStatus")).isEqualTo("PROPOSED");
        assertThat(call("POST", "/policies/" + id + "/activate", null).body().path("version").asInt()).isEqualTo(2);
        assertThat(call("GET", a1, null).body().at("/statement/maxPrbPct").asInt()).isEqualTo(60);

        Reply back = call("POST", "/policies/" + id + "/rollback", null);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body().path("version").asInt()).isEqualTo(3);
        assertThat(back.text("reason")).isEqualTo("rollback to v1");
        assertThat(call("GET", a1, null).body().at("/statement/maxPrbPct").asInt()).isEqualTo(70);
        Reply details = call("GET", "/policies/" + id, null);
        assertThat(details.body().path("history")).extracting(h -> h.path("status").asText())
                .containsExactly("SUPERSEDED", "SUPERSEDED", "ACTIVE");
        assertThat(details.text("updatedBy")).isEqualTo("test-operator");
        assertThat(topic().get(id).getVersion()).isEqualTo(3);

        Reply deleted = call("DELETE", a1, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(call("GET", a1, null).status()).isEqualTo(404);
        assertThat(call("GET", "/policies/" + id, null).status()).isEqualTo(404);
        assertThat(topic()).doesNotContainKey(id);
    }

    @Test
    void a_policy_outside_the_envelope_answers_400_with_field_value_bound_and_never_becomes_active() {
        String hot = "{\"type\":\"TxPower\",\"scope\":{\"cells\":[\"cell-21\"]},\"statement\":{\"maxTxPowerDbm\":60}}";
        Reply r = call("PUT", "/a1-p/policytypes/TxPower/policies/p-hot", hot);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("status").asInt()).isEqualTo(400);
        assertThat(r.text("title")).isEqualTo("Outside the safety envelope");
        assertThat(r.text("field")).isEqualTo("statement.maxTxPowerDbm");
        assertThat(r.text("value")).isEqualTo("60");
        assertThat(r.text("bound")).isEqualTo("10..46 dBm");
        assertThat(r.text("detail")).contains("60 dBm is above the maximum of 46 dBm");
        assertThat(r.text("policyId")).isEqualTo("p-hot");
        // recorded as refused, for the audit trail, and it cannot be approved
        assertThat(topic().get("p-hot").getStatus()).isEqualTo("REJECTED");
        Reply approve = call("POST", "/policies/p-hot/activate", null);
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.text("detail")).contains("REJECTED, not PROPOSED");
        assertThat(topic().get("p-hot").getStatus()).isEqualTo("REJECTED");

        String sleepy = "{\"type\":\"Spectrum\",\"scope\":{\"cells\":[\"cell-21\"]},\"statement\":{\"bandwidthMHz\":35}}";
        Reply bw = call("POST", "/policies", sleepy);
        assertThat(bw.status()).isEqualTo(400);
        assertThat(bw.text("field")).isEqualTo("statement.bandwidthMHz");
        assertThat(bw.text("value")).isEqualTo("35");
        assertThat(bw.text("bound")).startsWith("one of 5, 10");
    }

    @Test
    void a_conflict_reports_its_loser_409_for_the_candidate_and_superseded_for_the_incumbent() {
        String a1 = "/a1-p/policytypes/PrbQuota/policies/";
        assertThat(call("PUT", a1 + "p-incumbent", prbQuota("cell-22", "urllc", 70, 50)).status()).isEqualTo(201);
        assertThat(call("POST", "/policies/p-incumbent/activate", null).text("status")).isEqualTo("ACTIVE");

        Reply weak = call("PUT", a1 + "p-weak", prbQuota("cell-22", "urllc", 40, 20));
        assertThat(weak.status()).isEqualTo(409);
        assertThat(weak.text("title")).isEqualTo("Conflict lost");
        assertThat(weak.text("field")).isEqualTo("statement.maxPrbPct");
        assertThat(weak.text("value")).isEqualTo("priority 20");
        assertThat(weak.text("bound")).contains("priority above 50 of p-incumbent v1");
        assertThat(weak.body().path("losses").get(0).path("loser").asText()).isEqualTo("p-weak");
        assertThat(weak.body().path("losses").get(0).path("winner").asText()).isEqualTo("p-incumbent");
        assertThat(call("GET", a1 + "p-weak/status", null).text("status")).isEqualTo("REJECTED");

        Reply strong = call("PUT", a1 + "p-strong", prbQuota("cell-22", "urllc", 40, 90));
        assertThat(strong.status()).isEqualTo(201);
        assertThat(strong.text("status")).isEqualTo("PROPOSED");
        assertThat(strong.body().path("losses").get(0).path("loser").asText()).isEqualTo("p-incumbent");
        Reply on = call("POST", "/policies/p-strong/activate", null);
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.body().path("superseded")).extracting(JsonNode::asText).containsExactly("p-incumbent");
        Reply loser = call("GET", a1 + "p-incumbent/status", null);
        assertThat(loser.text("status")).isEqualTo("SUPERSEDED");
        assertThat(loser.text("reason")).contains("p-incumbent v1 loses to p-strong v1");
        assertThat(loser.text("enforceStatus")).isEqualTo("NOT_ENFORCED");
        assertThat(topic().get("p-incumbent").getStatus()).isEqualTo("SUPERSEDED");
    }

    @Test
    void malformed_requests_are_refused_by_the_contract_or_the_codec_with_the_field() {
        String a1 = "/a1-p/policytypes/TxPower/policies/p-bad";
        Reply wrongType = call("PUT", a1, "{\"type\":\"TxPower\",\"scope\":{\"cells\":[\"cell-23\"]},\"statement\":{\"maxTxPowerDbm\":\"high\"}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text("field")).isEqualTo("statement.maxTxPowerDbm");

        Reply unknownField = call("PUT", a1, "{\"type\":\"TxPower\",\"statement\":{\"maxTxPowerDbm\":20},\"colour\":\"red\"}");
        assertThat(unknownField.status()).isEqualTo(400);

        Reply twoOfOne = call("PUT", a1, "{\"type\":\"TxPower\",\"statement\":{\"maxTxPowerDbm\":20,\"deltaDb\":1}}");
        assertThat(twoOfOne.status()).isEqualTo(400);
        assertThat(twoOfOne.text("field")).isEqualTo("statement");
        assertThat(twoOfOne.text("detail")).contains("exactly one of maxTxPowerDbm, deltaDb");

        Reply mismatch = call("PUT", "/a1-p/policytypes/Spectrum/policies/p-bad",
                "{\"type\":\"TxPower\",\"statement\":{\"maxTxPowerDbm\":20}}");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.text("field")).isEqualTo("type");
        assertThat(mismatch.text("value")).isEqualTo("TxPower");
        assertThat(mismatch.text("bound")).isEqualTo("Spectrum");

        Reply notJson = call("POST", "/policies", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(call("POST", "/policies/p-nothing/activate", null).status()).isEqualTo(404);
        assertThat(call("GET", "/no/such/path", null).status()).isEqualTo(404);
        assertThat(call("GET", "/no/such/path", null).text("title")).isEqualTo("Not found");
        assertThat(topic()).doesNotContainKey("p-bad");
    }
}
