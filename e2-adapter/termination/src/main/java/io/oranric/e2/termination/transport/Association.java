package io.oranric.e2.termination.transport;

/**
 * One E2 association: an SCTP association, a TCP connection, or a UDP peer address. A gNB may hold
 * several (CU-CP, CU-UP, DU). Sending is thread safe; every PDU of one association is delivered
 * to the handler in order, on one thread.
 */
public interface Association {
  /** Unique for the life of the process, e.g. {@code tcp-7/10.0.0.5:38412}. */
  String id();

  TransportKind kind();

  /** {@code host:port} of the peer. */
  String remoteAddress();

  /** SCTP payload protocol id of the peer's PDUs (0, 70, 71 or 72); 0 for TCP and UDP. */
  int ppid();

  /** Queues one encoded E2AP PDU for the peer. Silently dropped after close. */
  void send(byte[] pdu);

  /**
   * Like {@link #send(byte[])}, and runs {@code written} (on the association's thread) once the PDU
   * is written to the socket; never when it was dropped. Called from another thread, the write
   * itself happens later on the association's thread: callers that time a PDU's departure stamp it
   * here, not at the hand-off.
   */
  default void send(byte[] pdu, Runnable written) {
    send(pdu);
    if (isOpen()) {
      written.run();
    }
  }

  void close();

  boolean isOpen();
}
