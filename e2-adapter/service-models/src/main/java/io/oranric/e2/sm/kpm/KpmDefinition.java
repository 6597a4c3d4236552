package io.oranric.e2.sm.kpm;

import io.oranric.e2.sm.RanFunctionInfo;
import java.util.List;

/** A decoded E2SM-KPM RAN function definition, kept in {@link RanFunctionInfo#decoded()}. */
public record KpmDefinition(KpmVersion version, String shortName, String oid, String description, Long instance,
    List<RanFunctionInfo.ReportStyleInfo> reportStyles, List<Integer> eventTriggerStyles) {
  public KpmDefinition {
    reportStyles = List.copyOf(reportStyles);
    eventTriggerStyles = List.copyOf(eventTriggerStyles);
  }

  public RanFunctionInfo.ReportStyleInfo style(int style) {
    return reportStyles.stream().filter(s -> s.style() == style).findFirst().orElse(null);
  }
}
