package io.oranric.charts;

import static io.oranric.charts.Rendered.at;
import static io.oranric.charts.Rendered.maps;
import static io.oranric.charts.Rendered.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.backbone.kafka.RicTopic;
import io.oranric.policies.model.PolicyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks on the chart sources that need no helm: the shared helpers stay identical, versions agree,
 * and the xApp descriptors agree with the xapps chart and with the code (topics, value types,
 * policy types).
 */
class ChartSourcesTest {
  static final Path S = Charts.SOURCES;
  static final Set<String> E2SM_OIDS = Set.of(
      "1.3.6.1.4.1.53148.1.2.2.2",   // E2SM-KPM
      "1.3.6.1.4.1.53148.1.1.2.3",   // E2SM-RC
      "1.3.6.1.4.1.53148.1.1.2.4");  // E2SM-CCC
  static final Set<String> METRIC_TYPES = Set.of("counter", "gauge", "summary", "histogram");

  @Test
  void sharedHelpersAreIdenticalInEveryPart() throws IOException {
    String reference = Files.readString(S.resolve("e2-termination/templates/_ric.tpl"));
    for (String part : Charts.PARTS) {
      assertThat(Files.readString(S.resolve(part).resolve("templates/_ric.tpl")))
          .as("%s/templates/_ric.tpl must equal e2-termination's copy", part).isEqualTo(reference);
    }
  }

  @Test
  void sharedValueSchemasAreIdenticalInEveryPart() {
    Map<String, Object> reference = Charts.yamlFile(S.resolve("e2-termination/values.schema.json"));
    for (String part : Charts.PARTS) {
      Map<String, Object> schema = Charts.yamlFile(S.resolve(part).resolve("values.schema.json"));
      for (String key : List.of("image", "kafka", "topics", "networkInventory", "probes", "global")) {
        assertThat(at(schema, "properties." + key)).as("%s schema of %s", part, key)
            .isEqualTo(at(reference, "properties." + key));
      }
      assertThat(schema.get("additionalProperties")).as(part).isEqualTo(false);
    }
    Map<String, Object> umbrella = Charts.yamlFile(S.resolve("ric/values.schema.json"));
    assertThat(at(umbrella, "properties.global.properties.kafka.properties"))
        .isEqualTo(at(reference, "properties.kafka.properties"));
  }

  @Test
  void umbrellaDependsOnEveryPartAtItsVersion() {
    Map<String, Object> umbrella = Charts.yamlFile(S.resolve("ric/Chart.yaml"));
    List<Map<String, Object>> deps = maps(umbrella.get("dependencies"));
    assertThat(deps).extracting(d -> d.get("name")).containsExactlyElementsOf(Charts.PARTS);
    for (Map<String, Object> d : deps) {
      Map<String, Object> part = Charts.yamlFile(S.resolve((String) d.get("name")).resolve("Chart.yaml"));
      assertThat(d.get("version")).as("%s", d.get("name")).isEqualTo(part.get("version"));
      assertThat(d.get("repository")).isEqualTo("file://../" + d.get("name"));
      assertThat(d.get("condition")).isEqualTo(d.get("name") + ".enabled");
      assertThat(part.get("appVersion")).as("appVersion of %s", d.get("name")).isEqualTo(umbrella.get("appVersion"));
    }
  }

  @Test
  void everyXAppInTheChartHasADescriptorAndNoDescriptorIsOrphaned() throws IOException {
    Set<String> inValues = xappsValues().keySet();
    Set<String> descriptors;
    try (Stream<Path> s = Files.list(S.resolve("xapps/descriptors"))) {
      descriptors = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(descriptors).containsExactlyInAnyOrderElementsOf(inValues)
        .contains("kpm-monitor", "slice-sla", "power", "spectrum", "energy-saving", "traffic-steering");
  }

  @Test
  void descriptorsAgreeWithTheChart() {
    Map<String, Object> values = Charts.yamlFile(S.resolve("xapps/values.yaml"));
    Object appVersion = Charts.yamlFile(S.resolve("xapps/Chart.yaml")).get("appVersion");
    Object httpPort = at(values, "http.port");
    for (String x : xappsValues().keySet()) {
      Map<String, Object> d = descriptor(x);
      assertThat(d.get("name")).as(x).isEqualTo(x);
      assertThat(d.get("version")).as(x).isEqualTo(appVersion);
      assertThat(d.get("description").toString()).as(x).isNotBlank();
      Map<String, Object> c = maps(d.get("containers")).get(0);
      assertThat(at(c, "image.name")).as(x).isEqualTo(at(values, "image.repository"));
      assertThat(at(c, "image.tag")).as(x).isEqualTo(appVersion);
      assertThat(strings(c.get("args"))).as(x).startsWith("xapps", "run", x);
      for (String probe : List.of("livenessProbe", "readinessProbe")) {
        assertThat(at(d, probe + ".httpGet.path")).as(x + " " + probe).isEqualTo(at(values, "probes.path"));
        assertThat(at(d, probe + ".httpGet.port")).as(x + " " + probe).isEqualTo(httpPort);
      }
      assertThat(maps(at(d, "messaging.ports"))).as(x)
          .anySatisfy(p -> assertThat(p).containsEntry("name", "http").containsEntry("port", httpPort));
    }
  }

  @Test
  void descriptorTopicsAndValueTypesAreTheContractsOnes() {
    Map<String, String> topics = Arrays.stream(RicTopic.values())
        .collect(Collectors.toMap(RicTopic::topicName, t -> "oranric.v1." + t.valueTypeName()));
    for (String x : xappsValues().keySet()) {
      Map<String, Object> d = descriptor(x);
      List<Map<String, Object>> consumes = maps(at(d, "messaging.consumes"));
      List<Map<String, Object>> produces = maps(at(d, "messaging.produces"));
      assertThat(consumes).as(x + " consumes").isNotEmpty();
      for (Map<String, Object> t : concat(consumes, produces)) {
        assertThat(topics).as(x + " topic " + t.get("topic")).containsKey((String) t.get("topic"));
        assertThat(t.get("valueType")).as(x + " value type on " + t.get("topic")).isEqualTo(topics.get(t.get("topic")));
      }
      // the KPM stream is shared by node key within the xApp's consumer group
      assertThat(consumes).as(x).anySatisfy(t -> assertThat(t)
          .containsEntry("topic", "e2.kpm").containsEntry("consumerGroup", "<group>-" + x));
      Set<String> produced = produces.stream().map(t -> (String) t.get("topic")).collect(Collectors.toSet());
      Set<String> consumed = consumes.stream().map(t -> (String) t.get("topic")).collect(Collectors.toSet());
      boolean controls = !maps(at(d, "e2.controls")).isEmpty();
      assertThat(produced.contains("e2.control.requests")).as(x + ": produces control requests iff it declares E2 controls")
          .isEqualTo(controls);
      if (controls) {
        assertThat(consumed).as(x + ": an xApp sending control reads the outcomes").contains("e2.control.outcomes");
      }
      if (!maps(d.get("policies")).isEmpty()) {
        assertThat(consumed).as(x + ": an xApp enforcing policies reads the store").contains("ric.policies");
      }
    }
  }

  @Test
  void descriptorServiceModelsPolicyTypesAndMetricsAreReal() {
    Set<String> wireNames = Arrays.stream(PolicyType.values()).map(PolicyType::wireName).collect(Collectors.toSet());
    Set<String> handled = new HashSet<>();
    for (String x : xappsValues().keySet()) {
      Map<String, Object> d = descriptor(x);
      for (Map<String, Object> sm : concat(maps(at(d, "e2.subscriptions")), maps(at(d, "e2.controls")))) {
        assertThat(E2SM_OIDS).as(x + " service model " + sm.get("serviceModel")).contains((String) sm.get("oid"));
      }
      for (Map<String, Object> p : maps(d.get("policies"))) {
        assertThat(wireNames).as(x + " policy type").contains((String) p.get("type"));
        assertThat(strings(p.get("statement"))).as(x + " " + p.get("type")).isNotEmpty();
        handled.add((String) p.get("type"));
      }
      assertThat(maps(d.get("metrics"))).as(x + " metrics").isNotEmpty().allSatisfy(m -> {
        assertThat((String) m.get("name")).matches("[a-z_][a-z0-9_]*");
        assertThat(METRIC_TYPES).contains((String) m.get("type"));
        assertThat((String) m.get("description")).isNotBlank();
      });
    }
    assertThat(handled).as("every policy type of the contract is enforced by some xApp").isEqualTo(wireNames);
  }

  @Test
  void theImageTheChartsRunIsBuiltByTheDockerfile() throws IOException {
    String dockerfile = Files.readString(S.resolve("../Dockerfile"));
    assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre")
        .contains("cli/target/ric-cli.jar").contains("cli/target/lib/").contains("/opt/ric/ric")
        .contains("USER 10001");
    Map<String, Object> values = Charts.yamlFile(S.resolve("e2-termination/values.yaml"));
    assertThat(at(values, "podSecurityContext.runAsUser")).isEqualTo(10001);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> xappsValues() {
    return (Map<String, Object>) Charts.yamlFile(S.resolve("xapps/values.yaml")).get("xapps");
  }

  static Map<String, Object> descriptor(String xapp) {
    return Charts.yamlFile(S.resolve("xapps/descriptors").resolve(xapp + ".json"));
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
