package io.oranric.policies.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.policies.model.DailyWindow;
import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.model.Spectrum;
import io.oranric.policies.model.Statement;
import io.oranric.policies.model.TrafficSteering;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.model.Validity;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyJsonTest {

    private static final ObjectMapper M = new ObjectMapper();

    static Stream<Statement> everyType() {
        return Stream.of(
                new SliceSla(50.0, 10.0, 5.0, 0.1),
                new PrbQuota(20.0, 60.0, 10.0),
                TxPower.absolute(40),
                TxPower.delta(-3),
                new Spectrum(40.0, 632628L, 1),
                new EnergySaving(EnergySaving.Mode.REDUCE_POWER, 10.0, false),
                new TrafficSteering(TrafficSteering.Preference.FORBID, List.of("cell-4", "cell-5")));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void every_type_round_trips(Statement s) {
        Policy p = new Policy("p-1", s, new Scope(List.of("gnb-1"), List.of("cell-1"), "urllc", List.of("ue-7")), 70,
                new Validity(Instant.parse("2026-11-22T22:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"),
                        DailyWindow.of("22:00", "06:00")), "i-1", PolicyStatus.ACTIVE, 3);
        assertThat(PolicyJson.read(PolicyJson.write(p))).isEqualTo(p);
    }

    @Test
    void contract_example_reads_with_its_exact_field_names() {
        String json = """
                { "policyId": "p-7f3a", "type": "PrbQuota", "scope": { "cells": ["cell-3"], "slice": "urllc" },
                  "statement": { "minPrbPct": 20, "maxPrbPct": 60, "dedicatedPrbPct": 10 }, "priority": 50,
                  "validity": { "from": "2026-11-22T22:00:00Z", "until": null, "daily": { "start": "22:00", "end": "06:00" } },
                  "intentId": "i-19c2", "status": "PROPOSED" }""";
        Policy p = PolicyJson.read(json);
        assertThat(p.statement()).isEqualTo(new PrbQuota(20.0, 60.0, 10.0));
        assertThat(p.scope()).isEqualTo(Scope.of(List.of("cell-3"), "urllc"));
        assertThat(p.validity().daily()).isEqualTo(DailyWindow.of("22:00", "06:00"));
        assertThat(p.validity().until()).isNull();
        assertThat(p.version()).isEqualTo(1);
    }

    @Test
    void absent_optional_fields_are_omitted_and_whole_numbers_stay_integers() throws Exception {
        Policy p = Policy.draft(PrbQuota.min(20), Scope.of(List.of("cell-3"), "urllc"));
        JsonNode n = M.readTree(PolicyJson.write(p));
        assertThat(n.has("policyId")).isFalse();
        assertThat(n.has("validity")).isFalse();
        assertThat(n.get("scope").has("nodes")).isFalse();
        assertThat(n.get("statement").has("maxPrbPct")).isFalse();
        assertThat(n.get("statement").get("minPrbPct").isIntegralNumber()).isTrue();
        assertThat(n.get("statement").toString()).isEqualTo("{\"minPrbPct\":20}");
        assertThat(n.get("type").asText()).isEqualTo("PrbQuota");
        assertThat(n.get("schemaVersion").asInt()).isEqualTo(1);
    }

    @Test
    void fractional_values_are_kept() throws Exception {
        Policy p = Policy.draft(new SliceSla(null, null, null, 0.1), Scope.slice("urllc"));
        assertThat(M.readTree(PolicyJson.write(p)).get("statement").get("maxPacketLossPct").asDouble()).isEqualTo(0.1);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{\"type\":\"PrbQuota\",\"statement\":{\"minPrbPct\":\"20\"}}", "statement.minPrbPct", "expected a number"),
                Arguments.of("{\"type\":\"PrbQuota\",\"statement\":{\"minPct\":20}}", "statement.minPct", "unknown field"),
                Arguments.of("{\"type\":\"PrbQuota\",\"statement\":{}}", "statement", "at least one"),
                Arguments.of("{\"type\":\"Quota\",\"statement\":{}}", "type", "unknown policy type"),
                Arguments.of("{\"statement\":{}}", "type", "missing"),
                Arguments.of("{\"type\":\"TxPower\"}", "statement", "missing"),
                Arguments.of("{\"type\":\"TxPower\",\"statement\":{\"deltaDb\":-3},\"scope\":{\"cells\":\"cell-1\"}}", "scope.cells", "array"),
                Arguments.of("{\"type\":\"TxPower\",\"statement\":{\"deltaDb\":-3},\"scope\":{\"cells\":[3]}}", "scope.cells[0]", "expected a string"),
                Arguments.of("{\"type\":\"TxPower\",\"statement\":{\"deltaDb\":-3},\"priority\":\"high\"}", "priority", "expected an integer"),
                Arguments.of("{\"type\":\"TxPower\",\"statement\":{\"deltaDb\":-3},\"status\":\"LIVE\"}", "status", "unknown value"),
                Arguments.of("{\"type\":\"EnergySaving\",\"statement\":{\"whenLoadBelowPct\":5}}", "statement.mode", "missing"),
                Arguments.of("{\"type\":\"EnergySaving\",\"statement\":{\"mode\":\"SLEEP\",\"keepCoverage\":\"yes\"}}", "statement.keepCoverage", "true or false"),
                Arguments.of("{\"type\":\"Spectrum\",\"statement\":{\"arfcnDl\":1.5}}", "statement.arfcnDl", "integer"),
                Arguments.of("{\"type\":\"TrafficSteering\",\"statement\":{\"preference\":\"PREFER\"}}", "statement.targetCells", "missing"),
                Arguments.of("{\"type\":\"TxPower\",\"statement\":{\"deltaDb\":-3},\"validity\":{\"daily\":{\"start\":\"25:00\",\"end\":\"06:00\"}}}", "validity.daily.start", "HH:mm"),
                Arguments.of("{\"type\":\"TxPower\",\"statement\":{\"deltaDb\":-3},\"validity\":{\"from\":\"tomorrow\"}}", "validity.from", "ISO-8601"),
                Arguments.of("{\"type\":\"TxPower\",\"statement\":{\"deltaDb\":-3},\"validity\":{\"from\":\"2026-11-23T00:00:00Z\",\"until\":\"2026-11-22T00:00:00Z\"}}", "validity.until", "after"),
                Arguments.of("{\"type\":\"TxPower\",\"statement\":{\"deltaDb\":-3},\"schemaVersion\":2}", "schemaVersion", "unsupported"),
                Arguments.of("{\"type\":\"TxPower\",\"statement\":{\"deltaDb\":-3},\"colour\":\"red\"}", "colour", "unknown field"),
                Arguments.of("[1,2]", "", "expected an object"),
                Arguments.of("{\"type\": \"TxPower\", ", "", "malformed JSON"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformed_input_names_the_field(String json, String field, String problem) {
        assertThatThrownBy(() -> PolicyJson.read(json))
                .isInstanceOfSatisfying(PolicyJsonException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(problem);
                });
    }
}
