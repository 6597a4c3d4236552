package io.oranric.charts;

import static io.oranric.charts.Rendered.args;
import static io.oranric.charts.Rendered.at;
import static io.oranric.charts.Rendered.envValue;
import static io.oranric.charts.Rendered.flag;
import static io.oranric.charts.Rendered.maps;
import static io.oranric.charts.Rendered.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class XAppsChartTest {
  static final String CHART = "xapps";
  static final List<String> XAPPS =
      List.of("energy-saving", "kpm-monitor", "power", "slice-sla", "spectrum", "traffic-steering");

  static String deployment(String xapp) {
    return "rel-xapps-" + xapp;
  }

  @Test
  void oneDeploymentPerXAppRunningIt() {
    Rendered r = Charts.template(CHART);

    assertThat(r.names("Deployment")).containsExactlyElementsOf(XAPPS.stream().map(XAppsChartTest::deployment).toList());
    for (String x : XAPPS) {
      Map<String, Object> c = r.container(deployment(x));
      assertThat(args(c)).as(x).startsWith("xapps", "run", x);
      assertThat(flag(c, "--group")).as(x).isEqualTo(Charts.RELEASE);
      assertThat(flag(c, "--kafka")).as(x).isEqualTo("$(RIC_KAFKA_BOOTSTRAP_SERVERS)");
      assertThat(envValue(c, "RIC_KAFKA_BOOTSTRAP_SERVERS")).as(x).isEqualTo("kafka:9092");
      assertThat(str(c, "readinessProbe.httpGet.path")).as(x).isEqualTo("/health");
      assertThat(str(c, "livenessProbe.httpGet.path")).as(x).isEqualTo("/health");
      assertThat(str(c, "startupProbe.httpGet.path")).as(x).isEqualTo("/health");
    }
    // distinct selectors: no Deployment adopts another xApp's pods
    assertThat(r.ofKind("Deployment")).extracting(d -> at(d, "spec.selector.matchLabels")).doesNotHaveDuplicates();
  }

  @Test
  void disablingAnXAppRemovesItsDeployment() {
    Rendered r = Charts.template(CHART, Map.of("xapps", Map.of(
        "power", Map.of("enabled", false),
        "spectrum", Map.of("enabled", false))));

    assertThat(r.names("Deployment")).containsExactly(
        deployment("energy-saving"), deployment("kpm-monitor"), deployment("slice-sla"), deployment("traffic-steering"));
    assertThat(r.text).doesNotContain("xapps run power", "rel-xapps-power");
  }

  @Test
  void anExtraXAppEntryGetsTheDefaultsAndNoDescriptor() {
    Rendered r = Charts.template(CHART, Map.of(
        "defaults", Map.of("javaOpts", "-Xmx256m"),
        "xapps", Map.of("my-xapp", Map.of())));

    Map<String, Object> c = r.container(deployment("my-xapp"));
    assertThat(args(c)).startsWith("xapps", "run", "my-xapp");
    assertThat(at(r.get("Deployment", deployment("my-xapp")), "spec.replicas")).isEqualTo(1);
    assertThat(envValue(c, "RIC_JAVA_OPTS")).isEqualTo("-Xmx256m");
    assertThat(envValue(c, "RIC_XAPP_DESCRIPTOR")).isNull();
    assertThat(r.names("Deployment")).hasSize(XAPPS.size() + 1);
  }

  @Test
  void defaultsCannotSwitchXAppsOnOrOff() {
    assertThat(Charts.templateFailure(CHART, Map.of("defaults", Map.of("enabled", false))))
        .contains("'enabled' not allowed");
  }

  @Test
  void replicasFollowValuesAndAreConsumerGroupMembers() {
    Rendered r = Charts.template(CHART, Map.of(
        "group", "ric-east",
        "xapps", Map.of("slice-sla", Map.of("replicas", 4), "spectrum", Map.of("replicas", 0))));

    assertThat(at(r.get("Deployment", deployment("slice-sla")), "spec.replicas")).isEqualTo(4);
    assertThat(at(r.get("Deployment", deployment("spectrum")), "spec.replicas")).isEqualTo(0);
    assertThat(at(r.get("Deployment", deployment("power")), "spec.replicas")).isEqualTo(1);
    assertThat(flag(r.container(deployment("slice-sla")), "--group")).isEqualTo("ric-east");
  }

  @Test
  void perXAppSettingsOverrideTheDefaults() {
    Rendered r = Charts.template(CHART, Map.of(
        "defaults", Map.of("resources", Map.of("requests", Map.of("cpu", "100m"))),
        "xapps", Map.of("traffic-steering", Map.of(
            "resources", Map.of("requests", Map.of("cpu", "1")),
            "extraArgs", List.of("--max-handovers-per-second=10"),
            "javaOpts", "-Xmx512m"))));

    Map<String, Object> ts = r.container(deployment("traffic-steering"));
    assertThat(str(ts, "resources.requests.cpu")).isEqualTo("1");
    assertThat(str(ts, "resources.requests.memory")).isEqualTo("384Mi");
    assertThat(args(ts)).endsWith("--max-handovers-per-second=10");
    assertThat(envValue(ts, "RIC_JAVA_OPTS")).isEqualTo("-Xmx512m");
    assertThat(str(r.container(deployment("power")), "resources.requests.cpu")).isEqualTo("100m");
  }

  @Test
  void descriptorsShipInAConfigMapAndEachXAppMountsItsOwn() {
    Rendered r = Charts.template(CHART);

    Map<String, Object> cm = r.get("ConfigMap", "rel-xapps-descriptors");
    @SuppressWarnings("unchecked")
    Map<String, String> data = (Map<String, String>) cm.get("data");
    assertThat(data).containsOnlyKeys(XAPPS.stream().map(x -> x + ".json").toList());
    for (String x : XAPPS) {
      Map<?, ?> descriptor = new Yaml().load(data.get(x + ".json"));
      assertThat(descriptor.get("name")).isEqualTo(x);
      Map<String, Object> d = r.get("Deployment", deployment(x));
      assertThat(maps(at(d, "spec.template.spec.volumes")))
          .filteredOn(v -> "descriptor".equals(v.get("name"))).singleElement()
          .satisfies(v -> assertThat(maps(at(v, "configMap.items"))).singleElement()
              .satisfies(i -> assertThat(i).containsEntry("key", x + ".json").containsEntry("path", "descriptor.json")));
      assertThat(envValue(r.container(deployment(x)), "RIC_XAPP_DESCRIPTOR")).isEqualTo("/etc/ric/xapp/descriptor.json");
      assertThat(str(d, "spec.template.metadata.annotations")).contains("checksum/descriptor");
    }
  }

  @Test
  void podMonitorScrapesEveryXApp() {
    Rendered r = Charts.template(CHART, Map.of("podMonitor", Map.of("enabled", true)));

    Map<String, Object> pm = r.get("PodMonitor", "rel-xapps");
    @SuppressWarnings("unchecked")
    Map<String, Object> selector = (Map<String, Object>) at(pm, "spec.selector.matchLabels");
    for (Map<String, Object> d : r.ofKind("Deployment")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> podLabels = (Map<String, Object>) at(d, "spec.template.metadata.labels");
      assertThat(podLabels).containsAllEntriesOf(selector);
    }
    assertThat(maps(at(pm, "spec.podMetricsEndpoints"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("port", "http").containsEntry("path", "/metrics"));
  }
}
