package io.oranric.testbed.sim.model;

/**
 * Deployment scenario of TR 38.901 clause 7.4: path loss, LOS probability, shadow fading and its
 * decorrelation distance. Heights in metres, frequency in GHz, distances in metres.
 */
public enum Environment {
    /** Urban macro: TR 38.901 Table 7.4.1-1, LOS probability Table 7.4.2-1. */
    UMA(4.0, 6.0, 37.0, 50.0),
    /** Urban micro, street canyon. */
    UMI(4.0, 7.82, 10.0, 13.0);

    private final double sigmaLosDb;
    private final double sigmaNlosDb;
    private final double decorrLosM;
    private final double decorrNlosM;

    Environment(double sigmaLosDb, double sigmaNlosDb, double decorrLosM, double decorrNlosM) {
        this.sigmaLosDb = sigmaLosDb;
        this.sigmaNlosDb = sigmaNlosDb;
        this.decorrLosM = decorrLosM;
        this.decorrNlosM = decorrNlosM;
    }

    /** Shadow fading standard deviation in dB (TR 38.901 Table 7.4.1-1). */
    public double shadowSigmaDb(boolean los) {
        return los ? sigmaLosDb : sigmaNlosDb;
    }

    /** Shadow fading decorrelation distance in metres (TR 38.901 Table 7.5-6). */
    public double shadowDecorrelationM(boolean los) {
        return los ? decorrLosM : decorrNlosM;
    }

    /** LOS correlation distance for spatially consistent LOS state (TR 38.901 Table 7.6.3.1-2: 50 m in both). */
    public double losCorrelationM() {
        return 50.0;
    }

    /** LOS probability for an outdoor UE (TR 38.901 Table 7.4.2-1). */
    public double losProbability(double d2dM, double hUtM) {
        if (d2dM <= 18.0) {
            return 1.0;
        }
        if (this == UMI) {
            return 18.0 / d2dM + Math.exp(-d2dM / 36.0) * (1.0 - 18.0 / d2dM);
        }
        double cPrime = hUtM <= 13.0 ? 0.0 : Math.pow((hUtM - 13.0) / 10.0, 1.5);
        double base = 18.0 / d2dM + Math.exp(-d2dM / 63.0) * (1.0 - 18.0 / d2dM);
        return base * (1.0 + cPrime * 1.25 * Math.pow(d2dM / 100.0, 3) * Math.exp(-d2dM / 150.0));
    }

    /**
     * Path loss in dB (TR 38.901 Table 7.4.1-1). The 2D distance is clamped to 10 m, the lower end of the
     * formulas' validity; beyond 5 km the formulas are extrapolated.
     */
    public double pathLossDb(boolean los, double d2dM, double hBsM, double hUtM, double fcGHz) {
        double d2d = Math.max(d2dM, 10.0);
        double dh = hBsM - hUtM;
        double d3d = Math.sqrt(d2d * d2d + dh * dh);
        // effective environment height h_E = 1 m (UMa with h_UT <= 13 m, and always for UMi)
        double dBp = 4.0 * (hBsM - 1.0) * (hUtM - 1.0) * fcGHz * 1e9 / 3.0e8;
        double logF = Math.log10(fcGHz);
        double pLos;
        if (this == UMA) {
            pLos = d2d <= dBp
                    ? 28.0 + 22.0 * Math.log10(d3d) + 20.0 * logF
                    : 28.0 + 40.0 * Math.log10(d3d) + 20.0 * logF - 9.0 * Math.log10(dBp * dBp + dh * dh);
            if (los) {
                return pLos;
            }
            double pNlos = 13.54 + 39.08 * Math.log10(d3d) + 20.0 * logF - 0.6 * (hUtM - 1.5);
            return Math.max(pLos, pNlos);
        }
        pLos = d2d <= dBp
                ? 32.4 + 21.0 * Math.log10(d3d) + 20.0 * logF
                : 32.4 + 40.0 * Math.log10(d3d) + 20.0 * logF - 9.5 * Math.log10(dBp * dBp + dh * dh);
        if (los) {
            return pLos;
        }
        double pNlos = 35.3 * Math.log10(d3d) + 22.4 + 21.3 * logF - 0.3 * (hUtM - 1.5);
        return Math.max(pLos, pNlos);
    }

    /**
     * Outdoor-to-indoor penetration, low-loss model (TR 38.901 Table 7.4.3-2): wall loss from a 30/70 glass
     * and concrete mix, 0.5 dB per metre indoors, plus a Gaussian term of 4.4 dB.
     */
    public static double o2iLowLossDb(double fcGHz, double indoorDistanceM, double gaussian) {
        double lGlass = 2.0 + 0.2 * fcGHz;
        double lConcrete = 5.0 + 4.0 * fcGHz;
        double wall = 5.0 - 10.0 * Math.log10(0.3 * Math.pow(10, -lGlass / 10) + 0.7 * Math.pow(10, -lConcrete / 10));
        return wall + 0.5 * indoorDistanceM + 4.4 * gaussian;
    }

    /** Horizontal sector antenna attenuation in dB (TR 38.901 Table 7.3-1: 65 degree beamwidth, 30 dB floor). */
    public static double sectorAttenuationDb(double offBoresightDeg) {
        double phi = offBoresightDeg / 65.0;
        return Math.min(12.0 * phi * phi, 30.0);
    }
}
