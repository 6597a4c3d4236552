package io.oranric.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Translation;
import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.model.Validity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Translator paths that do not depend on the embedding model: a stub classifier stands in for it. */
class LocalTranslatorTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final NetworkContext CTX = NetworkContext.lab(12, UTC, Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), UTC));

    /** Always answers one label with a fixed similarity. */
    static IntentClassifier stub(IntentClassifier.Label label, double score) {
        return text -> {
            List<IntentClassifier.Scored> out = new ArrayList<>();
            out.add(new IntentClassifier.Scored(label, score));
            for (IntentClassifier.Label l : IntentClassifier.Label.values()) {
                if (l != label) {
                    out.add(new IntentClassifier.Scored(l, 0.1));
                }
            }
            return out;
        };
    }

    private static Translation grammar(String text) {
        return LocalTranslator.grammarOnly().translate(text, CTX);
    }

    @Test
    void unitless_value_with_a_confident_classifier_becomes_a_policy_with_its_assumption() {
        Translation t = new LocalTranslator(stub(IntentClassifier.Label.SLICE_SLA, 0.9), 0.6)
                .translate("urllc in cell 3 must stay under 5", CTX);
        assertThat(t.understood()).isTrue();
        assertThat(t.policies()).singleElement().satisfies(p -> assertThat(p.statement())
                .isEqualTo(new SliceSla(null, null, 5.0, null)));
        assertThat(t.assumptions()).anyMatch(a -> a.contains("read as milliseconds"));
        assertThat(t.confidence()).isLessThan(0.95);
    }

    @Test
    void an_unsure_classifier_turns_the_same_text_into_a_confirmation_question() {
        Translation t = new LocalTranslator(stub(IntentClassifier.Label.SLICE_SLA, 0.46), 0.6)
                .translate("urllc in cell 3 must stay under 5", CTX);
        assertThat(t.understood()).isFalse();
        assertThat(t.clarification()).startsWith("Did you mean");
        assertThat(t.policies()).isEmpty();
        assertThat(t.confidence()).isLessThan(0.6);
    }

    @Test
    void without_a_classifier_what_the_grammar_cannot_settle_is_asked() {
        Translation t = grammar("urllc in cell 3 must stay under 5");
        assertThat(t.understood()).isFalse();
        assertThat(t.clarification()).contains("urllc, cell-3");
    }

    @Test
    void a_missing_value_is_asked_for_naming_what_was_understood() {
        Translation t = grammar("change the power of cell 4");
        assertThat(t.clarification()).contains("cell-4").contains("dBm");
        assertThat(grammar("give urllc more resources").clarification()).contains("share of the PRBs");
        assertThat(grammar("cap the PRBs at 40% in cell 2").clarification()).contains("Which slice");
    }

    @Test
    void relative_changes_of_absolute_targets_are_asked_not_guessed() {
        assertThat(grammar("increase urllc's share in cell 2 by 10%").clarification()).contains("absolute percentages");
        assertThat(grammar("cut urllc latency by 2 ms").clarification()).contains("Latency targets are absolute");
        assertThat(grammar("give embb 20 Mbps more downlink by 20 Mbps").understood()).isFalse();
        assertThat(grammar("reduce the bandwidth of cell 3 by 20 MHz").clarification()).contains("absolute");
    }

    @Test
    void questions_are_not_intents() {
        assertThat(grammar("how many users are on cell 2?").clarification()).contains("question");
        assertThat(grammar("can you cap embb at 60% in cell 2?").understood()).isTrue();
    }

    @Test
    void out_of_envelope_is_rejected_with_the_validators_reason() {
        Translation t = grammar("set cell 3 power to 90 dBm");
        assertThat(t.understood()).isTrue();
        assertThat(t.policies()).isEmpty();
        assertThat(t.rejected()).singleElement().satisfies(r -> {
            assertThat(r.policy().statement()).isEqualTo(TxPower.absolute(90));
            assertThat(r.reason()).contains("statement.maxTxPowerDbm = 90 dBm").contains("46");
            assertThat(r.violations()).extracting(v -> v.field()).containsExactly("statement.maxTxPowerDbm");
        });
    }

    @Test
    void policies_in_force_take_part_in_validation() {
        Policy embbFloor = new Policy("p-old", PrbQuota.min(90), Scope.of(List.of("cell-3"), "embb"), 50,
                Validity.ALWAYS, null, PolicyStatus.ACTIVE, 1);
        Translation t = LocalTranslator.grammarOnly().translate("guarantee at least 20 percent of the PRBs of cell 3 for urllc",
                CTX.withInForce(List.of(embbFloor)));
        assertThat(t.policies()).isEmpty();
        assertThat(t.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("110 %"));
    }

    @Test
    void conflicts_with_policies_in_force_are_reported_not_resolved() {
        Policy cap = new Policy("p-old", PrbQuota.max(70), Scope.of(List.of("cell-1"), "embb"), 50,
                Validity.ALWAYS, null, PolicyStatus.ACTIVE, 1);
        Translation t = LocalTranslator.grammarOnly().translate("cap embb at 60% of the PRBs in cell 1", CTX.withInForce(List.of(cap)));
        assertThat(t.policies()).hasSize(1);
        assertThat(t.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.other().policyId()).isEqualTo("p-old");
            assertThat(c.parameter()).isEqualTo("statement.maxPrbPct");
        });
        assertThat(grammar("cap embb at 60% of the PRBs in cell 1").conflicts()).isEmpty();
    }

    @Test
    void proposals_of_one_intent_are_validated_together() {
        Translation t = grammar("reserve 60% of PRBs for urllc in cell 1 and reserve 50% for embb there");
        assertThat(t.policies()).hasSize(1);
        assertThat(t.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("cell-1"));
    }

    @Test
    void filled_in_defaults_are_reported() {
        Translation t = grammar("save energy on cell 3 when load is under 10%");
        assertThat(t.policies()).singleElement().satisfies(p -> assertThat(((EnergySaving) p.statement()).mode())
                .isEqualTo(EnergySaving.Mode.REDUCE_POWER));
        assertThat(t.assumptions()).anyMatch(a -> a.contains("REDUCE_POWER"));
    }

    @Test
    void tonight_gives_an_absolute_interval_and_ids_are_stable() {
        Translation a = grammar("tonight, cap embb at 50% of PRBs in cell 2");
        Translation b = grammar("tonight, cap embb at 50% of PRBs in cell 2");
        Policy p = a.policies().get(0);
        assertThat(p.validity().from()).isEqualTo(Instant.parse("2026-11-22T22:00:00Z"));
        assertThat(p.validity().until()).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        assertThat(a.intentId()).isEqualTo(b.intentId()).startsWith("i-");
        assertThat(p.policyId()).startsWith("p-").endsWith("-1");
        assertThat(p.intentId()).isEqualTo(a.intentId());
        assertThat(p.status()).isEqualTo(PolicyStatus.PROPOSED);
    }

    @Test
    void coordinated_slices_get_one_policy_each() {
        Translation t = grammar("give urllc and miot at least 20% of the PRBs on cell 1");
        assertThat(t.policies()).extracting(p -> p.scope().slice()).containsExactly("urllc", "miot");
    }

    @Test
    void exclusions_scope_the_complement_and_never_the_excluded_cell() {
        Translation t = grammar("lower power by 2 dB on all cells except cell 5");
        assertThat(t.policies()).singleElement().satisfies(p -> assertThat(p.scope().cells())
                .hasSize(11).doesNotContain("cell-5").contains("cell-4", "cell-6"));
        assertThat(grammar("lower power by 2 dB on all cells but cell 5").policies().get(0).scope().cells()).doesNotContain("cell-5");
        Translation sleep = grammar("put all cells except cell 3 to sleep at night");
        assertThat(sleep.policies()).isEmpty();
        assertThat(sleep.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("without an active cell"));
    }

    @Test
    void negated_actions_are_asked_never_inverted() {
        for (String s : List.of("don't put cell 3 to sleep", "never reduce the power of cell 2 by 3 dB",
                "do not change the bandwidth of cell 4 to 20 MHz")) {
            Translation t = grammar(s);
            assertThat(t.understood()).as(s).isFalse();
            assertThat(t.policies()).as(s).isEmpty();
        }
        assertThat(grammar("don't let embb use more than 80% of the PRBs in cell 1").policies().get(0).statement())
                .isEqualTo(PrbQuota.max(80));
        assertThat(grammar("cell 5 should not exceed 40 dBm").policies().get(0).statement()).isEqualTo(TxPower.absolute(40));
    }

    @Test
    void day_of_week_limits_are_asked_not_dropped() {
        Translation t = grammar("on weekends cap embb at 80% of the PRBs in cell 2");
        assertThat(t.understood()).isFalse();
        assertThat(t.clarification()).contains("weekends");
        assertThat(grammar("during peak hours give urllc 30% of the PRBs in cell 1").clarification()).contains("peak hours");
        assertThat(grammar("every morning cap embb at 80% of the PRBs in cell 2").policies().get(0).validity().daily())
                .isEqualTo(io.oranric.policies.model.DailyWindow.of("06:00", "12:00"));
    }

    @Test
    void priority_words_set_the_priority() {
        assertThat(grammar("cap embb at 60% in cell 2 with priority 80").policies().get(0).priority()).isEqualTo(80);
        assertThat(grammar("cap embb at 60% in cell 2, high priority").policies().get(0).priority()).isEqualTo(80);
        assertThat(grammar("cap embb at 60% in cell 2").policies().get(0).priority()).isEqualTo(50);
    }

    @Test
    void a_verbless_clause_shares_the_verb_before_it() {
        Translation t = grammar("cap embb at 60% and urllc at 40% in cell 2");
        assertThat(t.policies()).extracting(p -> p.statement()).containsExactly(PrbQuota.max(60), PrbQuota.max(40));
        Translation s = grammar("steer miot to cell 4 and embb away from cell 4");
        assertThat(s.policies()).extracting(p -> ((io.oranric.policies.model.TrafficSteering) p.statement()).preference().name())
                .containsExactly("PREFER", "AVOID");
        Translation d = grammar("lower cell 2 by 2 dB and cell 3 by 1 dB");
        assertThat(d.policies()).extracting(p -> p.statement()).containsExactly(TxPower.delta(-2), TxPower.delta(-1));
    }

    @Test
    void empty_text_asks() {
        assertThat(grammar("  ").understood()).isFalse();
        assertThat(grammar(null).understood()).isFalse();
    }
}
