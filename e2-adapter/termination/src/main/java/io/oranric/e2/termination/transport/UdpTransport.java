package io.oranric.e2.termination.transport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E2AP over UDP: exactly one PDU per datagram, answers go to the datagram's source address and
 * port. A peer address is an association; since UDP has no disconnect, a peer silent for the idle
 * timeout is closed.
 */
public final class UdpTransport implements E2Transport {
  private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);
  private static final AtomicLong IDS = new AtomicLong();
  /** Largest UDP payload over IPv4. */
  private static final int MAX_DATAGRAM = 65_507;

  private final Vertx vertx;
  private final String host;
  private final int port;
  private final TransportLimits limits;
  private final AssociationHandler handler;
  private final Map<String, UdpAssociation> peers = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private DatagramSocket socket;
  private long sweepTimer = -1;

  public UdpTransport(Vertx vertx, String host, int port, TransportLimits limits, AssociationHandler handler) {
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    this.limits = limits;
    this.handler = handler;
  }

  @Override
  public TransportKind kind() {
    return TransportKind.UDP;
  }

  @Override
  public Future<Integer> start() {
    // Socket and idle sweep share one context, so every call for a peer comes from one thread.
    Context context = vertx.getOrCreateContext();
    Promise<Integer> bound = Promise.promise();
    context.runOnContext(v -> {
      socket = vertx.createDatagramSocket(new DatagramSocketOptions().setReuseAddress(true)
          .setReceiveBufferSize(4 << 20).setSendBufferSize(4 << 20));
      socket.handler(this::receive);
      long sweepMs = Math.max(1000, limits.udpIdleTimeout().toMillis() / 4);
      sweepTimer = vertx.setPeriodic(sweepMs, t -> sweep());
      socket.listen(port, host).map(s -> s.localAddress().port()).onComplete(bound);
    });
    return bound.future();
  }

  private void receive(DatagramPacket packet) {
    long now = System.nanoTime();
    Buffer data = packet.data();
    String remote = packet.sender().host() + ":" + packet.sender().port();
    if (data.length() == 0 || data.length() > Math.min(limits.maxPduBytes(), MAX_DATAGRAM)) {
      dropped.incrementAndGet();
      LOG.debug("udp {}: dropped datagram of {} bytes", remote, data.length());
      return;
    }
    UdpAssociation a = peers.get(remote);
    if (a == null) {
      a = new UdpAssociation(remote, packet.sender().host(), packet.sender().port());
      peers.put(remote, a);
      handler.opened(a);
    }
    a.lastSeen = now;
    handler.pdu(a, data.getBytes(), now);
  }

  private void sweep() {
    long limit = System.nanoTime() - limits.udpIdleTimeout().toNanos();
    peers.values().removeIf(a -> {
      if (a.lastSeen < limit || !a.open) {
        boolean wasOpen = a.open;
        a.open = false;
        if (wasOpen) {
          LOG.info("{}: silent for {} s, closing", a.id, limits.udpIdleTimeout().toSeconds());
        }
        handler.closed(a);
        return true;
      }
      return false;
    });
  }

  @Override
  public Future<Void> stop() {
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    peers.values().forEach(a -> {
      a.open = false;
      handler.closed(a);
    });
    peers.clear();
    return socket == null ? Future.succeededFuture() : socket.close();
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  private final class UdpAssociation implements Association {
    final String id;
    final String remote;
    final String peerHost;
    final int peerPort;
    volatile long lastSeen;
    volatile boolean open = true;

    UdpAssociation(String remote, String peerHost, int peerPort) {
      this.remote = remote;
      this.peerHost = peerHost;
      this.peerPort = peerPort;
      this.id = "udp-" + IDS.incrementAndGet() + "/" + remote;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public TransportKind kind() {
      return TransportKind.UDP;
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
      if (open) {
        socket.send(Buffer.buffer(pdu), peerPort, peerHost);
      }
    }

    @Override
    public void send(byte[] pdu, Runnable written) {
      if (open) {
        socket.send(Buffer.buffer(pdu), peerPort, peerHost).onSuccess(v -> written.run());
      }
    }

    /** Forgets the peer; a later datagram from the same address opens a new association. */
    @Override
    public void close() {
      if (open) {
        open = false;
        peers.remove(remote, this);
        handler.closed(this);
      }
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }
}
