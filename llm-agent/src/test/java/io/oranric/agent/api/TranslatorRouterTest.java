package io.oranric.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.agent.local.LocalTranslator;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.TxPower;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranslatorRouterTest {

    static final NetworkContext CTX = NetworkContext.lab();

    /** A stand-in for an LLM provider. */
    record Fixed(String id, Translation answer) implements Translator {
        @Override
        public Translation translate(String text, NetworkContext context) {
            return answer;
        }
    }

    record Broken() implements Translator {
        @Override
        public String id() {
            return "llm:down/none";
        }

        @Override
        public Translation translate(String text, NetworkContext context) {
            throw new IllegalStateException("connection refused");
        }
    }

    private static Translation llmAnswer(String text) {
        return new Translation("i-1", text, "llm:ollama/test", 0.8,
                List.of(Policy.draft(TxPower.delta(-1), Scope.cells("cell-4"))), List.of(), null, List.of(), List.of());
    }

    @Test
    void the_local_answer_is_kept_when_it_is_sure() {
        TranslatorRouter r = new TranslatorRouter(List.of(LocalTranslator.grammarOnly(),
                new Fixed("llm:x/y", llmAnswer("x"))), 0.6);
        assertThat(r.translate("reduce transmit power of cell 2 by 3 dB", CTX).translator()).isEqualTo("local");
    }

    @Test
    void what_the_local_translator_cannot_handle_goes_to_the_next() {
        String text = "the neighbours of cell 4 interfere, tone it down a notch";
        TranslatorRouter r = new TranslatorRouter(List.of(LocalTranslator.grammarOnly(), new Fixed("llm:x/y", llmAnswer(text))), 0.6);
        Translation t = r.translate(text, CTX);
        assertThat(t.translator()).isEqualTo("llm:ollama/test");
    }

    @Test
    void a_failing_provider_leaves_the_local_answer() {
        TranslatorRouter r = new TranslatorRouter(List.of(LocalTranslator.grammarOnly(), new Broken()), 0.6);
        Translation t = r.translate("make the network better", CTX);
        assertThat(t.translator()).isEqualTo("local");
        assertThat(t.understood()).isFalse();
    }

    @Test
    void a_compound_intent_escalates_when_an_llm_is_configured() {
        String text = "give urllc 30% dedicated PRBs on cell 2 and cap embb at 60% there";
        TranslatorRouter r = new TranslatorRouter(List.of(LocalTranslator.grammarOnly(), new Fixed("llm:x/y", llmAnswer(text))), 0.6);
        TranslatorRouter.Route route = r.route(text, CTX, TranslationTrace.NONE);
        assertThat(route.answeredBy()).isEqualTo("llm:x/y");
        assertThat(route.escalation()).containsExactly(TranslatorRouter.Escalation.COMPOUND);
        assertThat(route.reason()).contains("compound intent");
        assertThat(route.attempts()).hasSize(2);
    }

    @Test
    void without_an_llm_a_complete_compound_answer_stays_offline() {
        String text = "give urllc 30% dedicated PRBs on cell 2 and cap embb at 60% there";
        TranslatorRouter.Route route = new TranslatorRouter(List.of(LocalTranslator.grammarOnly()), 0.6).route(text, CTX, TranslationTrace.NONE);
        assertThat(route.translation().policies()).hasSize(2);
        assertThat(route.reason()).contains("no LLM is configured").contains("kept");
    }

    @Test
    void without_an_llm_a_condition_the_policies_cannot_carry_becomes_a_question() {
        String text = "if urllc latency in cell 3 goes above 10 ms, cap embb at 50% there";
        TranslatorRouter.Route route = new TranslatorRouter(List.of(LocalTranslator.grammarOnly()), 0.6).route(text, CTX, TranslationTrace.NONE);
        assertThat(route.escalation()).contains(TranslatorRouter.Escalation.CONDITIONAL);
        assertThat(route.translation().understood()).isFalse();
        assertThat(route.translation().clarification()).contains("conditional").contains("no LLM is configured").endsWith("?");
    }

    @Test
    void a_load_condition_energy_saving_carries_itself_and_stays_offline() {
        TranslatorRouter.Route route = new TranslatorRouter(List.of(LocalTranslator.grammarOnly(), new Broken()), 0.6)
                .route("turn off cell 5 when its load drops under 5%", CTX, TranslationTrace.NONE);
        assertThat(route.escalation()).isEmpty();
        assertThat(route.answeredBy()).isEqualTo("local");
    }

    @Test
    void when_the_llm_fails_on_a_compound_intent_the_offline_answer_is_kept_and_the_failure_named() {
        String text = "give urllc 30% dedicated PRBs on cell 2 and cap embb at 60% there";
        TranslatorRouter.Route route = new TranslatorRouter(List.of(LocalTranslator.grammarOnly(), new Broken()), 0.6)
                .route(text, CTX, TranslationTrace.NONE);
        assertThat(route.answeredBy()).isEqualTo("local");
        assertThat(route.reason()).contains("llm:down/none failed: connection refused").contains("offline answer is complete and kept");
        assertThat(route.attempts().get(1).outcome()).startsWith("failed");
    }
}
