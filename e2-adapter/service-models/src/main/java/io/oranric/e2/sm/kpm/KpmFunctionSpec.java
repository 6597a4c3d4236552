package io.oranric.e2.sm.kpm;

import java.util.ArrayList;
import java.util.List;

/**
 * What an E2 node offers through E2SM-KPM: the content of its RAN function definition. Measurement names
 * are 3GPP TS 28.552 names ("DRB.UEThpDl", "RRU.PrbUsedDl", ...).
 */
public record KpmFunctionSpec(String shortName, String oid, String description, Long instance,
    List<ReportStyle> reportStyles) {

  /** One report style: its action definition, indication header and message formats and measurements. */
  public record ReportStyle(int style, String name, int actionFormat, int headerFormat, int messageFormat,
      List<String> measurements) {
    public ReportStyle {
      measurements = List.copyOf(measurements);
    }
  }

  public KpmFunctionSpec {
    reportStyles = List.copyOf(reportStyles);
  }

  /** The style names of the E2SM-KPM specification (section 7.4.1). */
  public static String styleName(int style) {
    switch (style) {
      case 1: return "E2 Node Measurement";
      case 2: return "E2 Node Measurement for a single UE";
      case 3: return "Condition-based, UE-level E2 Node Measurement";
      case 4: return "Common Condition-based, UE-level Measurement";
      case 5: return "E2 Node Measurement for multiple UEs";
      default: return "Report style " + style;
    }
  }

  /** Message format of each style: 1 and 2 report format 1, 3 format 2, 4 and 5 format 3. */
  public static int messageFormatOf(int style) {
    switch (style) {
      case 3: return 2;
      case 4:
      case 5: return 3;
      default: return 1;
    }
  }

  /**
   * A definition with report styles 1 to 5 (action format = style), each offering {@code measurements},
   * under {@code oid} (pass {@link KpmVersion#OID_V2} to look like srsRAN or OAI, {@link KpmVersion#OID_V3}
   * for FlexRIC's v3.00).
   */
  public static KpmFunctionSpec allStyles(String oid, String description, List<String> measurements) {
    List<ReportStyle> styles = new ArrayList<>();
    for (int s = 1; s <= 5; s++) {
      styles.add(new ReportStyle(s, styleName(s), s, 1, messageFormatOf(s), measurements));
    }
    return new KpmFunctionSpec("ORAN-E2SM-KPM", oid, description, null, styles);
  }
}
