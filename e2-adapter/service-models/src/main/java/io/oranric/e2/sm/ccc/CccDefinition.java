package io.oranric.e2.sm.ccc;

import io.oranric.e2.sm.Ncgi;
import io.oranric.e2.sm.RanFunctionInfo;
import java.util.List;
import java.util.Map;

/**
 * A decoded E2SM-CCC RAN function definition, kept in {@link RanFunctionInfo#decoded()}: the form it
 * came in, the node-level structures and the structures of each cell.
 */
public record CccDefinition(CccForm form, String shortName, String oid, String description, List<String> nodeStructures,
    Map<Ncgi, List<String>> cellStructures) {

  /** True when the node lists this structure for the cell (or, with no cell, at node level). */
  public boolean supports(Ncgi cell, String structure) {
    if (cell == null) {
      return nodeStructures.stream().anyMatch(s -> s.equalsIgnoreCase(structure));
    }
    List<String> s = cellStructures.get(cell);
    return s != null && s.stream().anyMatch(x -> x.equalsIgnoreCase(structure));
  }
}
