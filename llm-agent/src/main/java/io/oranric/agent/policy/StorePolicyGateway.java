package io.oranric.agent.policy;

import io.oranric.policies.model.Policy;
import io.oranric.policies.store.PolicyStore;
import io.oranric.policies.store.StoreException;
import io.oranric.policies.store.StoreResult;
import io.oranric.policies.store.StoredPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The policy store in this process (the lab, tests): the same decisions as over REST, without HTTP. */
public final class StorePolicyGateway implements PolicyGateway {

    private final PolicyStore store;
    private final Duration timeout;

    public StorePolicyGateway(PolicyStore store) {
        this(store, Duration.ofSeconds(30));
    }

    public StorePolicyGateway(PolicyStore store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    @Override
    public Decision submit(Policy policy, String actor) {
        return decision(store.create(policy, actor), policy.policyId());
    }

    @Override
    public Decision put(Policy policy, String actor) {
        return decision(store.submit(policy, actor), policy.policyId());
    }

    @Override
    public Decision activate(String policyId, String actor) {
        return decision(store.activate(policyId, actor), policyId);
    }

    @Override
    public Decision reject(String policyId, String reason, String actor) {
        return decision(store.reject(policyId, reason, actor), policyId);
    }

    @Override
    public List<Stored> list() {
        return store.list().stream()
                .map(s -> new Stored(s.current(), s.current().status().name(), store.inEffect(s.policyId(), store.now())))
                .toList();
    }

    @Override
    public String describe() {
        return "in-process policy store";
    }

    private Decision decision(CompletableFuture<StoreResult> f, String policyId) {
        try {
            StoreResult r = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Policy d = r.decided();
            String reason = null;
            if (!r.violations().isEmpty()) {
                reason = r.violations().get(0).message();
            } else if (r.lostConflict()) {
                reason = r.losses().get(0).toString();
            } else if (r.policy() != null) {
                reason = note(r.policy(), d.version());
            }
            return new Decision(d.policyId(), d.version(), d.status().name(), reason);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException s) {
                return switch (s.kind()) {
                    case NOT_FOUND -> new Decision(policyId, 0, "UNKNOWN", s.getMessage());
                    case ILLEGAL_STATE, ALREADY_EXISTS -> new Decision(policyId, 0, "REJECTED", s.getMessage());
                    default -> throw new Unavailable(s.getMessage(), s);
                };
            }
            throw new Unavailable("policy store: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new Unavailable("the policy store did not decide within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    private static String note(StoredPolicy s, int version) {
        // most versions carry no note: Optional cannot hold the null
        return s.history().stream().filter(v -> v.policy().version() == version).map(v -> v.note())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
