package io.oranric.e2.termination;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oranric.contract.v1.ControlOutcome;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.SubscriptionRequest;
import io.oranric.e2.protocol.E2apCodec;
import io.oranric.e2.protocol.E2apDecodeException;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.E2apMessage.*;
import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.termination.control.ControlBridge;
import io.oranric.e2.termination.indication.IndicationPipeline;
import io.oranric.e2.termination.node.E2NodeEntry;
import io.oranric.e2.termination.node.NodeProtos;
import io.oranric.e2.termination.node.NodeRegistry;
import io.oranric.e2.termination.sink.TerminationSink;
import io.oranric.e2.sm.ServiceModels;
import io.oranric.e2.termination.subscription.SubscriptionManager;
import io.oranric.e2.termination.subscription.SubscriptionState;
import io.oranric.e2.termination.transport.Association;
import io.oranric.e2.termination.transport.AssociationHandler;
import io.oranric.e2.termination.transport.E2Transport;
import io.oranric.e2.termination.transport.SctpTransport;
import io.oranric.e2.termination.transport.TcpTransport;
import io.oranric.e2.termination.transport.TransportKind;
import io.oranric.e2.termination.transport.UdpTransport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The E2 termination: the process real gNBs connect to. Transports deliver whole PDUs; each
 * association's E2AP version is fixed by its first PDU; indications and control answers are handled
 * on the association's own thread (the hot path), every other procedure on one control context, so
 * the registry and the subscription manager need no locks.
 */
public final class E2Termination implements AssociationHandler {
  private static final Logger LOG = LoggerFactory.getLogger(E2Termination.class);

  private final TerminationConfig config;
  private final Vertx vertx;
  private final Map<E2apVersion, E2apCodec> codecs;
  private final ServiceModels models;
  private final TerminationSink sink;
  private final MeterRegistry metrics;
  private final NodeRegistry nodes = new NodeRegistry();
  private final SubscriptionManager subscriptions;
  private final ControlBridge control;
  private final IndicationPipeline indications;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final List<E2Transport> transports = new ArrayList<>();
  private final Map<TransportKind, Integer> boundPorts = new EnumMap<>(TransportKind.class);
  private final Map<String, Counter> pduCounters = new ConcurrentHashMap<>();
  private final Counter decodeErrors;
  private Context controlContext;
  private long tickTimer = -1;

  /** Per-association state: the version, once known, and the node, once set up. */
  static final class Session {
    final Association association;
    volatile E2apVersion version;
    volatile String nodeKey;

    Session(Association association) {
      this.association = association;
    }
  }

  public E2Termination(TerminationConfig config, Vertx vertx, Map<E2apVersion, E2apCodec> codecs, ServiceModels models,
      TerminationSink sink, MeterRegistry metrics) {
    this.config = config;
    this.vertx = vertx;
    this.codecs = Map.copyOf(codecs);
    this.models = models;
    this.sink = sink;
    this.metrics = metrics;
    this.subscriptions = new SubscriptionManager(config.requestorId(), nodes, models, this::send, System::currentTimeMillis);
    this.control = new ControlBridge(config.requestorId() + 1, nodes, models, config.naming(), sink, this::send, metrics);
    this.indications = new IndicationPipeline(subscriptions, models, config.naming(), sink, metrics);
    this.decodeErrors = Counter.builder("e2_decode_errors").description("PDUs that did not decode as E2AP").register(metrics);
    Gauge.builder("e2_nodes_connected", nodes, n -> n.connectedCount()).register(metrics);
    Gauge.builder("e2_associations", sessions, Map::size).register(metrics);
    Gauge.builder("e2_control_pending", control, ControlBridge::pendingCount).register(metrics);
    for (SubscriptionState st : SubscriptionState.values()) {
      Gauge.builder("e2_subscriptions", subscriptions, s -> s.countsByState().getOrDefault(st, 0L))
          .tag("state", st.name().toLowerCase()).register(metrics);
    }
  }

  // ---- life ------------------------------------------------------------------------------

  public Future<Map<TransportKind, Integer>> start() {
    controlContext = vertx.getOrCreateContext();
    List<Future<Integer>> started = new ArrayList<>();
    for (TerminationConfig.Listener l : config.listeners()) {
      E2Transport t = switch (l.kind()) {
        case TCP -> new TcpTransport(vertx, config.host(), l.port(), config.limits(), this);
        case UDP -> new UdpTransport(vertx, config.host(), l.port(), config.limits(), this);
        case SCTP -> new SctpTransport(config.host(), l.port(), config.limits(), this);
      };
      transports.add(t);
      started.add(t.start().onSuccess(port -> {
        synchronized (boundPorts) {
          boundPorts.put(l.kind(), port);
        }
        LOG.info("E2 termination listening on {} {}:{}", l.kind(), config.host(), port);
      }));
    }
    controlContext.runOnContext(v -> tickTimer = vertx.setPeriodic(1000, id -> subscriptions.tick()));
    return Future.all(started).map(cf -> {
      synchronized (boundPorts) {
        return Map.copyOf(boundPorts);
      }
    });
  }

  public Future<Void> stop() {
    if (tickTimer >= 0) {
      vertx.cancelTimer(tickTimer);
    }
    List<Future<Void>> stops = new ArrayList<>();
    transports.forEach(t -> stops.add(t.stop()));
    control.close();
    return Future.all(stops).mapEmpty();
  }

  // ---- API for xApps and tools -------------------------------------------------------------

  /** Adds or replaces a wish (what {@code e2.subscriptions} carries). */
  public void want(String key, SubscriptionRequest request) {
    controlContext.runOnContext(v -> subscriptions.want(key, request));
  }

  public void withdraw(String key) {
    controlContext.runOnContext(v -> subscriptions.withdraw(key));
  }

  public CompletableFuture<ControlOutcome> control(ControlRequest request) {
    return control.submit(request);
  }

  public IndicationPipeline indications() {
    return indications;
  }

  public NodeRegistry nodes() {
    return nodes;
  }

  /** A snapshot of the subscriptions, taken on the control context. */
  public Future<List<String>> describeSubscriptions() {
    return controlContext.executeBlocking(() -> {
      List<String> out = new ArrayList<>();
      subscriptions.subscriptions().forEach(s -> out.add(s.toString()));
      subscriptions.unservable().forEach((k, why) -> out.add(k + " UNSERVABLE: " + why));
      return out;
    }, true);
  }

  public Map<SubscriptionState, Long> subscriptionCounts() {
    return subscriptions.countsByState();
  }

  public Map<TransportKind, Integer> ports() {
    synchronized (boundPorts) {
      return Map.copyOf(boundPorts);
    }
  }

  // ---- transport events ----------------------------------------------------------------------

  @Override
  public void opened(Association a) {
    sessions.put(a.id(), new Session(a));
    LOG.debug("{}: association opened", a.id());
  }

  @Override
  public void closed(Association a) {
    Session s = sessions.remove(a.id());
    if (s == null) {
      return;
    }
    LOG.debug("{}: association closed", a.id());
    controlContext.runOnContext(v -> nodes.associationClosed(a.id(), System.currentTimeMillis()).ifPresent(node -> {
      LOG.info("{} ({}): association {} closed; node DISCONNECTED", node.key(), node.version().label(), a.id());
      subscriptions.nodeDown(node.key());
      control.nodeDown(node.key());
      sink.node(NodeProtos.toProto(node, config.naming().nodeName(node.key())));
    }));
  }

  @Override
  public void pdu(Association a, byte[] pdu, long receivedNanos) {
    Session s = sessions.get(a.id());
    if (s == null) {
      return; // closed meanwhile
    }
    E2apMessage msg;
    try {
      msg = decode(s, pdu);
    } catch (E2apDecodeException e) {
      decodeErrors.increment();
      String node = s.nodeKey != null ? s.nodeKey : "(not set up)";
      LOG.warn("{} {}: undecodable PDU ({}): {}; hex {}", a.id(), node, e.e2apCause(), e.getMessage(), hex(pdu, 256));
      if (!a.kind().isDatagram()) {
        // Answer garbage on a stream so the node learns of it; a datagram that is not a PDU is only counted.
        E2apCodec codec = codecs.get(s.version != null ? s.version : config.preferredVersion());
        a.send(codec.encode(new ErrorIndication(e.transactionId(), e.requestId(), e.ranFunctionId(), e.e2apCause())));
        count("out", "ErrorIndication");
      }
      return;
    }
    count("in", msg.getClass().getSimpleName());
    if (msg instanceof RicIndication ind) {
      E2NodeEntry node = s.nodeKey == null ? null : nodes.byKey(s.nodeKey).orElse(null);
      if (node == null) {
        notSetUp(s, msg);
        return;
      }
      indications.handle(node, ind, receivedNanos);
    } else if (msg instanceof RicControlAcknowledge || msg instanceof RicControlFailure) {
      if (s.nodeKey != null) {
        control.onAnswer(s.nodeKey, msg);
      }
    } else {
      controlContext.runOnContext(v -> procedure(s, msg));
    }
  }

  private E2apMessage decode(Session s, byte[] pdu) throws E2apDecodeException {
    if (s.version != null) {
      return codecs.get(s.version).decode(pdu);
    }
    // The first PDU fixes the association's version: the preferred one first, then the other.
    E2apDecodeException first = null;
    List<E2apVersion> order = new ArrayList<>(List.of(config.preferredVersion()));
    for (E2apVersion v : E2apVersion.values()) {
      if (v != config.preferredVersion() && codecs.containsKey(v)) {
        order.add(v);
      }
    }
    for (E2apVersion v : order) {
      try {
        E2apMessage m = codecs.get(v).decode(pdu);
        s.version = v;
        return m;
      } catch (E2apDecodeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    throw first;
  }

  // ---- procedures (control context) ----------------------------------------------------------

  private void procedure(Session s, E2apMessage msg) {
    // Java 17: an instanceof chain stands in for a pattern switch.
    if (msg instanceof E2SetupRequest r) {
      setup(s, r);
    } else if (msg instanceof RicSubscriptionResponse r) {
      withNode(s, msg, n -> subscriptions.onResponse(n, r));
    } else if (msg instanceof RicSubscriptionFailure r) {
      withNode(s, msg, n -> subscriptions.onFailure(n, r));
    } else if (msg instanceof RicSubscriptionDeleteResponse r) {
      withNode(s, msg, n -> subscriptions.onDeleteResponse(n, r.requestId()));
    } else if (msg instanceof RicSubscriptionDeleteFailure r) {
      withNode(s, msg, n -> subscriptions.onDeleteFailure(n, r));
    } else if (msg instanceof RicSubscriptionDeleteRequired r) {
      withNode(s, msg, n -> subscriptions.onDeleteRequired(n, r.subscriptions()));
    } else if (msg instanceof RicServiceUpdate r) {
      serviceUpdate(s, r);
    } else if (msg instanceof E2NodeConfigurationUpdate r) {
      configurationUpdate(s, r);
    } else if (msg instanceof ResetRequest r) {
      reset(s, r);
    } else if (msg instanceof ResetResponse) {
      LOG.info("{}: reset acknowledged", s.nodeKey);
    } else if (msg instanceof ErrorIndication r) {
      LOG.warn("{} {}: Error Indication from node: cause {}, transaction {}, request {}", s.association.id(), s.nodeKey,
          r.cause(), r.transactionId(), r.requestId());
    } else if (msg instanceof E2RemovalRequest r) {
      removal(s, r);
    } else {
      // A message only the RIC sends, or an answer to something we never asked.
      LOG.warn("{} {}: unexpected {} from node; answering Error Indication", s.association.id(), s.nodeKey,
          msg.getClass().getSimpleName());
      send(s, new ErrorIndication(null, null, null, io.oranric.e2.protocol.Cause.NOT_COMPATIBLE_WITH_STATE));
    }
  }

  private void setup(Session s, E2SetupRequest r) {
    long now = System.currentTimeMillis();
    Map<Integer, io.oranric.e2.sm.RanFunctionInfo> functions = new LinkedHashMap<>();
    List<Integer> accepted = new ArrayList<>();
    List<RanFunctionRejection> rejected = new ArrayList<>();
    for (var f : r.ranFunctions()) {
      try {
        functions.put(f.id(), models.describe(f, config.naming()));
        accepted.add(f.id());
      } catch (io.oranric.e2.sm.ServiceModelException e) {
        LOG.warn("{}: RAN function {} ({}) rejected: {}", s.association.id(), f.id(), f.oid(), e.getMessage());
        rejected.add(new RanFunctionRejection(f.id(), e.e2apCause()));
      }
    }
    String key = config.naming().nodeName(r.nodeId().text());
    E2NodeEntry entry = new E2NodeEntry(key, r.nodeId(), s.version, s.association, functions, r.components(), true, now, now);
    s.nodeKey = key;
    send(s, new E2SetupResponse(r.transactionId(), config.ricPlmn(), config.ricId(), accepted, rejected, r.components()));
    nodes.register(entry).ifPresent(old -> {
      // The same node set up again on a new association: the old one is dead to us.
      LOG.info("{}: set up again on {}; closing the previous association {}", key, s.association.id(), old.association().id());
      subscriptions.nodeDown(key);
      control.nodeDown(key);
      Session oldSession = sessions.get(old.association().id());
      if (oldSession != null) {
        oldSession.nodeKey = null;
      }
      old.association().close();
    });
    LOG.info("{} ({}, E2AP {}) E2 Setup from {} over {}: {} RAN functions accepted {}, rejected {}", key, r.nodeId().text(),
        s.version.label(), s.association.remoteAddress(), s.association.kind(), functions.size(),
        functions.values().stream().map(f -> f.id() + ":" + (f.version().isEmpty() ? f.function().oid() : f.version())).toList(),
        rejected.stream().map(RanFunctionRejection::ranFunctionId).toList());
    sink.node(NodeProtos.toProto(entry, key));
    subscriptions.nodeUp(entry);
  }

  private void serviceUpdate(Session s, RicServiceUpdate r) {
    withNode(s, r, key -> {
      E2NodeEntry node = nodes.byKey(key).orElseThrow();
      Map<Integer, io.oranric.e2.sm.RanFunctionInfo> functions = new LinkedHashMap<>(node.functions());
      List<Integer> accepted = new ArrayList<>();
      List<RanFunctionRejection> rejected = new ArrayList<>();
      List<io.oranric.e2.protocol.RanFunction> changed = new ArrayList<>(r.added());
      changed.addAll(r.modified());
      for (var f : changed) {
        try {
          functions.put(f.id(), models.describe(f, config.naming()));
          accepted.add(f.id());
        } catch (io.oranric.e2.sm.ServiceModelException e) {
          rejected.add(new RanFunctionRejection(f.id(), e.e2apCause()));
        }
      }
      r.deleted().forEach(functions::remove);
      E2NodeEntry updated = node.withFunctions(functions, System.currentTimeMillis());
      nodes.update(updated);
      send(s, new RicServiceUpdateAcknowledge(r.transactionId(), accepted, rejected));
      LOG.info("{}: RIC Service Update: +{} ~{} -{}", key, r.added().size(), r.modified().size(), r.deleted().size());
      sink.node(NodeProtos.toProto(updated, key));
      subscriptions.reconcile();
    });
  }

  private void configurationUpdate(Session s, E2NodeConfigurationUpdate r) {
    withNode(s, r, key -> {
      E2NodeEntry node = nodes.byKey(key).orElseThrow();
      List<io.oranric.e2.protocol.ComponentConfig> comps = new ArrayList<>(node.components());
      comps.removeIf(c -> r.removals().stream().anyMatch(x -> x.interfaceType() == c.interfaceType() && x.componentId().equals(c.componentId()))
          || r.updates().stream().anyMatch(x -> x.interfaceType() == c.interfaceType() && x.componentId().equals(c.componentId())));
      comps.addAll(r.updates());
      comps.addAll(r.additions());
      E2NodeEntry updated = node.withComponents(comps, System.currentTimeMillis());
      nodes.update(updated);
      send(s, new E2NodeConfigurationUpdateAcknowledge(r.transactionId(), r.additions(), r.updates(), r.removals()));
      LOG.info("{}: E2 Node Configuration Update: +{} ~{} -{}", key, r.additions().size(), r.updates().size(), r.removals().size());
      sink.node(NodeProtos.toProto(updated, key));
    });
  }

  private void reset(Session s, ResetRequest r) {
    withNode(s, r, key -> {
      send(s, new ResetResponse(r.transactionId()));
      LOG.info("{}: Reset ({}): subscriptions are gone on the node; asking again", key, r.cause());
      control.nodeDown(key);
      subscriptions.nodeReset(key);
    });
  }

  private void removal(Session s, E2RemovalRequest r) {
    withNode(s, r, key -> {
      send(s, new E2RemovalResponse(r.transactionId()));
      LOG.info("{}: E2 Removal; forgetting the node", key);
      subscriptions.nodeDown(key);
      control.nodeDown(key);
      nodes.remove(key);
      sink.nodeRemoved(key);
      s.nodeKey = null;
    });
  }

  private void withNode(Session s, E2apMessage msg, java.util.function.Consumer<String> action) {
    if (s.nodeKey == null || nodes.byKey(s.nodeKey).isEmpty()) {
      notSetUp(s, msg);
      return;
    }
    action.accept(s.nodeKey);
  }

  private void notSetUp(Session s, E2apMessage msg) {
    LOG.warn("{}: {} before E2 Setup; answering Error Indication", s.association.id(), msg.getClass().getSimpleName());
    send(s, new ErrorIndication(null, null, null, io.oranric.e2.protocol.Cause.NOT_COMPATIBLE_WITH_STATE));
  }

  // ---- sending ------------------------------------------------------------------------------

  private void send(Session s, E2apMessage m) {
    E2apCodec codec = codecs.get(s.version != null ? s.version : config.preferredVersion());
    s.association.send(codec.encode(m));
    count("out", m.getClass().getSimpleName());
  }

  private void send(E2NodeEntry node, E2apMessage m) {
    node.association().send(codecs.get(node.version()).encode(m));
    count("out", m.getClass().getSimpleName());
  }

  private void send(E2NodeEntry node, E2apMessage m, Runnable written) {
    node.association().send(codecs.get(node.version()).encode(m), written);
    count("out", m.getClass().getSimpleName());
  }

  private void count(String direction, String type) {
    pduCounters.computeIfAbsent(direction + type, k -> Counter.builder("e2_pdus").tag("direction", direction).tag("type", type)
        .register(metrics)).increment();
  }

  private static String hex(byte[] b, int max) {
    String h = HexFormat.of().formatHex(b, 0, Math.min(b.length, max));
    return b.length > max ? h + "...(" + b.length + " bytes)" : h;
  }
}
