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

  void close();

  boolean isOpen();
}
