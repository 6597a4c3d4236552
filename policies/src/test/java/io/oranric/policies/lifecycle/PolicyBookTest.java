package io.oranric.policies.lifecycle;

import static io.oranric.policies.Fixtures.VALIDATOR;
import static io.oranric.policies.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.policies.model.DailyWindow;
import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.TrafficSteering;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.model.Validity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyBookTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Scope EMBB1 = Scope.of(List.of("cell-1"), "embb");

    private static PolicyBook book() {
        return PolicyBook.empty(VALIDATOR);
    }

    private static PolicyBook activated(PolicyBook b, Policy p) {
        Decision d = b.propose(p).book().activate(p.policyId(), NOW);
        assertThat(d.isActive()).as(d.toString()).isTrue();
        return d.book();
    }

    @Test
    void proposal_then_activation() {
        Decision proposed = book().propose(policy("p", PrbQuota.max(70), EMBB1));
        assertThat(proposed.policy().status()).isEqualTo(PolicyStatus.PROPOSED);
        assertThat(proposed.policy().version()).isEqualTo(1);
        Decision on = proposed.book().activate("p", NOW);
        assertThat(on.isActive()).isTrue();
        assertThat(on.book().active()).extracting(Policy::policyId).containsExactly("p");
    }

    @Test
    void out_of_envelope_proposal_is_rejected_with_its_violation() {
        Decision d = book().propose(policy("p", TxPower.absolute(90), Scope.cells("cell-3")));
        assertThat(d.isRejected()).isTrue();
        assertThat(d.violations()).extracting(v -> v.field()).containsExactly("statement.maxTxPowerDbm");
        assertThat(d.book().history("p").get(0).note()).contains("90 dBm");
        assertThatThrownBy(() -> d.book().activate("p", NOW)).isInstanceOf(PolicyLifecycleException.class)
                .hasMessageContaining("REJECTED, not PROPOSED");
    }

    @Test
    void a_new_version_supersedes_the_active_one() {
        PolicyBook b = activated(book(), policy("p", PrbQuota.max(70), EMBB1));
        Decision d = b.propose(policy("p", PrbQuota.max(60), EMBB1)).book().activate("p", NOW);
        assertThat(d.isActive()).isTrue();
        assertThat(d.policy().version()).isEqualTo(2);
        assertThat(d.conflicts()).isEmpty();
        assertThat(d.book().history("p")).extracting(v -> v.policy().status())
                .containsExactly(PolicyStatus.SUPERSEDED, PolicyStatus.ACTIVE);
    }

    @Test
    void winning_a_conflict_supersedes_the_loser_and_reports_it() {
        PolicyBook b = activated(book(), policy("a", PrbQuota.max(70), EMBB1));
        Decision d = b.propose(policy("b", PrbQuota.max(60), EMBB1).withPriority(80)).book().activate("b", NOW);
        assertThat(d.isActive()).isTrue();
        assertThat(d.losses()).singleElement().satisfies(l -> assertThat(l.loser().policyId()).isEqualTo("a"));
        assertThat(d.book().latest("a").orElseThrow().status()).isEqualTo(PolicyStatus.SUPERSEDED);
        assertThat(d.book().history("a").get(0).note()).contains("loses to b");
    }

    @Test
    void losing_a_conflict_rejects_the_candidate_and_reports_why() {
        PolicyBook b = activated(book(), policy("a", PrbQuota.max(70), EMBB1));
        Decision d = b.propose(policy("b", PrbQuota.max(60), EMBB1)).book().activate("b", NOW);
        assertThat(d.isRejected()).isTrue();
        assertThat(d.conflicts()).hasSize(1);
        assertThat(d.losses()).singleElement().satisfies(l -> assertThat(l.loser().policyId()).isEqualTo("b"));
        assertThat(d.book().latest("a").orElseThrow().status()).isEqualTo(PolicyStatus.ACTIVE);
    }

    @Test
    void indirect_conflict_goes_through_the_same_resolution() {
        PolicyBook b = activated(book(), policy("steer", new TrafficSteering(TrafficSteering.Preference.PREFER, List.of("cell-2")), Scope.slice("miot")));
        Decision d = b.propose(policy("sleep", new EnergySaving(EnergySaving.Mode.SLEEP, 15.0), Scope.NETWORK)).book().activate("sleep", NOW);
        assertThat(d.isRejected()).isTrue();
        assertThat(d.conflicts()).singleElement().satisfies(c -> assertThat(c.parameter()).isEqualTo("sleep vs PREFER"));
    }

    @Test
    void activation_revalidates_against_what_is_in_force_now() {
        PolicyBook b = activated(book(), policy("a", PrbQuota.min(80), Scope.of(List.of("cell-2"), "embb")));
        Decision d = b.propose(policy("b", PrbQuota.min(30), Scope.of(List.of("cell-2"), "urllc")));
        // proposal already sees the active floor
        assertThat(d.isRejected()).isTrue();
        assertThat(d.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("110 %"));
    }

    @Test
    void activation_after_the_validity_ended_expires_the_proposal() {
        Policy p = policy("p", TxPower.delta(-1), Scope.cells("cell-1"))
                .withValidity(new Validity(null, NOW.minusSeconds(60), null));
        Decision d = book().propose(p).book().activate("p", NOW);
        assertThat(d.policy().status()).isEqualTo(PolicyStatus.EXPIRED);
    }

    @Test
    void expiry_ends_policies_whose_until_has_passed() {
        Policy p = policy("p", TxPower.delta(-1), Scope.cells("cell-1"))
                .withValidity(new Validity(null, NOW.plusSeconds(3600), null));
        PolicyBook b = activated(book(), p);
        assertThat(b.expire(NOW).expired()).isEmpty();
        PolicyBook.ExpiryResult r = b.expire(NOW.plusSeconds(3600));
        assertThat(r.expired()).extracting(Policy::policyId).containsExactly("p");
        assertThat(r.book().active()).isEmpty();
    }

    @Test
    void in_effect_follows_daily_windows_across_midnight() {
        Policy p = policy("p", new EnergySaving(EnergySaving.Mode.SLEEP, 10.0), Scope.NETWORK)
                .withValidity(Validity.daily(DailyWindow.of("23:00", "06:00")));
        PolicyBook b = activated(book(), p);
        assertThat(b.inEffectAt(Instant.parse("2026-11-22T23:30:00Z"))).hasSize(1);
        assertThat(b.inEffectAt(Instant.parse("2026-11-23T05:59:00Z"))).hasSize(1);
        assertThat(b.inEffectAt(Instant.parse("2026-11-23T06:00:00Z"))).isEmpty();
        assertThat(b.inEffectAt(Instant.parse("2026-11-23T12:00:00Z"))).isEmpty();
    }

    @Test
    void rollback_restores_the_previous_content_as_a_new_version() {
        PolicyBook b = activated(book(), policy("p", PrbQuota.max(70), EMBB1));
        b = activated(b, policy("p", PrbQuota.max(50), EMBB1));
        Decision d = b.rollback("p", NOW);
        assertThat(d.isActive()).isTrue();
        assertThat(d.policy().version()).isEqualTo(3);
        assertThat(d.policy().statement()).isEqualTo(PrbQuota.max(70));
        assertThat(d.book().history("p")).extracting(v -> v.policy().status())
                .containsExactly(PolicyStatus.SUPERSEDED, PolicyStatus.SUPERSEDED, PolicyStatus.ACTIVE);
        assertThat(d.book().history("p").get(2).note()).isEqualTo("rollback to v1");
    }

    @Test
    void rollback_skips_versions_that_never_ran() {
        PolicyBook b = activated(book(), policy("p", PrbQuota.max(70), EMBB1));
        b = b.propose(policy("p", PrbQuota.max(110), EMBB1)).book(); // rejected v2
        b = activated(b, policy("p", PrbQuota.max(50), EMBB1));       // v3
        Decision d = b.rollback("p", NOW);
        assertThat(d.policy().statement()).isEqualTo(PrbQuota.max(70));
    }

    @Test
    void rollback_needs_an_earlier_active_version() {
        PolicyBook b = activated(book(), policy("p", PrbQuota.max(70), EMBB1));
        assertThatThrownBy(() -> b.rollback("p", NOW)).isInstanceOf(PolicyLifecycleException.class)
                .hasMessageContaining("no earlier version");
        assertThatThrownBy(() -> b.rollback("nope", NOW)).hasMessageContaining("unknown policy");
    }

    @Test
    void operations_leave_the_original_book_unchanged() {
        PolicyBook b = book().propose(policy("p", PrbQuota.max(70), EMBB1)).book();
        PolicyBook after = b.activate("p", NOW).book();
        assertThat(b.latest("p").orElseThrow().status()).isEqualTo(PolicyStatus.PROPOSED);
        assertThat(after.latest("p").orElseThrow().status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(after).isNotEqualTo(b);
    }

    @Test
    void operator_can_reject_a_proposal_and_a_newer_proposal_replaces_a_pending_one() {
        PolicyBook b = book().propose(policy("p", PrbQuota.max(70), EMBB1)).book();
        Decision r = b.reject("p", "not tonight");
        assertThat(r.isRejected()).isTrue();
        PolicyBook twice = b.propose(policy("p", PrbQuota.max(60), EMBB1)).book();
        assertThat(twice.history("p")).extracting(v -> v.policy().status())
                .containsExactly(PolicyStatus.SUPERSEDED, PolicyStatus.PROPOSED);
        assertThatThrownBy(() -> book().propose(Policy.draft(PrbQuota.max(1), EMBB1)))
                .isInstanceOf(PolicyLifecycleException.class).hasMessageContaining("policyId");
    }
}
