package io.oranric.testbed.sim.model;

import java.util.Map;
import java.util.Objects;

/**
 * A control action on the model, as the E2 node agents receive it from the RIC. Apply it with
 * {@link Network#apply(Control)}; it takes effect at the start of the next tick. Each record names the
 * E2 service model action it stands for.
 */
public sealed interface Control {

    /** E2SM-CCC O-NRSectorCarrier.configuredMaxTxPower, dBm. */
    record SetTxPower(String cellId, double txPowerDbm) implements Control {
        public SetTxPower {
            Objects.requireNonNull(cellId, "cellId");
        }
    }

    /** E2SM-CCC O-NRSectorCarrier.bSChannelBwDL (and UL), MHz; must be a channel bandwidth of the band. */
    record SetBandwidth(String cellId, int bandwidthMHz) implements Control {
        public SetBandwidth {
            Objects.requireNonNull(cellId, "cellId");
        }
    }

    /** E2SM-CCC O-NRSectorCarrier.arfcnDL: moves the carrier inside its band. */
    record SetArfcn(String cellId, int arfcnDl) implements Control {
        public SetArfcn {
            Objects.requireNonNull(cellId, "cellId");
        }
    }

    /** E2SM-CCC O-BWP: the active bandwidth part of the cell. */
    record SetBwp(String cellId, Bwp bwp) implements Control {
        public SetBwp {
            Objects.requireNonNull(cellId, "cellId");
            Objects.requireNonNull(bwp, "bwp");
        }
    }

    /**
     * E2SM-RC style 2 action 6 "Slice-level PRB quota" (or CCC O-RRMPolicyRatio): one or more slices' quotas,
     * applied together or not at all. Slices not named keep their quota.
     */
    record SetSliceQuotas(String cellId, Map<Snssai, PrbQuota> quotas, Direction direction) implements Control {
        public SetSliceQuotas {
            Objects.requireNonNull(cellId, "cellId");
            Objects.requireNonNull(direction, "direction");
            quotas = Map.copyOf(quotas);
        }
    }

    /** Cell power-down for energy saving (E2SM-CCC O-CESManagementFunction): UEs move to neighbours first. */
    record Sleep(String cellId) implements Control {
        public Sleep {
            Objects.requireNonNull(cellId, "cellId");
        }
    }

    /** Cell power-up; the cell serves again after its wake-up time. */
    record Wake(String cellId) implements Control {
        public Wake {
            Objects.requireNonNull(cellId, "cellId");
        }
    }

    /** E2SM-RC style 3 action 1 "Handover control": move a connected UE to a target cell. */
    record Handover(String ueId, String targetCellId) implements Control {
        public Handover {
            Objects.requireNonNull(ueId, "ueId");
            Objects.requireNonNull(targetCellId, "targetCellId");
        }
    }

    /**
     * Cell individual offset for traffic steering, dB: added to the cell's RSRP when UEs rank cells for
     * selection and A3 handover (a positive offset attracts UEs, a negative one pushes them away).
     */
    record SetCellIndividualOffset(String cellId, double offsetDb) implements Control {
        public SetCellIndividualOffset {
            Objects.requireNonNull(cellId, "cellId");
        }
    }

    static Control txPower(String cellId, double dbm) {
        return new SetTxPower(cellId, dbm);
    }

    static Control bandwidth(String cellId, int mhz) {
        return new SetBandwidth(cellId, mhz);
    }

    static Control sliceQuota(String cellId, Snssai slice, PrbQuota quota) {
        return new SetSliceQuotas(cellId, Map.of(slice, quota), Direction.BOTH);
    }

    static Control sliceQuota(String cellId, Snssai slice, PrbQuota quota, Direction direction) {
        return new SetSliceQuotas(cellId, Map.of(slice, quota), direction);
    }

    static Control sleep(String cellId) {
        return new Sleep(cellId);
    }

    static Control wake(String cellId) {
        return new Wake(cellId);
    }

    static Control handover(String ueId, String targetCellId) {
        return new Handover(ueId, targetCellId);
    }

    static Control cio(String cellId, double offsetDb) {
        return new SetCellIndividualOffset(cellId, offsetDb);
    }
}
