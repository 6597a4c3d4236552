package io.oranric.backbone.ops;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How much of a core the JIT compilers took between two looks. Benchmarks keep warming up until it
 * falls under {@link #QUIET}: on a 2-core machine C2 compiled with more than half a core a minute
 * after start, and a loop measured then waits for CPU, not for its own work.
 */
public final class JitActivity {
  /** Compiling less than this share of one core counts as settled. */
  public static final double QUIET = 0.05;

  private final CompilationMXBean jit;
  private long compiledMs;
  private long atNanos;

  private JitActivity(CompilationMXBean jit) {
    this.jit = jit;
    this.compiledMs = jit == null ? 0 : jit.getTotalCompilationTime();
    this.atNanos = System.nanoTime();
  }

  /** Starts looking now; {@link #sinceLast()} then covers the time from here. */
  public static JitActivity start() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return new JitActivity(jit != null && jit.isCompilationTimeMonitoringSupported() ? jit : null);
  }

  /** Whether this JVM reports compilation time at all. */
  public boolean supported() {
    return jit != null;
  }

  /** Share of one core spent compiling since the previous call (or the start); NaN where not supported. */
  public double sinceLast() {
    if (jit == null) {
      return Double.NaN;
    }
    long ms = jit.getTotalCompilationTime();
    long now = System.nanoTime();
    double share = (ms - compiledMs) / Math.max(1e-9, (now - atNanos) / 1e6);
    compiledMs = ms;
    atNanos = now;
    return share;
  }

  /** Whether the last interval's share was under {@link #QUIET}. */
  public static boolean quiet(double share) {
    return share < QUIET;
  }
}
