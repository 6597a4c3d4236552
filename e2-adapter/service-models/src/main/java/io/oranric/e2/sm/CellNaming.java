package io.oranric.e2.sm;

import io.oranric.e2.protocol.Plmn;
import java.util.Map;
import java.util.Optional;

/**
 * Operators name cells ("cell-3") and nodes ("gnb-1"); E2 names them by NR CGI and global node id.
 * The inventory (a file on a test-bed, the scenario in the lab) maps one to the other; anything it
 * does not know keeps a stable generated name. Mapping both ways lets control requests say
 * "cell-3" and reach the right CGI.
 */
public final class CellNaming {
  private final Map<String, String> cellNameByCgi;
  private final Map<String, String> cgiByCellName;
  private final Map<String, String> nodeNameById;

  public CellNaming(Map<String, String> cellNameByCgi, Map<String, String> nodeNameById) {
    this.cellNameByCgi = Map.copyOf(cellNameByCgi);
    this.nodeNameById = Map.copyOf(nodeNameById);
    java.util.HashMap<String, String> inverse = new java.util.HashMap<>();
    cellNameByCgi.forEach((cgi, name) -> inverse.put(name, cgi));
    this.cgiByCellName = Map.copyOf(inverse);
  }

  public static CellNaming none() {
    return new CellNaming(Map.of(), Map.of());
  }

  /** CGI key as used in inventories: {@code <mcc><mnc>-<nci hex, 9 digits>}. */
  public static String cgiKey(Plmn plmn, long nrCellId) {
    return plmn + "-" + String.format("%09x", nrCellId);
  }

  public CellRef cell(Plmn plmn, long nrCellId) {
    return new CellRef(plmn, nrCellId, cellNameByCgi.get(cgiKey(plmn, nrCellId)));
  }

  /** The CGI key of a cell given by name, or by the generated name {@code nrcgi-<plmn>-<nci>}. */
  public Optional<String> cgiOf(String cellName) {
    String cgi = cgiByCellName.get(cellName);
    if (cgi != null) {
      return Optional.of(cgi);
    }
    if (cellName.startsWith("nrcgi-")) {
      return Optional.of(cellName.substring("nrcgi-".length()));
    }
    return Optional.empty();
  }

  /** The operator's name of an E2 node id, or the id itself. */
  public String nodeName(String nodeId) {
    return nodeNameById.getOrDefault(nodeId, nodeId);
  }

  /** The E2 node id given its operator name (or the id itself). */
  public Optional<String> nodeIdOf(String name) {
    for (var e : nodeNameById.entrySet()) {
      if (e.getValue().equals(name)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }
}
