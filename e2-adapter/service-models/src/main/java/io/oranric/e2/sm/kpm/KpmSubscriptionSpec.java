package io.oranric.e2.sm.kpm;

import io.oranric.e2.sm.Ncgi;
import java.util.List;

/**
 * A KPM REPORT subscription as the node reads it from the event trigger and one action definition.
 *
 * @param measurements the measurements to report with their labels (formats 1, 2, 4, 5)
 * @param conditions the condition-based measurements of format 3 (empty otherwise)
 * @param cell the cell the action is about, null for the whole node
 */
public record KpmSubscriptionSpec(long periodMs, int style, int actionFormat, long granularityMs,
    List<Measurement> measurements, List<ConditionalMeasurement> conditions, Ncgi cell, UeSelection ues) {

  /** A measurement to report, by name (or by id when the RIC used ids), with the labels to report it for. */
  public record Measurement(String name, Long id, List<KpmLabel> labels) {
    public Measurement {
      labels = labels == null || labels.isEmpty() ? List.of(KpmLabel.NONE) : List.copyOf(labels);
      if (name == null && id == null) {
        throw new IllegalArgumentException("a measurement has a name or an id");
      }
    }

    public static Measurement of(String name) {
      return new Measurement(name, null, List.of(KpmLabel.NONE));
    }
  }

  /** Format 3: a measurement reported per UE matching the conditions. */
  public record ConditionalMeasurement(String name, List<MatchCondition> conditions) {
    public ConditionalMeasurement {
      conditions = List.copyOf(conditions);
    }
  }

  public KpmSubscriptionSpec {
    measurements = List.copyOf(measurements);
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    ues = ues == null ? UeSelection.NONE : ues;
  }

  public List<String> measurementNames() {
    if (actionFormat == 3) {
      return conditions.stream().map(ConditionalMeasurement::name).toList();
    }
    return measurements.stream().map(m -> m.name() != null ? m.name() : "#" + m.id()).toList();
  }
}
