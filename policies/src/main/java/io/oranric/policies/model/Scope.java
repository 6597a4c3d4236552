package io.oranric.policies.model;

import java.util.List;

/**
 * Where a policy applies. Every part is optional; an empty scope means the whole network, an empty
 * list means "not restricted by this dimension" and a null slice means every slice.
 */
public record Scope(List<String> nodes, List<String> cells, String slice, List<String> ues) {

    public static final Scope NETWORK = new Scope(List.of(), List.of(), null, List.of());

    public Scope {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        cells = cells == null ? List.of() : List.copyOf(cells);
        ues = ues == null ? List.of() : List.copyOf(ues);
    }

    public static Scope cells(String... cells) {
        return new Scope(List.of(), List.of(cells), null, List.of());
    }

    public static Scope slice(String slice) {
        return new Scope(List.of(), List.of(), slice, List.of());
    }

    public static Scope of(List<String> cells, String slice) {
        return new Scope(List.of(), cells, slice, List.of());
    }

    public Scope withSlice(String newSlice) {
        return new Scope(nodes, cells, newSlice, ues);
    }

    public Scope withCells(List<String> newCells) {
        return new Scope(nodes, newCells, slice, ues);
    }

    public boolean isWholeNetwork() {
        return nodes.isEmpty() && cells.isEmpty() && slice == null && ues.isEmpty();
    }
}
