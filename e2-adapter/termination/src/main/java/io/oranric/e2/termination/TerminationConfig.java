package io.oranric.e2.termination;

import io.oranric.e2.protocol.E2apVersion;
import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.sm.CellNaming;
import io.oranric.e2.termination.transport.TransportKind;
import io.oranric.e2.termination.transport.TransportLimits;
import java.util.List;
import java.util.Map;

/**
 * How the termination runs.
 *
 * @param listeners transports and ports to serve (SCTP 36421 in production; TCP and UDP where the
 *     kernel has no SCTP). Port 0 picks a free port.
 * @param preferredVersion the E2AP version tried first on a new association; the other is tried
 *     when the first PDU does not decode under it
 * @param requestorId RIC requestor id of our subscriptions (controls use the next one)
 */
public record TerminationConfig(String host, List<Listener> listeners, E2apVersion preferredVersion, int requestorId,
    Plmn ricPlmn, long ricId, CellNaming naming, TransportLimits limits) {

  public record Listener(TransportKind kind, int port) {}

  public TerminationConfig {
    listeners = List.copyOf(listeners);
    if (listeners.isEmpty()) {
      throw new IllegalArgumentException("at least one transport to listen on");
    }
    if (requestorId < 0 || requestorId > 65534) {
      throw new IllegalArgumentException("requestorId 0..65534");
    }
    if (ricId < 0 || ricId >= (1 << 20)) {
      throw new IllegalArgumentException("RIC id is 20 bits");
    }
  }

  public static TerminationConfig defaults(List<Listener> listeners) {
    return new TerminationConfig("0.0.0.0", listeners, E2apVersion.V3_01, 1000, new Plmn("001", "01"), 1,
        CellNaming.none(), TransportLimits.DEFAULT);
  }

  public TerminationConfig withNaming(CellNaming n) {
    return new TerminationConfig(host, listeners, preferredVersion, requestorId, ricPlmn, ricId, n, limits);
  }

  public TerminationConfig withHost(String h) {
    return new TerminationConfig(h, listeners, preferredVersion, requestorId, ricPlmn, ricId, naming, limits);
  }

  public TerminationConfig withPreferredVersion(E2apVersion v) {
    return new TerminationConfig(host, listeners, v, requestorId, ricPlmn, ricId, naming, limits);
  }

  public static Map<String, Integer> defaultPorts() {
    return Map.of("sctp", 36421, "tcp", 36421, "udp", 36421);
  }
}
