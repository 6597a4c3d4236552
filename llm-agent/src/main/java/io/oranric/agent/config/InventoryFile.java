package io.oranric.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.policies.validation.CellInfo;
import io.oranric.policies.validation.NetworkInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the network inventory the Helm charts mount ({@code /etc/ric/inventory/network.json}, the
 * shape of {@code charts/ric/examples/lab-inventory.yaml}):
 * <pre>
 * {"zone": "UTC", "nodes": ["gnb-1"], "slices": ["embb", "urllc", "miot"],
 *  "cells": [{"name": "cell-1", "node": "gnb-1", "peakDlMbps": 800, "peakUlMbps": 200,
 *             "txPowerDbm": 43, "neighbours": ["cell-2"]}],
 *  "coverageAreas": {"area-1-2": ["cell-1", "cell-2"]}}
 * </pre>
 * Errors name the field ("cells[2].node: missing").
 */
public final class InventoryFile {

    private static final ObjectMapper M = new ObjectMapper();

    private InventoryFile() {
    }

    public static NetworkInventory read(Path file, ZoneId defaultZone) {
        JsonNode root;
        try {
            root = M.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read inventory " + file + ": " + e.getMessage(), e);
        }
        return parse(root, defaultZone, file.toString());
    }

    public static NetworkInventory parse(JsonNode root, ZoneId defaultZone, String source) {
        if (root == null || !root.isObject()) {
            throw bad(source, "", "expected a JSON object");
        }
        ZoneId zone = defaultZone;
        if (root.hasNonNull("zone")) {
            try {
                zone = ZoneId.of(root.get("zone").asText());
            } catch (DateTimeException e) {
                throw bad(source, "zone", "unknown time zone " + root.get("zone").asText());
            }
        }
        Map<String, CellInfo> cells = new LinkedHashMap<>();
        Set<String> nodes = new LinkedHashSet<>(strings(root, "nodes", source));
        JsonNode cs = root.path("cells");
        if (!cs.isArray() || cs.isEmpty()) {
            throw bad(source, "cells", "missing or empty");
        }
        for (int i = 0; i < cs.size(); i++) {
            JsonNode c = cs.get(i);
            String at = "cells[" + i + "]";
            String name = text(c, "name", at, source);
            String node = text(c, "node", at, source);
            nodes.add(node);
            double dl = c.path("peakDlMbps").asDouble(800);
            double ul = c.path("peakUlMbps").asDouble(200);
            Double tx = c.hasNonNull("txPowerDbm") ? c.get("txPowerDbm").asDouble() : null;
            cells.put(name, new CellInfo(name, node, dl, ul, tx, Set.copyOf(strings(c, "neighbours", source))));
        }
        Set<String> slices = new LinkedHashSet<>(strings(root, "slices", source));
        if (slices.isEmpty()) {
            slices.addAll(NetworkInventory.LAB_SLICES);
        }
        Map<String, Set<String>> areas = new LinkedHashMap<>();
        JsonNode as = root.path("coverageAreas");
        if (as.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = as.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> members = new ArrayList<>();
                e.getValue().forEach(v -> members.add(v.asText()));
                areas.put(e.getKey(), Set.copyOf(members));
            }
        }
        try {
            return new NetworkInventory(cells, nodes, slices, areas, zone);
        } catch (IllegalArgumentException e) {
            throw bad(source, "", e.getMessage());
        }
    }

    private static List<String> strings(JsonNode n, String field, String source) {
        List<String> out = new ArrayList<>();
        JsonNode a = n.path(field);
        if (a.isMissingNode() || a.isNull()) {
            return out;
        }
        if (!a.isArray()) {
            throw bad(source, field, "expected a list");
        }
        a.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String text(JsonNode n, String field, String at, String source) {
        if (!n.hasNonNull(field) || n.get(field).asText().isBlank()) {
            throw bad(source, at + "." + field, "missing");
        }
        return n.get(field).asText();
    }

    private static IllegalArgumentException bad(String source, String field, String problem) {
        return new IllegalArgumentException("inventory " + source + (field.isEmpty() ? "" : ": " + field) + ": " + problem);
    }
}
