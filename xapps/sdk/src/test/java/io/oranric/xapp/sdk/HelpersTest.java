package io.oranric.xapp.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpersTest {
  private static final long S = 1_000_000_000L;

  @Test
  void rate_limiter_allows_a_burst_then_the_refill_rate() {
    RateLimiter r = new RateLimiter(2, 3, 0);
    assertThat(r.tryAcquire(0)).isTrue();
    assertThat(r.tryAcquire(0)).isTrue();
    assertThat(r.tryAcquire(0)).isTrue();
    assertThat(r.tryAcquire(0)).as("burst used up").isFalse();
    assertThat(r.tryAcquire(S / 2)).as("one token after half a second at 2/s").isTrue();
    assertThat(r.tryAcquire(S / 2)).isFalse();
    assertThat(r.tryAcquire(100 * S)).isTrue();
    assertThat(r.tryAcquire(100 * S)).isTrue();
    assertThat(r.tryAcquire(100 * S)).isTrue();
    assertThat(r.tryAcquire(100 * S)).as("refill never exceeds the burst").isFalse();
  }

  @Test
  void hysteresis_switches_only_after_the_hold_count_beyond_a_threshold() {
    Hysteresis h = new Hysteresis(10, 20, 3, false);
    assertThat(h.update(25)).isFalse();
    assertThat(h.update(25)).isFalse();
    assertThat(h.update(15)).as("between thresholds resets the streak").isFalse();
    assertThat(h.update(25)).isFalse();
    assertThat(h.update(25)).isFalse();
    assertThat(h.update(25)).isTrue();
    assertThat(h.isOn()).isTrue();
    assertThat(h.update(12)).as("above low keeps it on").isFalse();
    assertThat(h.update(5)).isFalse();
    assertThat(h.update(5)).isFalse();
    assertThat(h.update(5)).isTrue();
    assertThat(h.isOn()).isFalse();
  }
}
