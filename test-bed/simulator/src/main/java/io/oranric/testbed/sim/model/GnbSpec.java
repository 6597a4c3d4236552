package io.oranric.testbed.sim.model;

/**
 * One gNB (one E2 node).
 *
 * @param name           lab name, e.g. {@code gnb-3}
 * @param gnbId          gNB ID of the Global gNB ID
 * @param gnbIdBits      length of the gNB ID in bits, 22..32 (TS 38.413); the NR Cell Identity keeps the
 *                       remaining 36 - gnbIdBits bits for the cell's local id
 */
public record GnbSpec(String name, long gnbId, int gnbIdBits) {

    public GnbSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("gNB name missing");
        }
        if (gnbIdBits < 22 || gnbIdBits > 32) {
            throw new IllegalArgumentException("gNB ID length " + gnbIdBits + " outside 22..32 bits");
        }
        if (gnbId < 0 || gnbId >= (1L << gnbIdBits)) {
            throw new IllegalArgumentException("gNB ID " + gnbId + " does not fit in " + gnbIdBits + " bits");
        }
    }

    /** NR Cell Identity (36 bits) of this gNB's cell with the given local id. */
    public long nci(int cellLocalId) {
        int localBits = 36 - gnbIdBits;
        if (cellLocalId < 0 || cellLocalId >= (1L << localBits)) {
            throw new IllegalArgumentException("cell local id " + cellLocalId + " does not fit in " + localBits
                    + " bits of gNB " + name);
        }
        return (gnbId << localBits) | cellLocalId;
    }
}
