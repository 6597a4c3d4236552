package io.oranric.testbed.sim.model;

/** Operational state of a cell. */
public enum CellMode {
    /** On air, serving UEs. */
    ACTIVE,
    /** Powered down (energy saving); no SSB, no UEs, deep-sleep power. */
    SLEEPING,
    /** Powering up; draws idle power, not yet serving. */
    WAKING
}
