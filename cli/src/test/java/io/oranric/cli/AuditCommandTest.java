package io.oranric.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.oranric.agent.audit.IntentAuditor;
import io.oranric.agent.audit.KafkaAuditSink;
import io.oranric.backbone.kafka.KafkaBackbone;
import io.oranric.backbone.kafka.RicProducer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./ric audit} against a real broker. */
class AuditCommandTest {

  private static KafkaBackbone kafka;
  private static RicProducer producer;

  @BeforeAll
  static void start() {
    kafka = KafkaBackbone.open("embedded");
    producer = RicProducer.create(kafka.settings(), "audit-cmd-test");
  }

  @AfterAll
  static void stop() {
    producer.close();
    kafka.close();
  }

  @Test
  void shows_one_intent_readably_and_follows_new_events() throws Exception {
    KafkaAuditSink sink = new KafkaAuditSink(producer, false);
    IntentAuditor a = new IntentAuditor(sink, "i-audited1", "agent", Clock.systemUTC());
    a.received("cap embb at 60% in cell 2", "alice", "cli", false);
    a.toolCall("llm:openai/test", "get_kpis", "{\"cell\":\"cell-2\"}", "{\"metrics\":{}}", 1200, false);
    a.modelCall("llm:openai/test", "test", "ab".repeat(32), 250_000, "answered");
    new IntentAuditor(sink, "i-other000", "agent", Clock.systemUTC()).received("something else", "carol", "api", false);
    sink.flush();

    StringWriter out = new StringWriter();
    CommandLine cl = Ric.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int exit = cl.execute("audit", "--intent", "i-audited1", "--zone", "UTC", "--kafka", kafka.settings().bootstrapServers());
    assertThat(exit).isZero();
    String text = out.toString();
    assertThat(text).contains("i-audited1").contains("INTENT_RECEIVED").contains("alice")
        .contains("TOOL_CALL").contains("called get_kpis").contains("arguments {\"cell\":\"cell-2\"}")
        .contains("MODEL_CALL").contains("prompt sha256 " + "ab".repeat(32))
        .doesNotContain("i-other000");

    WatchedOutput followed = new WatchedOutput();
    CommandLine f = Ric.commandLine();
    f.setOut(new PrintWriter(followed, true));
    AtomicInteger rc = new AtomicInteger(-1);
    Thread t = new Thread(() -> rc.set(f.execute("audit", "--follow", "--brief", "--intent", "i-audited1",
        "--kafka", kafka.settings().bootstrapServers())));
    t.start();
    followed.await("INTENT_RECEIVED", Duration.ofSeconds(60));
    a.approval("bob", true, "operator", java.util.List.of(), null);
    sink.flush();
    followed.await("APPROVAL", Duration.ofSeconds(60));
    t.interrupt();
    t.join(20_000);
    assertThat(followed.toString()).contains("APPROVAL").contains("approved by bob");
    assertThat(rc.get()).isZero();
  }
}
