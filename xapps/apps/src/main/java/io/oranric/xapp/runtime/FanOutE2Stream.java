package io.oranric.xapp.runtime;

import io.oranric.backbone.stream.E2Stream;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.KpmReport;
import io.oranric.xapp.common.KpmBatch;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One KPM subscription for all the xApps of a runtime: each batch is flattened into samples once
 * ({@link KpmBatch}) and handed to every xApp (each then hops onto its own event loop). The runtime, not each xApp, is the member of
 * the consumer group, so the xApps of one process always see the same nodes and the process is the
 * unit that scales out.
 */
final class FanOutE2Stream implements E2Stream {
  private final E2Stream delegate;
  private final String group;
  private final List<Consumer<List<KpmReport>>> handlers = new CopyOnWriteArrayList<>();
  private AutoCloseable subscription;

  FanOutE2Stream(E2Stream delegate, String group) {
    this.delegate = delegate;
    this.group = group;
  }

  @Override
  public synchronized AutoCloseable kpm(String ignoredGroup, Consumer<List<KpmReport>> handler) {
    handlers.add(handler);
    if (subscription == null) {
      subscription = delegate.kpm(group, reports -> {
        KpmBatch batch = new KpmBatch(reports);
        for (Consumer<List<KpmReport>> h : handlers) {
          h.accept(batch);
        }
      });
    }
    return () -> unsubscribe(handler);
  }

  private synchronized void unsubscribe(Consumer<List<KpmReport>> handler) throws Exception {
    handlers.remove(handler);
    if (handlers.isEmpty() && subscription != null) {
      subscription.close();
      subscription = null;
    }
  }

  @Override
  public CompletionStage<ControlOutcome> control(ControlRequest request) {
    return delegate.control(request);
  }

  @Override
  public String kind() {
    return delegate.kind();
  }

  @Override
  public void close() {
    // the runtime owns the underlying stream; closing the fan-out only stops the telemetry
    try {
      synchronized (this) {
        if (subscription != null) {
          subscription.close();
          subscription = null;
        }
      }
    } catch (Exception e) {
      // best effort
    }
  }
}
