package io.oranric.agent.experience;

import io.oranric.agent.api.Translation;
import io.oranric.contract.v1.ExperienceRecord;
import io.oranric.contract.v1.Fulfilment;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Experience as a prior for the offline translator's confidence. When a past intent phrased nearly
 * the same way (similarity >= {@code minScore}) led to policies of the same kind (types and fields),
 * its measured outcome moves the confidence: fulfilled most of the time, up by 0.05; not fulfilled,
 * down to 60 % of itself (0.95 becomes 0.57, under the 0.6 threshold), enough to send the intent on
 * to an LLM, which sees in its prompt what did not work.
 * The change is stated in the translation's assumptions, never silent.
 */
public final class ExperiencePrior {

    public static final double BOOST = 0.05;
    public static final double PENALTY_FACTOR = 0.6;

    private final ExperienceStore store;
    private final double minScore;

    public ExperiencePrior(ExperienceStore store, double minScore) {
        this.store = store;
        this.minScore = minScore;
    }

    public Translation apply(Translation local) {
        if (!local.understood() || local.policies().isEmpty() || store.size() == 0) {
            return local;
        }
        String shape = shape(local.policies());
        for (ExperienceStore.Match m : store.similar(local.text(), 3, minScore)) {
            ExperienceRecord r = m.record();
            if (m.outcome() == Fulfilment.Status.STATUS_UNSPECIFIED || !shape.equals(shapeOfJson(r.getPolicyJsonList()))) {
                continue;
            }
            double rate = r.getEvaluations() == 0 ? 0 : (double) r.getFulfilledEvaluations() / r.getEvaluations();
            double c;
            String what;
            if (m.outcome() == Fulfilment.Status.STATUS_FULFILLED && rate >= 0.5) {
                c = Math.min(0.99, local.confidence() + BOOST);
                what = "was fulfilled";
            } else if (m.outcome() == Fulfilment.Status.STATUS_NOT_FULFILLED || rate < 0.25) {
                c = local.confidence() * PENALTY_FACTOR;
                what = "was not fulfilled";
            } else {
                continue;
            }
            double delta = c - local.confidence();
            List<String> assumptions = new ArrayList<>(local.assumptions());
            assumptions.add(String.format(Locale.ROOT, "experience: the similar intent %s (\"%s\", similarity %.2f) with the same kind of "
                    + "policies %s (%d of %d reports): confidence %+.2f", r.getIntentId(), r.getText(), m.score(), what,
                    r.getFulfilledEvaluations(), r.getEvaluations(), delta));
            return new Translation(local.intentId(), local.text(), local.translator(), Math.round(c * 100) / 100.0, local.policies(),
                    local.rejected(), null, assumptions, local.conflicts());
        }
        return local;
    }

    /** The kind of policies: types with their statement fields, and whether they name a slice. */
    static String shape(List<Policy> policies) {
        TreeSet<String> s = new TreeSet<>();
        for (Policy p : policies) {
            s.add(p.type().wireName() + PolicyJson.statementNode(p.statement()).properties().stream().map(e -> e.getKey())
                    .sorted().toList() + (p.scope().slice() == null ? "" : "/" + p.scope().slice()));
        }
        return s.toString();
    }

    static String shapeOfJson(List<String> policyJson) {
        List<Policy> ps = new ArrayList<>();
        for (String j : policyJson) {
            try {
                ps.add(PolicyJson.read(j));
            } catch (RuntimeException e) {
                return "?";
            }
        }
        return shape(ps);
    }
}
