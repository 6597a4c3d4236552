package io.oranric.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real in-process model (shipped in the Maven artifact, no download) on sentences of no test set. */
class EmbeddingIntentClassifierTest {

    static EmbeddingIntentClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = EmbeddingIntentClassifier.allMiniLm();
    }

    private static IntentClassifier.Label top(String text) {
        return classifier.rank(text).get(0).label();
    }

    @Test
    void ranks_policy_topics() {
        assertThat(top("switch off the quiet sites after midnight")).isEqualTo(IntentClassifier.Label.ENERGY_SAVING);
        assertThat(top("hand the phones over to the neighbouring cell")).isEqualTo(IntentClassifier.Label.TRAFFIC_STEERING);
        assertThat(top("the radio is transmitting too loud")).isEqualTo(IntentClassifier.Label.TX_POWER);
        assertThat(top("gamers complain about lag")).isEqualTo(IntentClassifier.Label.SLICE_SLA);
    }

    @Test
    void small_talk_is_not_an_intent() {
        assertThat(top("what's the weather like tomorrow")).isEqualTo(IntentClassifier.Label.NOT_AN_INTENT);
        assertThat(top("tell me a story")).isEqualTo(IntentClassifier.Label.NOT_AN_INTENT);
    }

    @Test
    void scores_are_sorted_and_cover_every_label() {
        var ranked = classifier.rank("limit the share of the slice");
        assertThat(ranked).hasSize(IntentClassifier.Label.values().length);
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i - 1).score()).isGreaterThanOrEqualTo(ranked.get(i).score());
        }
    }
}
