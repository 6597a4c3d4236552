package io.oranric.agent.policy;

import io.oranric.policies.model.Policy;
import java.util.List;

/**
 * How the agent reaches the policy store: over its REST interface (a separate policy service, the
 * CLI) or in the same process (the lab). Refusals are answers, not exceptions; only a store that
 * cannot be asked throws {@link Unavailable}.
 */
public interface PolicyGateway {

    /** The store could not be asked (not running, wrong URL, Kafka down behind it). */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * What the store decided about one policy.
     *
     * @param status PROPOSED, ACTIVE, REJECTED, SUPERSEDED, EXPIRED (as the store recorded it)
     * @param reason the store's reason when it refused (field, value, bound; or the conflict lost)
     */
    record Decision(String policyId, int version, String status, String reason) {
        public boolean refused() {
            return "REJECTED".equals(status);
        }
    }

    /** A stored policy: its current version, as the store shows it. */
    record Stored(Policy policy, String status, boolean inEffect) {
    }

    /** Creates a policy (its id, if given, must be new). */
    Decision submit(Policy policy, String actor);

    /** Creates the policy or, when its id exists, submits a new version of it (validated and checked like any other). */
    Decision put(Policy policy, String actor);

    Decision activate(String policyId, String actor);

    Decision reject(String policyId, String reason, String actor);

    /** Every stored policy. */
    List<Stored> list();

    /** ACTIVE policies: what a new proposal must fit beside. */
    default List<Policy> active() {
        return list().stream().filter(s -> "ACTIVE".equals(s.status())).map(Stored::policy).toList();
    }

    /** Where it is, for messages ("http://127.0.0.1:8081", "in-process store"). */
    String describe();
}
