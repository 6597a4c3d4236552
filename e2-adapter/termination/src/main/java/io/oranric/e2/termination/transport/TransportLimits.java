package io.oranric.e2.termination.transport;

import java.time.Duration;

/**
 * Bounds that keep a misbehaving peer from costing memory. A RIC Indication with a large KPM
 * report is a few tens of KB; an E2 Setup with many RAN functions a few hundred.
 *
 * @param maxPduBytes larger frames are refused without being buffered
 * @param udpIdleTimeout a UDP peer silent this long is forgotten (UDP has no disconnect)
 */
public record TransportLimits(int maxPduBytes, Duration udpIdleTimeout) {
  public static final TransportLimits DEFAULT = new TransportLimits(1 << 20, Duration.ofMinutes(5));

  public TransportLimits {
    if (maxPduBytes < 64) {
      throw new IllegalArgumentException("maxPduBytes too small: " + maxPduBytes);
    }
  }
}
