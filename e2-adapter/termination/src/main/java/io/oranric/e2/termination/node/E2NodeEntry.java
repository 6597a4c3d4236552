package io.oranric.e2.termination.node;

import io.oranric.e2.protocol.ComponentConfig;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.protocol.GlobalNodeId;
import io.oranric.e2.sm.CellRef;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.ServiceModel;
import io.oranric.e2.termination.transport.Association;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One E2 node as the registry keeps it: immutable; every change makes a new entry, so the
 * indication path can read the current entry without locks.
 *
 * @param key the node's name on Kafka and in policies (the inventory's name, else the global id text)
 */
public record E2NodeEntry(String key, GlobalNodeId globalId, E2apVersion version, Association association,
    Map<Integer, RanFunctionInfo> functions, List<ComponentConfig> components, boolean connected,
    long connectedAtMillis, long updatedAtMillis) {

  public E2NodeEntry {
    functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    components = List.copyOf(components);
  }

  public Optional<RanFunctionInfo> function(int id) {
    return Optional.ofNullable(functions.get(id));
  }

  public List<RanFunctionInfo> functionsOf(ServiceModel model) {
    return functions.values().stream().filter(f -> f.model() == model).toList();
  }

  /** Cells named by any of the node's functions (the KPM definition lists them), without repeats. */
  public List<CellRef> cells() {
    Map<String, CellRef> cells = new LinkedHashMap<>();
    for (RanFunctionInfo f : functions.values()) {
      for (CellRef c : f.cells()) {
        cells.putIfAbsent(c.displayName(), c);
      }
    }
    return new ArrayList<>(cells.values());
  }

  public E2NodeEntry withFunctions(Map<Integer, RanFunctionInfo> newFunctions, long now) {
    return new E2NodeEntry(key, globalId, version, association, newFunctions, components, connected, connectedAtMillis, now);
  }

  public E2NodeEntry withComponents(List<ComponentConfig> newComponents, long now) {
    return new E2NodeEntry(key, globalId, version, association, functions, newComponents, connected, connectedAtMillis, now);
  }

  public E2NodeEntry disconnected(long now) {
    return new E2NodeEntry(key, globalId, version, association, functions, components, false, connectedAtMillis, now);
  }
}
