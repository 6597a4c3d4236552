package io.oranric.policies.validation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The network as the policy core sees it: which cells, nodes and slices exist, which cells can stand
 * in for each other (coverage areas) and the local time zone in which daily windows are read.
 *
 * <p>A coverage area is a set of cells any one of which, awake, serves the area. Energy saving must
 * leave at least one awake cell in each area; the areas are data (from planning tools or the lab
 * layout), not something this code infers.
 */
public record NetworkInventory(Map<String, CellInfo> cells, Set<String> nodes, Set<String> slices,
                               Map<String, Set<String>> coverageAreas, ZoneId zone) {

    public NetworkInventory {
        cells = Collections.unmodifiableMap(new TreeMap<>(cells));
        nodes = Set.copyOf(nodes);
        slices = Set.copyOf(slices);
        Map<String, Set<String>> areas = new TreeMap<>();
        coverageAreas.forEach((k, v) -> areas.put(k, Set.copyOf(v)));
        coverageAreas = Collections.unmodifiableMap(areas);
        for (CellInfo c : cells.values()) {
            if (!nodes.contains(c.node())) {
                throw new IllegalArgumentException("cell " + c.name() + " is served by unknown node " + c.node());
            }
        }
        for (var area : coverageAreas.entrySet()) {
            for (String cell : area.getValue()) {
                if (!cells.containsKey(cell)) {
                    throw new IllegalArgumentException("coverage area " + area.getKey() + " names unknown cell " + cell);
                }
            }
        }
    }

    public static final List<String> LAB_SLICES = List.of("embb", "urllc", "miot");

    /**
     * The lab layout: {@code cell-i} served by {@code gnb-i}, slices embb/urllc/miot, 100 MHz-class
     * cells (800 Mbps DL, 200 Mbps UL peak) and a ring of overlapping coverage areas, each formed by
     * two consecutive cells (cell-N closing the ring with cell-1), so any single cell may sleep but
     * two neighbours may not both sleep unconditionally.
     */
    public static NetworkInventory lab(int cellCount, ZoneId zone) {
        if (cellCount < 2) {
            throw new IllegalArgumentException("the lab needs at least two cells, was " + cellCount);
        }
        Map<String, CellInfo> cells = new LinkedHashMap<>();
        Set<String> nodes = new LinkedHashSet<>();
        Map<String, Set<String>> areas = new LinkedHashMap<>();
        for (int i = 1; i <= cellCount; i++) {
            int prev = i == 1 ? cellCount : i - 1;
            int next = i == cellCount ? 1 : i + 1;
            nodes.add("gnb-" + i);
            // In a ring of two, the previous and the next cell are the same one.
            Set<String> neighbours = new LinkedHashSet<>(List.of("cell-" + prev, "cell-" + next));
            cells.put("cell-" + i, new CellInfo("cell-" + i, "gnb-" + i, 800, 200, null, Set.copyOf(neighbours)));
            areas.put("area-" + i + "-" + next, Set.of("cell-" + i, "cell-" + next));
        }
        return new NetworkInventory(cells, nodes, Set.copyOf(LAB_SLICES), areas, zone);
    }

    public boolean hasCell(String cell) {
        return cells.containsKey(cell);
    }

    public List<String> cellsOfNode(String node) {
        List<String> out = new ArrayList<>();
        for (CellInfo c : cells.values()) {
            if (c.node().equals(node)) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** All cells, in name order (cell-10 sorts after cell-9: names compare by their number suffix). */
    public List<String> cellNames() {
        List<String> names = new ArrayList<>(cells.keySet());
        names.sort(NetworkInventory::compareNames);
        return names;
    }

    /** The cells a scope selects: its cells, else its nodes' cells, else every cell. */
    public Set<String> resolveCells(Collection<String> scopeCells, Collection<String> scopeNodes) {
        Set<String> out = new LinkedHashSet<>();
        if (!scopeCells.isEmpty()) {
            out.addAll(scopeCells);
        } else if (!scopeNodes.isEmpty()) {
            for (String n : scopeNodes) {
                out.addAll(cellsOfNode(n));
            }
        } else {
            out.addAll(cellNames());
        }
        return out;
    }

    static int compareNames(String a, String b) {
        int ia = a.lastIndexOf('-');
        int ib = b.lastIndexOf('-');
        if (ia > 0 && ib > 0 && a.substring(0, ia).equals(b.substring(0, ib))) {
            try {
                return Integer.compare(Integer.parseInt(a.substring(ia + 1)), Integer.parseInt(b.substring(ib + 1)));
            } catch (NumberFormatException ignored) {
                // fall through to plain order
            }
        }
        return a.compareTo(b);
    }
}
