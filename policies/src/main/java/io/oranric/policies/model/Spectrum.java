package io.oranric.policies.model;

/** Carrier configuration: channel bandwidth (MHz), downlink ARFCN, bandwidth part; at least one is set. */
public record Spectrum(Double bandwidthMHz, Long arfcnDl, Integer bwpId) implements Statement {

    public Spectrum {
        if (bandwidthMHz == null && arfcnDl == null && bwpId == null) {
            throw new IllegalArgumentException("Spectrum needs at least one of bandwidthMHz, arfcnDl, bwpId");
        }
    }

    public static Spectrum bandwidth(double mhz) {
        return new Spectrum(mhz, null, null);
    }

    @Override
    public PolicyType type() {
        return PolicyType.SPECTRUM;
    }
}
