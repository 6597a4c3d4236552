package io.oranric.policies.validation;

import java.util.Objects;
import java.util.Set;

/**
 * What the policy core needs to know about one cell.
 *
 * @param node        the E2 node (gNB) serving it
 * @param peakDlMbps  downlink capacity with all PRBs, used to turn Mbps targets into PRB shares
 * @param peakUlMbps  uplink capacity with all PRBs
 * @param txPowerDbm  currently configured max TX power, or null when unknown (then relative checks are skipped)
 * @param neighbours  cells with a neighbour relation (handover candidates)
 */
public record CellInfo(String name, String node, double peakDlMbps, double peakUlMbps, Double txPowerDbm,
                       Set<String> neighbours) {

    public CellInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        neighbours = Set.copyOf(neighbours);
    }
}
