package io.oranric.e2.termination.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E2AP over TCP for labs and containers without kernel SCTP: each PDU is preceded by its length as
 * a 4-byte big-endian integer. A frame length outside (0, maxPduBytes] means the stream has lost
 * its framing; nothing after it can be trusted, so the connection is closed.
 */
public final class TcpTransport implements E2Transport {
  private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
  private static final AtomicLong IDS = new AtomicLong();

  private final Vertx vertx;
  private final String host;
  private final int port;
  private final TransportLimits limits;
  private final AssociationHandler handler;
  private final AtomicLong dropped = new AtomicLong();
  private NetServer server;

  public TcpTransport(Vertx vertx, String host, int port, TransportLimits limits, AssociationHandler handler) {
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    this.limits = limits;
    this.handler = handler;
  }

  @Override
  public TransportKind kind() {
    return TransportKind.TCP;
  }

  @Override
  public Future<Integer> start() {
    server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true)
        .setTcpQuickAck(false).setReuseAddress(true));
    server.connectHandler(this::accept);
    return server.listen().map(NetServer::actualPort);
  }

  private void accept(NetSocket socket) {
    TcpAssociation a = new TcpAssociation(socket);
    handler.opened(a);
    RecordParser parser = RecordParser.newFixed(4);
    int[] expected = {-1};
    parser.handler(frame -> {
      if (expected[0] < 0) {
        int len = frame.getInt(0);
        if (len <= 0 || len > limits.maxPduBytes()) {
          dropped.incrementAndGet();
          LOG.warn("{}: frame length {} outside 1..{}; framing lost, closing", a.id(), len, limits.maxPduBytes());
          socket.close();
          return;
        }
        expected[0] = len;
        parser.fixedSizeMode(len);
      } else {
        long now = System.nanoTime();
        expected[0] = -1;
        parser.fixedSizeMode(4);
        handler.pdu(a, frame.getBytes(), now);
      }
    });
    socket.handler(parser);
    socket.closeHandler(v -> {
      a.open = false;
      handler.closed(a);
    });
    socket.exceptionHandler(e -> LOG.debug("{}: {}", a.id(), e.toString()));
  }

  @Override
  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  private static final class TcpAssociation implements Association {
    private final NetSocket socket;
    private final String id;
    private final String remote;
    volatile boolean open = true;

    TcpAssociation(NetSocket socket) {
      this.socket = socket;
      this.remote = socket.remoteAddress().host() + ":" + socket.remoteAddress().port();
      this.id = "tcp-" + IDS.incrementAndGet() + "/" + remote;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public TransportKind kind() {
      return TransportKind.TCP;
    }

    @Override
    public String remoteAddress() {
      return remote;
    }

    @Override
    public int ppid() {
      return 0;
    }

    @Override
    public void send(byte[] pdu) {
      if (!open) {
        return;
      }
      socket.write(frame(pdu));
    }

    @Override
    public void send(byte[] pdu, Runnable written) {
      if (open) {
        socket.write(frame(pdu)).onSuccess(v -> written.run());
      }
    }

    /** The PDU behind its 4-byte big-endian length. */
    private static Buffer frame(byte[] pdu) {
      return Buffer.buffer(pdu.length + 4).appendInt(pdu.length).appendBytes(pdu);
    }

    @Override
    public void close() {
      socket.close();
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }
}
