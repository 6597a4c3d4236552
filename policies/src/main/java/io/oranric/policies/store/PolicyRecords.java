package io.oranric.policies.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.contract.v1.PolicyRecord;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.json.PolicyJsonException;
import io.oranric.policies.lifecycle.PolicyVersion;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one policy's history is written to, and read back from, its record on {@code ric.policies}.
 *
 * <p>The envelope fields and {@code policy_json} describe the <em>current</em> version: the ACTIVE one
 * when there is one, else the newest. Followers that only look at the envelope (the xApp SDK's
 * PolicyView filters on {@code status == ACTIVE}) thus keep enforcing the running version while an
 * update waits for approval. {@code previous_versions_json} carries the whole history, newest first,
 * the current version included, one entry per version:
 * {@code {"policy": <contract JSON>, "everActive": true, "reason": "..."}}. The current version is
 * repeated there because {@code everActive} cannot be told from its status alone (a SUPERSEDED
 * version may or may not have run), and a restarted store must decide rollbacks exactly as the one
 * that wrote the record.
 *
 * <p>A record without history entries (written by another tool) is read as a one-version history.
 */
public final class PolicyRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyRecords() {
    }

    /** The version the record's envelope shows: the ACTIVE one if any, else the newest. */
    public static PolicyVersion current(List<PolicyVersion> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("empty history");
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).policy().status() == PolicyStatus.ACTIVE) {
                return history.get(i);
            }
        }
        return history.get(history.size() - 1);
    }

    public static PolicyRecord encode(List<PolicyVersion> history, long updatedNs, String updatedBy) {
        PolicyVersion current = current(history);
        Policy p = current.policy();
        PolicyRecord.Builder b = PolicyRecord.newBuilder()
                .setPolicyId(p.policyId())
                .setVersion(p.version())
                .setType(p.type().wireName())
                .setStatus(p.status().name())
                .setPolicyJson(PolicyJson.write(p))
                .setPriority(p.priority())
                .setUpdatedNs(updatedNs)
                .setUpdatedBy(updatedBy == null ? "" : updatedBy);
        if (p.intentId() != null) {
            b.setIntentId(p.intentId());
        }
        if (current.note() != null) {
            b.setReason(current.note());
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            b.addPreviousVersionsJson(entry(history.get(i)));
        }
        return b.build();
    }

    static String entry(PolicyVersion v) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("policy", PolicyJson.toNode(v.policy()));
        n.put("everActive", v.everActive());
        if (v.note() != null) {
            n.put("reason", v.note());
        }
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree we built", e);
        }
    }

    /**
     * The history a record holds, oldest first.
     *
     * @throws PolicyJsonException when the record is not readable (a newer schema, a broken writer)
     */
    public static List<PolicyVersion> decode(String key, PolicyRecord r) {
        List<PolicyVersion> out = new ArrayList<>();
        if (r.getPreviousVersionsJsonCount() == 0) {
            Policy p = PolicyJson.read(r.getPolicyJson());
            out.add(new PolicyVersion(p, p.status() == PolicyStatus.ACTIVE, r.getReason().isEmpty() ? null : r.getReason()));
        } else {
            for (String json : r.getPreviousVersionsJsonList()) {
                JsonNode n;
                try {
                    n = MAPPER.readTree(json);
                } catch (JsonProcessingException e) {
                    throw new PolicyJsonException("previous_versions_json", "malformed: " + e.getOriginalMessage(), e);
                }
                if (n == null || !n.hasNonNull("policy")) {
                    throw new PolicyJsonException("previous_versions_json", "entry without \"policy\"");
                }
                Policy p = PolicyJson.fromNode(n.get("policy"));
                String reason = n.hasNonNull("reason") ? n.get("reason").asText() : null;
                out.add(new PolicyVersion(p, n.path("everActive").asBoolean(p.status() == PolicyStatus.ACTIVE), reason));
            }
            out.sort(Comparator.comparingInt(v -> v.policy().version()));
        }
        for (PolicyVersion v : out) {
            if (!key.equals(v.policy().policyId())) {
                throw new PolicyJsonException("policyId", "record keyed " + key + " holds " + v.policy().label());
            }
        }
        return List.copyOf(out);
    }
}
