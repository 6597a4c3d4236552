package io.oranric.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes objects of one helm template run, parsed with SnakeYAML, and paths into them. */
final class Rendered {
  final String text;
  final List<Map<String, Object>> objects = new ArrayList<>();

  @SuppressWarnings("unchecked")
  Rendered(String text) {
    this.text = text;
    for (Object doc : new Yaml().loadAll(text)) {
      if (doc instanceof Map<?, ?> m && !m.isEmpty()) {
        objects.add((Map<String, Object>) m);
      }
    }
  }

  List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  /** Names of the objects of a kind, in rendering order. */
  List<String> names(String kind) {
    return ofKind(kind).stream().map(o -> str(o, "metadata.name")).toList();
  }

  Map<String, Object> get(String kind, String name) {
    return ofKind(kind).stream().filter(o -> name.equals(str(o, "metadata.name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + "; have " + names(kind)));
  }

  /** Every container of every Deployment, keyed "deployment/container". */
  Map<String, Map<String, Object>> containers() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Map<String, Object> d : ofKind("Deployment")) {
      for (Map<String, Object> c : maps(at(d, "spec.template.spec.containers"))) {
        out.put(str(d, "metadata.name") + "/" + c.get("name"), c);
      }
    }
    return out;
  }

  /** The only container of a Deployment. */
  Map<String, Object> container(String deployment) {
    List<Map<String, Object>> cs = maps(at(get("Deployment", deployment), "spec.template.spec.containers"));
    if (cs.size() != 1) {
      throw new AssertionError(deployment + " has " + cs.size() + " containers");
    }
    return cs.get(0);
  }

  // ---- navigation helpers over the parsed maps ----

  /** Follows a dotted path ("spec.template.spec.containers"); null where it leads nowhere. */
  static Object at(Object root, String path) {
    Object cur = root;
    for (String key : path.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(key);
    }
    return cur;
  }

  static String str(Object root, String path) {
    Object v = at(root, path);
    return v == null ? null : v.toString();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object list) {
    if (list == null) {
      return List.of();
    }
    return ((List<Object>) list).stream().map(o -> (Map<String, Object>) o).toList();
  }

  @SuppressWarnings("unchecked")
  static List<String> strings(Object list) {
    if (list == null) {
      return List.of();
    }
    return ((List<Object>) list).stream().map(Objects::toString).toList();
  }

  /** A container's env entries by name (each entry: value or valueFrom). */
  static Map<String, Map<String, Object>> env(Map<String, Object> container) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Map<String, Object> e : maps(container.get("env"))) {
      Object prev = out.put((String) e.get("name"), e);
      if (prev != null) {
        throw new AssertionError("env " + e.get("name") + " set twice in " + container.get("name"));
      }
    }
    return out;
  }

  static String envValue(Map<String, Object> container, String name) {
    Map<String, Object> e = env(container).get(name);
    return e == null ? null : (String) e.get("value");
  }

  static List<String> args(Map<String, Object> container) {
    return strings(container.get("args"));
  }

  /** The value following a flag in the args ("--port" -> "36421"), or null. */
  static String flag(Map<String, Object> container, String flag) {
    List<String> a = args(container);
    int i = a.indexOf(flag);
    return i < 0 || i + 1 >= a.size() ? null : a.get(i + 1);
  }

  /** A Service's ports as "name port/PROTOCOL". */
  static List<String> servicePorts(Map<String, Object> service) {
    return maps(at(service, "spec.ports")).stream()
        .map(p -> p.get("name") + " " + p.get("port") + "/" + p.getOrDefault("protocol", "TCP")).toList();
  }

  /** A container's ports as "name port/PROTOCOL". */
  static List<String> containerPorts(Map<String, Object> container) {
    return maps(container.get("ports")).stream()
        .map(p -> p.get("name") + " " + p.get("containerPort") + "/" + p.getOrDefault("protocol", "TCP")).toList();
  }
}
