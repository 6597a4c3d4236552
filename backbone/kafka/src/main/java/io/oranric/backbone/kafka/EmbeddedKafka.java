package io.oranric.backbone.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, combined broker and controller) running inside this JVM, so that the
 * lab and the tests need no Kafka installation. Data lives in a temp directory (deleted on close)
 * or in a configured one (kept, so a restarted lab replays its topics).
 *
 * <p>The broker is configured for a small heap: the log cleaner's dedupe buffer defaults to
 * 128 MiB, which alone would not fit the lab's JVM, so it is cut to a few MiB (plenty for the
 * compacted registries, which hold one record per node or policy).
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  /** Options of the embedded broker; {@code port 0} picks a free port. */
  public record Options(Path dataDir, String host, int port, int controllerPort, Map<String, String> overrides) {
    public Options {
      host = host == null ? "127.0.0.1" : host;
      overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    public static Options defaults() {
      return new Options(null, "127.0.0.1", 0, 0, Map.of());
    }

    public Options withDataDir(Path dir) {
      return new Options(dir, host, port, controllerPort, overrides);
    }

    public Options withPort(int p) {
      return new Options(dataDir, host, p, controllerPort, overrides);
    }
  }

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final boolean temporary;
  private final String bootstrapServers;
  private final Duration startupTime;
  private volatile boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, Path dataDir, boolean temporary, String bootstrapServers,
      Duration startupTime) {
    this.server = server;
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.bootstrapServers = bootstrapServers;
    this.startupTime = startupTime;
  }

  public static EmbeddedKafka start() {
    return start(Options.defaults());
  }

  /** Formats the storage if needed, starts the broker and waits until it answers clients. */
  public static EmbeddedKafka start(Options options) {
    long t0 = System.nanoTime();
    boolean temporary = options.dataDir() == null;
    Path dir;
    try {
      dir = temporary ? Files.createTempDirectory("ric-kafka-") : Files.createDirectories(options.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Kafka data directory", e);
    }
    int port = options.port() == 0 ? freePort(options.host()) : options.port();
    int controllerPort = options.controllerPort() == 0 ? freePort(options.host()) : options.controllerPort();
    Properties props = brokerProperties(dir, options.host(), port, controllerPort);
    props.putAll(options.overrides());
    KafkaConfig config = KafkaConfig.fromProps(props, false);
    try {
      format(config, dir);
    } catch (Exception e) {
      deleteQuietly(dir, temporary);
      throw new IllegalStateException("cannot format Kafka storage in " + dir + ": " + e.getMessage(), e);
    }
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    String bootstrap = options.host() + ":" + port;
    try {
      server.startup();
      awaitReady(bootstrap, Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      shutdownQuietly(server);
      deleteQuietly(dir, temporary);
      throw new IllegalStateException("embedded Kafka did not start on " + bootstrap + ": " + e.getMessage(), e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    LOG.info("embedded Kafka (KRaft) ready on {} in {} ms, data in {}", bootstrap, took.toMillis(), dir);
    return new EmbeddedKafka(server, dir, temporary, bootstrap, took);
  }

  static Properties brokerProperties(Path dir, String host, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dir.resolve("data").toString());
    // A single node: every internal topic has one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "2");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // Small heap: the cleaner's dedupe buffer defaults to 128 MiB.
    p.put("log.cleaner.threads", "1");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4L * 1024 * 1024));
    p.put("log.cleaner.io.buffer.size", String.valueOf(256 * 1024));
    p.put("log.cleaner.backoff.ms", "1000");
    // Two cores: a few threads are enough and leave CPU to the E2 path.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("num.replica.fetchers", "1");
    // Topics are created explicitly with their compaction settings (RicTopic), never by accident.
    p.put("auto.create.topics.enable", "false");
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    return p;
  }

  private static void format(KafkaConfig config, Path dir) throws Exception {
    Formatter formatter = new Formatter()
        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .setNodeId(config.nodeId())
        .setClusterId(Uuid.randomUuid().toString())
        .setIgnoreFormatted(true) // a configured data dir keeps its cluster and topics across runs
        .setControllerListenerName(config.controllerListenerNames().get(0))
        .setMetadataLogDirectory(config.metadataLogDir())
        .setReleaseVersion(MetadataVersion.latestProduction());
    formatter.setDirectories(List.of(dir.resolve("data").toString()));
    formatter.run();
  }

  private static void awaitReady(String bootstrap, Duration timeout) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("request.timeout.ms", "5000");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        try {
          admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          admin.listTopics().names().get(5, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("broker not ready after " + timeout, e);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
      }
    }
  }

  private static int freePort(String host) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(host, 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public KafkaSettings settings() {
    return KafkaSettings.of(bootstrapServers);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** From the call to {@link #start} to the broker answering an Admin request. */
  public Duration startupTime() {
    return startupTime;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    shutdownQuietly(server);
    deleteQuietly(dataDir, temporary);
  }

  private static void shutdownQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("embedded Kafka did not shut down cleanly: {}", e.toString());
    }
  }

  private static void deleteQuietly(Path dir, boolean temporary) {
    if (!temporary || dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", dir, e.toString());
    }
  }
}
