package io.oranric.testbed.lab.load;

import io.oranric.backbone.kafka.EmbeddedKafka;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.kafka.TopicConsumer;
import io.oranric.backbone.ops.JitActivity;
import io.oranric.backbone.stream.E2Stream;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.E2Node;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.KpmSubscription;
import io.oranric.contract.v1.Provenance;
import io.oranric.contract.v1.RcReport;
import io.oranric.contract.v1.SlicePrbQuota;
import io.oranric.contract.v1.SliceQuota;
import io.oranric.contract.v1.Snssai;
import io.oranric.contract.v1.SubscriptionRequest;
import io.oranric.e2.node.E2NodeSession;
import io.oranric.e2.node.LinkKind;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.protocol.adapter.E2apCodecs;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.sm.StandardServiceModels;
import io.oranric.e2.termination.TerminationConfig;
import io.oranric.e2.termination.TerminationService;
import io.oranric.e2.termination.direct.DirectE2Stream;
import io.oranric.e2.termination.sink.TerminationSink;
import io.oranric.e2.termination.transport.TransportKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The near-RT loop under load, end to end: lightweight E2 nodes stream KPM indications over TCP at a
 * set rate; the termination decodes them and publishes KpmReports; a trivial reacting consumer answers
 * every report with a slice PRB quota control request; the termination encodes it and sends it to the
 * node, which acknowledges. Measured per request: from the indication read off the socket to its
 * control request written to the socket, exactly (every sample kept), through Kafka (two broker hops)
 * or through the termination's direct in-process stream.
 */
public final class E2LoadBench {

  public record Options(int nodes, int ratePerSecond, Duration warmup, Duration measure, boolean direct, String kafka) {
    public Options {
      if (nodes < 1 || ratePerSecond < 1) {
        throw new IllegalArgumentException("nodes and rate must be positive");
      }
      if (ratePerSecond / nodes > 1000) {
        throw new IllegalArgumentException("at most 1000 indications/s per node (1 ms period): use more nodes");
      }
    }
  }

  public record Result(Options options, double indicationsPerSecond, long controls, long ok, long failed, long timedOut,
      double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs, LatencySamples samples, double[] p99PerSecondMs,
      double cpuCores) {
    public String table() {
      return String.format("%-7s %6d nodes %,7d ind/s target, %,9.0f achieved | controls %,d (ok %,d, failed %d, timed out %d)"
          + " | indication->control p50 %.2f ms, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f | CPU %.2f of %d cores",
          options.direct() ? "direct" : "kafka", options.nodes(), options.ratePerSecond(), indicationsPerSecond, controls, ok, failed,
          timedOut, p50Ms, p90Ms, p99Ms, p999Ms, maxMs, cpuCores, Runtime.getRuntime().availableProcessors());
    }
  }

  private E2LoadBench() {}

  public static Result run(Options o, PrintStream progress) throws Exception {
    long periodMs = Math.max(1, Math.round(1000.0 * o.nodes() / o.ratePerSecond()));
    Vertx ric = Vertx.vertx();
    Vertx ran = Vertx.vertx();
    List<AutoCloseable> closing = new ArrayList<>();
    KafkaBackbone kafka = null;
    try {
      kafka = KafkaBackbone.open(o.kafka(), System.getenv(), EmbeddedKafka.Options.defaults());
      // What is measured: outcomes carry when the request left and the indication that triggered it
      // arrived. They are taken from the termination in-process, as it hands them to Kafka: a Kafka
      // reader here would be a fourth client loading the broker and the 2 cores it shares with
      // the path it measures (the termination still publishes every outcome on e2.control.outcomes).
      OutcomeLog log = new OutcomeLog();
      TerminationSink measuring = new OutcomeSink(log::add);
      TerminationConfig config = TerminationConfig.defaults(List.of(new TerminationConfig.Listener(TransportKind.TCP, 0)))
          .withHost("127.0.0.1");
      TerminationService termination = new TerminationService(ric, config, new StandardServiceModels(CellNaming.none()),
          kafka.settings(), measuring);
      closing.add(termination);
      termination.start("127.0.0.1", -1).await(60, TimeUnit.SECONDS);

      // The reacting consumer: one control per report, stamped with the report's receive time.
      RicProducer producer = RicProducer.create(kafka.settings(), "bench-reactor");
      closing.add(producer);
      AtomicLong seq = new AtomicLong();
      java.util.function.Function<KpmReport, ControlRequest> react = r -> ControlRequest.newBuilder()
          .setRequestId("bench-" + seq.incrementAndGet()).setNodeId(r.getNodeId()).setTriggerReceivedNs(r.getReceivedNs())
          .setCreatedNs(io.oranric.backbone.ops.Clocks.nowEpochNanos())
          .setProvenance(Provenance.newBuilder().setXapp("bench-reactor"))
          .setSlicePrbQuota(SlicePrbQuota.newBuilder().addSlices(SliceQuota.newBuilder().setSlice(Snssai.newBuilder().setSst(2))
              .setPlmn(io.oranric.contract.v1.Plmn.newBuilder().setMcc("001").setMnc("01"))
              .setMinPrbPct(20).setMaxPrbPct(60).setDedicatedPrbPct(10))).build();
      if (o.direct()) {
        E2Stream direct = new DirectE2Stream(termination.termination(), null);
        closing.add(direct);
        direct.kpm("bench", batch -> batch.forEach(r -> direct.control(react.apply(r))));
      } else {
        TopicConsumer<KpmReport> reactor = TopicConsumer.start(kafka.settings(),
            new TopicConsumer.Options(RicTopic.E2_KPM, "bench-reactor", TopicConsumer.Start.LATEST, Duration.ofMillis(20), Map.of()),
            batch -> {
              batch.forEach(r -> producer.send(RicTopic.E2_CONTROL_REQUESTS, r.key(), react.apply(r.value())));
              return CompletableFuture.completedFuture(null);
            });
        closing.add(reactor);
      }

      List<E2NodeSession> sessions = new ArrayList<>();
      int port = termination.ports().get(TransportKind.TCP);
      for (int i = 0; i < o.nodes(); i++) {
        sessions.add(new E2NodeSession(ran, E2apCodecs.of(E2apVersion.V3_01), new LoadNode(i),
            new E2NodeSession.Target(LinkKind.TCP, "127.0.0.1", port, 0), false));
      }
      List<Future<Void>> ups = new ArrayList<>();
      sessions.forEach(s -> ups.add(s.start()));
      Future.all(ups).await(5, TimeUnit.MINUTES);
      progress.printf("%d nodes set up; subscribing at one report per %d ms per node (%,d indications/s)%n", o.nodes(), periodMs,
          o.nodes() * 1000 / periodMs);
      termination.termination().want("bench/kpm", SubscriptionRequest.newBuilder().setXapp("bench").setName("kpm")
          .setKpm(KpmSubscription.newBuilder().setReportStyle(1).setPeriodMs((int) periodMs)).build());

      long warmEnd = System.nanoTime() + o.warmup().toNanos();
      progressUntil(warmEnd, "warm-up", termination, log, progress);
      settleJit(o.warmup(), termination, progress);
      long from = io.oranric.backbone.ops.Clocks.nowEpochNanos();
      long ind0 = indications(termination);
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      progressUntil(t0 + o.measure().toNanos(), "measure", termination, log, progress);
      double elapsed = System.nanoTime() - t0;
      double rate = (indications(termination) - ind0) / (elapsed / 1e9);
      double cpuCores = (processCpuNanos() - cpu0) / elapsed;
      long to = io.oranric.backbone.ops.Clocks.nowEpochNanos();
      // Indications of the window still on their way get their outcomes before the nodes stop.
      awaitOutcomes(log, from, to);
      sessions.forEach(E2NodeSession::stop);
      OutcomeLog.Window w = log.window(from, to);
      progress.printf("  indication -> reacting consumer: p50 %.2f ms, p99 %.2f ms; reacting consumer -> control on the socket: p50 %.2f ms, "
          + "p99 %.2f ms%n", w.toReactor.percentileMs(50), w.toReactor.percentileMs(99), w.fromReactor.percentileMs(50),
          w.fromReactor.percentileMs(99));
      LatencySamples samples = w.total;
      int seconds = (int) Math.max(1, (to - from) / 1_000_000_000L);
      OutcomeLog.Window[] bySecond = log.windows(from, from + seconds * 1_000_000_000L, seconds);
      double[] perSecond = new double[seconds];
      for (int i = 0; i < seconds; i++) {
        perSecond[i] = bySecond[i].total.percentileMs(99);
      }
      return new Result(o, rate, w.count(), w.ok, w.failed, w.timedOut, samples.percentileMs(50),
          samples.percentileMs(90), samples.percentileMs(99), samples.percentileMs(99.9), samples.percentileMs(100), samples, perSecond, cpuCores);
    } finally {
      for (int i = closing.size() - 1; i >= 0; i--) {
        try {
          closing.get(i).close();
        } catch (Exception e) {
          // best effort
        }
      }
      ran.close().await();
      ric.close().await();
      // The broker goes last: closed first, it left the termination's event loop blocked in send()
      // and every client retrying its connection for the rest of the shutdown.
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  /** The warm-up goes on, at most this long, while the JIT still compiles more than {@link JitActivity#QUIET} of a core. */
  static final Duration JIT_SETTLE_MAX = Duration.ofSeconds(120);
  static final int JIT_WINDOW_S = 2;

  /**
   * After the requested warm-up, keeps warming until the JIT compilers are nearly idle. The broker,
   * the Kafka clients and the E2 codecs are a lot of code: on a 2-core machine C2 was still compiling
   * with more than half a core a minute after start, so a fixed 15 s warm-up measured the path while
   * the compiler took the CPU it needed (the hops then queue for a core: per hop p50 15-30 ms instead
   * of 2-4 ms once compiled). What is measured should be the steady state, and the log says how long
   * reaching it took.
   */
  private static void settleJit(Duration warmup, TerminationService t, PrintStream out)
      throws InterruptedException {
    JitActivity jit = JitActivity.start();
    if (!jit.supported()) {
      return;
    }
    long start = System.nanoTime();
    long deadline = start + JIT_SETTLE_MAX.toNanos();
    long last = indications(t);
    while (true) {
      TimeUnit.SECONDS.sleep(JIT_WINDOW_S);
      double share = jit.sinceLast();
      long now = indications(t);
      out.printf("  %-8s %,7d indications/s, JIT compiling %.0f%% of a core%n", "jit", (now - last) / JIT_WINDOW_S, 100 * share);
      last = now;
      if (JitActivity.quiet(share) || System.nanoTime() > deadline) {
        out.printf("  warm-up: %d s requested, %d s more until the JIT settled%s%n", warmup.toSeconds(),
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
            JitActivity.quiet(share) ? "" : " (gave up waiting; still compiling)");
        return;
      }
    }
  }

  private static long indications(TerminationService t) {
    return (long) t.metrics().find("e2_indications").tag("result", "published").counter().count();
  }

  /**
   * One line a second: indications and controls of that second, their p99, and how busy the machine's
   * cores were (everything here shares them: broker, termination, reacting consumer, simulated nodes).
   */
  private static void progressUntil(long end, String phase, TerminationService t, OutcomeLog log, PrintStream out)
      throws InterruptedException {
    long last = indications(t);
    long mark = log.size();
    long cpu = processCpuNanos();
    long at = System.nanoTime();
    while (System.nanoTime() < end) {
      TimeUnit.MILLISECONDS.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      long now = indications(t);
      long cpuNow = processCpuNanos();
      long atNow = System.nanoTime();
      OutcomeLog.Window w = log.since(mark);
      mark += w.count();
      out.printf("  %-8s %,7d indications/s, %,6d controls, p99 %.2f ms, CPU %.2f cores%n", phase, now - last, w.count(),
          w.total.percentileMs(99), (cpuNow - cpu) / (double) (atNow - at));
      last = now;
      cpu = cpuNow;
      at = atNow;
    }
  }

  /** CPU time of this process (all its threads), or 0 where the JVM does not say. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  /** Waits (at most 10 s: the termination times requests out after 5) until every outcome of the window is in. */
  private static void awaitOutcomes(OutcomeLog log, long from, long to) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long seen = -1;
    while (System.nanoTime() < deadline) {
      long n = log.window(from, to).count();
      if (n == seen) {
        return;
      }
      seen = n;
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  /** Only the outcomes, on whatever thread the termination reports them. */
  private record OutcomeSink(java.util.function.Consumer<ControlOutcome> onOutcome) implements TerminationSink {
    @Override
    public void node(E2Node node) {}

    @Override
    public void nodeRemoved(String nodeKey) {}

    @Override
    public void kpm(KpmReport report) {}

    @Override
    public void rc(RcReport report) {}

    @Override
    public void outcome(ControlOutcome outcome) {
      onOutcome.accept(outcome);
    }
  }
}
