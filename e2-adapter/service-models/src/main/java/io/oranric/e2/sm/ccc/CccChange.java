package io.oranric.e2.sm.ccc;

import io.oranric.e2.protocol.Plmn;
import io.oranric.e2.sm.SliceId;
import java.util.List;

/**
 * One configuration change of E2SM-CCC control, typed by RAN configuration structure (the O-RAN
 * names of the 3GPP TS 28.541 managed objects).
 */
public sealed interface CccChange permits CccChange.SectorCarrier, CccChange.Bwp, CccChange.RrmPolicyRatio,
    CccChange.EnergySaving {

  /** The RAN configuration structure name on the wire. */
  String structureName();

  /** O-NRSectorCarrier: maximum transmit power (dBm), DL ARFCN, DL channel bandwidth (MHz); null = unchanged. */
  record SectorCarrier(Double configuredMaxTxPowerDbm, Long arfcnDl, Integer bsChannelBwDlMhz) implements CccChange {
    public SectorCarrier {
      if (arfcnDl != null && (arfcnDl < 0 || arfcnDl > 3_279_165)) {
        throw new IllegalArgumentException("arfcnDL is 0..3279165: " + arfcnDl);
      }
      if (bsChannelBwDlMhz != null && (bsChannelBwDlMhz < 5 || bsChannelBwDlMhz > 400)) {
        throw new IllegalArgumentException("bSChannelBwDL is 5..400 MHz: " + bsChannelBwDlMhz);
      }
      if (configuredMaxTxPowerDbm != null && (configuredMaxTxPowerDbm.isNaN() || configuredMaxTxPowerDbm < -60
          || configuredMaxTxPowerDbm > 80)) {
        throw new IllegalArgumentException("configuredMaxTxPower out of range: " + configuredMaxTxPowerDbm + " dBm");
      }
      if (configuredMaxTxPowerDbm == null && arfcnDl == null && bsChannelBwDlMhz == null) {
        throw new IllegalArgumentException("O-NRSectorCarrier change without attributes");
      }
    }

    @Override
    public String structureName() {
      return "O-NRSectorCarrier";
    }
  }

  /** O-BWP: start and size in RBs, subcarrier spacing in kHz; null = unchanged. */
  record Bwp(int bwpId, Integer startRb, Integer numberOfRbs, Integer subcarrierSpacingKhz) implements CccChange {
    public Bwp {
      if (startRb != null && (startRb < 0 || startRb > 550) || numberOfRbs != null && (numberOfRbs < 0 || numberOfRbs > 550)) {
        throw new IllegalArgumentException("BWP RBs are 0..550");
      }
      if (subcarrierSpacingKhz != null && !List.of(15, 30, 60, 120).contains(subcarrierSpacingKhz)) {
        throw new IllegalArgumentException("subcarrier spacing is 15, 30, 60 or 120 kHz: " + subcarrierSpacingKhz);
      }
    }

    @Override
    public String structureName() {
      return "O-BWP";
    }
  }

  /** A member of an RRM policy: PLMN and slice. */
  record Member(Plmn plmn, SliceId slice) {}

  /** O-RRMPolicyRatio: ratios (percent) for a resource type ("PRB_DL", "PRB_UL", "PRB") and its members. */
  record RrmPolicyRatio(String resourceType, List<Member> members, int maxRatio, int minRatio, int dedicatedRatio)
      implements CccChange {
    public RrmPolicyRatio {
      members = List.copyOf(members);
      if (members.isEmpty()) {
        throw new IllegalArgumentException("O-RRMPolicyRatio needs at least one member");
      }
      if (maxRatio < 0 || maxRatio > 100 || minRatio < 0 || dedicatedRatio < 0 || dedicatedRatio > minRatio
          || minRatio > maxRatio) {
        throw new IllegalArgumentException("ratios must satisfy 0 <= dedicated <= min <= max <= 100, got "
            + dedicatedRatio + "/" + minRatio + "/" + maxRatio);
      }
    }

    @Override
    public String structureName() {
      return "O-RRMPolicyRatio";
    }
  }

  /** O-CESManagementFunction: enter or leave energy saving, or enable the cell's own energy saving. */
  record EnergySaving(Mode mode) implements CccChange {
    public enum Mode { SLEEP, WAKE, REDUCE_POWER }

    @Override
    public String structureName() {
      return "O-CESManagementFunction";
    }
  }
}
