package io.oranric.testbed.sim.run;

import io.oranric.testbed.sim.model.Control;
import io.oranric.testbed.sim.model.ControlResult;
import io.oranric.testbed.sim.model.Network;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Drives a {@link Network} against the wall clock for the lab, on one thread of its own.
 *
 * <p>The model never reads a clock; this class is where wall time enters. Every {@code wakeup} it steps the
 * network to {@code speedup} times the wall time elapsed since {@link #start()} (at most {@code maxCatchUp} per
 * wake-up, so a slow machine lags instead of freezing). With an infinite speedup it steps as fast as it can, a
 * few ticks at a time. Everything else that touches the network, reads and controls from E2 agents included,
 * goes through {@link #submit} and runs on the same thread between steps; meter listeners fire on it too.
 */
public final class PacedRunner implements AutoCloseable {

    private final Network network;
    private final double speedup;
    private final Duration wakeup;
    private final Duration maxCatchUp;
    private final ScheduledExecutorService thread;
    private volatile long modelMs;
    private volatile long lagMs;
    private long wallStartNs;
    private long modelStartMs;
    private boolean started;

    /**
     * @param network  the network to drive; from now on touch it only through {@link #submit}
     * @param speedup  model seconds per wall second (1: real time); {@code Double.POSITIVE_INFINITY}: flat out
     * @param wakeup   how often to step when paced (e.g. the tick)
     */
    public PacedRunner(Network network, double speedup, Duration wakeup) {
        if (!(speedup > 0)) {
            throw new IllegalArgumentException("speedup must be > 0");
        }
        if (wakeup.isNegative() || wakeup.isZero()) {
            throw new IllegalArgumentException("wakeup must be > 0");
        }
        this.network = network;
        this.speedup = speedup;
        this.wakeup = wakeup;
        this.maxCatchUp = Duration.ofSeconds(1);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-runner");
            t.setDaemon(true);
            return t;
        });
        this.modelMs = network.now().toMillis();
    }

    /** Starts stepping; calling it again does nothing. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        thread.execute(() -> {
            wallStartNs = System.nanoTime();
            modelStartMs = network.now().toMillis();
        });
        if (Double.isInfinite(speedup)) {
            thread.execute(this::flatOut);
        } else {
            thread.scheduleAtFixedRate(this::paced, 0, wakeup.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void paced() {
        long target = modelStartMs + (long) ((System.nanoTime() - wallStartNs) / 1e6 * speedup);
        long now = network.now().toMillis();
        long due = target - now;
        long step = Math.min(due, maxCatchUp.toMillis());
        if (step > 0) {
            network.step(Duration.ofMillis(step));
        }
        modelMs = network.now().toMillis();
        lagMs = Math.max(0, target - modelMs);
    }

    private void flatOut() {
        if (thread.isShutdown()) {
            return;
        }
        network.stepTicks(10);
        modelMs = network.now().toMillis();
        // re-queue behind whatever was submitted meanwhile, so reads and controls interleave with the steps
        try {
            thread.execute(this::flatOut);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // closing
        }
    }

    /** Runs an action on the simulation thread between two steps. */
    public <T> CompletableFuture<T> submit(Function<Network, T> action) {
        CompletableFuture<T> f = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                f.complete(action.apply(network));
            } catch (RuntimeException ex) {
                f.completeExceptionally(ex);
            }
        });
        return f;
    }

    /** Applies a control on the simulation thread and waits for the outcome. */
    public ControlResult apply(Control control) throws InterruptedException {
        try {
            return submit(n -> n.apply(control)).get();
        } catch (ExecutionException ex) {
            throw new IllegalStateException("control failed: " + control, ex.getCause());
        }
    }

    /** Model time as of the last step (readable from any thread). */
    public Duration modelTime() {
        return Duration.ofMillis(modelMs);
    }

    /** How far the model trails the pace it should keep (0 when the machine keeps up). */
    public Duration lag() {
        return Duration.ofMillis(lagMs);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
