package io.oranric.charts;

import static io.oranric.charts.Rendered.args;
import static io.oranric.charts.Rendered.env;
import static io.oranric.charts.Rendered.envValue;
import static io.oranric.charts.Rendered.flag;
import static io.oranric.charts.Rendered.servicePorts;
import static io.oranric.charts.Rendered.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoliciesAndAgentChartTest {

  @Test
  void policyStoreServesA1RestOn8081() {
    Rendered r = Charts.template("policies");

    assertThat(servicePorts(r.get("Service", "rel-policies"))).containsExactly("api 8081/TCP", "http 8080/TCP");
    Map<String, Object> c = r.container("rel-policies");
    assertThat(args(c)).startsWith("policy", "serve");
    assertThat(flag(c, "--port")).isEqualTo("8081");
    assertThat(flag(c, "--kafka")).isEqualTo("$(RIC_KAFKA_BOOTSTRAP_SERVERS)");
    assertThat(envValue(c, "RIC_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
    assertThat(str(c, "readinessProbe.httpGet.path")).isEqualTo("/health");
    assertThat(str(c, "livenessProbe.httpGet.path")).isEqualTo("/health");
  }

  @Test
  void agentRunsOfflineByDefault() {
    Rendered r = Charts.template("llm-agent");

    Map<String, Object> c = r.container("rel-llm-agent");
    assertThat(args(c)).startsWith("agent", "serve");
    assertThat(flag(c, "--provider")).isEqualTo("offline");
    // the policies service of the same release, as the umbrella chart names it
    assertThat(flag(c, "--policy-url")).isEqualTo("http://rel-policies:8081");
    assertThat(flag(Charts.template("llm-agent", Map.of("policyUrl", "http://a1.example:9000")).container("rel-llm-agent"),
        "--policy-url")).isEqualTo("http://a1.example:9000");
    assertThat(args(c)).doesNotContain("--llm-base-url", "--llm-model", "--auto-approve");
    assertThat(env(c)).doesNotContainKey("RIC_LLM_API_KEY");
    assertThat(servicePorts(r.get("Service", "rel-llm-agent"))).containsExactly("api 8082/TCP", "http 8080/TCP");
    assertThat(str(c, "livenessProbe.httpGet.path")).isEqualTo("/health");
  }

  @Test
  void openAiCompatibleProviderTakesItsKeyFromASecret() {
    Rendered r = Charts.template("llm-agent", Map.of("provider", Map.of("type", "openai", "openai", Map.of(
        "baseUrl", "http://vllm.models:8000/v1", "model", "qwen2.5-7b-instruct",
        "apiKeySecret", Map.of("name", "llm-credentials", "key", "token")))));

    Map<String, Object> c = r.container("rel-llm-agent");
    assertThat(flag(c, "--provider")).isEqualTo("openai");
    assertThat(flag(c, "--llm-base-url")).isEqualTo("http://vllm.models:8000/v1");
    assertThat(flag(c, "--llm-model")).isEqualTo("qwen2.5-7b-instruct");
    Map<String, Object> key = env(c).get("RIC_LLM_API_KEY");
    assertThat(key).doesNotContainKey("value");
    assertThat(str(key, "valueFrom.secretKeyRef.name")).isEqualTo("llm-credentials");
    assertThat(str(key, "valueFrom.secretKeyRef.key")).isEqualTo("token");
    assertThat(r.ofKind("Secret")).isEmpty();
  }

  @Test
  void openAiWithoutAKeySecretIsRefused() {
    assertThat(Charts.templateFailure("llm-agent", Map.of("provider", Map.of("type", "openai"))))
        .contains("provider.openai.apiKeySecret.name");
  }

  @Test
  void ollamaNeedsNoKey() {
    Map<String, Object> c = Charts.template("llm-agent", Map.of(
        "provider", Map.of("type", "ollama", "ollama", Map.of("baseUrl", "http://ollama.models:11434/v1", "model", "llama3.2:3b")),
        "autoApprove", true)).container("rel-llm-agent");

    assertThat(flag(c, "--provider")).isEqualTo("ollama");
    assertThat(flag(c, "--llm-base-url")).isEqualTo("http://ollama.models:11434/v1");
    assertThat(flag(c, "--llm-model")).isEqualTo("llama3.2:3b");
    assertThat(args(c)).contains("--auto-approve");
    assertThat(env(c)).doesNotContainKey("RIC_LLM_API_KEY");
  }

  @Test
  void unknownProviderIsRefusedBySchema() {
    assertThat(Charts.templateFailure("llm-agent", Map.of("provider", Map.of("type", "gpt"))))
        .contains("/provider/type");
  }

  @Test
  void secretLookingKafkaSettingsAreRefusedInEveryPart() {
    for (String chart : List.of("e2-termination", "xapps", "policies", "llm-agent")) {
      assertThat(Charts.templateFailure(chart, Map.of("kafka", Map.of("config", Map.of(
          "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;")))))
          .as(chart).contains("kafka.config.sasl.jaas.config looks like a secret");
      assertThat(Charts.templateFailure(chart, Map.of("kafka", Map.of("config", Map.of("ssl.key.password", "x")))))
          .as(chart).contains("looks like a secret");
    }
  }

  @Test
  void aWholeSecretCanBeTakenAsEnvironment() {
    Map<String, Object> c = Charts.template("policies", Map.of("kafka", Map.of("existingSecret", "ric-kafka-env")))
        .container("rel-policies");

    assertThat(c.get("envFrom")).isEqualTo(List.of(Map.of("secretRef", Map.of("name", "ric-kafka-env"))));
  }
}
