package io.oranric.testbed.sim.model;

/**
 * SplitMix64 stream plus stateless hash helpers.
 *
 * <p>Written out here rather than taken from {@link java.util.SplittableRandom} because the model's
 * determinism promise ("same seed and same controls give identical measurements") must hold across JDK
 * versions, and the JDK does not promise a stable output sequence. Each UE and each flow owns its own
 * stream, so the order in which entities are stepped can never change what one of them draws.
 */
final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** An independent stream derived from {@code seed} and a salt (entity index, purpose tag...). */
    static Rng derive(long seed, long salt) {
        return new Rng(mix(seed ^ mix(salt + GOLDEN)));
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Exponentially distributed with the given mean; {@code 1 - u} keeps the argument of log positive. */
    double exponential(double mean) {
        return -mean * Math.log(1.0 - nextDouble());
    }

    double gaussian() {
        return boxMuller(nextDouble(), nextDouble());
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long a, long b, long c, long d) {
        long h = mix(a + GOLDEN);
        h = mix(h ^ (b + 0x632BE59BD9B4E019L));
        h = mix(h ^ (c + 0x8CB92BA72F3D8DD7L));
        return mix(h ^ (d + 0xA0761D6478BD642FL));
    }

    /** Uniform in [0, 1) as a pure function of its arguments: used for spatial fields that need no state. */
    static double unitHash(long a, long b, long c, long d) {
        return (hash(a, b, c, d) >>> 11) * 0x1.0p-53;
    }

    /** Standard Gaussian as a pure function of its arguments. */
    static double gaussianHash(long a, long b, long c, long d) {
        long h = hash(a, b, c, d);
        double u1 = (h >>> 11) * 0x1.0p-53;
        double u2 = (mix(h) >>> 11) * 0x1.0p-53;
        return boxMuller(u1, u2);
    }

    private static double boxMuller(double u1, double u2) {
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
