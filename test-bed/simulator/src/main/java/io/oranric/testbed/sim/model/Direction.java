package io.oranric.testbed.sim.model;

/** Link direction; quota controls may address one or both. */
public enum Direction { DL, UL, BOTH;

    boolean includesDl() {
        return this != UL;
    }

    boolean includesUl() {
        return this != DL;
    }
}
