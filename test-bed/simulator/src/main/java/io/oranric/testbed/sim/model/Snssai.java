package io.oranric.testbed.sim.model;

/**
 * S-NSSAI: slice/service type and slice differentiator (TS 23.003 clause 28.4.2).
 *
 * @param sst 0..255 (lab: embb 1, urllc 2, miot 3)
 * @param sd  0..0xFFFFFF; {@link #NO_SD} (FFFFFF) means "no SD", as TS 23.003 defines it
 */
public record Snssai(int sst, int sd) {

    public static final int NO_SD = 0xFFFFFF;

    public Snssai {
        if (sst < 0 || sst > 255) {
            throw new IllegalArgumentException("SST " + sst + " outside 0..255");
        }
        if (sd < 0 || sd > 0xFFFFFF) {
            throw new IllegalArgumentException("SD " + sd + " outside 0..0xFFFFFF");
        }
    }

    public static Snssai of(int sst) {
        return new Snssai(sst, NO_SD);
    }

    public boolean hasSd() {
        return sd != NO_SD;
    }

    @Override
    public String toString() {
        return hasSd() ? String.format("%d-%06x", sst, sd) : Integer.toString(sst);
    }
}
