package io.oranric.policies.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyStatusTest {

    @Test
    void proposed_can_become_active_rejected_expired_or_superseded() {
        assertThat(PolicyStatus.PROPOSED.next()).containsExactlyInAnyOrder(
                PolicyStatus.ACTIVE, PolicyStatus.REJECTED, PolicyStatus.EXPIRED, PolicyStatus.SUPERSEDED);
    }

    @Test
    void active_can_only_end() {
        assertThat(PolicyStatus.ACTIVE.canMoveTo(PolicyStatus.SUPERSEDED)).isTrue();
        assertThat(PolicyStatus.ACTIVE.canMoveTo(PolicyStatus.EXPIRED)).isTrue();
        assertThat(PolicyStatus.ACTIVE.canMoveTo(PolicyStatus.REJECTED)).isFalse();
        assertThat(PolicyStatus.ACTIVE.canMoveTo(PolicyStatus.PROPOSED)).isFalse();
    }

    @Test
    void ended_states_are_terminal() {
        for (PolicyStatus s : new PolicyStatus[] {PolicyStatus.REJECTED, PolicyStatus.SUPERSEDED, PolicyStatus.EXPIRED}) {
            assertThat(s.isTerminal()).as(s.name()).isTrue();
            assertThat(s.canMoveTo(PolicyStatus.ACTIVE)).as(s.name()).isFalse();
        }
        assertThat(PolicyStatus.ACTIVE.isTerminal()).isFalse();
    }
}
