package io.oranric.agent.local;

import io.oranric.policies.model.PolicyType;
import java.util.List;

/**
 * Ranks what an intent (or one clause of it) is about, for the cases the grammar leaves open: a
 * clause with a number but no unit or topic word, a share that could be a load threshold, or text
 * with no recognisable predicate at all.
 */
public interface IntentClassifier {

    /** A policy type, or none of them (chit-chat, questions about the network, vague wishes). */
    enum Label {
        SLICE_SLA(PolicyType.SLICE_SLA), PRB_QUOTA(PolicyType.PRB_QUOTA), TX_POWER(PolicyType.TX_POWER),
        SPECTRUM(PolicyType.SPECTRUM), ENERGY_SAVING(PolicyType.ENERGY_SAVING),
        TRAFFIC_STEERING(PolicyType.TRAFFIC_STEERING), NOT_AN_INTENT(null);

        private final PolicyType type;

        Label(PolicyType type) {
            this.type = type;
        }

        public PolicyType type() {
            return type;
        }

        public static Label of(PolicyType t) {
            for (Label l : values()) {
                if (l.type == t) {
                    return l;
                }
            }
            throw new IllegalArgumentException(String.valueOf(t));
        }
    }

    record Scored(Label label, double score) {
    }

    /** Every label with its similarity to the text, best first. */
    List<Scored> rank(String text);
}
