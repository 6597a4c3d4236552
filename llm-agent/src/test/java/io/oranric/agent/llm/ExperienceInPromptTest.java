package io.oranric.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Translation;
import io.oranric.agent.api.TranslationTrace;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.assurance.Expectations;
import io.oranric.agent.assurance.FulfilmentEvaluator;
import io.oranric.agent.experience.ExperiencePrior;
import io.oranric.agent.experience.ExperienceStore;
import io.oranric.agent.kpi.KpiSource;
import io.oranric.agent.kpi.StreamKpis;
import io.oranric.agent.local.LocalTranslator;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.xapp.sdk.KpmSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A similar intent that was not fulfilled sends the next one to the LLM, with that experience in its prompt. */
class ExperienceInPromptTest {

    @Test
    void what_did_not_work_escalates_and_is_shown_to_the_model() throws Exception {
        NetworkContext ctx = NetworkContext.lab(12, ZoneId.of("UTC"), Clock.systemUTC());
        ExperienceStore store = ExperienceStore.memory(AllMiniLmL6V2EmbeddingModel::new, KpiSource.NONE, Clock.systemUTC());
        Translation past = LocalTranslator.grammarOnly().translate("keep the urllc latency of cell 3 under 5 ms", ctx);
        IntentRecord r = IntentRecord.newBuilder().setIntentId("i-past").setText(past.text()).setTranslator("local").build();
        store.activated(r, past.policies());
        StreamKpis k = StreamKpis.manual(Clock.systemUTC(), Duration.ofMinutes(1));
        k.ingest(List.of(new KpmSample("gnb-3", "cell-3", 2, "", "DRB.RlcSduDelayDl", 11, 0, 0)));
        store.reported(r, past.policies(), FulfilmentEvaluator.evaluate(Expectations.of(past.policies(), ctx.inventory()), k,
                Duration.ofMinutes(1), Instant.now()));

        String answer = "{\"policies\":[{\"type\":\"SliceSla\",\"scope\":{\"cells\":[\"cell-3\"],\"slice\":\"urllc\"},"
                + "\"statement\":{\"maxDlLatencyMs\":5}},{\"type\":\"PrbQuota\",\"scope\":{\"cells\":[\"cell-3\"],\"slice\":\"urllc\"},"
                + "\"statement\":{\"minPrbPct\":30,\"dedicatedPrbPct\":15}}]}";
        FakeOpenAi[] srv = new FakeOpenAi[1];
        srv[0] = new FakeOpenAi(req -> srv[0].content(answer));
        try (FakeOpenAi llm = srv[0]) {
            LlmConfig cfg = LlmConfig.of(LlmConfig.Provider.OLLAMA, llm.baseUrl(), "llama3.1:8b", null, Duration.ofSeconds(10)).withMaxRetries(0);
            LlmTranslator t = new LlmTranslator(cfg, ChatModels.create(cfg), null, store::promptLines);
            TranslatorRouter router = new TranslatorRouter(LocalTranslator.grammarOnly(), List.of(t), 0.6, new ExperiencePrior(store, 0.85)::apply);
            TranslatorRouter.Route route = router.route("keep urllc latency in cell 3 under 5 ms", ctx, TranslationTrace.NONE);
            assertThat(route.escalation()).contains(TranslatorRouter.Escalation.LOW_CONFIDENCE);
            assertThat(route.answeredBy()).isEqualTo("llm:ollama/llama3.1:8b");
            assertThat(route.translation().policies()).hasSize(2);
            String system = llm.requests().get(0).path("messages").get(0).path("content").asText();
            assertThat(system).contains("What happened with similar intents before")
                    .contains("keep the urllc latency of cell 3 under 5 ms").contains("NOT_FULFILLED");
        }
    }
}
