package io.oranric.testbed.sim.model;

import java.util.List;

/** A gNB (E2 node): its Global gNB ID parts and its cells. */
public record NodeInfo(String name, Plmn plmn, long gnbId, int gnbIdBits, List<String> cellIds) {

    public NodeInfo {
        cellIds = List.copyOf(cellIds);
    }
}
