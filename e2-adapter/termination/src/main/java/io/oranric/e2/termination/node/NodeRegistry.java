package io.oranric.e2.termination.node;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The E2 nodes this termination knows, by key. Writes happen on the termination's control context
 * only; reads (the indication and control paths) may come from any thread.
 */
public final class NodeRegistry {
  private final Map<String, E2NodeEntry> byKey = new ConcurrentHashMap<>();
  private final Map<String, String> keyByAssociation = new ConcurrentHashMap<>();

  /**
   * Registers a node that completed E2 Setup.
   *
   * @return the entry it replaces (same node, older association), if any: the caller closes it
   */
  public Optional<E2NodeEntry> register(E2NodeEntry entry) {
    E2NodeEntry previous = byKey.put(entry.key(), entry);
    keyByAssociation.put(entry.association().id(), entry.key());
    if (previous != null && !previous.association().id().equals(entry.association().id())) {
      keyByAssociation.remove(previous.association().id(), previous.key());
      return Optional.of(previous);
    }
    return Optional.empty();
  }

  public void update(E2NodeEntry entry) {
    byKey.put(entry.key(), entry);
  }

  public Optional<E2NodeEntry> byKey(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  public Optional<E2NodeEntry> byAssociation(String associationId) {
    String key = keyByAssociation.get(associationId);
    return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
  }

  /**
   * Marks the node of a closed association disconnected (only if that association is still the
   * node's current one: a node that already set up again on a new association stays connected).
   */
  public Optional<E2NodeEntry> associationClosed(String associationId, long now) {
    String key = keyByAssociation.remove(associationId);
    if (key == null) {
      return Optional.empty();
    }
    E2NodeEntry e = byKey.get(key);
    if (e == null || !e.association().id().equals(associationId)) {
      return Optional.empty();
    }
    E2NodeEntry d = e.disconnected(now);
    byKey.put(key, d);
    return Optional.of(d);
  }

  public Optional<E2NodeEntry> remove(String key) {
    E2NodeEntry e = byKey.remove(key);
    if (e != null) {
      keyByAssociation.remove(e.association().id(), key);
    }
    return Optional.ofNullable(e);
  }

  public Collection<E2NodeEntry> all() {
    return byKey.values();
  }

  public long connectedCount() {
    return byKey.values().stream().filter(E2NodeEntry::connected).count();
  }
}
