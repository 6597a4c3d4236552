package io.oranric.xapp.common;

import io.oranric.policies.model.Scope;
import io.oranric.policies.validation.CellInfo;
import io.oranric.policies.validation.NetworkInventory;
import io.oranric.xapp.sdk.KpmSample;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which node serves which cell, and which cells neighbour each other. The node is learned from KPM
 * (the report's node id is what the termination routes control by) and falls back to the inventory;
 * neighbours and coverage areas only come from the inventory.
 */
public final class CellDirectory {
  private final NetworkInventory inventory;
  private final Map<String, String> learned = new HashMap<>();

  public CellDirectory(NetworkInventory inventory) {
    this.inventory = inventory;
  }

  public void learn(KpmSample s) {
    String cell = s.cellId();
    if (!cell.isEmpty() && !s.nodeId().equals(learned.get(cell))) {
      learned.put(cell, s.nodeId());
    }
  }

  /** The node of a cell, or null when neither KPM nor the inventory knows it. */
  public String nodeOf(String cell) {
    String n = learned.get(cell);
    if (n != null) {
      return n;
    }
    CellInfo c = inventory == null ? null : inventory.cells().get(cell);
    return c == null ? null : c.node();
  }

  public Set<String> neighbours(String cell) {
    CellInfo c = inventory == null ? null : inventory.cells().get(cell);
    return c == null ? Set.of() : c.neighbours();
  }

  public CellInfo info(String cell) {
    return inventory == null ? null : inventory.cells().get(cell);
  }

  public NetworkInventory inventory() {
    return inventory;
  }

  /** Whether a cell is selected by a scope's cells / nodes (an empty scope selects every cell). */
  public boolean covers(Scope scope, String cell) {
    if (!scope.cells().isEmpty()) {
      return scope.cells().contains(cell);
    }
    if (!scope.nodes().isEmpty()) {
      String node = nodeOf(cell);
      return node != null && scope.nodes().contains(node);
    }
    return true;
  }

  /** The cells a scope selects, from the inventory and from what KPM has shown. */
  public Set<String> resolve(Scope scope) {
    Set<String> out = new LinkedHashSet<>();
    if (!scope.cells().isEmpty()) {
      out.addAll(scope.cells());
      return out;
    }
    if (inventory != null) {
      out.addAll(inventory.resolveCells(scope.cells(), scope.nodes()));
    }
    for (var e : learned.entrySet()) {
      if (scope.nodes().isEmpty() || scope.nodes().contains(e.getValue())) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  public Set<String> knownCells() {
    Set<String> out = new LinkedHashSet<>(learned.keySet());
    if (inventory != null) {
      out.addAll(inventory.cellNames());
    }
    return out;
  }
}
