package io.oranric.testbed.lab.load;

import io.oranric.contract.v1.ControlOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Every control outcome of a benchmark run, from the first one on, with the times it carries. The
 * measurement window is chosen afterwards ({@link #window}) instead of switching recording on at its
 * start: the recording call runs on the measured path itself (an event loop of the termination), and
 * a branch first taken when the window opened made the JIT throw away and recompile that path (JFR:
 * a 359 ms C2 compile of the control bridge in the first seconds of the window, a third of the slow
 * samples overlapping compiles). Appends are a few stores under a short lock into fixed-size chunks:
 * nothing is ever copied while the path waits.
 */
public final class OutcomeLog {
  private static final int CHUNK = 1 << 14;
  private static final int FIELDS = 4;

  private final List<long[]> chunks = new ArrayList<>();
  private long[] current;
  private int used = CHUNK; // entries in current
  private long size;

  public void add(ControlOutcome outcome) {
    if (outcome.getSentNs() == 0 || outcome.getTriggerReceivedNs() == 0) {
      return; // never sent (refused before the socket) or not triggered by an indication
    }
    long status = switch (outcome.getStatus()) {
      case CONTROL_STATUS_SUCCESS -> 0;
      case CONTROL_STATUS_TIMEOUT -> 2;
      default -> 1;
    };
    synchronized (this) {
      if (used == CHUNK) {
        current = new long[CHUNK * FIELDS];
        chunks.add(current);
        used = 0;
      }
      int i = used * FIELDS;
      current[i] = outcome.getTriggerReceivedNs();
      current[i + 1] = outcome.getSentNs();
      current[i + 2] = outcome.getRequestCreatedNs();
      current[i + 3] = status;
      used++;
      size++;
    }
  }

  /** Outcomes whose triggering indication arrived in [fromNs, toNs) (epoch nanoseconds). */
  public Window window(long fromNs, long toNs) {
    return scan(0, fromNs, toNs, 1)[0];
  }

  /**
   * [fromNs, toNs) cut into {@code count} equal windows (e.g. the seconds of a run), in one pass over
   * the log.
   */
  public Window[] windows(long fromNs, long toNs, int count) {
    if (count < 1 || toNs - fromNs < count) {
      throw new IllegalArgumentException("cannot cut " + (toNs - fromNs) + " ns into " + count + " windows");
    }
    return scan(0, fromNs, toNs, count);
  }

  /** How many outcomes were logged so far: a mark for {@link #since}. */
  public synchronized long size() {
    return size;
  }

  /**
   * Outcomes logged after {@code mark}, whatever their indication's time: the progress line's "this
   * second", which then costs a second's entries instead of a scan of the whole run.
   */
  public Window since(long mark) {
    return scan(mark, Long.MIN_VALUE, Long.MAX_VALUE, 1)[0];
  }

  private Window[] scan(long first, long fromNs, long toNs, int count) {
    List<long[]> snapshot;
    long n;
    synchronized (this) {
      snapshot = List.copyOf(chunks);
      n = size;
    }
    Window[] windows = new Window[count];
    for (int j = 0; j < count; j++) {
      windows[j] = new Window();
    }
    long width = count == 1 ? 0 : (toNs - fromNs) / count; // one window: its bounds may be MIN/MAX_VALUE
    for (long k = Math.max(0, first); k < n; k++) {
      long[] c = snapshot.get((int) (k / CHUNK));
      int i = (int) (k % CHUNK) * FIELDS;
      long trigger = c[i];
      if (trigger < fromNs || trigger >= toNs) {
        continue;
      }
      Window w = windows[count == 1 ? 0 : (int) Math.min(count - 1, (trigger - fromNs) / width)];
      long sent = c[i + 1];
      long created = c[i + 2];
      w.total.add(sent - trigger);
      if (created > 0) {
        w.toReactor.add(created - trigger);
        w.fromReactor.add(sent - created);
      }
      switch ((int) c[i + 3]) {
        case 0 -> w.ok++;
        case 2 -> w.timedOut++;
        default -> w.failed++;
      }
    }
    return windows;
  }

  /** The outcomes of one window: indication to control, and its split at the reacting consumer. */
  public static final class Window {
    public final LatencySamples total = new LatencySamples();
    public final LatencySamples toReactor = new LatencySamples();
    public final LatencySamples fromReactor = new LatencySamples();
    public long ok;
    public long failed;
    public long timedOut;

    public long count() {
      return ok + failed + timedOut;
    }
  }
}
