package io.oranric.testbed.lab.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeLogTest {
  private static final long MS = 1_000_000L;

  private static ControlOutcome outcome(long triggerNs, long createdNs, long sentNs, ControlStatus status) {
    return ControlOutcome.newBuilder().setTriggerReceivedNs(triggerNs).setRequestCreatedNs(createdNs).setSentNs(sentNs)
        .setStatus(status).build();
  }

  @Test
  void a_window_keeps_only_the_outcomes_whose_indication_arrived_in_it() {
    OutcomeLog log = new OutcomeLog();
    log.add(outcome(999 * MS, 1000 * MS, 1001 * MS, ControlStatus.CONTROL_STATUS_SUCCESS)); // before
    log.add(outcome(1000 * MS, 1002 * MS, 1003 * MS, ControlStatus.CONTROL_STATUS_SUCCESS));
    log.add(outcome(1500 * MS, 0, 1507 * MS, ControlStatus.CONTROL_STATUS_FAILURE)); // no reacting-consumer stamp
    log.add(outcome(1600 * MS, 1601 * MS, 1611 * MS, ControlStatus.CONTROL_STATUS_TIMEOUT));
    log.add(outcome(2000 * MS, 2001 * MS, 2002 * MS, ControlStatus.CONTROL_STATUS_SUCCESS)); // at the end: excluded
    log.add(outcome(1700 * MS, 1701 * MS, 0, ControlStatus.CONTROL_STATUS_FAILURE)); // never sent: not a sample

    OutcomeLog.Window w = log.window(1000 * MS, 2000 * MS);

    assertThat(w.count()).isEqualTo(3);
    assertThat(w.ok).isEqualTo(1);
    assertThat(w.failed).isEqualTo(1);
    assertThat(w.timedOut).isEqualTo(1);
    assertThat(w.total.sortedCopy()).containsExactly(3 * MS, 7 * MS, 11 * MS);
    assertThat(w.toReactor.sortedCopy()).containsExactly(1 * MS, 2 * MS);
    assertThat(w.fromReactor.sortedCopy()).containsExactly(1 * MS, 10 * MS);
  }

  @Test
  void windows_cut_a_range_into_equal_parts_in_one_pass_as_separate_windows_would() {
    OutcomeLog log = new OutcomeLog();
    long[] triggers = {999, 1000, 1400, 1999, 2000, 2500, 2999, 3000};
    for (long t : triggers) {
      log.add(outcome(t * MS, 0, t * MS + (t % 7 + 1) * MS, ControlStatus.CONTROL_STATUS_SUCCESS));
    }

    OutcomeLog.Window[] seconds = log.windows(1000 * MS, 3000 * MS, 2);

    assertThat(seconds).hasSize(2);
    for (int i = 0; i < 2; i++) {
      OutcomeLog.Window alone = log.window((1000 + i * 1000) * MS, (2000 + i * 1000) * MS);
      assertThat(seconds[i].count()).isEqualTo(alone.count());
      assertThat(seconds[i].total.sortedCopy()).containsExactly(alone.total.sortedCopy());
    }
    assertThat(seconds[0].count()).isEqualTo(3); // 1000, 1400, 1999
    assertThat(seconds[1].count()).isEqualTo(3); // 2000, 2500, 2999
  }

  @Test
  void since_a_mark_holds_exactly_what_was_logged_after_it() {
    OutcomeLog log = new OutcomeLog();
    log.add(outcome(5 * MS, 0, 6 * MS, ControlStatus.CONTROL_STATUS_SUCCESS));
    long mark = log.size();
    log.add(outcome(1 * MS, 0, 3 * MS, ControlStatus.CONTROL_STATUS_SUCCESS)); // older indication, logged later: counted
    log.add(outcome(7 * MS, 0, 0, ControlStatus.CONTROL_STATUS_FAILURE)); // never sent: not logged
    log.add(outcome(8 * MS, 0, 12 * MS, ControlStatus.CONTROL_STATUS_TIMEOUT));

    OutcomeLog.Window w = log.since(mark);

    assertThat(mark).isEqualTo(1);
    assertThat(log.size()).isEqualTo(3);
    assertThat(w.count()).isEqualTo(2);
    assertThat(w.timedOut).isEqualTo(1);
    assertThat(w.total.sortedCopy()).containsExactly(2 * MS, 4 * MS);
    assertThat(log.since(log.size()).count()).isZero();
  }

  @Test
  void keeps_every_outcome_across_chunks_while_another_thread_reads_windows() throws Exception {
    OutcomeLog log = new OutcomeLog();
    int n = 100_000; // several 16k chunks
    List<Long> counts = new ArrayList<>();
    Thread writer = new Thread(() -> {
      for (int i = 1; i <= n; i++) {
        log.add(outcome(i * MS, 0, i * MS + i * 1000L, ControlStatus.CONTROL_STATUS_SUCCESS));
      }
    });
    writer.start();
    while (writer.isAlive()) {
      counts.add(log.window(0, Long.MAX_VALUE).count());
    }
    writer.join();

    OutcomeLog.Window all = log.window(0, Long.MAX_VALUE);
    assertThat(all.count()).isEqualTo(n);
    assertThat(all.total.percentileMs(50)).isEqualTo(n / 2 / 1000.0); // latencies 1..n microseconds
    assertThat(all.total.percentileMs(100)).isEqualTo(n / 1000.0);
    assertThat(counts).isSorted().allSatisfy(c -> assertThat(c).isBetween(0L, (long) n));
    assertThat(log.window(1 * MS, 11 * MS).count()).isEqualTo(10);
  }
}
