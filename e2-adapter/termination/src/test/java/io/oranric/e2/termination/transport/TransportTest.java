package io.oranric.e2.termination.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transports deliver whole PDUs, keep peers apart and answer where the PDU came from. */
class TransportTest {
  private Vertx vertx;
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final List<Thread> threadsPerAssociation = new CopyOnWriteArrayList<>();

  /** Echoes each PDU reversed, so the test sees the reply came through the association. */
  private final AssociationHandler echo = new AssociationHandler() {
    @Override
    public void opened(Association a) {
      events.add("open " + a.kind());
    }

    @Override
    public void pdu(Association a, byte[] pdu, long receivedNanos) {
      threadsPerAssociation.add(Thread.currentThread());
      events.add("pdu " + new String(pdu));
      a.send(new StringBuilder(new String(pdu)).reverse().toString().getBytes());
    }

    @Override
    public void closed(Association a) {
      events.add("closed " + a.kind());
    }
  };

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void tcp_frames_survive_coalescing_and_splitting() throws Exception {
    TcpTransport t = new TcpTransport(vertx, "127.0.0.1", 0, TransportLimits.DEFAULT, echo);
    int port = t.start().await();
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setTcpNoDelay(true);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      DataInputStream in = new DataInputStream(s.getInputStream());
      // two PDUs in one write
      byte[] both = concat(frame("abc"), frame("hello"));
      out.write(both);
      out.flush();
      assertThat(readFrame(in)).isEqualTo("cba");
      assertThat(readFrame(in)).isEqualTo("olleh");
      // one PDU split in three writes, the split inside the length prefix
      byte[] f = frame("split-pdu");
      out.write(f, 0, 2);
      out.flush();
      out.write(f, 2, 5);
      out.flush();
      out.write(f, 7, f.length - 7);
      out.flush();
      assertThat(readFrame(in)).isEqualTo("udp-tilps");
    }
    assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("open TCP");
    assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("pdu abc");
    assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("pdu hello");
    assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("pdu split-pdu");
    assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("closed TCP");
    assertThat(threadsPerAssociation.stream().distinct()).hasSize(1);
  }

  @Test
  void tcp_closes_a_connection_whose_framing_is_lost_without_buffering_the_claimed_length() throws Exception {
    TcpTransport t = new TcpTransport(vertx, "127.0.0.1", 0, new TransportLimits(4096, TransportLimits.DEFAULT.udpIdleTimeout()), echo);
    int port = t.start().await();
    try (Socket s = new Socket("127.0.0.1", port)) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(Integer.MAX_VALUE); // claims 2 GiB
      out.flush();
      assertThat(s.getInputStream().read()).as("server closed the connection").isEqualTo(-1);
    }
    assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("open TCP");
    assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("closed TCP");
    assertThat(t.dropped()).isEqualTo(1);
  }

  @Test
  void udp_answers_each_peer_at_its_source_address_and_drops_empty_datagrams() throws Exception {
    UdpTransport t = new UdpTransport(vertx, "127.0.0.1", 0, TransportLimits.DEFAULT, echo);
    int port = t.start().await();
    try (DatagramSocket a = new DatagramSocket(0, InetAddress.getLoopbackAddress());
         DatagramSocket b = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      a.setSoTimeout(5000);
      b.setSoTimeout(5000);
      send(a, port, "from-a");
      send(b, port, "from-b");
      send(a, port, "");
      assertThat(receive(a)).isEqualTo("a-morf");
      assertThat(receive(b)).isEqualTo("b-morf");
      send(a, port, "again");
      assertThat(receive(a)).isEqualTo("niaga");
    }
    List<String> seen = List.of(events.poll(5, TimeUnit.SECONDS), events.poll(5, TimeUnit.SECONDS),
        events.poll(5, TimeUnit.SECONDS), events.poll(5, TimeUnit.SECONDS), events.poll(5, TimeUnit.SECONDS));
    assertThat(seen).filteredOn(e -> e.startsWith("open")).hasSize(2);
    assertThat(seen).contains("pdu from-a", "pdu from-b", "pdu again");
    assertThat(t.dropped()).isEqualTo(1);
    t.stop().await();
    assertThat(List.of(events.poll(5, TimeUnit.SECONDS), events.poll(5, TimeUnit.SECONDS))).containsOnly("closed UDP");
  }

  /** Remembers the association, replies nothing: the test sends from its own thread. */
  private final BlockingQueue<Association> opened = new LinkedBlockingQueue<>();
  private final AssociationHandler quiet = new AssociationHandler() {
    @Override
    public void opened(Association a) {
      opened.add(a);
    }

    @Override
    public void pdu(Association a, byte[] pdu, long receivedNanos) {
      threadsPerAssociation.add(Thread.currentThread());
    }

    @Override
    public void closed(Association a) {
      events.add("closed " + a.kind());
    }
  };

  @Test
  void a_send_from_another_thread_reports_its_write_on_the_association_thread_and_never_after_close() throws Exception {
    TcpTransport tcp = new TcpTransport(vertx, "127.0.0.1", 0, TransportLimits.DEFAULT, quiet);
    int port = tcp.start().await();
    BlockingQueue<Thread> written = new LinkedBlockingQueue<>();
    try (Socket s = new Socket("127.0.0.1", port)) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      DataInputStream in = new DataInputStream(s.getInputStream());
      out.write(frame("hello"));
      out.flush();
      Association a = opened.poll(5, TimeUnit.SECONDS);
      assertThat(a).isNotNull();
      a.send("control".getBytes(), () -> written.add(Thread.currentThread()));
      assertThat(readFrame(in)).isEqualTo("control");
      Thread writer = written.poll(5, TimeUnit.SECONDS);
      assertThat(writer).isNotEqualTo(Thread.currentThread());
      assertThat(events.poll(0, TimeUnit.SECONDS)).isNull();
      // the thread that wrote is the association's own, the one that delivered its PDU
      assertThat(threadsPerAssociation).containsOnly(writer);
      a.close();
      assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("closed TCP");
      a.send("late".getBytes(), () -> written.add(Thread.currentThread()));
    }
    UdpTransport udp = new UdpTransport(vertx, "127.0.0.1", 0, TransportLimits.DEFAULT, quiet);
    int udpPort = udp.start().await();
    try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      peer.setSoTimeout(5000);
      send(peer, udpPort, "hello");
      Association a = opened.poll(5, TimeUnit.SECONDS);
      a.send("control".getBytes(), () -> written.add(Thread.currentThread()));
      assertThat(receive(peer)).isEqualTo("control");
      assertThat(written.poll(5, TimeUnit.SECONDS)).isNotEqualTo(Thread.currentThread());
      a.close();
      a.send("late".getBytes(), () -> written.add(Thread.currentThread()));
    }
    udp.stop().await();
    tcp.stop().await();
    assertThat(written).as("nothing reported for PDUs sent after close").isEmpty();
  }

  @Test
  void sctp_refuses_to_start_with_a_clear_reason_where_the_kernel_has_no_sctp() {
    if (SctpTransport.isSupported()) {
      return; // covered by the SCTP round trip below
    }
    SctpTransport t = new SctpTransport("127.0.0.1", 0, TransportLimits.DEFAULT, echo);
    Throwable failure = t.start().cause();
    assertThat(failure).hasMessageContaining("SCTP is not available").hasMessageContaining("tcp or udp");
  }

  @Test
  void sctp_round_trip_with_e2ap_ppid() throws Exception {
    assumeTrue(SctpTransport.isSupported(), "kernel SCTP not available on this machine");
    SctpTransport t = new SctpTransport("127.0.0.1", 0, TransportLimits.DEFAULT, echo);
    int port = t.start().await();
    try (com.sun.nio.sctp.SctpChannel ch = com.sun.nio.sctp.SctpChannel.open(new java.net.InetSocketAddress("127.0.0.1", port), 0, 0)) {
      ch.send(java.nio.ByteBuffer.wrap("sctp".getBytes()), com.sun.nio.sctp.MessageInfo.createOutgoing(null, 0).payloadProtocolID(70));
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(64);
      com.sun.nio.sctp.MessageInfo info = ch.receive(buf, null, null);
      buf.flip();
      byte[] got = new byte[buf.remaining()];
      buf.get(got);
      assertThat(new String(got)).isEqualTo("ptcs");
      assertThat(info.payloadProtocolID()).isEqualTo(70);
    } finally {
      t.stop().await();
    }
  }

  private static void send(DatagramSocket s, int port, String text) throws Exception {
    byte[] b = text.getBytes();
    s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
  }

  private static String receive(DatagramSocket s) throws Exception {
    DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
    s.receive(p);
    return new String(p.getData(), 0, p.getLength());
  }

  private static byte[] frame(String s) {
    byte[] b = s.getBytes();
    byte[] f = new byte[b.length + 4];
    f[0] = (byte) (b.length >>> 24);
    f[1] = (byte) (b.length >>> 16);
    f[2] = (byte) (b.length >>> 8);
    f[3] = (byte) b.length;
    System.arraycopy(b, 0, f, 4, b.length);
    return f;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static String readFrame(DataInputStream in) throws Exception {
    int len = in.readInt();
    byte[] b = new byte[len];
    in.readFully(b);
    return new String(b);
  }
}
