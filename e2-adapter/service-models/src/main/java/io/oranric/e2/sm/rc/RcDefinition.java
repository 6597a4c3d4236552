package io.oranric.e2.sm.rc;

import io.oranric.e2.sm.RanFunctionInfo;
import java.util.List;
import java.util.Map;

/**
 * A decoded E2SM-RC RAN function definition, kept in {@link RanFunctionInfo#decoded()}: the parameters
 * of every control action (id -> name) and the report and insert styles.
 */
public record RcDefinition(String shortName, String oid, String description, Map<Integer, Map<Integer, Map<Long, String>>> controlParams,
    List<Style> reportStyles, List<Style> insertStyles, List<Integer> eventTriggerStyles) {

  /** A REPORT or INSERT style with its formats and parameters (for INSERT, of all its indications). */
  public record Style(int style, String name, int eventTriggerStyle, int actionFormat, int headerFormat, int messageFormat,
      Map<Long, String> params) {}

  /** The parameters of a control action, empty when the node does not list them. */
  public Map<Long, String> controlParams(int style, int action) {
    return controlParams.getOrDefault(style, Map.of()).getOrDefault(action, Map.of());
  }

  public Style reportStyle(int style) {
    return reportStyles.stream().filter(s -> s.style() == style).findFirst().orElse(null);
  }

  public Style insertStyle(int style) {
    return insertStyles.stream().filter(s -> s.style() == style).findFirst().orElse(null);
  }
}
