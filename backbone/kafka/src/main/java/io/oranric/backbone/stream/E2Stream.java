package io.oranric.backbone.stream;

import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.KpmReport;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What an xApp needs from the E2 side: decoded KPM reports in, control requests out with their
 * outcomes back. Two implementations: through Kafka (the default, durable and replayable, works
 * across processes and scales as consumer groups), and a direct in-process stream from the
 * termination for latency-critical xApps in the same JVM (Kafka then only records what happened),
 * in the spirit of onos-e2t's gRPC stream and FlexRIC's E42.
 */
public interface E2Stream extends AutoCloseable {

  /**
   * Delivers KPM reports in batches, in order per E2 node. With Kafka, xApp instances that share
   * a group share the nodes between them.
   *
   * @return a handle that stops the delivery when closed
   */
  AutoCloseable kpm(String group, Consumer<List<KpmReport>> handler);

  /** Sends a control request; completes with its outcome (success, failure, time-out, rejected). */
  CompletionStage<ControlOutcome> control(ControlRequest request);

  /** A short name for logs and metrics: "kafka" or "direct". */
  String kind();

  @Override
  void close();
}
