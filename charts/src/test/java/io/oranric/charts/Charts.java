package io.oranric.charts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The charts under test and the helm library (helm-java: helm compiled as a native library,
 * loaded through JNA). Tests render copies under target/helm-work, never the sources: building
 * the umbrella chart's dependencies writes charts/ and Chart.lock into the chart.
 */
final class Charts {
  static final Path SOURCES = Path.of(System.getProperty("charts.dir", ".")).toAbsolutePath().normalize();
  static final Path WORK = Path.of(System.getProperty("charts.work", "target/helm-work")).toAbsolutePath().normalize();
  /** The four deployable parts; the umbrella chart "ric" depends on all of them. */
  static final List<String> PARTS = List.of("e2-termination", "xapps", "policies", "llm-agent");
  static final String UMBRELLA = "ric";
  static final String RELEASE = "rel";
  static final String NAMESPACE = "ran";
  /** Charts ask for Kubernetes 1.26+ (mixed-protocol LoadBalancer Services); helm-java's default is older. */
  static final String KUBE_VERSION = "1.30.0";

  private static String unavailable;
  private static boolean checked;
  private static boolean prepared;
  private static final AtomicInteger VALUES_FILES = new AtomicInteger();

  private Charts() {}

  /** Skips the calling test, with the reason, where the helm native library cannot run. */
  static synchronized void assumeHelm() {
    if (!checked) {
      checked = true;
      try {
        String version = Helm.version().call();
        if (version == null || version.isBlank()) {
          unavailable = "helm-java returned no helm version";
        }
      } catch (Throwable e) {
        // UnsatisfiedLinkError, ServiceConfigurationError (no native artifact for this OS/arch), ...
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
          root = root.getCause();
        }
        unavailable = "helm-java cannot run here (" + e.getClass().getSimpleName()
            + (root != e ? ", caused by " + root : "") + "): the charts are not rendered or linted. "
            + "helm-java bundles helm as a native library (artifacts linux-amd64, linux-arm64, darwin-amd64, "
            + "darwin-arm64, windows-amd64), pulled by OS profile; none loaded on "
            + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ".";
      }
      if (unavailable != null) {
        System.err.println("[ric-charts] SKIPPED: " + unavailable);
      }
    }
    assumeTrue(unavailable == null, () -> unavailable);
  }

  /** The working copy of a chart; the umbrella's dependencies are built on first use. */
  static synchronized Path chart(String name) {
    assumeHelm();
    if (!prepared) {
      try {
        deleteTree(WORK);
        Files.createDirectories(WORK);
        for (String c : Stream.concat(PARTS.stream(), Stream.of(UMBRELLA)).toList()) {
          copyTree(SOURCES.resolve(c), WORK.resolve(c));
        }
        deleteTree(WORK.resolve(UMBRELLA).resolve("charts"));
        Files.deleteIfExists(WORK.resolve(UMBRELLA).resolve("Chart.lock"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      new Helm(WORK.resolve(UMBRELLA)).dependency().update().call();
      prepared = true;
    }
    return WORK.resolve(name);
  }

  /** helm template of a chart with values files (applied in order), as parsed objects. */
  static Rendered template(String chart, Path... valuesFiles) {
    return new Rendered(templateText(chart, valuesFiles));
  }

  /** helm template with the given values (written to a values file, so keys may hold dots). */
  static Rendered template(String chart, Map<String, ?> values) {
    return template(chart, valuesFile(values));
  }

  static String templateText(String chart, Path... valuesFiles) {
    TemplateCommand t = new Helm(chart(chart)).template()
        .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
    for (Path f : valuesFiles) {
      t = t.withValuesFile(f);
    }
    return t.call();
  }

  /** The message of a helm template that must fail (a fail in a template, a schema violation). */
  static String templateFailure(String chart, Map<String, ?> values) {
    try {
      String out = templateText(chart, valuesFile(values));
      throw new AssertionError("helm template " + chart + " with " + values + " rendered, but should have failed:\n" + out);
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  static Path valuesFile(Map<String, ?> values) {
    try {
      Files.createDirectories(WORK.resolve("values"));
      Path f = WORK.resolve("values").resolve("values-" + VALUES_FILES.incrementAndGet() + ".yaml");
      DumperOptions o = new DumperOptions();
      o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
      Files.writeString(f, new Yaml(o).dump(values));
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An example values file shipped with the umbrella chart (charts/ric/examples). */
  static Path example(String file) {
    Path p = SOURCES.resolve(UMBRELLA).resolve("examples").resolve(file);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("no example " + p);
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yamlFile(Path p) {
    try {
      return (Map<String, Object>) new Yaml().load(Files.readString(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
