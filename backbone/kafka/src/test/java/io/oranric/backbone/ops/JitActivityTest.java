package io.oranric.backbone.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitActivityTest {

  @Test
  void hotspot_reports_a_share_of_one_core_per_interval_and_quiet_means_under_five_percent() {
    JitActivity jit = JitActivity.start();
    assertThat(jit.supported()).as("the build runs on HotSpot, which reports compilation time").isTrue();
    long sum = 0;
    for (int i = 0; i < 2_000_000; i++) {
      sum += Integer.toString(i).hashCode(); // enough work for the JIT to look at
    }
    double share = jit.sinceLast();
    assertThat(share).as("sum %d", sum).isFinite().isBetween(0.0, (double) Runtime.getRuntime().availableProcessors());
    assertThat(jit.sinceLast()).as("a new interval starts at each look").isFinite().isGreaterThanOrEqualTo(0.0);
    assertThat(JitActivity.quiet(0.049)).isTrue();
    assertThat(JitActivity.quiet(JitActivity.QUIET)).isFalse();
  }
}
