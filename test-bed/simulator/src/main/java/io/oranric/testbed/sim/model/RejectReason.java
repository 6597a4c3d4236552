package io.oranric.testbed.sim.model;

/**
 * Why a control was refused. The E2 layer turns each into a RIC Control Failure cause; the comment says which
 * E2AP cause fits best.
 */
public enum RejectReason {
    /** No such cell (E2AP misc/unspecified or RC "target cell not found"). */
    UNKNOWN_CELL,
    /** No such UE (E2AP ricRequest/ran-function... "UE not found"). */
    UNKNOWN_UE,
    /** No such S-NSSAI configured (the slice does not exist in the cell). */
    UNKNOWN_SLICE,
    /** A number outside what the equipment supports (90 dBm, ratio 130 %). */
    OUT_OF_RANGE,
    /** A value inside the range but not one of the allowed ones (33 MHz, an ARFCN off the raster). */
    NOT_ALLOWED_VALUE,
    /** Values that contradict each other (dedicated above minimum, minimum ratios summing above 100 %). */
    INCONSISTENT,
    /** The action needs an active cell (handover target asleep). */
    CELL_NOT_ACTIVE,
    /** The handover target is not received well enough by the UE (below q-RxLevMin) or not at all. */
    TARGET_NOT_REACHABLE,
    /** The UE is already served by the target. */
    ALREADY_SERVING,
    /** The UE is in RRC_IDLE or out of coverage; there is no connection to hand over. */
    UE_NOT_CONNECTED
}
