package io.oranric.testbed.sim.model;

/**
 * A spatially correlated, unit-variance Gaussian field per site, evaluated on demand without storage.
 *
 * <p>Independent Gaussians sit on a square lattice (drawn by hashing seed, site and lattice indices) and are
 * interpolated bilinearly, then divided by the norm of the interpolation weights so that every point keeps unit
 * variance. The lattice pitch is 1.6 times the decorrelation distance, which puts the correlation at that distance
 * near 1/e as TR 38.901 clause 7.6.3 (exponential autocorrelation) asks. Sectors of one site share the field, which
 * is what TR 38.901 prescribes for shadow fading of co-sited cells. The field is a function of position only, so a
 * UE that walks back to where it was sees the same shadowing again.
 */
final class ShadowField {

    private static final double PITCH_FACTOR = 1.6;

    private ShadowField() {
    }

    static double sample(long seed, int site, double x, double y, double decorrelationM) {
        double pitch = PITCH_FACTOR * decorrelationM;
        double gx = x / pitch;
        double gy = y / pitch;
        long ix = (long) Math.floor(gx);
        long iy = (long) Math.floor(gy);
        double fx = gx - ix;
        double fy = gy - iy;
        double w00 = (1 - fx) * (1 - fy);
        double w10 = fx * (1 - fy);
        double w01 = (1 - fx) * fy;
        double w11 = fx * fy;
        double v = w00 * Rng.gaussianHash(seed, site, ix, iy)
                + w10 * Rng.gaussianHash(seed, site, ix + 1, iy)
                + w01 * Rng.gaussianHash(seed, site, ix, iy + 1)
                + w11 * Rng.gaussianHash(seed, site, ix + 1, iy + 1);
        return v / Math.sqrt(w00 * w00 + w10 * w10 + w01 * w01 + w11 * w11);
    }
}
