package io.oranric.e2.node;

import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.E2apCodec;
import io.oranric.e2.protocol.E2apDecodeException;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.E2apMessage.*;
import io.oranric.e2.protocol.RicAction;
import io.oranric.e2.protocol.RicRequestId;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The E2 node half of the procedures: connect, E2 Setup (retried after a failure's time-to-wait),
 * answer subscriptions and run their report timers, execute control, honour Reset, and reconnect
 * after the link drops (subscriptions die with the association, as E2AP says).
 *
 * <p>Everything runs on one Vert.x context; the application is called there only.
 */
public final class E2NodeSession {
  private static final Logger LOG = LoggerFactory.getLogger(E2NodeSession.class);

  public enum State { DISCONNECTED, CONNECTING, SETTING_UP, READY, STOPPED }

  /** Where and how to connect. */
  public record Target(LinkKind kind, String host, int port, int sctpPpid) {}

  private final Vertx vertx;
  private final E2apCodec codec;
  private final E2NodeApplication app;
  private final Target target;
  private final boolean reconnect;
  private final Map<RicRequestId, Running> subscriptions = new HashMap<>();
  private final AtomicLong indicationsSent = new AtomicLong();
  private final AtomicLong controlsExecuted = new AtomicLong();
  private final AtomicLong errorIndications = new AtomicLong();
  private Context context;
  private NodeLink link;
  private volatile State state = State.DISCONNECTED;
  private int transactionId;
  private long setupTimer = -1;
  private long reconnectDelayMs = 500;
  private Promise<Void> ready = Promise.promise();

  private record Running(E2NodeApplication.ActiveSubscription subscription, long timerId, long[] sequence) {}

  public E2NodeSession(Vertx vertx, E2apCodec codec, E2NodeApplication app, Target target, boolean reconnect) {
    this.vertx = vertx;
    this.codec = codec;
    this.app = app;
    this.target = target;
    this.reconnect = reconnect;
  }

  /** Connects and sets up; completes when the RIC accepted E2 Setup. */
  public Future<Void> start() {
    context = vertx.getOrCreateContext();
    context.runOnContext(v -> connect());
    return ready.future();
  }

  /** Drops the association without E2 Removal, as a crashing or unplugged node would. */
  public Future<Void> disconnect() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      stopSubscriptions();
      NodeLink l = link;
      link = null;
      state = State.DISCONNECTED;
      (l == null ? Future.<Void>succeededFuture() : l.close()).onComplete(x -> done.complete());
    });
    return done.future();
  }

  /** Connects again after {@link #disconnect}; completes when set up. */
  public Future<Void> reconnectNow() {
    Promise<Void> p = Promise.promise();
    context.runOnContext(v -> {
      ready = Promise.promise();
      ready.future().onComplete(p);
      connect();
    });
    return p.future();
  }

  public Future<Void> stop() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      state = State.STOPPED;
      stopSubscriptions();
      if (setupTimer >= 0) {
        vertx.cancelTimer(setupTimer);
      }
      (link == null ? Future.<Void>succeededFuture() : link.close()).onComplete(x -> done.complete());
    });
    return done.future();
  }

  /** Sends an E2AP message as is (tests use it to send arbitrary, even malformed, traffic). */
  public void sendRaw(byte[] pdu) {
    context.runOnContext(v -> {
      if (link != null) {
        link.send(pdu);
      }
    });
  }

  public void send(E2apMessage m) {
    context.runOnContext(v -> sendNow(m));
  }

  public State state() {
    return state;
  }

  public int activeSubscriptions() {
    return subscriptions.size();
  }

  public long indicationsSent() {
    return indicationsSent.get();
  }

  public long controlsExecuted() {
    return controlsExecuted.get();
  }

  public long errorIndications() {
    return errorIndications.get();
  }

  public E2NodeApplication application() {
    return app;
  }

  // ---- connection -------------------------------------------------------------------------

  private void connect() {
    if (state == State.STOPPED) {
      return;
    }
    state = State.CONNECTING;
    NodeLinks.connect(vertx, target.kind(), target.host(), target.port(), target.sctpPpid(), new NodeLink.Handler() {
      @Override
      public void pdu(byte[] pdu) {
        context.runOnContext(v -> received(pdu));
      }

      @Override
      public void closed() {
        context.runOnContext(v -> linkClosed());
      }
    }).onComplete(ar -> {
      if (ar.failed()) {
        LOG.debug("{}: connect to {}:{} failed: {}", app.nodeId().text(), target.host(), target.port(), ar.cause().toString());
        state = State.DISCONNECTED;
        scheduleReconnect();
        return;
      }
      link = ar.result();
      reconnectDelayMs = 500;
      setup();
    });
  }

  private void linkClosed() {
    if (state == State.STOPPED || link == null) {
      return;
    }
    LOG.info("{}: association lost", app.nodeId().text());
    link = null;
    stopSubscriptions();
    state = State.DISCONNECTED;
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (!reconnect || state == State.STOPPED) {
      return;
    }
    long delay = reconnectDelayMs;
    reconnectDelayMs = Math.min(10_000, reconnectDelayMs * 2);
    vertx.setTimer(delay, t -> {
      if (state == State.DISCONNECTED) {
        connect();
      }
    });
  }

  private void setup() {
    state = State.SETTING_UP;
    transactionId = (transactionId + 1) % 256;
    sendNow(new E2SetupRequest(transactionId, app.nodeId(), app.ranFunctions(), app.components()));
    long tx = transactionId;
    setupTimer = vertx.setTimer(5000, t -> {
      if (state == State.SETTING_UP && transactionId == tx) {
        LOG.warn("{}: no answer to E2 Setup; trying again", app.nodeId().text());
        setup();
      }
    });
  }

  // ---- procedures ---------------------------------------------------------------------------

  private void received(byte[] pdu) {
    E2apMessage m;
    try {
      m = codec.decode(pdu);
    } catch (E2apDecodeException e) {
      LOG.warn("{}: undecodable PDU from the RIC: {}", app.nodeId().text(), e.getMessage());
      sendNow(new ErrorIndication(e.transactionId(), e.requestId(), e.ranFunctionId(), e.e2apCause()));
      return;
    }
    if (m instanceof E2SetupResponse r) {
      if (setupTimer >= 0) {
        vertx.cancelTimer(setupTimer);
      }
      state = State.READY;
      LOG.info("{}: E2 Setup accepted by RIC {} ({} functions accepted, {} rejected)", app.nodeId().text(), r.ricId(),
          r.acceptedRanFunctions().size(), r.rejectedRanFunctions().size());
      ready.tryComplete();
    } else if (m instanceof E2SetupFailure f) {
      long wait = f.timeToWait() == null ? 1000 : Math.max(1000, timeToWaitMillis(f.timeToWait()));
      LOG.warn("{}: E2 Setup refused ({}); trying again in {} ms", app.nodeId().text(), f.cause(), wait);
      vertx.setTimer(wait, t -> {
        if (link != null) {
          setup();
        }
      });
    } else if (m instanceof RicSubscriptionRequest r) {
      subscribe(r);
    } else if (m instanceof RicSubscriptionDeleteRequest r) {
      Running run = subscriptions.remove(r.requestId());
      if (run == null) {
        sendNow(new RicSubscriptionDeleteFailure(r.requestId(), r.ranFunctionId(), Cause.REQUEST_ID_UNKNOWN));
      } else {
        vertx.cancelTimer(run.timerId());
        app.unsubscribe(run.subscription());
        sendNow(new RicSubscriptionDeleteResponse(r.requestId(), r.ranFunctionId()));
      }
    } else if (m instanceof RicControlRequest r) {
      E2NodeApplication.ControlResult result;
      try {
        result = app.control(r);
      } catch (RuntimeException e) {
        LOG.warn("{}: control failed: {}", app.nodeId().text(), e.toString());
        result = E2NodeApplication.ControlResult.fail(Cause.CONTROL_FAILED_TO_EXECUTE);
      }
      controlsExecuted.incrementAndGet();
      if (result.success()) {
        if (!Boolean.FALSE.equals(r.ackRequested())) {
          sendNow(new RicControlAcknowledge(r.requestId(), r.ranFunctionId(), r.callProcessId(), result.outcome()));
        }
      } else {
        sendNow(new RicControlFailure(r.requestId(), r.ranFunctionId(), r.callProcessId(), result.cause(), result.outcome()));
      }
    } else if (m instanceof ResetRequest r) {
      stopSubscriptions();
      sendNow(new ResetResponse(r.transactionId()));
    } else if (m instanceof ErrorIndication e) {
      errorIndications.incrementAndGet();
      LOG.warn("{}: Error Indication from the RIC: {}", app.nodeId().text(), e.cause());
    } else if (m instanceof RicServiceQuery q) {
      sendNow(new RicServiceUpdate((transactionId + 1) % 256, List.of(), app.ranFunctions(), List.of()));
    } else if (m instanceof RicServiceUpdateAcknowledge || m instanceof E2NodeConfigurationUpdateAcknowledge
        || m instanceof E2RemovalResponse || m instanceof ResetResponse) {
      LOG.debug("{}: {}", app.nodeId().text(), m.getClass().getSimpleName());
    } else {
      sendNow(new ErrorIndication(null, null, null, Cause.NOT_COMPATIBLE_WITH_STATE));
    }
  }

  private void subscribe(RicSubscriptionRequest r) {
    if (subscriptions.containsKey(r.requestId())) {
      sendNow(new RicSubscriptionFailure(r.requestId(), r.ranFunctionId(), Cause.of(Cause.Group.RIC_REQUEST, "duplicate-ric-request-id")));
      return;
    }
    E2NodeApplication.SubscriptionDecision d;
    try {
      d = app.subscribe(r);
    } catch (RuntimeException e) {
      LOG.warn("{}: subscription {} could not be read: {}", app.nodeId().text(), r.requestId(), e.toString());
      d = E2NodeApplication.SubscriptionDecision.refuse(Cause.of(Cause.Group.RIC_REQUEST, "action-not-supported"));
    }
    if (!d.accepted()) {
      sendNow(new RicSubscriptionFailure(r.requestId(), r.ranFunctionId(), d.cause()));
      return;
    }
    var active = new E2NodeApplication.ActiveSubscription(r, d.periodMillis(), d.admitted(), d.state());
    long[] sn = {0};
    long period = Math.max(1, d.periodMillis());
    // Nodes that were subscribed at the same moment do not all report in the same millisecond: each
    // starts its period at an offset of its own (stable per node and request), as independent gNBs do.
    long phase = Math.floorMod((long) app.nodeId().text().hashCode() * 31 + r.requestId().hashCode(), period);
    long timer = vertx.setPeriodic(phase + 1, period, t -> report(active, sn));
    subscriptions.put(r.requestId(), new Running(active, timer, sn));
    sendNow(new RicSubscriptionResponse(r.requestId(), r.ranFunctionId(), d.admitted(), d.notAdmitted()));
  }

  private void report(E2NodeApplication.ActiveSubscription sub, long[] sn) {
    if (link == null || state != State.READY) {
      return;
    }
    for (E2NodeApplication.Report rep : app.report(sub, System.currentTimeMillis())) {
      sendNow(new RicIndication(sub.request().requestId(), sub.request().ranFunctionId(), rep.actionId(), sn[0]++ % 65536,
          RicAction.Type.REPORT, rep.header(), rep.message(), null));
      indicationsSent.incrementAndGet();
    }
  }

  private void stopSubscriptions() {
    for (Running r : subscriptions.values()) {
      vertx.cancelTimer(r.timerId());
      app.unsubscribe(r.subscription());
    }
    subscriptions.clear();
  }

  private void sendNow(E2apMessage m) {
    if (link != null) {
      link.send(codec.encode(m));
    }
  }

  /** TimeToWait enumerates 1s, 2s, 5s, 10s, 20s, 60s. */
  private static long timeToWaitMillis(int v) {
    long[] s = {1, 2, 5, 10, 20, 60};
    return s[Math.max(0, Math.min(v, s.length - 1))] * 1000;
  }
}
