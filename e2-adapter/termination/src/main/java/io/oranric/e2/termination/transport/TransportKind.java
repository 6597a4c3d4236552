package io.oranric.e2.termination.transport;

/** How an E2 node reaches us. The procedures above never look at it, except to decide how to
 * answer garbage: a stream peer gets an Error Indication, a datagram that is not a PDU is dropped. */
public enum TransportKind {
  SCTP,
  TCP,
  UDP;

  public boolean isDatagram() {
    return this == UDP;
  }
}
