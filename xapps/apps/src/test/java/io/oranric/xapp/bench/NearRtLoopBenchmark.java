package io.oranric.xapp.bench;

import io.oranric.backbone.ops.Clocks;
import io.oranric.backbone.stream.E2Stream;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.ControlStatus;
import io.oranric.contract.v1.KpmReport;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.xapp.Fixtures;
import io.oranric.xapp.common.CellDirectory;
import io.oranric.xapp.common.ControlLogic;
import io.oranric.xapp.common.KpmNames;
import io.oranric.xapp.energy.EnergySavingLogic;
import io.oranric.xapp.kpm.KpmMonitorXApp;
import io.oranric.xapp.power.TxPowerLogic;
import io.oranric.xapp.runtime.XAppRuntime;
import io.oranric.xapp.sdk.KpmSample;
import io.oranric.xapp.slice.SliceSlaLogic;
import io.oranric.xapp.spectrum.SpectrumLogic;
import io.oranric.xapp.steering.TrafficSteeringLogic;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The near-RT loop inside the xApp path at a fixed offered rate (default 10,000 indications/s):
 * KPM batch in, every xApp decides, control request built and handed to the E2 stream. Two
 * measurements:
 * <ol>
 *   <li><b>in-process runtime</b>: all six xApps on Vert.x behind the guard and the KPM fan-out, fed
 *       like Kafka would (a batch per millisecond); latency from the indication's receive stamp to the
 *       control request reaching the E2 stream, for every indication that led to a control;</li>
 *   <li><b>logic only</b>: the five deciding cores called in one thread, time per indication from
 *       batch in to decisions (control requests) out.</li>
 * </ol>
 * Not a unit test: run it with {@code xapps/apps/run-benchmark.sh [rate] [seconds]}.
 */
public final class NearRtLoopBenchmark {
  private static final int CELLS = 21;
  private static final List<String> POLICIES = List.of(
      """
      {"policyId":"b-sla","type":"SliceSla","scope":{"slice":"urllc"},"statement":{"maxDlLatencyMs":10},"priority":60}""",
      """
      {"policyId":"b-q","type":"PrbQuota","scope":{"slice":"embb"},"statement":{"minPrbPct":20,"maxPrbPct":80},"priority":50}""",
      """
      {"policyId":"b-ts","type":"TrafficSteering","statement":{"preference":"FORBID","targetCells":["cell-1","cell-4","cell-7","cell-10","cell-13","cell-16","cell-19"]},"priority":50}""",
      """
      {"policyId":"b-es","type":"EnergySaving","statement":{"mode":"SLEEP","whenLoadBelowPct":5},"priority":40}""",
      """
      {"policyId":"b-tx","type":"TxPower","statement":{"maxTxPowerDbm":40},"priority":50}""");

  /** Records the indication-to-control latency of every request the xApps send. */
  static final class TimingStream implements E2Stream {
    final List<Consumer<List<KpmReport>>> subscribers = new CopyOnWriteArrayList<>();
    final long[] latencies = new long[4_000_000];
    final AtomicInteger count = new AtomicInteger();
    volatile boolean recording;

    @Override
    public AutoCloseable kpm(String group, Consumer<List<KpmReport>> handler) {
      subscribers.add(handler);
      return () -> subscribers.remove(handler);
    }

    @Override
    public CompletionStage<ControlOutcome> control(ControlRequest r) {
      long now = Clocks.nowEpochNanos();
      if (recording && r.getTriggerReceivedNs() > 0) {
        int i = count.getAndIncrement();
        if (i < latencies.length) {
          latencies[i] = now - r.getTriggerReceivedNs();
        }
      }
      return CompletableFuture.completedFuture(ControlOutcome.newBuilder().setRequestId(r.getRequestId())
          .setStatus(ControlStatus.CONTROL_STATUS_SUCCESS).build());
    }

    @Override
    public String kind() {
      return "timing";
    }

    @Override
    public void close() {}
  }

  /** One indication of cell {@code c}: cell, slice and UE measurements as a DU would report them. */
  static List<KpmSample> indication(int seq, int c) {
    String cell = "cell-" + c;
    String node = "gnb-" + c;
    long recv = Clocks.nowEpochNanos();
    List<KpmSample> s = new ArrayList<>(16);
    s.add(new KpmSample(node, cell, 0, "", KpmNames.PRB_USED_DL, 20 + seq % 50, 0, recv));
    s.add(new KpmSample(node, cell, 0, "", KpmNames.PRB_AVAIL_DL, 106, 0, recv));
    s.add(new KpmSample(node, cell, 0, "", KpmNames.THP_DL, 80_000 + seq % 1000, 0, recv));
    s.add(new KpmSample(node, cell, 0, "", KpmNames.MAX_TX_PWR, 43, 0, recv));
    for (int sst = 1; sst <= 3; sst++) {
      s.add(new KpmSample(node, cell, sst, "", KpmNames.THP_DL, 20_000 + seq % 700, 0, recv));
      s.add(new KpmSample(node, cell, sst, "", KpmNames.DELAY_DL, 5 + seq % 20, 0, recv));
    }
    // 100 UEs per cell, one reporting per indication
    String ue = "ue-" + c + "-" + (seq / CELLS) % 100;
    s.add(new KpmSample(node, cell, 1, ue, KpmNames.THP_DL, 10_000, 0, recv));
    s.add(new KpmSample(node, cell, 1, ue, KpmNames.DELAY_DL, 8, 0, recv));
    return s;
  }

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    boolean stress = args.length > 2 && args[2].equals("stress");
    System.out.printf("near-RT loop benchmark: %d indications/s, %d s measured after warm-up (until the JIT settles), %d cells, %d cores, %s%n",
        rate, seconds, CELLS, Runtime.getRuntime().availableProcessors(), Runtime.version());
    logicOnly(rate * 5, rate * seconds, stress);
    runtime(rate, seconds, stress);
    System.exit(0);
  }

  private static void logicOnly(int warmup, int n, boolean stress) {
    Fixtures.Store store = new Fixtures.Store();
    POLICIES.forEach(store::put);
    NetworkInventory inv = NetworkInventory.lab(CELLS, ZoneOffset.UTC);
    List<ControlLogic> logics = List.of(
        new SliceSlaLogic(SliceSlaLogic.Config.defaults(), store.typed, new CellDirectory(inv)),
        new TxPowerLogic(TxPowerLogic.Config.defaults(), store.typed, new CellDirectory(inv)),
        new SpectrumLogic(SpectrumLogic.Config.defaults(), store.typed, new CellDirectory(inv)),
        new EnergySavingLogic(EnergySavingLogic.Config.defaults(), store.typed, new CellDirectory(inv)),
        new TrafficSteeringLogic(stress ? unthrottled() : TrafficSteeringLogic.Config.defaults(), store.typed, new CellDirectory(inv)));
    long[] lat = new long[n];
    long decisions = 0;
    Instant t0 = Fixtures.T0;
    for (int i = 0; i < warmup + n; i++) {
      List<KpmSample> batch = indication(i, 1 + i % CELLS);
      Instant now = t0.plusNanos(i * 100_000L);
      long a = System.nanoTime();
      int d = 0;
      for (ControlLogic l : logics) {
        d += l.onKpm(batch, now).size();
      }
      long b = System.nanoTime();
      if (i >= warmup) {
        lat[i - warmup] = b - a;
        decisions += d;
      }
    }
    report("logic only (5 deciding xApps, one thread), per indication", lat, n, decisions + " control requests built");
  }

  private static void runtime(int rate, int seconds, boolean stress) throws Exception {
    Vertx vertx = Vertx.vertx();
    // Warm-up runtimes only warm the JIT up, until it compiles less than 5 % of a core (at most two
    // minutes): measured while C2 still takes a core, the loop waits for CPU, not for its own work.
    // The measured runtime starts fresh (state, metrics) on a warm JVM.
    io.oranric.backbone.ops.JitActivity jit = io.oranric.backbone.ops.JitActivity.start();
    long warmStart = System.nanoTime();
    while (true) {
      phase(vertx, rate, 5, stress, false);
      double share = jit.sinceLast();
      long warmed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - warmStart);
      System.out.printf("  warm-up runtime: %d s, JIT compiling %.0f%% of a core%n", warmed, share * 100);
      if (!jit.supported() || io.oranric.backbone.ops.JitActivity.quiet(share) || warmed > 120) {
        break;
      }
    }
    System.gc();
    Thread.sleep(1000);
    phase(vertx, rate, seconds, stress, true);
    vertx.close().await();
  }

  private static void phase(Vertx vertx, int rate, int seconds, boolean stress, boolean print) throws Exception {
    TimingStream stream = new TimingStream();
    Fixtures.Store store = new Fixtures.Store();
    POLICIES.forEach(store::put);
    XAppRuntime.Options options = XAppRuntime.Options.lab(NetworkInventory.lab(CELLS, ZoneOffset.UTC)).withHealth("127.0.0.1", -1)
        .withSettings(XAppRuntime.Settings.defaults().withKpm(new KpmMonitorXApp.Config(Duration.ofSeconds(30), 128, "127.0.0.1", -1))
            .withSteering(stress ? unthrottled() : TrafficSteeringLogic.Config.defaults()));
    XAppRuntime rt = XAppRuntime.deploy(vertx, stream, store.view, options).await();
    long periodNs = 1_000_000; // one batch per millisecond, as a busy Kafka poll would hand them over
    int perBatch = Math.max(1, rate / 1000);
    long total = (long) rate * seconds;
    stream.recording = true;
    long start = System.nanoTime();
    long next = start;
    int seq = 0;
    while (seq < total) {
      List<KpmReport> batch = new ArrayList<>(perBatch);
      for (int i = 0; i < perBatch && seq < total; i++, seq++) {
        int c = 1 + seq % CELLS;
        batch.add(Fixtures.report("gnb-" + c, Clocks.nowEpochNanos(), indication(seq, c)));
      }
      for (var h : stream.subscribers) {
        h.accept(batch);
      }
      next += periodNs;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Thread.sleep(500);
    stream.recording = false;
    if (print) {
      int n = Math.min(stream.count.get(), stream.latencies.length);
      report(String.format("in-process runtime (6 xApps, guard, fan-out; offered %d/s, achieved %.0f/s%s), indication to control request",
          rate, seq / elapsed, stress ? ", steering unthrottled" : ""), stream.latencies, n, n + " control requests");
      System.out.println("  per xApp, every batch (Micrometer, seconds): indication to decision, logic time per batch, controls sent");
      rt.metrics().scrape().lines().filter(l -> (l.startsWith("xapp_indication_to_decision_seconds{") || l.startsWith("xapp_kpm_batch_handling_seconds{")
              || l.startsWith("xapp_controls_sent_total")) && !l.contains("kpm-monitor"))
          .forEach(l -> System.out.println("    " + l));
    }
    rt.close();
  }

  /**
   * Steering with its ping-pong guards off: the UEs of this benchmark never actually move, so every
   * report of a UE in a forbidden cell (a third of them) decides a handover again. The worst case
   * for the loop, and enough control requests to measure.
   */
  private static TrafficSteeringLogic.Config unthrottled() {
    TrafficSteeringLogic.Config d = TrafficSteeringLogic.Config.defaults();
    return new TrafficSteeringLogic.Config(Duration.ZERO, Duration.ZERO, Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ZERO, 1e9,
        d.loadLimitPct(), d.ueIdle());
  }

  private static void report(String what, long[] lat, int n, String extra) {
    long[] s = Arrays.copyOf(lat, n);
    Arrays.sort(s);
    if (n == 0) {
      System.out.println(what + ": no samples");
      return;
    }
    System.out.printf("%s%n  n=%d  p50=%.1f us  p90=%.1f us  p99=%.1f us  p99.9=%.1f us  max=%.1f us  (%s)%n", what, n,
        s[(int) (n * 0.50)] / 1e3, s[(int) (n * 0.90)] / 1e3, s[Math.min(n - 1, (int) (n * 0.99))] / 1e3,
        s[Math.min(n - 1, (int) (n * 0.999))] / 1e3, s[n - 1] / 1e3, extra);
  }
}
