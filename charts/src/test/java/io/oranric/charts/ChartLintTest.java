package io.oranric.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** helm lint --strict on every chart: warnings fail as errors do. */
class ChartLintTest {

  @ParameterizedTest(name = "helm lint --strict {0}")
  @ValueSource(strings = {"e2-termination", "xapps", "policies", "llm-agent", "ric"})
  void lintsStrictlyClean(String chart) {
    LintResult result = new Helm(Charts.chart(chart)).lint().strict().call();

    assertThat(result.isFailed()).as("lint of %s failed: %s", chart, result.getMessages()).isFalse();
    // Only informational notes may remain (helm recommends an icon).
    assertThat(result.getMessages()).as("lint messages of %s", chart)
        .allSatisfy(m -> assertThat(m).startsWith("[INFO]"));
  }
}
