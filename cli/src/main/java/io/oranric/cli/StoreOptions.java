package io.oranric.cli;

import io.oranric.agent.audit.AuditSink;
import io.oranric.agent.audit.KafkaAuditSink;
import io.oranric.agent.intent.IntentJournal;
import io.oranric.agent.intent.KafkaIntentJournal;
import io.oranric.agent.policy.RestPolicyGateway;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.KafkaSettings;
import io.oranric.backbone.kafka.RicProducer;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where a one-shot intent command submits and records: the policy service's REST interface, and
 * the Kafka cluster that holds {@code ric.intents} and {@code ric.audit}. Without Kafka the
 * policies are still submitted, but the intent is not recorded (the command says so).
 */
final class StoreOptions {
  @Option(names = "--policy-url", paramLabel = "URL", defaultValue = "${env:RIC_POLICY_URL:-" + RestPolicyGateway.DEFAULT_URL + "}",
      description = "The policy service. Default: $RIC_POLICY_URL, else " + RestPolicyGateway.DEFAULT_URL + ".")
  String policyUrl;

  @Option(names = "--kafka", paramLabel = "HOST:PORT",
      description = "Kafka cluster that holds ric.intents and ric.audit (e.g. the lab's). Default: $RIC_KAFKA_BOOTSTRAP_SERVERS; "
          + "without either the intent is submitted but not recorded.")
  String kafka;

  /** The Kafka connection of one command run, or none. */
  static final class Recording implements AutoCloseable {
    final IntentJournal journal;
    final AuditSink audit;
    private final RicProducer producer;

    private Recording(IntentJournal journal, AuditSink audit, RicProducer producer) {
      this.journal = journal;
      this.audit = audit;
      this.producer = producer;
    }

    boolean durable() {
      return producer != null;
    }

    @Override
    public void close() {
      audit.close();
      journal.close();
      if (producer != null) {
        producer.close();
      }
    }
  }

  RestPolicyGateway gateway() {
    return new RestPolicyGateway(policyUrl);
  }

  String kafkaSpec() {
    String spec = kafka != null ? kafka : System.getenv("RIC_KAFKA_BOOTSTRAP_SERVERS");
    if (KafkaBackbone.EMBEDDED.equals(spec)) {
      throw new IllegalArgumentException("--kafka embedded would record into a broker that dies with this command;"
          + " give the cluster's HOST:PORT");
    }
    return spec == null || spec.isBlank() ? null : spec;
  }

  Recording recording() {
    String spec = kafkaSpec();
    if (spec == null) {
      return new Recording(new IntentJournal.Memory(false), AuditSink.NONE, null);
    }
    KafkaBackbone backbone = KafkaBackbone.open(spec, System.getenv(), null);
    KafkaSettings settings = backbone.settings();
    RicProducer producer = RicProducer.create(settings, "ric-cli-intent");
    KafkaIntentJournal journal;
    try {
      journal = KafkaIntentJournal.open(settings, producer, false, Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      producer.close();
      throw e;
    }
    return new Recording(journal, new KafkaAuditSink(producer, false), producer);
  }
}
