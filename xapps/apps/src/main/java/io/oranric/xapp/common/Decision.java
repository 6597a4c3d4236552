package io.oranric.xapp.common;

import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.Provenance;
import io.oranric.policies.model.Policy;

/**
 * A control request an xApp's logic decided to send, with the policy behind it and why. The logic
 * builds it without request id or xApp name: the SDK stamps those when it sends.
 *
 * @param key what it changes ("cell-3/prb-quota/2"): the logic's own handle to match the outcome
 * @param triggerReceivedNs receive time of the indication that led to it, 0 for timer decisions
 */
public record Decision(String key, ControlRequest request, Provenance provenance, long triggerReceivedNs, String reason) {

  public static Decision of(String key, ControlRequest.Builder request, Policy policy, long triggerReceivedNs, String reason) {
    return new Decision(key, request.build(), provenance(policy), triggerReceivedNs, reason);
  }

  public static Provenance provenance(Policy policy) {
    Provenance.Builder p = Provenance.newBuilder();
    if (policy != null) {
      if (policy.policyId() != null) {
        p.setPolicyId(policy.policyId());
      }
      if (policy.intentId() != null) {
        p.setIntentId(policy.intentId());
      }
      p.setPolicyVersion(policy.version());
    }
    return p.build();
  }

  public String nodeId() {
    return request.getNodeId();
  }

  @Override
  public String toString() {
    return key + " on " + request.getNodeId() + " (" + provenance.getPolicyId() + "): " + reason;
  }
}
