package io.oranric.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.e2.sm.CellNaming;
import io.oranric.policies.validation.CellInfo;
import io.oranric.policies.validation.NetworkInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The network inventory file an operator writes for a test-bed or cluster (the Helm chart mounts it as
 * {@code /etc/ric/inventory/network.json}):
 *
 * <pre>{@code
 * { "zone": "Europe/Paris", "slices": ["embb","urllc","miot"],
 *   "nodes": ["gnb-1", {"name": "gnb-2", "globalId": "gnb-00101-000002"}],
 *   "cells": [{"name": "cell-1", "node": "gnb-1", "nrCgi": "00101-000004001", "peakDlMbps": 800,
 *              "peakUlMbps": 200, "neighbours": ["cell-2"]}],
 *   "coverageAreas": {"area-1-2": ["cell-1", "cell-2"]} }
 * }</pre>
 *
 * The NR CGI ({@code <mcc><mnc>-<nci in 9 hex digits>}) and the node's global id name E2's cells and
 * nodes the way operators do.
 */
record InventoryFile(NetworkInventory inventory, CellNaming naming) {

  static InventoryFile read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read inventory " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(root);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("inventory " + file + ": " + e.getMessage(), e);
    }
  }

  static InventoryFile parse(JsonNode root) {
    ZoneId zone = root.hasNonNull("zone") ? ZoneId.of(root.get("zone").asText()) : ZoneId.systemDefault();
    Set<String> nodes = new LinkedHashSet<>();
    Map<String, String> nodeNames = new LinkedHashMap<>();
    for (JsonNode n : root.path("nodes")) {
      if (n.isTextual()) {
        nodes.add(n.asText());
      } else {
        String name = required(n, "name", "nodes[]");
        nodes.add(name);
        if (n.hasNonNull("globalId")) {
          nodeNames.put(n.get("globalId").asText(), name);
        }
      }
    }
    Map<String, CellInfo> cells = new LinkedHashMap<>();
    Map<String, String> cellNames = new LinkedHashMap<>();
    for (JsonNode c : root.path("cells")) {
      String name = required(c, "name", "cells[]");
      Set<String> neighbours = new LinkedHashSet<>();
      c.path("neighbours").forEach(x -> neighbours.add(x.asText()));
      cells.put(name, new CellInfo(name, required(c, "node", "cells[" + name + "]"), c.path("peakDlMbps").asDouble(800),
          c.path("peakUlMbps").asDouble(200), c.hasNonNull("txPowerDbm") ? c.get("txPowerDbm").asDouble() : null, neighbours));
      if (c.hasNonNull("nrCgi")) {
        String cgi = c.get("nrCgi").asText();
        if (!cgi.matches("\\d{5,6}-[0-9a-fA-F]{9}")) {
          throw new IllegalArgumentException("cells[" + name + "].nrCgi must look like 00101-000004001, was " + cgi);
        }
        cellNames.put(cgi.toLowerCase(java.util.Locale.ROOT), name);
      }
    }
    Set<String> slices = new LinkedHashSet<>();
    root.path("slices").forEach(s -> slices.add(s.asText()));
    if (slices.isEmpty()) {
      slices.addAll(NetworkInventory.LAB_SLICES);
    }
    Map<String, Set<String>> areas = new LinkedHashMap<>();
    root.path("coverageAreas").fields().forEachRemaining(e -> {
      Set<String> members = new LinkedHashSet<>();
      e.getValue().forEach(x -> members.add(x.asText()));
      areas.put(e.getKey(), members);
    });
    return new InventoryFile(new NetworkInventory(cells, nodes, slices, areas, zone), new CellNaming(cellNames, nodeNames));
  }

  private static String required(JsonNode n, String field, String where) {
    if (!n.hasNonNull(field)) {
      throw new IllegalArgumentException(where + "." + field + " is missing");
    }
    return n.get(field).asText();
  }
}
