package io.oranric.e2.node;

import io.netty.bootstrap.Bootstrap;
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
import io.netty.channel.sctp.SctpMessage;
import io.netty.channel.sctp.nio.NioSctpChannel;
import io.netty.handler.codec.sctp.SctpMessageCompletionHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.net.InetSocketAddress;

/**
 * Client links of an E2 node to a RIC: TCP with the 4-byte length prefix, UDP one PDU per datagram,
 * SCTP with an E2AP PPID. Each link lives on one Vert.x context (for SCTP: one Netty loop thread),
 * so its node's callbacks come in order on one thread.
 */
public final class NodeLinks {
  private NodeLinks() {}

  /** @param ppid SCTP payload protocol id to send with (70 CU-CP, 71 CU-UP, 72 DU, 0 generic) */
  public static Future<NodeLink> connect(Vertx vertx, LinkKind kind, String host, int port, int ppid, NodeLink.Handler handler) {
    return switch (kind) {
      case TCP -> tcp(vertx, host, port, handler);
      case UDP -> udp(vertx, host, port, handler);
      case SCTP -> sctp(vertx, host, port, ppid, handler);
    };
  }

  static Future<NodeLink> tcp(Vertx vertx, String host, int port, NodeLink.Handler handler) {
    // The link keeps its client: Vert.x closes an unreachable client, and its connections with it.
    NetClient client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(5000));
    return client.connect(port, host).map(socket -> {
          RecordParser parser = RecordParser.newFixed(4);
          int[] expected = {-1};
          parser.handler(frame -> {
            if (expected[0] < 0) {
              expected[0] = frame.getInt(0);
              parser.fixedSizeMode(expected[0]);
            } else {
              expected[0] = -1;
              parser.fixedSizeMode(4);
              handler.pdu(frame.getBytes());
            }
          });
          socket.handler(parser);
          TcpLink link = new TcpLink(client, socket);
          socket.closeHandler(v -> {
            link.open = false;
            handler.closed();
          });
          return link;
        });
  }

  private static final class TcpLink implements NodeLink {
    final NetClient client;
    final NetSocket socket;
    volatile boolean open = true;

    TcpLink(NetClient client, NetSocket socket) {
      this.client = client;
      this.socket = socket;
    }

    @Override
    public void send(byte[] pdu) {
      if (open) {
        socket.write(Buffer.buffer(pdu.length + 4).appendInt(pdu.length).appendBytes(pdu));
      }
    }

    @Override
    public Future<Void> close() {
      return socket.close().eventually(() -> client.close());
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }

  static Future<NodeLink> udp(Vertx vertx, String host, int port, NodeLink.Handler handler) {
    Context ctx = vertx.getOrCreateContext();
    Promise<NodeLink> p = Promise.promise();
    ctx.runOnContext(v -> {
      DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions().setReceiveBufferSize(1 << 20));
      socket.handler(packet -> handler.pdu(packet.data().getBytes()));
      socket.listen(0, "0.0.0.0").<NodeLink>map(s -> new NodeLink() {
        volatile boolean open = true;

        @Override
        public void send(byte[] pdu) {
          if (open) {
            socket.send(Buffer.buffer(pdu), port, host);
          }
        }

        @Override
        public Future<Void> close() {
          if (!open) {
            return Future.succeededFuture();
          }
          open = false;
          ctx.runOnContext(x -> handler.closed());
          return socket.close();
        }

        @Override
        public boolean isOpen() {
          return open;
        }
      }).onComplete(p);
    });
    return p.future();
  }

  private static volatile EventLoopGroup sctpGroup;

  private static EventLoopGroup sctpGroup() {
    if (sctpGroup == null) {
      synchronized (NodeLinks.class) {
        if (sctpGroup == null) {
          sctpGroup = new MultiThreadIoEventLoopGroup(1, r -> {
            Thread t = new Thread(r, "e2-node-sctp");
            t.setDaemon(true);
            return t;
          }, NioIoHandler.newFactory());
        }
      }
    }
    return sctpGroup;
  }

  static Future<NodeLink> sctp(Vertx vertx, String host, int port, int ppid, NodeLink.Handler handler) {
    Promise<NodeLink> p = Promise.promise();
    Bootstrap b = new Bootstrap().group(sctpGroup()).channel(NioSctpChannel.class).handler(new ChannelInitializer<SctpChannel>() {
      @Override
      protected void initChannel(SctpChannel ch) {
        ch.pipeline().addLast(new SctpMessageCompletionHandler(), new SimpleChannelInboundHandler<SctpMessage>() {
          @Override
          protected void channelRead0(ChannelHandlerContext ctx, SctpMessage msg) {
            handler.pdu(ByteBufUtil.getBytes(msg.content()));
          }

          @Override
          public void channelInactive(ChannelHandlerContext ctx) {
            handler.closed();
          }
        });
      }
    });
    b.connect(new InetSocketAddress(host, port)).addListener(f -> {
      if (!f.isSuccess()) {
        p.fail(f.cause());
        return;
      }
      Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
      p.complete(new NodeLink() {
        @Override
        public void send(byte[] pdu) {
          ch.writeAndFlush(new SctpMessage(ppid, 0, Unpooled.wrappedBuffer(pdu)));
        }

        @Override
        public Future<Void> close() {
          Promise<Void> done = Promise.promise();
          ch.close().addListener(x -> done.complete());
          return done.future();
        }

        @Override
        public boolean isOpen() {
          return ch.isActive();
        }
      });
    });
    return p.future();
  }
}
