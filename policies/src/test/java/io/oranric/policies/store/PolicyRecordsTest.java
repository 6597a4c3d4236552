package io.oranric.policies.store;

import static io.oranric.policies.Fixtures.VALIDATOR;
import static io.oranric.policies.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.contract.v1.PolicyRecord;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.json.PolicyJsonException;
import io.oranric.policies.lifecycle.PolicyBook;
import io.oranric.policies.lifecycle.PolicyVersion;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Scope EMBB1 = Scope.of(List.of("cell-1"), "embb");

    /** v1 ACTIVE, then v2 PROPOSED waiting for approval. */
    private static PolicyBook activeWithPendingUpdate() {
        PolicyBook b = PolicyBook.empty(VALIDATOR).propose(policy("p", PrbQuota.max(70), EMBB1)).book();
        b = b.activate("p", NOW).book();
        return b.propose(policy("p", PrbQuota.max(60), EMBB1)).book();
    }

    @Test
    void the_envelope_shows_the_active_version_while_an_update_is_pending() {
        PolicyRecord r = PolicyRecords.encode(activeWithPendingUpdate().history("p"), 42, "agent");
        assertThat(r.getPolicyId()).isEqualTo("p");
        assertThat(r.getVersion()).isEqualTo(1);
        assertThat(r.getStatus()).isEqualTo("ACTIVE");
        assertThat(r.getType()).isEqualTo("PrbQuota");
        assertThat(PolicyJson.read(r.getPolicyJson()).statement()).isEqualTo(PrbQuota.max(70));
        assertThat(r.getPreviousVersionsJsonCount()).isEqualTo(2);
        assertThat(r.getPreviousVersionsJson(0)).contains("\"version\":2").contains("\"status\":\"PROPOSED\"");
        assertThat(r.getUpdatedNs()).isEqualTo(42);
        assertThat(r.getUpdatedBy()).isEqualTo("agent");
    }

    @Test
    void a_history_survives_the_round_trip_with_every_note_and_flag() {
        PolicyBook b = activeWithPendingUpdate().activate("p", NOW).book();
        List<PolicyVersion> h = b.history("p");
        assertThat(h.get(0).everActive()).isTrue();
        assertThat(h.get(0).policy().status()).isEqualTo(PolicyStatus.SUPERSEDED);
        assertThat(PolicyRecords.decode("p", PolicyRecords.encode(h, 1, "x"))).isEqualTo(h);
    }

    @Test
    void a_restored_book_numbers_new_versions_after_the_newest() {
        PolicyBook source = activeWithPendingUpdate();
        PolicyBook restored = PolicyBook.empty(VALIDATOR).withHistory("p",
                PolicyRecords.decode("p", PolicyRecords.encode(source.history("p"), 1, "x")));
        assertThat(restored.propose(policy("p", PrbQuota.max(50), EMBB1)).policy().version()).isEqualTo(3);
        assertThat(restored.withHistory("p", List.of()).policyIds()).isEmpty();
    }

    @Test
    void a_record_written_without_history_reads_as_one_version() {
        String json = PolicyJson.write(policy("p", PrbQuota.max(70), EMBB1).withStatus(PolicyStatus.ACTIVE).withVersion(4));
        PolicyRecord r = PolicyRecord.newBuilder().setPolicyId("p").setVersion(4).setStatus("ACTIVE").setPolicyJson(json).build();
        List<PolicyVersion> h = PolicyRecords.decode("p", r);
        assertThat(h).singleElement().satisfies(v -> {
            assertThat(v.policy().version()).isEqualTo(4);
            assertThat(v.everActive()).isTrue();
        });
    }

    @Test
    void a_record_under_the_wrong_key_or_unreadable_is_refused() {
        PolicyRecord r = PolicyRecords.encode(activeWithPendingUpdate().history("p"), 1, "x");
        assertThatThrownBy(() -> PolicyRecords.decode("q", r)).isInstanceOf(PolicyJsonException.class)
                .hasMessageContaining("record keyed q holds p v");
        PolicyRecord broken = r.toBuilder().clearPreviousVersionsJson().addPreviousVersionsJson("{\"policy\":").build();
        assertThatThrownBy(() -> PolicyRecords.decode("p", broken)).isInstanceOf(PolicyJsonException.class);
    }
}
