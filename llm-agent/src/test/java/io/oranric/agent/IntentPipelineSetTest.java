package io.oranric.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oranric.agent.api.IntentIds;
import io.oranric.agent.api.Translation;
import io.oranric.agent.api.TranslationTrace;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.guard.Guard;
import io.oranric.agent.json.TranslationJson;
import io.oranric.agent.local.LocalTranslator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole offline path of the agent (router without an LLM, then the guard) gives what every
 * intent set expects, as the offline translator alone does: routing and the guard add no false
 * rejections and no questions to intents the offline translator handles.
 */
class IntentPipelineSetTest {

    static final TranslatorRouter ROUTER = new TranslatorRouter(List.of(IntentSetTest.TRANSLATOR), LocalTranslator.DEFAULT_THRESHOLD);

    static Stream<Arguments> all() {
        return Stream.of("dev-set.jsonl", "paraphrases.jsonl", "paraphrases-2.jsonl", "paraphrases-3.jsonl", "paraphrases-4.jsonl")
                .flatMap(IntentSetTest::lines);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("all")
    void routed_and_guarded(String text, JsonNode expect) {
        TranslatorRouter.Route route = ROUTER.route(text, IntentSetTest.CTX, TranslationTrace.NONE);
        String id = IntentIds.intentId(text, IntentSetTest.CTX.clock().instant());
        Translation t = new Guard().review(route.translation(), id, IntentSetTest.CTX, TranslationTrace.NONE);
        assertThat(IntentSetTest.problems(TranslationJson.toNode(t), expect)).as("%s%n%s%n%s", text, route.reason(),
                TranslationJson.write(t, true)).isEmpty();
    }
}
