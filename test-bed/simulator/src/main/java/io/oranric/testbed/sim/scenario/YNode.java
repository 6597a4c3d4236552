package io.oranric.testbed.sim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node with its dotted path and source position, so that every error can say where it is. Works on
 * snakeyaml's composed node tree (not on constructed Java objects) precisely to keep the marks.
 */
final class YNode {

    final Node node;
    final String path;
    final String source;

    YNode(Node node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    ScenarioException error(String problem) {
        Mark m = node == null ? null : node.getStartMark();
        return new ScenarioException(source, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                path, problem);
    }

    boolean isNull() {
        return node == null || node.getTag().equals(Tag.NULL);
    }

    YMap map() {
        if (!(node instanceof MappingNode mn)) {
            throw error("expected a mapping (key: value lines), got " + kind());
        }
        return new YMap(this, mn);
    }

    List<YNode> list() {
        if (!(node instanceof SequenceNode sn)) {
            throw error("expected a list, got " + kind());
        }
        List<YNode> out = new ArrayList<>();
        List<Node> items = sn.getValue();
        for (int i = 0; i < items.size(); i++) {
            out.add(new YNode(items.get(i), path + "[" + i + "]", source));
        }
        return out;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    String str() {
        if (!(node instanceof ScalarNode sn) || isNull()) {
            throw error("expected a text value, got " + kind());
        }
        return sn.getValue();
    }

    double num() {
        String s = scalarText("a number");
        try {
            double v = Double.parseDouble(s.replace("_", ""));
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw error("expected a finite number, got '" + s + "'");
            }
            return v;
        } catch (NumberFormatException ex) {
            throw error("expected a number, got '" + s + "'");
        }
    }

    long longValue() {
        String s = scalarText("an integer").replace("_", "");
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException ex) {
            throw error("expected an integer, got '" + s + "'");
        }
    }

    int integer() {
        long v = longValue();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error("integer " + v + " out of range");
        }
        return (int) v;
    }

    boolean bool() {
        String s = scalarText("true or false");
        return switch (s) {
            case "true", "True", "TRUE", "yes", "on" -> true;
            case "false", "False", "FALSE", "no", "off" -> false;
            default -> throw error("expected true or false, got '" + s + "'");
        };
    }

    private String scalarText(String expected) {
        if (!(node instanceof ScalarNode sn) || isNull()) {
            throw error("expected " + expected + ", got " + kind());
        }
        return sn.getValue().trim();
    }

    private String kind() {
        if (isNull()) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** A mapping that remembers which keys the reader asked for, to reject unknown (mistyped) ones. */
    static final class YMap {
        final YNode self;
        private final Map<String, YNode> entries = new LinkedHashMap<>();
        private final Map<String, YNode> keys = new LinkedHashMap<>();
        private final Set<String> asked = new LinkedHashSet<>();

        YMap(YNode self, MappingNode mn) {
            this.self = self;
            for (NodeTuple t : mn.getValue()) {
                YNode k = new YNode(t.getKeyNode(), self.path, self.source);
                if (!(t.getKeyNode() instanceof ScalarNode)) {
                    throw k.error("keys must be plain names");
                }
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                String childPath = self.path.isEmpty() ? key : self.path + "." + key;
                if (entries.containsKey(key)) {
                    throw new YNode(t.getKeyNode(), childPath, self.source).error("duplicate key '" + key + "'");
                }
                entries.put(key, new YNode(t.getValueNode(), childPath, self.source));
                keys.put(key, new YNode(t.getKeyNode(), childPath, self.source));
            }
        }

        Set<String> keys() {
            return entries.keySet();
        }

        boolean has(String key) {
            asked.add(key);
            YNode n = entries.get(key);
            return n != null && !n.isNull();
        }

        YNode req(String key) {
            asked.add(key);
            YNode n = entries.get(key);
            if (n == null || n.isNull()) {
                throw self.error("missing required field '" + key + "'");
            }
            return n;
        }

        Optional<YNode> opt(String key) {
            asked.add(key);
            YNode n = entries.get(key);
            return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
        }

        /** Every entry, for maps keyed by name (slices, overrides). Marks all keys as known. */
        Map<String, YNode> all() {
            asked.addAll(entries.keySet());
            return entries;
        }

        double num(String key, double def) {
            return opt(key).map(YNode::num).orElse(def);
        }

        int integer(String key, int def) {
            return opt(key).map(YNode::integer).orElse(def);
        }

        long longValue(String key, long def) {
            return opt(key).map(YNode::longValue).orElse(def);
        }

        String str(String key, String def) {
            return opt(key).map(YNode::str).orElse(def);
        }

        boolean bool(String key, boolean def) {
            return opt(key).map(YNode::bool).orElse(def);
        }

        /** Rejects keys nobody asked for, suggesting the closest known one. */
        void done() {
            for (Map.Entry<String, YNode> en : keys.entrySet()) {
                if (!asked.contains(en.getKey())) {
                    String hint = closest(en.getKey());
                    throw en.getValue().error("unknown field '" + en.getKey() + "'"
                            + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                            + "; known here: " + String.join(", ", asked));
                }
            }
        }

        private String closest(String key) {
            String best = null;
            int bestD = Integer.MAX_VALUE;
            for (String k : asked) {
                int d = distance(key.toLowerCase(), k.toLowerCase());
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            return bestD <= Math.max(2, key.length() / 3) ? best : null;
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
