package io.oranric.policies.conflict;

import static io.oranric.policies.Fixtures.LAB;
import static io.oranric.policies.Fixtures.active;
import static io.oranric.policies.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolutionTest {

    private static final Scope EMBB1 = Scope.of(List.of("cell-1"), "embb");

    private static Resolution resolve(Policy candidate, Policy... existing) {
        return Resolution.resolve(candidate, new ConflictDetector(LAB).detect(candidate, List.of(existing)));
    }

    @Test
    void higher_priority_candidate_wins_and_the_loser_is_reported() {
        Policy old = active("a", PrbQuota.max(70), EMBB1, 50);
        Resolution r = resolve(policy("b", PrbQuota.max(60), EMBB1).withPriority(80), old);
        assertThat(r.candidateWins()).isTrue();
        assertThat(r.losses()).singleElement().satisfies(l -> {
            assertThat(l.loser()).isSameAs(old);
            assertThat(l.winner().policyId()).isEqualTo("b");
            assertThat(l.toString()).contains("a v1 loses to b v1 (priority 50 vs 80)");
        });
    }

    @Test
    void lower_priority_candidate_loses_and_is_the_loser() {
        Policy old = active("a", PrbQuota.max(70), EMBB1, 50);
        Resolution r = resolve(policy("b", PrbQuota.max(60), EMBB1).withPriority(10), old);
        assertThat(r.candidateWins()).isFalse();
        assertThat(r.losses()).singleElement().satisfies(l -> assertThat(l.loser().policyId()).isEqualTo("b"));
    }

    @Test
    void on_equal_priority_the_incumbent_stays() {
        Resolution r = resolve(policy("b", PrbQuota.max(60), EMBB1), active("a", PrbQuota.max(70), EMBB1, 50));
        assertThat(r.candidateWins()).isFalse();
    }

    @Test
    void a_candidate_must_beat_every_conflicting_policy() {
        Policy low = active("a", PrbQuota.max(70), EMBB1, 20);
        Policy high = active("c", PrbQuota.min(5), EMBB1, 90);
        Resolution r = resolve(policy("b", new PrbQuota(10.0, 60.0, null), EMBB1).withPriority(50), low, high);
        assertThat(r.candidateWins()).isFalse();
        assertThat(r.losses()).extracting(l -> l.winner().policyId()).containsExactly("c");
    }

    @Test
    void no_conflicts_means_the_candidate_wins_with_no_losers() {
        Resolution r = Resolution.resolve(policy("b", PrbQuota.max(60), EMBB1), List.of());
        assertThat(r.candidateWins()).isTrue();
        assertThat(r.losses()).isEmpty();
    }
}
