package io.oranric.agent.experience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Translation;
import io.oranric.agent.assurance.Expectations;
import io.oranric.agent.assurance.FulfilmentEvaluator;
import io.oranric.agent.kpi.KpiSource;
import io.oranric.agent.kpi.StreamKpis;
import io.oranric.agent.local.LocalTranslator;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.contract.v1.ExperienceRecord;
import io.oranric.contract.v1.Fulfilment;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.SliceSla;
import io.oranric.xapp.sdk.KpmSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Experience on ric.experience: kept with its embedding, replayed by a new store, found again by meaning. */
class ExperienceStoreTest {

    static final NetworkContext CTX = NetworkContext.lab(12, ZoneId.of("UTC"), Clock.systemUTC());

    static FulfilmentEvaluator.Evaluation evaluation(List<Policy> policies, double delayMs) {
        StreamKpis k = StreamKpis.manual(Clock.systemUTC(), Duration.ofMinutes(1));
        k.ingest(List.of(new KpmSample("gnb-3", "cell-3", 2, "", "DRB.RlcSduDelayDl", delayMs, 0, 0)));
        return FulfilmentEvaluator.evaluate(Expectations.of(policies, CTX.inventory()), k, Duration.ofMinutes(1), Instant.now());
    }

    @Test
    void kept_replayed_and_found_by_meaning() throws Exception {
        Policy sla = new Policy("p-abc-1", new SliceSla(null, null, 5.0, null), Scope.of(List.of("cell-3"), "urllc"), 50, null,
                "i-abc", io.oranric.policies.model.PolicyStatus.ACTIVE, 1);
        IntentRecord intent = IntentRecord.newBuilder().setIntentId("i-abc").setText("keep urllc latency in cell 3 under 5 ms")
                .setTranslator("local").build();
        try (KafkaBackbone kafka = KafkaBackbone.open("embedded");
             RicProducer producer = RicProducer.create(kafka.settings(), "experience-test")) {
            try (ExperienceStore store = ExperienceStore.open(kafka.settings(), producer, AllMiniLmL6V2EmbeddingModel::new,
                    KpiSource.NONE, Clock.systemUTC(), Duration.ofSeconds(60))) {
                store.activated(intent, List.of(sla));
                store.reported(intent, List.of(sla), evaluation(List.of(sla), 3.1));
                store.reported(intent, List.of(sla), evaluation(List.of(sla), 7.9));
                producer.flush();
            }
            try (ExperienceStore again = ExperienceStore.open(kafka.settings(), producer, AllMiniLmL6V2EmbeddingModel::new,
                    KpiSource.NONE, Clock.systemUTC(), Duration.ofSeconds(60))) {
                ExperienceRecord r = again.get("i-abc").orElseThrow();
                assertThat(r.getEmbeddingCount()).isEqualTo(384);
                assertThat(r.getEvaluations()).isEqualTo(2);
                assertThat(r.getFulfilledEvaluations()).isEqualTo(1);
                assertThat(r.getOutcome().getStatus()).isEqualTo(Fulfilment.Status.STATUS_NOT_FULFILLED);
                assertThat(r.getPolicyJson(0)).contains("maxDlLatencyMs");

                List<ExperienceStore.Match> m = again.similar("urllc users in cell 3 need latency below 5 milliseconds", 3, 0.5);
                assertThat(m).hasSize(1);
                assertThat(m.get(0).score()).isGreaterThan(0.8);
                assertThat(again.similar("what's the weather like tomorrow", 3, 0.5)).isEmpty();
                assertThat(again.promptLines("urllc users in cell 3 need latency below 5 milliseconds")).singleElement()
                        .asString().contains("keep urllc latency in cell 3 under 5 ms").contains("SliceSla").contains("NOT_FULFILLED")
                        .contains("1 of 2 reports fulfilled");
            }
        }
    }

    @Test
    void the_offline_confidence_takes_the_outcome_of_similar_intents_as_a_prior() {
        ExperienceStore store = ExperienceStore.memory(AllMiniLmL6V2EmbeddingModel::new, KpiSource.NONE, Clock.systemUTC());
        NetworkContext ctx = NetworkContext.lab(12, ZoneId.of("UTC"), Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneId.of("UTC")));
        Translation good = LocalTranslator.grammarOnly().translate("keep urllc latency in cell 3 under 5 ms", ctx);
        Translation other = LocalTranslator.grammarOnly().translate("cap embb at 60% in cell 2", ctx);
        ExperiencePrior prior = new ExperiencePrior(store, 0.85);
        assertThat(prior.apply(good).confidence()).isEqualTo(good.confidence());

        IntentRecord past = IntentRecord.newBuilder().setIntentId("i-past").setText("keep the urllc latency of cell 3 under 5 ms")
                .setTranslator("local").build();
        store.activated(past, good.policies());
        store.reported(past, good.policies(), evaluation(good.policies(), 9.0));
        Translation lowered = prior.apply(good);
        assertThat(lowered.confidence()).isLessThan(0.6);
        assertThat(lowered.assumptions()).anySatisfy(a -> assertThat(a).contains("experience: the similar intent i-past")
                .contains("was not fulfilled"));
        assertThat(prior.apply(other).confidence()).isEqualTo(other.confidence());

        store.reported(past, good.policies(), evaluation(good.policies(), 2.0));
        store.reported(past, good.policies(), evaluation(good.policies(), 2.0));
        Translation raised = prior.apply(good);
        assertThat(raised.confidence()).isGreaterThan(good.confidence());
        assertThat(raised.assumptions()).anySatisfy(a -> assertThat(a).contains("was fulfilled").contains("2 of 3"));
    }
}
