package io.oranric.e2.termination.subscription;

import io.oranric.contract.v1.SubscriptionRequest;
import io.oranric.e2.protocol.Cause;
import io.oranric.e2.protocol.E2apMessage;
import io.oranric.e2.protocol.E2apMessage.RicSubscriptionDeleteRequest;
import io.oranric.e2.protocol.E2apMessage.RicSubscriptionRequest;
import io.oranric.e2.protocol.RicAction;
import io.oranric.e2.protocol.RicRequestId;
import io.oranric.e2.termination.node.E2NodeEntry;
import io.oranric.e2.termination.node.NodeRegistry;
import io.oranric.e2.sm.RanFunctionInfo;
import io.oranric.e2.sm.ServiceModel;
import io.oranric.e2.sm.ServiceModelException;
import io.oranric.e2.sm.ServiceModels;
import io.oranric.e2.sm.SubscriptionContent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles what xApps want (wishes, from {@code e2.subscriptions} or the API) with the E2
 * subscriptions that exist on the nodes: one E2 subscription per distinct (node, RAN function,
 * event trigger, actions), shared by all wishes that ask for it; RIC request ids allocated here;
 * each subscription tracked through REQUESTED, ACTIVE, FAILED (retried with back-off) and
 * DELETING; everything of a node forgotten when it disconnects and asked again when it is back.
 *
 * <p>Not thread safe on purpose: every method runs on the termination's control context. The
 * indication path only calls {@link #route}, which reads a concurrent map.
 */
public final class SubscriptionManager {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);
  static final long RESPONSE_TIMEOUT_MS = 10_000;
  static final long[] BACKOFF_MS = {2_000, 5_000, 15_000, 30_000, 60_000};

  /** How the manager reaches a node: encode with the node's version and send on its association. */
  public interface Sender {
    void send(E2NodeEntry node, E2apMessage message);
  }

  private final int requestorId;
  private final NodeRegistry nodes;
  private final ServiceModels models;
  private final Sender sender;
  private final LongSupplier clock;
  private final Map<String, SubscriptionRequest> wishes = new LinkedHashMap<>();
  /** By id (node/function/request id). */
  private final Map<String, E2Subscription> subscriptions = new LinkedHashMap<>();
  /** Indication routing: node key + request id, read from transport threads. */
  private final Map<String, E2Subscription> routes = new ConcurrentHashMap<>();
  private final Map<String, Integer> nextInstance = new HashMap<>();
  /** Wish/node pairs that cannot be served, with why; reported, not retried until something changes. */
  private final Map<String, String> unservable = new LinkedHashMap<>();

  public SubscriptionManager(int requestorId, NodeRegistry nodes, ServiceModels models, Sender sender, LongSupplier clockMillis) {
    this.requestorId = requestorId;
    this.nodes = nodes;
    this.models = models;
    this.sender = sender;
    this.clock = clockMillis;
  }

  // ---- what xApps want ------------------------------------------------------------------

  public void want(String key, SubscriptionRequest request) {
    wishes.put(key, request);
    reconcile();
  }

  public void withdraw(String key) {
    if (wishes.remove(key) != null) {
      reconcile();
    }
  }

  // ---- node life -------------------------------------------------------------------------

  public void nodeUp(E2NodeEntry node) {
    reconcile();
  }

  /**
   * The node's association is gone, and with it every subscription on the node (E2AP: the node
   * deletes them). Forget them all; {@link #nodeUp} asks again with fresh request ids.
   */
  public void nodeDown(String nodeKey) {
    subscriptions.values().removeIf(s -> {
      if (s.nodeKey.equals(nodeKey)) {
        routes.remove(routeKey(nodeKey, s.requestId));
        return true;
      }
      return false;
    });
    nextInstance.remove(nodeKey);
    unservable.keySet().removeIf(k -> k.endsWith("@" + nodeKey));
  }

  /** E2 Reset: the node dropped all its subscriptions but stays connected; ask again. */
  public void nodeReset(String nodeKey) {
    nodeDown(nodeKey);
    reconcile();
  }

  // ---- answers from nodes ------------------------------------------------------------------

  public void onResponse(String nodeKey, E2apMessage.RicSubscriptionResponse r) {
    find(nodeKey, r.requestId()).ifPresentOrElse(s -> {
      if (s.state == SubscriptionState.REQUESTED) {
        s.state = SubscriptionState.ACTIVE;
        s.attempts = 0;
        s.lastError = r.notAdmittedActions().isEmpty() ? null : "actions not admitted: " + r.notAdmittedActions();
        LOG.info("subscription {} ACTIVE (admitted actions {})", s.id(), r.admittedActions());
      }
    }, () -> LOG.warn("{}: subscription response for unknown request {}", nodeKey, r.requestId()));
  }

  public void onFailure(String nodeKey, E2apMessage.RicSubscriptionFailure f) {
    find(nodeKey, f.requestId()).ifPresent(s -> fail(s, "node refused: " + f.cause(), f.cause()));
  }

  public void onDeleteResponse(String nodeKey, RicRequestId id) {
    find(nodeKey, id).ifPresent(this::forget);
  }

  public void onDeleteFailure(String nodeKey, E2apMessage.RicSubscriptionDeleteFailure f) {
    // The node says the subscription is unknown or cannot go: either way nothing is left to delete.
    find(nodeKey, f.requestId()).ifPresent(s -> {
      LOG.warn("subscription {} delete failed ({}); forgetting it", s.id(), f.cause());
      forget(s);
    });
  }

  /** The node can no longer serve these subscriptions (RIC Subscription Delete Required). */
  public void onDeleteRequired(String nodeKey, List<E2apMessage.SubscriptionToDelete> list) {
    for (var d : list) {
      find(nodeKey, d.requestId()).ifPresent(s -> fail(s, "node deleted it: " + d.cause(), d.cause()));
    }
  }

  /** Periodic: time-outs of unanswered requests, and retries of failed subscriptions that are due. */
  public void tick() {
    long now = clock.getAsLong();
    for (E2Subscription s : new ArrayList<>(subscriptions.values())) {
      if (s.state == SubscriptionState.REQUESTED && now >= s.deadlineMillis) {
        fail(s, "no answer within " + RESPONSE_TIMEOUT_MS + " ms", Cause.of(Cause.Group.RIC_REQUEST, "unspecified"));
      } else if (s.state == SubscriptionState.DELETING && now >= s.deadlineMillis) {
        LOG.warn("subscription {}: no answer to delete; forgetting it", s.id());
        forget(s);
      }
    }
    reconcile();
  }

  // ---- the indication path ----------------------------------------------------------------

  /** The subscription an indication belongs to; safe from any thread. */
  public E2Subscription route(String nodeKey, RicRequestId id) {
    return routes.get(routeKey(nodeKey, id));
  }

  // ---- views ------------------------------------------------------------------------------

  public Collection<E2Subscription> subscriptions() {
    return List.copyOf(subscriptions.values());
  }

  public Map<String, String> unservable() {
    return Map.copyOf(unservable);
  }

  public Map<SubscriptionState, Long> countsByState() {
    Map<SubscriptionState, Long> m = new java.util.EnumMap<>(SubscriptionState.class);
    for (SubscriptionState st : SubscriptionState.values()) {
      m.put(st, 0L);
    }
    subscriptions.values().forEach(s -> m.merge(s.state, 1L, Long::sum));
    return m;
  }

  // ---- reconciliation ---------------------------------------------------------------------

  /** Makes the subscriptions on the nodes match the wishes. */
  public void reconcile() {
    long now = clock.getAsLong();
    // desired: subscription key -> (content, subscribers)
    record Desired(E2NodeEntry node, RanFunctionInfo function, SubscriptionContent content, String contentKey, Set<String> subscribers) {}
    Map<String, Desired> desired = new LinkedHashMap<>();
    for (E2NodeEntry node : nodes.all()) {
      if (!node.connected()) {
        continue;
      }
      for (var w : wishes.entrySet()) {
        SubscriptionRequest req = w.getValue();
        if (!req.getNodeIdsList().isEmpty() && !req.getNodeIdsList().contains(node.key())) {
          continue;
        }
        String pairKey = w.getKey() + "@" + node.key();
        Optional<Desired> d = content(node, req, pairKey).map(c -> new Desired(node, c.function(), c.content(),
            contentKey(c.content()), new java.util.LinkedHashSet<>()));
        if (d.isEmpty()) {
          continue;
        }
        String key = node.key() + "/" + d.get().function().id() + "/" + d.get().contentKey();
        desired.computeIfAbsent(key, k -> d.get()).subscribers().add(w.getKey());
      }
    }
    // match existing subscriptions
    Map<String, E2Subscription> existingByKey = new HashMap<>();
    for (E2Subscription s : subscriptions.values()) {
      if (s.state != SubscriptionState.DELETING) {
        existingByKey.put(s.nodeKey + "/" + s.function.id() + "/" + s.contentKey, s);
      }
    }
    for (var e : desired.entrySet()) {
      E2Subscription s = existingByKey.remove(e.getKey());
      Desired d = e.getValue();
      if (s == null) {
        request(d.node(), d.function(), d.content(), d.contentKey(), d.subscribers(), now);
      } else {
        s.subscribers.clear();
        s.subscribers.addAll(d.subscribers());
        if (s.state == SubscriptionState.FAILED && now >= s.retryAtMillis) {
          // ask again under a fresh request id: the node may still know the old one
          forget(s);
          E2Subscription again = request(d.node(), d.function(), d.content(), d.contentKey(), d.subscribers(), now);
          again.attempts = s.attempts;
        }
      }
    }
    // nobody wants these any more
    for (E2Subscription s : existingByKey.values()) {
      s.subscribers.clear();
      if (s.state == SubscriptionState.FAILED) {
        forget(s);
      } else {
        delete(s, now);
      }
    }
  }

  private record Resolved(RanFunctionInfo function, SubscriptionContent content) {}

  private Optional<Resolved> content(E2NodeEntry node, SubscriptionRequest req, String pairKey) {
    ServiceModel model = switch (req.getServiceCase()) {
      case KPM -> ServiceModel.KPM;
      case RC -> ServiceModel.RC;
      default -> null;
    };
    if (model == null) {
      unservable.put(pairKey, "the request names no service model");
      return Optional.empty();
    }
    List<RanFunctionInfo> fns = node.functionsOf(model);
    if (fns.isEmpty()) {
      unservable.put(pairKey, node.key() + " offers no " + model + " function");
      return Optional.empty();
    }
    if (model == ServiceModel.KPM && req.getKpm().getCellIdsCount() == 0 && !node.cells().isEmpty()) {
      // "Every cell" means every cell the node announced (E2SM-KPM v2/v3 definitions list none; CCC does),
      // so that each report comes with its cell instead of as an anonymous node total.
      req = req.toBuilder().setKpm(req.getKpm().toBuilder()
          .addAllCellIds(node.cells().stream().map(io.oranric.e2.sm.CellRef::displayName).toList())).build();
    }
    ServiceModelException last = null;
    for (RanFunctionInfo f : fns) {
      try {
        SubscriptionContent c = model == ServiceModel.KPM
            ? models.kpmSubscription(f, req.getKpm())
            : models.rcSubscription(f, req.getRc());
        unservable.remove(pairKey);
        return Optional.of(new Resolved(f, c));
      } catch (ServiceModelException e) {
        last = e;
      }
    }
    String why = node.key() + ": " + last.getMessage();
    if (!why.equals(unservable.put(pairKey, why))) {
      LOG.warn("cannot subscribe {} on {}: {}", pairKey, node.key(), last.getMessage());
    }
    return Optional.empty();
  }

  private E2Subscription request(E2NodeEntry node, RanFunctionInfo function, SubscriptionContent content, String contentKey,
      Set<String> subscribers, long now) {
    RicRequestId id = new RicRequestId(requestorId, allocateInstance(node.key()));
    E2Subscription s = new E2Subscription(node.key(), function, id, content, contentKey);
    s.subscribers.addAll(subscribers);
    s.state = SubscriptionState.REQUESTED;
    s.deadlineMillis = now + RESPONSE_TIMEOUT_MS;
    subscriptions.put(s.id(), s);
    routes.put(routeKey(node.key(), id), s);
    sender.send(node, new RicSubscriptionRequest(id, function.id(), content.eventTrigger(), content.actions()));
    LOG.info("subscription {} REQUESTED for {}", s.id(), subscribers);
    return s;
  }

  private void delete(E2Subscription s, long now) {
    Optional<E2NodeEntry> node = nodes.byKey(s.nodeKey).filter(E2NodeEntry::connected);
    if (node.isEmpty()) {
      forget(s);
      return;
    }
    s.state = SubscriptionState.DELETING;
    s.deadlineMillis = now + RESPONSE_TIMEOUT_MS;
    sender.send(node.get(), new RicSubscriptionDeleteRequest(s.requestId, s.function.id()));
    LOG.info("subscription {} DELETING", s.id());
  }

  private void fail(E2Subscription s, String why, Cause cause) {
    s.state = SubscriptionState.FAILED;
    s.lastError = why;
    s.lastCause = cause;
    s.attempts++;
    s.retryAtMillis = clock.getAsLong() + BACKOFF_MS[Math.min(s.attempts - 1, BACKOFF_MS.length - 1)];
    LOG.warn("subscription {} FAILED: {} (retry in {} ms)", s.id(), why, s.retryAtMillis - clock.getAsLong());
  }

  private void forget(E2Subscription s) {
    subscriptions.remove(s.id());
    routes.remove(routeKey(s.nodeKey, s.requestId));
  }

  private Optional<E2Subscription> find(String nodeKey, RicRequestId id) {
    return Optional.ofNullable(routes.get(routeKey(nodeKey, id)));
  }

  private int allocateInstance(String nodeKey) {
    // Instance ids are unique per node among live subscriptions; wrap around 65535 skipping ids in use.
    int next = nextInstance.getOrDefault(nodeKey, 1);
    for (int i = 0; i < 65535; i++) {
      int candidate = ((next - 1 + i) % 65535) + 1;
      if (!routes.containsKey(routeKey(nodeKey, new RicRequestId(requestorId, candidate)))) {
        nextInstance.put(nodeKey, candidate % 65535 + 1);
        return candidate;
      }
    }
    throw new IllegalStateException(nodeKey + " has 65535 live subscriptions");
  }

  private static String routeKey(String nodeKey, RicRequestId id) {
    return nodeKey + "#" + id.requestorId() + "/" + id.instanceId();
  }

  static String contentKey(SubscriptionContent c) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(c.eventTrigger());
      for (RicAction a : c.actions()) {
        md.update((byte) a.actionId());
        md.update((byte) a.type().ordinal());
        if (a.definition() != null) {
          md.update(a.definition());
        }
      }
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
