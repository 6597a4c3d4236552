package io.oranric.policies;

import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.Statement;
import io.oranric.policies.model.Validity;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.SafetyEnvelope;
import java.time.ZoneId;

/** Shared test data: the lab network of 6 cells in UTC and small policy builders. */
public final class Fixtures {

    public static final ZoneId UTC = ZoneId.of("UTC");
    public static final NetworkInventory LAB = NetworkInventory.lab(6, UTC);
    public static final PolicyValidator VALIDATOR = new PolicyValidator(SafetyEnvelope.labDefaults(), LAB);

    private Fixtures() {
    }

    public static Policy policy(String id, Statement s, Scope scope) {
        return new Policy(id, s, scope, Policy.DEFAULT_PRIORITY, Validity.ALWAYS, null, PolicyStatus.PROPOSED, 1);
    }

    public static Policy active(String id, Statement s, Scope scope, int priority) {
        return new Policy(id, s, scope, priority, Validity.ALWAYS, null, PolicyStatus.ACTIVE, 1);
    }
}
