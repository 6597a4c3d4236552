package io.oranric.e2.aper;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Extension additions of a SEQUENCE value that this codec does not know (they come from a newer version
 * of the specification), kept as raw open-type encodings so that the value re-encodes identically.
 * Also records the length of the received extension bitmap when it differs from the number of known
 * additions (a peer built from an older or newer version), for the same reason.
 *
 * <p>Values built by applications leave this {@code null}.
 */
public final class UnknownExtensions {

    private final int bitmapLength;
    private final int knownCount;
    private final OctetString[] additions; // index i -> addition knownCount + i, null if absent

    private UnknownExtensions(int bitmapLength, int knownCount, OctetString[] additions) {
        this.bitmapLength = bitmapLength;
        this.knownCount = knownCount;
        this.additions = additions;
    }

    /**
     * Creates the state for a bitmap of {@code bitmapLength} bits of which the first {@code knownCount}
     * are known; {@code unknown} holds the additions beyond them (null entries for absent ones).
     */
    public static UnknownExtensions of(int bitmapLength, int knownCount, List<OctetString> unknown) {
        if (bitmapLength < 1 || unknown.size() != Math.max(0, bitmapLength - knownCount)) {
            throw new IllegalArgumentException("bitmap of " + bitmapLength + " with " + knownCount
                    + " known and " + unknown.size() + " unknown additions");
        }
        return new UnknownExtensions(bitmapLength, knownCount, unknown.toArray(new OctetString[0]));
    }

    /** Length of the extension bitmap as received. */
    public int bitmapLength() {
        return bitmapLength;
    }

    /** Number of additions known to the codec that decoded the value. */
    public int knownCount() {
        return knownCount;
    }

    /** Raw encodings of the unknown additions (index 0 is addition number {@code knownCount}); nulls are absent. */
    public List<OctetString> additions() {
        return Arrays.asList(additions.clone());
    }

    /** True if any unknown addition is present. */
    public boolean hasUnknown() {
        for (OctetString a : additions) {
            if (a != null) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- used by generated code

    /**
     * Reads the extension bitmap of a SEQUENCE whose extension bit was 1. Returns the presence bits
     * packed in a {@code long[]} (bit i of word i/64) followed by nothing else; use
     * {@link #present(long[], int)}.
     */
    public static long[] readBitmap(AperReader r) {
        int n = r.normallySmallLength();
        if (n > r.remainingBits()) {
            throw AperException.limit(r.bitOffset(), "extension bitmap of " + n + " bits cannot fit");
        }
        long[] bits = new long[1 + ((n + 63) >>> 6)];
        bits[0] = n;
        for (int i = 0; i < n; i++) {
            if (r.readBit()) {
                bits[1 + (i >>> 6)] |= 1L << (i & 63);
            }
        }
        return bits;
    }

    /** Presence of addition {@code i} in a bitmap from {@link #readBitmap}. */
    public static boolean present(long[] bitmap, int i) {
        return i < bitmap[0] && (bitmap[1 + (i >>> 6)] & (1L << (i & 63))) != 0;
    }

    /**
     * After the known additions were decoded: reads the unknown ones (raw) and returns the state to keep,
     * or null when the value is the plain canonical case (bitmap length equals the known count, nothing
     * unknown, at least one known addition present).
     */
    public static UnknownExtensions readRest(AperReader r, long[] bitmap, int knownCount) {
        int n = (int) bitmap[0];
        OctetString[] unknown = new OctetString[Math.max(0, n - knownCount)];
        boolean anyUnknown = false;
        for (int i = knownCount; i < n; i++) {
            if (present(bitmap, i)) {
                unknown[i - knownCount] = r.readOpenTypeRaw();
                anyUnknown = true;
            }
        }
        boolean anyKnown = false;
        for (int i = 0; i < Math.min(n, knownCount); i++) {
            anyKnown |= present(bitmap, i);
        }
        if (!anyUnknown && anyKnown && n == knownCount) {
            return null;
        }
        return new UnknownExtensions(n, knownCount, unknown);
    }

    /**
     * The bitmap length to encode: the number of known additions, or the received length when
     * preserved, never less than needed for the last present known addition ({@code lastPresent}, -1
     * if none).
     */
    public static int bitmapLength(UnknownExtensions u, int knownCount, int lastPresent) {
        int n = u == null ? knownCount : u.bitmapLength;
        return Math.max(Math.max(n, lastPresent + 1), 1);
    }

    /** Writes the presence bits of the unknown additions (positions {@code knownCount..n-1}). */
    public static void writeUnknownBits(AperWriter w, UnknownExtensions u, int knownCount, int n) {
        for (int i = knownCount; i < n; i++) {
            int j = i - knownCount;
            w.writeBit(u != null && j < u.additions.length && u.additions[j] != null);
        }
    }

    /** Writes the raw unknown additions (after the known ones). */
    public static void writeUnknownValues(AperWriter w, UnknownExtensions u, int knownCount, int n) {
        if (u == null) {
            return;
        }
        for (int i = knownCount; i < n; i++) {
            int j = i - knownCount;
            if (j < u.additions.length && u.additions[j] != null) {
                w.writeOpenTypeRaw(u.additions[j]);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownExtensions u && bitmapLength == u.bitmapLength && knownCount == u.knownCount
                && Arrays.equals(additions, u.additions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bitmapLength, knownCount, Arrays.hashCode(additions));
    }

    @Override
    public String toString() {
        return "UnknownExtensions[bitmap=" + bitmapLength + ", known=" + knownCount + ", unknown="
                + Arrays.toString(additions) + "]";
    }
}
