package io.oranric.e2.node;

import io.vertx.core.Future;

/** The E2 node's side of one association: PDUs out, PDUs in through the handler given at connect. */
public interface NodeLink {
  void send(byte[] pdu);

  Future<Void> close();

  boolean isOpen();

  /** Callbacks of a link; all on the link's event loop, in order. */
  interface Handler {
    void pdu(byte[] pdu);

    void closed();
  }
}
