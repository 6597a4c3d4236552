package io.oranric.e2.termination.transport;

import io.vertx.core.Future;

/** A listening transport: SCTP, TCP (length-framed) or UDP (one PDU per datagram). */
public interface E2Transport {
  TransportKind kind();

  /** Starts listening; completes with the bound port (useful when asked for port 0). */
  Future<Integer> start();

  Future<Void> stop();

  /** PDUs the transport itself had to drop (bad framing, oversize, wrong PPID). */
  long dropped();
}
