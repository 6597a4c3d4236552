package io.oranric.testbed.sim.model;

/**
 * One network slice and the UEs that use it. Each UE belongs to exactly one slice (one DRB per UE).
 *
 * @param name           lab name: embb, urllc, miot
 * @param snssai         S-NSSAI
 * @param ueCount        UEs of the slice in the whole network, spread over cells by their ueWeight
 * @param mobility       how they move
 * @param dl             DL offered traffic per UE
 * @param ul             UL offered traffic per UE
 * @param indoorFraction share of UEs indoors (TR 38.901 O2I low-loss penetration)
 * @param ueLayersDl     DL layers the UEs can receive (capability)
 * @param bufferBytes    RLC buffer per UE and direction; beyond it arriving packets are dropped
 * @param discardTimerMs PDCP discard timer; packets that would wait longer are dropped (0: none)
 * @param quota          PRB quota of the slice in every cell at start (DL and UL)
 * @param diurnal        traffic over the day for this slice; null: the network's profile
 */
public record SliceSpec(String name, Snssai snssai, int ueCount, MobilitySpec mobility, FlowSpec dl, FlowSpec ul,
                        double indoorFraction, int ueLayersDl, double bufferBytes, double discardTimerMs,
                        PrbQuota quota, DiurnalProfile diurnal) {

    public SliceSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("slice name missing");
        }
        if (ueCount < 0) {
            throw new IllegalArgumentException(name + ": negative UE count");
        }
        if (indoorFraction < 0 || indoorFraction > 1) {
            throw new IllegalArgumentException(name + ": indoorFraction outside 0..1");
        }
        if (ueLayersDl != 1 && ueLayersDl != 2 && ueLayersDl != 4) {
            throw new IllegalArgumentException(name + ": UE DL layers must be 1, 2 or 4");
        }
        if (bufferBytes <= 0 || discardTimerMs < 0) {
            throw new IllegalArgumentException(name + ": buffer must be > 0 and discard timer >= 0");
        }
        quota.problem().ifPresent(p -> {
            throw new IllegalArgumentException(name + ": " + p);
        });
    }
}
