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
}
