package io.oranric.e2.sm.kpm;

import io.oranric.e2.sm.UeId;
import java.time.Instant;
import java.util.List;

/** Typed E2SM-KPM indication content, as the node builds it and as the RIC reads it. */
public final class KpmIndication {
  private KpmIndication() {}

  /** Indication header format 1. */
  public record Header(Instant collectStart, String fileFormatVersion, String senderName, String senderType,
      String vendorName) {
    public static Header at(Instant collectStart) {
      return new Header(collectStart, null, null, null, null);
    }
  }

  /** One measurement value: integer, real, or noValue. */
  public sealed interface Value permits IntValue, RealValue, NoValue {}

  public record IntValue(long value) implements Value {}

  public record RealValue(double value) implements Value {}

  public record NoValue() implements Value {}

  public static Value of(long v) {
    return new IntValue(v);
  }

  public static Value of(double v) {
    return new RealValue(v);
  }

  public static final Value NO_VALUE = new NoValue();

  /** The values of one granularity period (MeasurementDataItem), with its incomplete flag. */
  public record Record(List<Value> values, boolean incomplete) {
    public Record {
      values = List.copyOf(values);
    }

    public static Record of(Value... values) {
      return new Record(List.of(values), false);
    }
  }

  /** A measurement (by name or id) and the labels it is reported for; one value per label. */
  public record MeasInfo(String name, Long id, List<KpmLabel> labels) {
    public MeasInfo {
      labels = labels == null || labels.isEmpty() ? List.of(KpmLabel.NONE) : List.copyOf(labels);
    }

    public static MeasInfo of(String name) {
      return new MeasInfo(name, null, List.of(KpmLabel.NONE));
    }

    public String displayName() {
      return name != null ? name : "#" + id;
    }
  }

  /** A message of one of the three formats. */
  public sealed interface Message permits Format1, Format2, Format3 {
    int format();
  }

  /**
   * Format 1: records (one per granularity period) whose values follow the measurements and, within a
   * measurement, its labels.
   */
  public record Format1(List<MeasInfo> measurements, List<Record> records, Long granularityMs) implements Message {
    public Format1 {
      measurements = List.copyOf(measurements);
      records = List.copyOf(records);
    }

    @Override
    public int format() {
      return 1;
    }

    /** Number of values each record must hold. */
    public int valuesPerRecord() {
      return measurements.stream().mapToInt(m -> m.labels().size()).sum();
    }
  }

  /** One measurement of format 2: its matching conditions and the UEs that matched. */
  public record CondUes(String name, Long id, List<MatchCondition> conditions, List<UeId> matchedUes) {
    public CondUes {
      conditions = List.copyOf(conditions);
      matchedUes = matchedUes == null ? List.of() : List.copyOf(matchedUes);
    }

    public String displayName() {
      return name != null ? name : "#" + id;
    }
  }

  /** Format 2: records whose values follow the condition items. */
  public record Format2(List<CondUes> measurements, List<Record> records, Long granularityMs) implements Message {
    public Format2 {
      measurements = List.copyOf(measurements);
      records = List.copyOf(records);
    }

    @Override
    public int format() {
      return 2;
    }
  }

  /** A UE and its format 1 report. */
  public record UeReport(UeId ue, Format1 report) {}

  /** Format 3: one format 1 report per UE. */
  public record Format3(List<UeReport> reports) implements Message {
    public Format3 {
      reports = List.copyOf(reports);
    }

    @Override
    public int format() {
      return 3;
    }
  }
}
