package io.oranric.e2.termination.transport;

/** What a transport reports upward. Calls for one association come in order, on one thread. */
public interface AssociationHandler {
  void opened(Association association);

  /**
   * One whole E2AP PDU as it came off the wire.
   *
   * @param receivedNanos {@link System#nanoTime()} when the bytes were read, for latency budgets
   */
  void pdu(Association association, byte[] pdu, long receivedNanos);

  void closed(Association association);
}
