package io.oranric.testbed.lab;

import io.oranric.policies.validation.CellInfo;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.testbed.sim.model.NodeInfo;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The network inventory of a simulated scenario, as an operator would write it for real cells:
 * cells and their gNBs, neighbour relations between cells whose sites are close, and coverage areas
 * (every pair of neighbours overlaps, so energy saving never sleeps both cells of a pair).
 */
final class LabInventory {
  private LabInventory() {}

  static NetworkInventory of(List<NodeInfo> nodes, List<io.oranric.testbed.sim.model.CellInfo> cells, ZoneId zone) {
    double spacing = nearestSiteDistance(cells);
    Map<String, Set<String>> neighbours = new LinkedHashMap<>();
    Map<String, Set<String>> areas = new LinkedHashMap<>();
    for (var a : cells) {
      Set<String> n = new LinkedHashSet<>();
      for (var b : cells) {
        if (a != b && distance(a, b) <= spacing * 1.2) {
          n.add(b.id());
          String key = a.id().compareTo(b.id()) < 0 ? "area-" + a.id() + "-" + b.id() : "area-" + b.id() + "-" + a.id();
          areas.put(key, Set.of(a.id(), b.id()));
        }
      }
      neighbours.put(a.id(), n);
    }
    Map<String, CellInfo> inv = new LinkedHashMap<>();
    for (var c : cells) {
      // Peak rates from the carrier: about 5 Mbps DL and 1.3 Mbps UL per PRB at 30 kHz with 4 layers, TDD DDDSU.
      double peakDl = c.carrierPrbs() * 5.0;
      double peakUl = c.carrierPrbs() * 1.3;
      inv.put(c.id(), new CellInfo(c.id(), c.gnbId(), peakDl, peakUl, c.txPowerDbm(), neighbours.get(c.id())));
    }
    Set<String> nodeNames = new LinkedHashSet<>();
    nodes.forEach(n -> nodeNames.add(n.name()));
    return new NetworkInventory(inv, nodeNames, Set.copyOf(NetworkInventory.LAB_SLICES), areas, zone);
  }

  private static double nearestSiteDistance(List<io.oranric.testbed.sim.model.CellInfo> cells) {
    double best = Double.MAX_VALUE;
    for (var a : cells) {
      for (var b : cells) {
        double d = distance(a, b);
        if (d > 1.0 && d < best) {
          best = d;
        }
      }
    }
    return best == Double.MAX_VALUE ? 1.0 : best;
  }

  private static double distance(io.oranric.testbed.sim.model.CellInfo a, io.oranric.testbed.sim.model.CellInfo b) {
    return Math.hypot(a.x() - b.x(), a.y() - b.y());
  }
}
