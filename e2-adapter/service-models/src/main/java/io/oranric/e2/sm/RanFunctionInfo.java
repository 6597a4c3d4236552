package io.oranric.e2.sm;

import io.oranric.e2.protocol.RanFunction;
import java.util.List;

/**
 * A RAN function as the termination understands it after decoding its definition.
 *
 * @param version the E2SM layout that decoded the definition ("KPM3", "KPM2", "RC1", "CCC1"), or
 *     empty when the OID is unknown to us (the function is still accepted and kept opaque)
 * @param decoded the decoded definition for the service model implementation to reuse
 */
public record RanFunctionInfo(RanFunction function, ServiceModel model, String version, String shortName,
    String definitionJson, List<ReportStyleInfo> reportStyles, List<ControlStyleInfo> controlStyles,
    List<CellRef> cells, Object decoded) {

  public int id() {
    return function.id();
  }

  public record ReportStyleInfo(int style, String name, List<String> measurementNames, int actionFormat,
      int headerFormat, int messageFormat) {}

  public record ControlStyleInfo(int style, String name, List<ControlActionInfo> actions) {}

  public record ControlActionInfo(int actionId, String name) {}

  public boolean offersControl(int style, int actionId) {
    return controlStyles.stream().anyMatch(s -> s.style() == style
        && (actionId < 0 || s.actions().stream().anyMatch(a -> a.actionId() == actionId)));
  }
}
