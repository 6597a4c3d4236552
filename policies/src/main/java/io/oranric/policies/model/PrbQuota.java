package io.oranric.policies.model;

/** Share of a cell's PRBs for a slice, in percent; at least one bound is set. */
public record PrbQuota(Double minPrbPct, Double maxPrbPct, Double dedicatedPrbPct) implements Statement {

    public PrbQuota {
        if (minPrbPct == null && maxPrbPct == null && dedicatedPrbPct == null) {
            throw new IllegalArgumentException("PrbQuota needs at least one of minPrbPct, maxPrbPct, dedicatedPrbPct");
        }
    }

    public static PrbQuota min(double pct) {
        return new PrbQuota(pct, null, null);
    }

    public static PrbQuota max(double pct) {
        return new PrbQuota(null, pct, null);
    }

    public static PrbQuota dedicated(double pct) {
        return new PrbQuota(null, null, pct);
    }

    @Override
    public PolicyType type() {
        return PolicyType.PRB_QUOTA;
    }
}
