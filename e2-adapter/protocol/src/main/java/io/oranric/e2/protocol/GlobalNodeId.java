package io.oranric.e2.protocol;

import java.util.Locale;

/**
 * GlobalE2node-ID, flattened: node type, PLMN, the gNB/eNB id with its bit length, and for split
 * gNBs the CU-UP or DU id. {@link #text()} is the stable key of a node in the registry and on
 * Kafka: several associations of one gNB (CU-CP, CU-UP, DU) report different ids and are different
 * E2 nodes, as the E2AP spec counts them.
 */
public record GlobalNodeId(Type type, Plmn plmn, long nodeId, int nodeIdBits, Long cuUpId, Long duId) {
  public enum Type { GNB, EN_GNB, NG_ENB, ENB }

  public GlobalNodeId {
    if (nodeIdBits < 18 || nodeIdBits > 32) {
      throw new IllegalArgumentException("node id length must be 18..32 bits: " + nodeIdBits);
    }
    if (nodeId < 0 || nodeId >= (1L << nodeIdBits)) {
      throw new IllegalArgumentException("node id " + nodeId + " does not fit in " + nodeIdBits + " bits");
    }
  }

  public static GlobalNodeId gnb(Plmn plmn, long gnbId, int bits) {
    return new GlobalNodeId(Type.GNB, plmn, gnbId, bits, null, null);
  }

  public GlobalNodeId withDuId(long du) {
    return new GlobalNodeId(type, plmn, nodeId, nodeIdBits, cuUpId, du);
  }

  public GlobalNodeId withCuUpId(long cuUp) {
    return new GlobalNodeId(type, plmn, nodeId, nodeIdBits, cuUp, duId);
  }

  /** e.g. {@code gnb-00101-0000e0} or {@code gnb-00101-0000e0-du-1}. */
  public String text() {
    StringBuilder b = new StringBuilder(type.name().toLowerCase(Locale.ROOT).replace("_", "")).append('-')
        .append(plmn).append('-').append(String.format("%0" + ((nodeIdBits + 3) / 4) + "x", nodeId));
    if (cuUpId != null) {
      b.append("-cuup-").append(cuUpId);
    }
    if (duId != null) {
      b.append("-du-").append(duId);
    }
    return b.toString();
  }
}
