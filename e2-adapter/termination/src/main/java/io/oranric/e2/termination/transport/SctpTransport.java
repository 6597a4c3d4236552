package io.oranric.e2.termination.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpChannelOption;
import io.netty.channel.sctp.SctpMessage;
import io.netty.channel.sctp.nio.NioSctpServerChannel;
import io.netty.handler.codec.sctp.SctpMessageCompletionHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E2AP over SCTP, the production transport (O-RAN WG3 E2GAP: port 36421). A gNB may open several
 * associations (srsRAN: CU-CP, CU-UP and DU with PPIDs 70, 71, 72; OAI uses PPID 0). Answers go
 * back on stream 0 with the PPID the peer used.
 *
 * <p>Netty's NIO SCTP channel runs on its own small event loop group: it needs an NIO selector,
 * which Vert.x does not promise to use. Each association is bound to one loop thread, so its PDUs
 * reach the handler in order.
 */
public final class SctpTransport implements E2Transport {
  private static final Logger LOG = LoggerFactory.getLogger(SctpTransport.class);
  private static final AtomicLong IDS = new AtomicLong();
  public static final Set<Integer> E2AP_PPIDS = Set.of(0, 70, 71, 72);

  private final String host;
  private final int port;
  private final TransportLimits limits;
  private final AssociationHandler handler;
  private final AtomicLong dropped = new AtomicLong();
  private EventLoopGroup group;
  private Channel serverChannel;

  public SctpTransport(String host, int port, TransportLimits limits, AssociationHandler handler) {
    this.host = host;
    this.port = port;
    this.limits = limits;
    this.handler = handler;
  }

  /** Whether this JVM and kernel can open SCTP sockets at all (libsctp and the sctp module). */
  public static boolean isSupported() {
    try (com.sun.nio.sctp.SctpServerChannel ch = com.sun.nio.sctp.SctpServerChannel.open()) {
      return true;
    } catch (UnsupportedOperationException | UnsatisfiedLinkError | java.io.IOException | SecurityException e) {
      return false;
    } catch (Error e) {
      return false; // NoClassDefFoundError of sun.nio.ch.sctp on JDKs built without it
    }
  }

  @Override
  public TransportKind kind() {
    return TransportKind.SCTP;
  }

  @Override
  public Future<Integer> start() {
    if (!isSupported()) {
      return Future.failedFuture(new IllegalStateException(
          "SCTP is not available here (no kernel SCTP or libsctp); use --transport tcp or udp"));
    }
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    Promise<Integer> bound = Promise.promise();
    ServerBootstrap b = new ServerBootstrap().group(group).channel(NioSctpServerChannel.class)
        .childOption(SctpChannelOption.SCTP_NODELAY, true)
        .childHandler(new ChannelInitializer<SctpChannel>() {
          @Override
          protected void initChannel(SctpChannel ch) {
            ch.pipeline().addLast(new SctpMessageCompletionHandler(), new AssociationChannelHandler());
          }
        });
    b.bind(new InetSocketAddress(host, port)).addListener(f -> {
      if (f.isSuccess()) {
        serverChannel = ((io.netty.channel.ChannelFuture) f).channel();
        bound.complete(((InetSocketAddress) serverChannel.localAddress()).getPort());
      } else {
        bound.fail(f.cause());
      }
    });
    return bound.future();
  }

  @Override
  public Future<Void> stop() {
    Promise<Void> done = Promise.promise();
    if (serverChannel != null) {
      serverChannel.close();
    }
    if (group == null) {
      return Future.succeededFuture();
    }
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).addListener(f -> done.complete());
    return done.future();
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  private final class AssociationChannelHandler extends SimpleChannelInboundHandler<SctpMessage> {
    private SctpAssociation association;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      InetSocketAddress r = (InetSocketAddress) ctx.channel().remoteAddress();
      association = new SctpAssociation(ctx.channel(), r.getAddress().getHostAddress() + ":" + r.getPort());
      handler.opened(association);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, SctpMessage msg) {
      long now = System.nanoTime();
      int ppid = msg.protocolIdentifier();
      ByteBuf content = msg.content();
      if (!E2AP_PPIDS.contains(ppid) || content.readableBytes() == 0 || content.readableBytes() > limits.maxPduBytes()) {
        dropped.incrementAndGet();
        LOG.warn("{}: dropped message with PPID {} and {} bytes", association.id, ppid, content.readableBytes());
        return;
      }
      if (association.ppid < 0) {
        association.ppid = ppid;
      }
      handler.pdu(association, ByteBufUtil.getBytes(content), now);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (association != null) {
        association.open = false;
        handler.closed(association);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("{}: {}", association != null ? association.id : "sctp", cause.toString());
    }
  }

  private static final class SctpAssociation implements Association {
    final Channel channel;
    final String id;
    final String remote;
    volatile int ppid = -1;
    volatile boolean open = true;

    SctpAssociation(Channel channel, String remote) {
      this.channel = channel;
      this.remote = remote;
      this.id = "sctp-" + IDS.incrementAndGet() + "/" + remote;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public TransportKind kind() {
      return TransportKind.SCTP;
    }

    @Override
    public String remoteAddress() {
      return remote;
    }

    @Override
    public int ppid() {
      return Math.max(ppid, 0);
    }

    @Override
    public void send(byte[] pdu) {
      if (open) {
        channel.writeAndFlush(new SctpMessage(ppid(), 0, Unpooled.wrappedBuffer(pdu)));
      }
    }

    @Override
    public void send(byte[] pdu, Runnable written) {
      if (open) {
        channel.writeAndFlush(new SctpMessage(ppid(), 0, Unpooled.wrappedBuffer(pdu))).addListener(f -> {
          if (f.isSuccess()) {
            written.run();
          }
        });
      }
    }

    @Override
    public void close() {
      channel.close();
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }
}
