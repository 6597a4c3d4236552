package io.oranric.policies.conflict;

import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a set of conflicts around one candidate is settled. The higher priority wins; on equal
 * priority the policy already in force wins, so that a new proposal must say it matters more before
 * it displaces something operators rely on. Every loser is reported with the conflict that cost it.
 */
public record Resolution(boolean candidateWins, List<Loss> losses) {

    public record Loss(Policy loser, Policy winner, Conflict conflict) {
        @Override
        public String toString() {
            return loser.label() + " loses to " + winner.label() + " (priority " + loser.priority() + " vs "
                    + winner.priority() + "): " + conflict;
        }
    }

    public static Resolution resolve(Policy candidate, List<Conflict> conflicts) {
        boolean wins = true;
        for (Conflict c : conflicts) {
            if (!beats(candidate, c.other())) {
                wins = false;
                break;
            }
        }
        List<Loss> losses = new ArrayList<>();
        if (wins) {
            // each loser once, with the first conflict that put it there
            Map<Policy, Conflict> byLoser = new LinkedHashMap<>();
            for (Conflict c : conflicts) {
                byLoser.putIfAbsent(c.other(), c);
            }
            byLoser.forEach((loser, c) -> losses.add(new Loss(loser, candidate, c)));
        } else {
            for (Conflict c : conflicts) {
                if (!beats(candidate, c.other())) {
                    losses.add(new Loss(candidate, c.other(), c));
                }
            }
        }
        return new Resolution(wins, List.copyOf(losses));
    }

    static boolean beats(Policy candidate, Policy incumbent) {
        if (candidate.priority() != incumbent.priority()) {
            return candidate.priority() > incumbent.priority();
        }
        // equal priority: stability first
        return incumbent.status() != PolicyStatus.ACTIVE && incumbent.status() != PolicyStatus.PROPOSED;
    }
}
