package io.oranric.backbone.kafka;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.oranric.contract.v1.AuditEvent;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.E2Node;
import io.oranric.contract.v1.ExperienceRecord;
import io.oranric.contract.v1.IntentRecord;
import io.oranric.contract.v1.KpmReport;
import io.oranric.contract.v1.PolicyRecord;
import io.oranric.contract.v1.RcReport;
import io.oranric.contract.v1.SubscriptionRequest;
import java.util.Map;

/**
 * The topics of the architecture, each bound to its Protobuf value type. Keys are always the E2
 * node id (or policy / intent id for the RIC-side topics), so one node stays on one partition and
 * its records stay in order.
 */
public enum RicTopic {
  E2_NODES("e2.nodes", E2Node.parser(), true, 1),
  E2_KPM("e2.kpm", KpmReport.parser(), false, 6),
  E2_RC_REPORTS("e2.rc.reports", RcReport.parser(), false, 6),
  E2_SUBSCRIPTIONS("e2.subscriptions", SubscriptionRequest.parser(), true, 1),
  E2_CONTROL_REQUESTS("e2.control.requests", ControlRequest.parser(), false, 6),
  E2_CONTROL_OUTCOMES("e2.control.outcomes", ControlOutcome.parser(), false, 6),
  RIC_POLICIES("ric.policies", PolicyRecord.parser(), true, 1),
  RIC_INTENTS("ric.intents", IntentRecord.parser(), true, 1),
  RIC_AUDIT("ric.audit", AuditEvent.parser(), false, 1),
  RIC_EXPERIENCE("ric.experience", ExperienceRecord.parser(), true, 1);

  private final String topicName;
  private final Parser<? extends Message> parser;
  private final boolean compacted;
  private final int defaultPartitions;

  RicTopic(String topicName, Parser<? extends Message> parser, boolean compacted, int defaultPartitions) {
    this.topicName = topicName;
    this.parser = parser;
    this.compacted = compacted;
    this.defaultPartitions = defaultPartitions;
  }

  public String topicName() {
    return topicName;
  }

  @SuppressWarnings("unchecked")
  public <T extends Message> Parser<T> parser() {
    return (Parser<T>) parser;
  }

  /** The Protobuf message type of the topic's values, e.g. {@code KpmReport}. */
  public String valueTypeName() {
    try {
      return parser.parseFrom(new byte[0]).getDescriptorForType().getName();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registry-like topics keep only the newest value per key; the rest is an ordered log. */
  public boolean compacted() {
    return compacted;
  }

  /**
   * Partitions when we create the topic. Registries and the audit log keep one partition so that a
   * reader sees one total order; telemetry and control scale out by node key.
   */
  public int defaultPartitions() {
    return defaultPartitions;
  }

  /** Topic-level configs we create the topic with. */
  public Map<String, String> topicConfigs() {
    if (compacted) {
      return Map.of(
          "cleanup.policy", "compact",
          "min.compaction.lag.ms", "0",
          "segment.ms", "600000",
          "min.cleanable.dirty.ratio", "0.1");
    }
    // Telemetry is replayable history, not a database: a day by default.
    return Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(24L * 3600 * 1000));
  }

  public static RicTopic byName(String name) {
    for (RicTopic t : values()) {
      if (t.topicName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown topic " + name);
  }
}
