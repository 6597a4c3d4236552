package io.oranric.xapp.guard;

import io.oranric.contract.v1.CccConfiguration;
import io.oranric.contract.v1.ControlRequest;
import io.oranric.contract.v1.SliceQuota;
import java.util.ArrayList;
import java.util.List;

/**
 * What a control request sets, as (node, cell, parameter) keys with the value it sets them to. Two
 * requests contradict each other when they set one key to different values.
 */
public final class ControlKeys {
  private ControlKeys() {}

  public static final String PRB_QUOTA = "prb-quota";
  public static final String TX_POWER = "tx-power";
  public static final String CARRIER = "carrier";
  public static final String BWP = "bwp";
  public static final String CELL_STATE = "cell-state";
  public static final String SERVING_CELL = "serving-cell";

  /** @param param "prb-quota/2", "tx-power", "serving-cell/ue-17", ... */
  public record Setting(String node, String cell, String param, String value) {
    public String key() {
      return node + "/" + cell + "/" + param;
    }
  }

  public static List<Setting> of(ControlRequest r) {
    List<Setting> out = new ArrayList<>(2);
    String node = r.getNodeId();
    switch (r.getActionCase()) {
      case SLICE_PRB_QUOTA -> quotas(node, r.getSlicePrbQuota().getCellId(), r.getSlicePrbQuota().getSlicesList(), out);
      case HANDOVER -> out.add(new Setting(node, r.getHandover().getSourceCellId(), SERVING_CELL + "/" + r.getHandover().getUeId(),
          r.getHandover().getTargetCellId()));
      case CCC -> ccc(node, r.getCcc(), out);
      default -> {
        // raw payloads are opaque here: nothing to compare
      }
    }
    return out;
  }

  private static void quotas(String node, String cell, List<SliceQuota> slices, List<Setting> out) {
    for (SliceQuota q : slices) {
      out.add(new Setting(node, cell, PRB_QUOTA + "/" + q.getSlice().getSst(),
          q.getMinPrbPct() + "/" + q.getMaxPrbPct() + "/" + q.getDedicatedPrbPct()));
    }
  }

  private static void ccc(String node, CccConfiguration c, List<Setting> out) {
    String cell = c.getCellId();
    switch (c.getChangeCase()) {
      case SECTOR_CARRIER -> {
        var sc = c.getSectorCarrier();
        if (sc.hasConfiguredMaxTxPowerDbm()) {
          out.add(new Setting(node, cell, TX_POWER, fmt(sc.getConfiguredMaxTxPowerDbm())));
        }
        if (sc.hasArfcnDl() || sc.hasBsChannelBwDlMhz()) {
          out.add(new Setting(node, cell, CARRIER, (sc.hasArfcnDl() ? sc.getArfcnDl() : "-") + "/"
              + (sc.hasBsChannelBwDlMhz() ? sc.getBsChannelBwDlMhz() : "-")));
        }
      }
      case BWP -> out.add(new Setting(node, cell, BWP, Integer.toString(c.getBwp().getBwpId())));
      case RRM_POLICY_RATIO -> quotas(node, cell, c.getRrmPolicyRatio().getSlicesList(), out);
      case ENERGY_SAVING -> {
        String mode = c.getEnergySaving().getMode().name().replace("MODE_", "");
        out.add(new Setting(node, cell, CELL_STATE, mode));
        if ("REDUCE_POWER".equals(mode)) {
          // lowering power for energy is a TX power setting too: the power xApp must not undo it unseen
          out.add(new Setting(node, cell, TX_POWER, "reduced"));
        }
      }
      default -> {
      }
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
