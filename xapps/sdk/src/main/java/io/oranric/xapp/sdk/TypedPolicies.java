package io.oranric.xapp.sdk;

import io.oranric.contract.v1.PolicyRecord;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.json.PolicyJsonException;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PolicyType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy store as typed {@link Policy} values: each record's {@code policy_json} parsed once per
 * version with {@link PolicyJson}. xApps ask for the policies {@linkplain #inForce in force}: ACTIVE in
 * the store and inside their validity at the given instant, daily windows read in the network's zone.
 *
 * <p>The record's envelope is authoritative for id and status (the store moves status without
 * rewriting the JSON). A record whose JSON does not parse is skipped and counted, never half-applied.
 * Thread safe: the policy reader thread updates it, xApps and the control guard read it.
 */
public final class TypedPolicies {
  private static final Logger LOG = LoggerFactory.getLogger(TypedPolicies.class);
  private static final Comparator<Policy> STRONGEST_FIRST = Comparator.comparingInt(Policy::priority).reversed()
      .thenComparing(p -> p.policyId() == null ? "" : p.policyId());

  private final ZoneId zone;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
  private final AtomicLong unreadable = new AtomicLong();

  private record Parsed(PolicyRecord record, Policy policy) {}

  public TypedPolicies(PolicyView view, ZoneId zone) {
    this.zone = zone;
    // listen first, then fill: a change racing the fill is applied twice, which is harmless
    view.onChange(c -> apply(c.policyId(), c.record()));
    for (PolicyRecord r : view.all()) {
      apply(r.getPolicyId(), r);
    }
  }

  /** A view over a detached {@link PolicyView}, for tests and in-process use. */
  public static TypedPolicies over(PolicyView view, ZoneId zone) {
    return new TypedPolicies(view, zone);
  }

  private void apply(String policyId, PolicyRecord record) {
    if (record == null) {
      parsed.remove(policyId);
      return;
    }
    Parsed old = parsed.get(policyId);
    if (old != null && old.record().equals(record)) {
      return;
    }
    try {
      Policy p = PolicyJson.read(record.getPolicyJson());
      p = p.withIds(policyId, p.intentId() != null ? p.intentId() : emptyToNull(record.getIntentId()))
          .withStatus(status(record.getStatus(), p.status()));
      if (record.getVersion() > 0) {
        p = p.withVersion(record.getVersion());
      }
      parsed.put(policyId, new Parsed(record, p));
    } catch (PolicyJsonException | IllegalArgumentException e) {
      unreadable.incrementAndGet();
      parsed.remove(policyId);
      LOG.warn("policy {} v{} skipped, its JSON does not read: {}", policyId, record.getVersion(), e.getMessage());
    }
  }

  private static PolicyStatus status(String envelope, PolicyStatus fallback) {
    try {
      return envelope == null || envelope.isEmpty() ? fallback : PolicyStatus.valueOf(envelope);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** ACTIVE policies of a type in force at {@code now}, highest priority first. */
  public List<Policy> inForce(PolicyType type, Instant now) {
    List<Policy> out = new ArrayList<>();
    for (Parsed p : parsed.values()) {
      Policy policy = p.policy();
      if (policy.type() == type && policy.status() == PolicyStatus.ACTIVE && policy.validity().isActiveAt(now, zone)) {
        out.add(policy);
      }
    }
    out.sort(STRONGEST_FIRST);
    return out;
  }

  /** Any known policy by id, whatever its status. */
  public Optional<Policy> byId(String policyId) {
    Parsed p = policyId == null ? null : parsed.get(policyId);
    return p == null ? Optional.empty() : Optional.of(p.policy());
  }

  /** The priority of a policy, or 0 for a request without a known policy. */
  public int priorityOf(String policyId) {
    return byId(policyId).map(Policy::priority).orElse(0);
  }

  public ZoneId zone() {
    return zone;
  }

  /** Records skipped because their JSON did not read. */
  public long unreadable() {
    return unreadable.get();
  }
}
