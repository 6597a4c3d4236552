package io.oranric.charts;

import static io.oranric.charts.Rendered.args;
import static io.oranric.charts.Rendered.at;
import static io.oranric.charts.Rendered.containerPorts;
import static io.oranric.charts.Rendered.envValue;
import static io.oranric.charts.Rendered.flag;
import static io.oranric.charts.Rendered.maps;
import static io.oranric.charts.Rendered.servicePorts;
import static io.oranric.charts.Rendered.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class E2TerminationChartTest {
  static final String CHART = "e2-termination";
  static final String NAME = "rel-e2-termination";

  @Test
  void serviceExposesE2OnSctpTcpAndUdp() {
    Rendered r = Charts.template(CHART);

    Map<String, Object> svc = r.get("Service", NAME);
    assertThat(servicePorts(svc)).containsExactly("e2-sctp 36421/SCTP", "e2-tcp 36421/TCP", "e2-udp 36421/UDP");
    assertThat(str(svc, "spec.type")).isEqualTo("ClusterIP");
    assertThat(str(svc, "spec.sessionAffinity")).isEqualTo("ClientIP");
    assertThat(at(svc, "spec.selector")).isEqualTo(at(r.get("Deployment", NAME), "spec.selector.matchLabels"));

    Map<String, Object> c = r.container(NAME);
    assertThat(containerPorts(c)).containsExactly(
        "e2-sctp 36421/SCTP", "e2-tcp 36421/TCP", "e2-udp 36421/UDP", "http 8080/TCP");
    assertThat(args(c)).containsSequence("e2", "serve")
        .containsSubsequence("--transport", "sctp", "--transport", "tcp", "--transport", "udp");
    assertThat(flag(c, "--port")).isEqualTo("36421");
    assertThat(flag(c, "--metrics-port")).isEqualTo("8080");
    assertThat(c.get("command")).isEqualTo(List.of("/opt/ric/ric"));
  }

  @Test
  void metricsStayOnAClusterIpServiceEvenWhenE2IsExternal() {
    Rendered r = Charts.template(CHART, Map.of("service", Map.of("type", "LoadBalancer")));

    assertThat(str(r.get("Service", NAME), "spec.type")).isEqualTo("LoadBalancer");
    Map<String, Object> http = r.get("Service", NAME + "-http");
    assertThat(str(http, "spec.type")).isEqualTo("ClusterIP");
    assertThat(servicePorts(http)).containsExactly("http 8080/TCP");
    assertThat(servicePorts(r.get("Service", NAME))).noneMatch(p -> p.startsWith("http"));
  }

  @Test
  void nodePortsAndTrafficPolicyForGnbsOutsideTheCluster() {
    Rendered r = Charts.template(CHART, Map.of("service", Map.of(
        "type", "NodePort", "externalTrafficPolicy", "Local",
        "nodePorts", Map.of("sctp", 30421, "tcp", 30422, "udp", 30423))));

    Map<String, Object> svc = r.get("Service", NAME);
    assertThat(str(svc, "spec.type")).isEqualTo("NodePort");
    assertThat(str(svc, "spec.externalTrafficPolicy")).isEqualTo("Local");
    assertThat(maps(at(svc, "spec.ports"))).extracting(p -> p.get("protocol") + ":" + p.get("nodePort"))
        .containsExactly("SCTP:30421", "TCP:30422", "UDP:30423");
  }

  @Test
  void aClusterWithoutSctpServesTcpAndUdpOnly() {
    Rendered r = Charts.template(CHART, Map.of("e2", Map.of("transports", Map.of("sctp", false))));

    assertThat(servicePorts(r.get("Service", NAME))).containsExactly("e2-tcp 36421/TCP", "e2-udp 36421/UDP");
    Map<String, Object> c = r.container(NAME);
    assertThat(args(c)).doesNotContain("sctp").containsSubsequence("--transport", "tcp", "--transport", "udp");
    assertThat(containerPorts(c)).noneMatch(p -> p.contains("SCTP"));
  }

  @Test
  void noTransportAtAllIsRefused() {
    String error = Charts.templateFailure(CHART,
        Map.of("e2", Map.of("transports", Map.of("sctp", false, "tcp", false, "udp", false))));
    assertThat(error).contains("enable at least one of sctp, tcp, udp");
  }

  @Test
  void kafkaBootstrapComesFromValues() {
    Rendered r = Charts.template(CHART, Map.of(
        "kafka", Map.of("bootstrapServers", "broker-a:9092,broker-b:9092"),
        "topics", Map.of("replicationFactor", 2, "partitions", 12)));

    Map<String, Object> c = r.container(NAME);
    assertThat(envValue(c, "RIC_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("broker-a:9092,broker-b:9092");
    assertThat(envValue(c, "RIC_TOPIC_REPLICATION_FACTOR")).isEqualTo("2");
    assertThat(envValue(c, "RIC_TOPIC_PARTITIONS")).isEqualTo("12");
    // the flag reads the same variable: Kubernetes expands $(VAR) in args
    assertThat(flag(c, "--kafka")).isEqualTo("$(RIC_KAFKA_BOOTSTRAP_SERVERS)");
    assertThat(at(r.get("Deployment", NAME), "spec.template.spec.enableServiceLinks")).isEqualTo(false);
  }

  @Test
  void probesPointAtHealthOnTheHttpPort() {
    Map<String, Object> c = Charts.template(CHART).container(NAME);

    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      assertThat(str(c, probe + ".httpGet.path")).as(probe).isEqualTo("/health");
      assertThat(str(c, probe + ".httpGet.port")).as(probe).isEqualTo("http");
    }
  }

  @Test
  void replicasResourcesAndServiceMonitorFollowValues() {
    Rendered r = Charts.template(CHART, Map.of(
        "replicaCount", 2,
        "resources", Map.of("requests", Map.of("cpu", "2", "memory", "2Gi")),
        "serviceMonitor", Map.of("enabled", true, "labels", Map.of("release", "prometheus"))));

    assertThat(at(r.get("Deployment", NAME), "spec.replicas")).isEqualTo(2);
    assertThat(str(r.container(NAME), "resources.requests.cpu")).isEqualTo("2");
    Map<String, Object> sm = r.get("ServiceMonitor", NAME);
    assertThat(str(sm, "metadata.labels.release")).isEqualTo("prometheus");
    assertThat(maps(at(sm, "spec.endpoints"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("port", "http").containsEntry("path", "/metrics"));
    // the ServiceMonitor selects the metrics Service only, not the E2 one
    @SuppressWarnings("unchecked")
    Map<String, Object> selector = (Map<String, Object>) at(sm, "spec.selector.matchLabels");
    assertThat(r.ofKind("Service")).filteredOn(s -> labelsMatch(s, selector))
        .extracting(s -> str(s, "metadata.name")).containsExactly(NAME + "-http");
  }

  @Test
  void standaloneInventoryIsRenderedAndMounted() {
    Rendered r = Charts.template(CHART, Map.of("networkInventory", Map.of("data", Map.of(
        "nodes", List.of("gnb-1"), "cells", List.of(Map.of("name", "cell-1", "node", "gnb-1"))))));

    assertThat(r.names("ConfigMap")).containsExactly("rel-e2-termination-network-inventory");
    assertThat(flag(r.container(NAME), "--inventory")).isEqualTo("/etc/ric/inventory/network.json");
    assertThat(maps(at(r.get("Deployment", NAME), "spec.template.spec.volumes")))
        .anySatisfy(v -> assertThat(str(v, "configMap.name")).isEqualTo("rel-e2-termination-network-inventory"));
    assertThat(str(r.get("Deployment", NAME), "spec.template.metadata.annotations")).contains("checksum/network-inventory");
  }

  @Test
  void schemaRefusesUnknownKeysAndServiceTypes() {
    assertThat(Charts.templateFailure(CHART, Map.of("replicas", 2)))
        .contains("schema").contains("'replicas' not allowed");
    assertThat(Charts.templateFailure(CHART, Map.of("service", Map.of("type", "ExternalName"))))
        .contains("/service/type");
  }

  @SuppressWarnings("unchecked")
  static boolean labelsMatch(Map<String, Object> obj, Map<String, Object> selector) {
    Map<String, Object> labels = (Map<String, Object>) at(obj, "metadata.labels");
    return labels != null && labels.entrySet().containsAll(selector.entrySet());
  }
}
