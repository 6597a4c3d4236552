package io.oranric.testbed.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The RRM policy ratio semantics on small hand-checkable cases (100 PRBs, percent equals PRBs). */
class PrbSchedulerTest {

    private final PrbScheduler s = new PrbScheduler();
    private final double[] alloc = new double[8];

    private double run(double[] demand, int[] slice, double[] ded, double[] min, double[] max) {
        return s.allocate(demand.length, demand, slice, ded.length, 100, ded, min, max, alloc);
    }

    @Test
    void without_quotas_backlogged_ues_share_equally_and_small_demands_are_met() {
        double used = run(new double[] {1000, 1000, 10}, new int[] {0, 0, 1}, new double[] {0, 0},
                new double[] {0, 0}, new double[] {100, 100});
        assertThat(used).isEqualTo(100, offset(1e-9));
        assertThat(alloc[2]).isEqualTo(10, offset(1e-9));
        assertThat(alloc[0]).isEqualTo(45, offset(1e-9));
        assertThat(alloc[1]).isEqualTo(45, offset(1e-9));
    }

    @Test
    void unused_dedicated_prbs_stay_idle() {
        double used = run(new double[] {1000, 5}, new int[] {0, 1}, new double[] {0, 30}, new double[] {0, 30},
                new double[] {100, 100});
        assertThat(alloc[1]).isEqualTo(5, offset(1e-9));
        assertThat(alloc[0]).isEqualTo(70, offset(1e-9));
        assertThat(used).isEqualTo(75, offset(1e-9));
    }

    @Test
    void unused_prioritized_prbs_are_shared() {
        double used = run(new double[] {1000, 5}, new int[] {0, 1}, new double[] {0, 0}, new double[] {0, 30},
                new double[] {100, 100});
        assertThat(alloc[1]).isEqualTo(5, offset(1e-9));
        assertThat(alloc[0]).isEqualTo(95, offset(1e-9));
        assertThat(used).isEqualTo(100, offset(1e-9));
    }

    @Test
    void min_ratio_guarantees_a_slice_against_many_competitors() {
        // 9 greedy UEs of slice 0 against one greedy UE of slice 1 with min 40
        double[] demand = {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000};
        int[] slice = {0, 0, 0, 0, 0, 0, 0, 1};
        run(demand, slice, new double[] {0, 0}, new double[] {0, 40}, new double[] {100, 100});
        // slice 1 gets its 40 prioritized plus an equal share of the remaining 60
        assertThat(alloc[7]).isEqualTo(40 + 60.0 / 8, offset(1e-9));
    }

    @Test
    void max_ratio_caps_a_slice_and_leaves_the_rest_to_others() {
        double used = run(new double[] {1000, 1000, 20}, new int[] {0, 0, 1}, new double[] {0, 0},
                new double[] {0, 0}, new double[] {30, 100});
        assertThat(alloc[0] + alloc[1]).isEqualTo(30, offset(1e-9));
        assertThat(alloc[2]).isEqualTo(20, offset(1e-9));
        assertThat(used).isEqualTo(50, offset(1e-9));
    }

    @Test
    void marginal_share_is_what_one_more_backlogged_ue_would_get() {
        double[] demand = {1000, 1000, 2};
        int[] slice = {0, 0, 1};
        double[] none = {0, 0};
        double[] all = {100, 100};
        assertThat(s.marginalShare(3, demand, slice, 2, 100, none, none, all, 1)).isEqualTo(98.0 / 3, offset(1e-9));
        double[] ded = {0, 20};
        assertThat(s.marginalShare(3, demand, slice, 2, 100, ded, ded, all, 1))
                .isEqualTo(18 + 80.0 / 3, offset(1e-9));
    }

    @Test
    void nothing_wanted_nothing_used() {
        assertThat(run(new double[] {0, 0}, new int[] {0, 1}, new double[] {10, 10}, new double[] {20, 20},
                new double[] {100, 100})).isZero();
    }
}
