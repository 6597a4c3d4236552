package io.oranric.testbed.sim.model;

/**
 * Offered traffic of one UE in one direction: bursts (a file, a video segment, a single packet) arrive as a
 * Poisson process and are carried as packets (RLC SDUs) of {@code packetBytes}. A burst of one packet is the
 * classic Poisson packet source (urllc, miot); large bursts are the FTP model 3 of TR 36.814 (embb).
 * A full-buffer flow always has data waiting.
 *
 * @param burstBytes    bytes per burst
 * @param burstRatePerS bursts per second at diurnal factor 1
 * @param packetBytes   SDU size
 * @param fullBuffer    always backlogged (burst fields ignored)
 */
public record FlowSpec(double burstBytes, double burstRatePerS, double packetBytes, boolean fullBuffer) {

    public FlowSpec {
        if (packetBytes <= 0 || burstBytes < 0 || burstRatePerS < 0) {
            throw new IllegalArgumentException("flow sizes and rates must be positive");
        }
        if (!fullBuffer && burstRatePerS > 0 && burstBytes < packetBytes) {
            throw new IllegalArgumentException("burst of " + burstBytes + " B is smaller than one packet of "
                    + packetBytes + " B");
        }
    }

    public static FlowSpec none() {
        return new FlowSpec(0, 0, 1500, false);
    }

    public static FlowSpec poisson(double packetBytes, double packetsPerS) {
        return new FlowSpec(packetBytes, packetsPerS, packetBytes, false);
    }

    public static FlowSpec bursty(double burstBytes, double burstsPerS, double packetBytes) {
        return new FlowSpec(burstBytes, burstsPerS, packetBytes, false);
    }

    public static FlowSpec fullBuffer(double packetBytes) {
        return new FlowSpec(0, 0, packetBytes, true);
    }

    public boolean idle() {
        return !fullBuffer && burstRatePerS == 0;
    }

    /** Mean offered bit rate at diurnal factor 1 (infinite for full buffer). */
    public double meanBitRate() {
        return fullBuffer ? Double.POSITIVE_INFINITY : burstBytes * 8 * burstRatePerS;
    }
}
