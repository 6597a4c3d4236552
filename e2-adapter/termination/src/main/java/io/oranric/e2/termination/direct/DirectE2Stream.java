package io.oranric.e2.termination.direct;

import io.oranric.backbone.kafka.RicProducer;
import io.oranric.backbone.kafka.RicTopic;
import io.oranric.backbone.stream.E2Stream;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.KpmReport;
import io.oranric.e2.termination.E2Termination;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The direct stream of a termination in the same JVM: KPM reports reach the xApp straight from the
 * indication pipeline and control requests go straight to the control bridge, with no broker hop.
 * Kafka stays the record: reports and outcomes are published by the termination's Kafka sink as
 * always, and each request is published on {@code e2.control.requests} as well (marked {@code via=direct},
 * which the termination's own consumer skips), so that the audit trail and replays see everything the xApps did.
 *
 * <p>Reports are handed over in batches per indication on the transport thread that decoded them;
 * the xApp SDK moves them onto the xApp's own event loop.
 */
public final class DirectE2Stream implements E2Stream {
  /** The {@code via} of requests recorded by this stream: already executed, never to be executed again. */
  public static final String VIA = "direct";

  private final E2Termination termination;
  private final RicProducer recorder;
  private final List<AutoCloseable> taps = new CopyOnWriteArrayList<>();

  /** @param recorder where requests are recorded; null records nothing */
  public DirectE2Stream(E2Termination termination, RicProducer recorder) {
    this.termination = termination;
    this.recorder = recorder;
  }

  @Override
  public AutoCloseable kpm(String group, Consumer<List<KpmReport>> handler) {
    // Coalesce reports that arrive while the handler is busy into one batch, as a consumer poll would.
    ConcurrentLinkedQueue<KpmReport> queue = new ConcurrentLinkedQueue<>();
    AutoCloseable tap = termination.indications().listener(r -> {
      queue.add(r);
      List<KpmReport> batch = new ArrayList<>();
      KpmReport next;
      while ((next = queue.poll()) != null) {
        batch.add(next);
      }
      if (!batch.isEmpty()) {
        handler.accept(batch);
      }
    });
    taps.add(tap);
    return tap;
  }

  @Override
  public CompletionStage<ControlOutcome> control(ControlRequest request) {
    if (recorder != null) {
      recorder.send(RicTopic.E2_CONTROL_REQUESTS, request.getNodeId(), request.toBuilder().setVia(VIA).build());
    }
    return termination.control(request);
  }

  @Override
  public String kind() {
    return "direct";
  }

  @Override
  public void close() {
    for (AutoCloseable t : taps) {
      try {
        t.close();
      } catch (Exception e) {
        // removing a listener cannot fail in a way worth reporting
      }
    }
  }
}
