package io.oranric.charts;

import static io.oranric.charts.Rendered.at;
import static io.oranric.charts.Rendered.env;
import static io.oranric.charts.Rendered.envValue;
import static io.oranric.charts.Rendered.flag;
import static io.oranric.charts.Rendered.maps;
import static io.oranric.charts.Rendered.servicePorts;
import static io.oranric.charts.Rendered.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The ric umbrella chart: the four parts, with global values set once. */
class UmbrellaChartTest {
  static final List<String> DEPLOYMENTS = List.of(
      "rel-e2-termination", "rel-llm-agent", "rel-policies",
      "rel-xapps-energy-saving", "rel-xapps-kpm-monitor", "rel-xapps-power",
      "rel-xapps-slice-sla", "rel-xapps-spectrum", "rel-xapps-traffic-steering");
  /** Env names that carry secrets: they may only come from a Secret. */
  static final Pattern SECRET_ENV = Pattern.compile(".*(PASSWORD|JAAS|SECRET|TOKEN|API_KEY).*");

  @Test
  void defaultValuesRenderEveryPart() {
    Rendered r = Charts.template(Charts.UMBRELLA);

    assertThat(r.names("Deployment")).containsExactlyInAnyOrderElementsOf(DEPLOYMENTS);
    assertThat(servicePorts(r.get("Service", "rel-e2-termination")))
        .containsExactly("e2-sctp 36421/SCTP", "e2-tcp 36421/TCP", "e2-udp 36421/UDP");
    r.containers().forEach((name, c) -> {
      assertThat(envValue(c, "RIC_KAFKA_BOOTSTRAP_SERVERS")).as(name).isEqualTo("kafka:9092");
      assertThat(str(c, "image")).as(name).isEqualTo("oranric/ric:0.1.0");
      assertThat(str(c, "readinessProbe.httpGet.path")).as(name).isEqualTo("/health");
      assertThat(str(c, "livenessProbe.httpGet.path")).as(name).isEqualTo("/health");
    });
    // the agent submits to the policies service it is deployed with
    assertThat(flag(r.container("rel-llm-agent"), "--policy-url")).isEqualTo("http://rel-policies:8081");
    assertThat(servicePorts(r.get("Service", "rel-policies"))).contains("api 8081/TCP");
    // no inventory given: nothing mounted, nothing invented
    assertThat(r.ofKind("ConfigMap")).extracting(o -> str(o, "metadata.name")).containsExactly("rel-xapps-descriptors");
  }

  @Test
  void externalKafkaReachesEveryContainerAndSecretsAreOnlyReferenced() {
    Map<String, Object> example = Charts.yamlFile(Charts.example("external-kafka.yaml"));
    @SuppressWarnings("unchecked")
    Map<String, Object> kafka = (Map<String, Object>) at(example, "global.kafka");
    String bootstrap = (String) kafka.get("bootstrapServers");
    String secret = (String) kafka.get("existingSecret");
    @SuppressWarnings("unchecked")
    Map<String, String> secretKeys = (Map<String, String>) kafka.get("secretKeys");
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) kafka.get("config");

    Rendered r = Charts.template(Charts.UMBRELLA, Charts.example("external-kafka.yaml"));

    assertThat(r.containers()).hasSizeGreaterThanOrEqualTo(8);
    r.containers().forEach((name, c) -> {
      assertThat(envValue(c, "RIC_KAFKA_BOOTSTRAP_SERVERS")).as(name).isEqualTo(bootstrap);
      assertThat(flag(c, "--kafka")).as(name).isEqualTo("$(RIC_KAFKA_BOOTSTRAP_SERVERS)");
      assertThat(envValue(c, "RIC_TOPIC_REPLICATION_FACTOR")).as(name).isEqualTo("3");
      assertThat(env(c)).as(name + ": partitions 0 leaves the services' default").doesNotContainKey("RIC_TOPIC_PARTITIONS");
      config.forEach((k, v) -> assertThat(envValue(c, "RIC_KAFKA_" + k.replace('.', '_').toUpperCase()))
          .as(name + " " + k).isEqualTo(v.toString()));
      secretKeys.forEach((k, secretKey) -> {
        Map<String, Object> e = env(c).get("RIC_KAFKA_" + k.replace('.', '_').toUpperCase());
        assertThat(e).as(name + " " + k).isNotNull().doesNotContainKey("value");
        assertThat(str(e, "valueFrom.secretKeyRef.name")).isEqualTo(secret);
        assertThat(str(e, "valueFrom.secretKeyRef.key")).isEqualTo(secretKey);
      });
      env(c).forEach((envName, e) -> {
        if (SECRET_ENV.matcher(envName).matches()) {
          assertThat(e).as(name + " " + envName + " must come from a Secret").doesNotContainKey("value")
              .containsKey("valueFrom");
        }
      });
      assertThat(maps(c.get("volumeMounts"))).as(name)
          .anySatisfy(m -> assertThat(m).containsEntry("name", "kafka-tls").containsEntry("mountPath", "/etc/ric/kafka-tls"));
    });
    assertThat(r.ofKind("Secret")).as("the charts never create Secrets").isEmpty();

    // the example's part-specific settings
    Map<String, Object> e2 = r.get("Service", "rel-e2-termination");
    assertThat(str(e2, "spec.type")).isEqualTo("LoadBalancer");
    assertThat(str(e2, "spec.externalTrafficPolicy")).isEqualTo("Local");
    assertThat(at(r.get("Deployment", "rel-xapps-slice-sla"), "spec.replicas")).isEqualTo(2);
    assertThat(r.names("Deployment")).doesNotContain("rel-xapps-spectrum");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theNetworkInventoryIsOneConfigMapMountedByTerminationAgentPoliciesAndXApps() {
    Rendered r = Charts.template(Charts.UMBRELLA, Charts.example("lab-inventory.yaml"));

    Map<String, Object> cm = r.get("ConfigMap", "rel-network-inventory");
    Map<String, Object> inventory = new Yaml().load((String) ((Map<?, ?>) cm.get("data")).get("network.json"));
    assertThat((List<?>) inventory.get("cells")).hasSize(3);
    assertThat(((Map<String, Object>) inventory.get("coverageAreas")).keySet()).containsExactlyInAnyOrder("area-1-2", "area-2-3", "area-3-1");
    assertThat(r.names("ConfigMap")).containsExactlyInAnyOrder("rel-network-inventory", "rel-xapps-descriptors");

    for (String d : DEPLOYMENTS) {
      Map<String, Object> dep = r.get("Deployment", d);
      assertThat(maps(at(dep, "spec.template.spec.volumes"))).as(d)
          .anySatisfy(v -> assertThat(str(v, "configMap.name")).isEqualTo("rel-network-inventory"));
      Map<String, Object> c = maps(at(dep, "spec.template.spec.containers")).get(0);
      assertThat(maps(c.get("volumeMounts"))).as(d)
          .anySatisfy(m -> assertThat(m).containsEntry("name", "network-inventory").containsEntry("mountPath", "/etc/ric/inventory"));
      assertThat(flag(c, "--inventory")).as(d).isEqualTo("/etc/ric/inventory/network.json");
    }
  }

  @Test
  void anInconsistentInventoryFailsAtInstall() {
    String error = Charts.templateFailure(Charts.UMBRELLA, Map.of("global", Map.of("networkInventory", Map.of("data", Map.of(
        "nodes", List.of("gnb-1"),
        "cells", List.of(Map.of("name", "cell-1", "node", "gnb-1")),
        "coverageAreas", Map.of("area-1", List.of("cell-1", "cell-9")))))));
    assertThat(error).contains("coverage area area-1 names unknown cell cell-9");

    error = Charts.templateFailure(Charts.UMBRELLA, Map.of("global", Map.of("networkInventory", Map.of("data", Map.of(
        "nodes", List.of("gnb-1"),
        "cells", List.of(Map.of("name", "cell-1", "node", "gnb-7")))))));
    assertThat(error).contains("cell cell-1 is served by unknown node gnb-7");
  }

  @Test
  void globalImageAndPartTogglesReachThePartsAndPartsCanBeLeftOut() {
    Rendered r = Charts.template(Charts.UMBRELLA, Map.of(
        "global", Map.of("image", Map.of("repository", "registry.example/ric", "tag", "1.2.3"),
            "imagePullSecrets", List.of("registry-pull")),
        "llm-agent", Map.of("enabled", false),
        "xapps", Map.of("xapps", Map.of("power", Map.of("enabled", false)))));

    assertThat(r.names("Deployment")).doesNotContain("rel-llm-agent", "rel-xapps-power").contains("rel-xapps-spectrum");
    r.containers().forEach((name, c) -> assertThat(str(c, "image")).as(name).isEqualTo("registry.example/ric:1.2.3"));
    for (Map<String, Object> d : r.ofKind("Deployment")) {
      assertThat(at(d, "spec.template.spec.imagePullSecrets")).isEqualTo(List.of(Map.of("name", "registry-pull")));
    }
  }

  @Test
  void openAiExampleUsesTheSecret() {
    Map<String, Object> c = Charts.template(Charts.UMBRELLA, Charts.example("openai-agent.yaml")).container("rel-llm-agent");

    assertThat(flag(c, "--provider")).isEqualTo("openai");
    assertThat(str(env(c).get("RIC_LLM_API_KEY"), "valueFrom.secretKeyRef.name")).isEqualTo("ric-llm");
  }
}
