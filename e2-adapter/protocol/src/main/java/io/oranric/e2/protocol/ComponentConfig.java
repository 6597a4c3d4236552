package io.oranric.e2.protocol;

/**
 * An E2 node component configuration item (E2 Setup, E2 Node Configuration Update): the interface
 * it belongs to, the component's id as text (AMF name, gNB-DU id, ...), and the opaque
 * request/response parts of the node's own interface setup.
 */
public record ComponentConfig(InterfaceType interfaceType, String componentId, byte[] requestPart, byte[] responsePart) {
  public enum InterfaceType { NG, XN, E1, F1, W1, S1, X2 }
}
