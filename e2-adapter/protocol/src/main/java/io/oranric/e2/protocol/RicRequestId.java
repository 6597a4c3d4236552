package io.oranric.e2.protocol;

/** RICrequestID: requestor (the xApp side) and instance (one subscription or control of it). */
public record RicRequestId(int requestorId, int instanceId) {
  public RicRequestId {
    if (requestorId < 0 || requestorId > 65535 || instanceId < 0 || instanceId > 65535) {
      throw new IllegalArgumentException("RIC request id parts are 0..65535: " + requestorId + "/" + instanceId);
    }
  }

  @Override
  public String toString() {
    return requestorId + "/" + instanceId;
  }
}
