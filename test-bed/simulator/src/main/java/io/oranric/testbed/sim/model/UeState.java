package io.oranric.testbed.sim.model;

/** Mutable state of one UE inside the engine. */
final class UeState {

    final int index;
    final String id;
    final int slice;
    final Rng move;
    final Rng dlTraffic;
    final Rng ulTraffic;
    final boolean mobile;
    final double homeX;
    final double homeY;
    final double roamRadiusM;
    final boolean indoor;
    final double indoorDistanceM;
    final double o2iGaussian;

    // mobility
    double x;
    double y;
    double wx;
    double wy;
    double speed;
    double pauseUntilS;

    // candidate cells and their path gains (antenna gain minus path loss, shadowing and penetration)
    int nCand;
    int[] cand;
    double[] gainDb;
    double[] gainLin;
    double gainX;
    double gainY;
    double candX;
    double candY;
    long gainEpoch = -1;
    long gainVersion;
    long rankedAtConfig = -1;   // configEpoch and gainVersion when the UE last ranked its cells
    long rankedAtGains = -1;

    // connection
    int serving = -1;
    int servSlot = -1;
    int tttTarget = -1;
    long tttSinceMs;
    long interruptedUntilMs;
    double outageS;
    boolean connected;
    long lastActivityMs;

    // radio of the current tick
    double rsrpDbm = Double.NEGATIVE_INFINITY;
    double sinrDb = Double.NEGATIVE_INFINITY;
    int cqi;
    int rank;
    double rDl;              // DL bits per PRB-second
    double ulSinrDb = Double.NEGATIVE_INFINITY;
    double rUl;
    double ulPsdMw;
    double ulMaxPrbs = 1;      // PRBs beyond which the UE is power limited

    // traffic
    double dlBacklogBits;
    double ulBacklogBits;
    double nextDlS;
    double nextUlS;
    double dlStarvedS;
    double ulStarvedS;
    double dlAlloc;
    double ulAlloc;

    UeState(int index, String id, int slice, Rng move, Rng dlTraffic, Rng ulTraffic, boolean mobile,
            double homeX, double homeY, double roamRadiusM, boolean indoor, double indoorDistanceM,
            double o2iGaussian, int maxCand) {
        this.index = index;
        this.id = id;
        this.slice = slice;
        this.move = move;
        this.dlTraffic = dlTraffic;
        this.ulTraffic = ulTraffic;
        this.mobile = mobile;
        this.homeX = homeX;
        this.homeY = homeY;
        this.roamRadiusM = roamRadiusM;
        this.indoor = indoor;
        this.indoorDistanceM = indoorDistanceM;
        this.o2iGaussian = o2iGaussian;
        this.x = homeX;
        this.y = homeY;
        this.cand = new int[maxCand];
        this.gainDb = new double[maxCand];
        this.gainLin = new double[maxCand];
    }

    int slotOf(int cell) {
        for (int k = 0; k < nCand; k++) {
            if (cand[k] == cell) {
                return k;
            }
        }
        return -1;
    }
}
