package io.oranric.policies.model;

/** Slice service-level targets (throughput Mbps, latency ms, packet loss percent); at least one is set. */
public record SliceSla(Double guaranteedDlMbps, Double guaranteedUlMbps, Double maxDlLatencyMs,
                       Double maxPacketLossPct) implements Statement {

    public SliceSla {
        if (guaranteedDlMbps == null && guaranteedUlMbps == null && maxDlLatencyMs == null
                && maxPacketLossPct == null) {
            throw new IllegalArgumentException(
                    "SliceSla needs at least one of guaranteedDlMbps, guaranteedUlMbps, maxDlLatencyMs, maxPacketLossPct");
        }
    }

    @Override
    public PolicyType type() {
        return PolicyType.SLICE_SLA;
    }
}
