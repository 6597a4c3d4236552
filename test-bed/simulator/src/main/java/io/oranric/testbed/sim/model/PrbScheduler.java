package io.oranric.testbed.sim.model;

import java.util.Arrays;

/**
 * Splits one cell's PRBs of one tick between UEs, slice quotas first, proportional fair inside.
 *
 * <p>Quotas follow the RRM policy ratio (see {@link PrbQuota}), in three passes:
 * <ol>
 *   <li>dedicated PRBs of each slice go to that slice's UEs; what they do not need stays idle;</li>
 *   <li>prioritized PRBs (min minus dedicated) go to the slice's UEs; what they do not need is released;</li>
 *   <li>the rest (including released prioritized PRBs) is shared by all UEs that still want more, no slice
 *       exceeding its max ratio.</li>
 * </ol>
 *
 * <p>Inside every pass the PRBs go to UEs by max-min water-filling on PRBs. That is the fluid limit of a
 * proportional fair scheduler when channels do not fade within a tick (the model has no fast fading): PF then
 * converges to equal time shares among backlogged UEs, and a UE that needs less than its share leaves the rest to
 * the others. Demands and allocations are in PRBs averaged over the tick, so fractions are fine.
 *
 * <p>Not thread-safe: one instance per stepping thread, reusing its scratch arrays.
 */
final class PrbScheduler {

    private static final double EPS = 1e-12;

    private double[] rem = new double[16];
    private boolean[] open = new boolean[16];
    private int[] idx = new int[16];
    private double[] demandX = new double[17];
    private int[] sliceX = new int[17];
    private double[] allocX = new double[17];
    private double[] sliceUsed = new double[4];
    private double[] sliceCap = new double[4];
    private double[] sliceTentative = new double[4];
    private boolean[] sliceOpen = new boolean[4];

    /**
     * Allocates {@code prbs} PRBs.
     *
     * @param n        number of UEs
     * @param demand   PRBs each UE could use this tick (0: nothing to send or not schedulable)
     * @param slice    slice index of each UE
     * @param nSlices  number of slices
     * @param dedPct   dedicated ratio per slice, percent
     * @param minPct   min ratio per slice, percent
     * @param maxPct   max ratio per slice, percent
     * @param alloc    out: PRBs per UE
     * @return PRBs used in total
     */
    double allocate(int n, double[] demand, int[] slice, int nSlices, double prbs,
                    double[] dedPct, double[] minPct, double[] maxPct, double[] alloc) {
        ensure(n, nSlices);
        for (int i = 0; i < n; i++) {
            rem[i] = Math.max(0, demand[i]);
            alloc[i] = 0;
        }
        Arrays.fill(sliceUsed, 0, nSlices, 0);
        double dedicatedTotal = 0;
        for (int s = 0; s < nSlices; s++) {
            double pool = dedPct[s] * prbs / 100.0;
            dedicatedTotal += pool;
            if (pool > EPS) {
                sliceUsed[s] += waterfill(pool, s, n, slice, alloc);
            }
        }
        double prioritizedUsed = 0;
        for (int s = 0; s < nSlices; s++) {
            double pool = (minPct[s] - dedPct[s]) * prbs / 100.0;
            if (pool > EPS) {
                double used = waterfill(pool, s, n, slice, alloc);
                sliceUsed[s] += used;
                prioritizedUsed += used;
            }
        }
        double shared = Math.max(0, prbs - dedicatedTotal - prioritizedUsed);
        for (int s = 0; s < nSlices; s++) {
            sliceCap[s] = Math.max(0, maxPct[s] * prbs / 100.0 - sliceUsed[s]);
        }
        shareCapped(shared, n, slice, nSlices, alloc);
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += alloc[i];
        }
        return total;
    }

    /**
     * PRBs one more UE of {@code targetSlice} would get if it always had data, the others' demands unchanged.
     * This is the processor-sharing rate a newly arriving packet of that slice sees, which the delay model uses.
     */
    double marginalShare(int n, double[] demand, int[] slice, int nSlices, double prbs,
                         double[] dedPct, double[] minPct, double[] maxPct, int targetSlice) {
        if (demandX.length < n + 1) {
            demandX = new double[2 * (n + 1)];
            sliceX = new int[2 * (n + 1)];
            allocX = new double[2 * (n + 1)];
        }
        System.arraycopy(demand, 0, demandX, 0, n);
        System.arraycopy(slice, 0, sliceX, 0, n);
        demandX[n] = prbs;
        sliceX[n] = targetSlice;
        allocate(n + 1, demandX, sliceX, nSlices, prbs, dedPct, minPct, maxPct, allocX);
        return allocX[n];
    }

    /** Max-min fair split of {@code pool} among the UEs of slice {@code s} (all slices when s &lt; 0). */
    private double waterfill(double pool, int s, int n, int[] slice, double[] alloc) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            if ((s < 0 || slice[i] == s) && rem[i] > EPS) {
                idx[m++] = i;
            }
        }
        return waterfillIdx(pool, m, alloc);
    }

    private double waterfillIdx(double pool, int m, double[] alloc) {
        double left = pool;
        int active = m;
        for (int k = 0; k < m; k++) {
            open[k] = true;
        }
        while (active > 0 && left > EPS) {
            double level = left / active;
            boolean anySatisfied = false;
            for (int k = 0; k < m; k++) {
                if (open[k] && rem[idx[k]] <= level) {
                    int i = idx[k];
                    left -= rem[i];
                    alloc[i] += rem[i];
                    rem[i] = 0;
                    open[k] = false;
                    active--;
                    anySatisfied = true;
                }
            }
            if (!anySatisfied) {
                for (int k = 0; k < m; k++) {
                    if (open[k]) {
                        int i = idx[k];
                        alloc[i] += level;
                        rem[i] -= level;
                    }
                }
                left = 0;
            }
        }
        return pool - left;
    }

    /**
     * Shared pass: max-min over all UEs, each slice capped. A slice whose UEs would exceed its cap in the
     * uncapped split is pinned to its cap (capping it only raises everybody else's level, so the pin is final)
     * and the rest is split again.
     */
    private void shareCapped(double pool, int n, int[] slice, int nSlices, double[] alloc) {
        double left = pool;
        for (int s = 0; s < nSlices; s++) {
            sliceOpen[s] = sliceCap[s] > EPS;
        }
        while (left > EPS) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (rem[i] > EPS && sliceOpen[slice[i]]) {
                    idx[m++] = i;
                }
            }
            if (m == 0) {
                return;
            }
            double level = waterLevel(left, m);
            Arrays.fill(sliceTentative, 0, nSlices, 0);
            for (int k = 0; k < m; k++) {
                int i = idx[k];
                sliceTentative[slice[i]] += Math.min(rem[i], level);
            }
            boolean pinned = false;
            for (int s = 0; s < nSlices; s++) {
                if (sliceOpen[s] && sliceTentative[s] > sliceCap[s] + EPS) {
                    left -= waterfill(sliceCap[s], s, n, slice, alloc);
                    sliceOpen[s] = false;
                    pinned = true;
                }
            }
            if (!pinned) {
                for (int k = 0; k < m; k++) {
                    int i = idx[k];
                    double give = Math.min(rem[i], level);
                    alloc[i] += give;
                    rem[i] -= give;
                }
                return;
            }
        }
    }

    /** The level L with sum(min(rem, L)) = pool over idx[0..m), or +infinity when everybody fits. */
    private double waterLevel(double pool, int m) {
        double left = pool;
        int active = m;
        for (int k = 0; k < m; k++) {
            open[k] = true;
        }
        while (active > 0) {
            double level = left / active;
            boolean any = false;
            for (int k = 0; k < m; k++) {
                if (open[k] && rem[idx[k]] <= level) {
                    left -= rem[idx[k]];
                    open[k] = false;
                    active--;
                    any = true;
                }
            }
            if (!any) {
                return level;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private void ensure(int n, int nSlices) {
        if (rem.length < n) {
            int size = Math.max(n, 2 * rem.length);
            rem = new double[size];
            open = new boolean[size];
            idx = new int[size];
        }
        if (sliceUsed.length < nSlices) {
            sliceUsed = new double[nSlices];
            sliceCap = new double[nSlices];
            sliceTentative = new double[nSlices];
            sliceOpen = new boolean[nSlices];
        }
    }
}
