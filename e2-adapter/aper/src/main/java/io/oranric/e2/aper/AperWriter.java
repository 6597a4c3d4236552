package io.oranric.e2.aper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bit-level writer implementing the encoding side of X.691 ALIGNED PER (mirror of {@link AperReader}).
 *
 * <p>Open types and extension additions are written in place: {@link #beginOpenType()} reserves one
 * length octet, the caller encodes the value, and {@link #endOpenType(int)} pads the value to a whole
 * octet and fixes the length up (moving the content when the length needs two octets or fragments).
 *
 * <p>Reusable with {@link #reset()}; not thread-safe.
 */
public final class AperWriter {

    private byte[] buf;
    private int pos; // bit position; every bit at or beyond pos is zero

    public AperWriter() {
        this(256);
    }

    public AperWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Clears the writer for reuse, keeping its buffer. */
    public void reset() {
        Arrays.fill(buf, 0, Math.min(buf.length, (pos + 7) >>> 3), (byte) 0);
        pos = 0;
    }

    /** Number of bits written so far. */
    public long bitOffset() {
        return pos;
    }

    /** The encoding so far, padded with zero bits to a whole octet. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, (pos + 7) >>> 3);
    }

    /**
     * The complete encoding of a top-level value (X.691 10.1.3): padded to a whole octet, and a single
     * zero octet when the value encoded to no bits at all.
     */
    public byte[] toCompleteEncoding() {
        if (pos == 0) {
            return new byte[1];
        }
        return toByteArray();
    }

    /** Number of octets of {@link #toByteArray()}. */
    public int octetLength() {
        return (pos + 7) >>> 3;
    }

    /** Copies the padded encoding into {@code dst} at {@code offset}; returns the number of octets. */
    public int copyTo(byte[] dst, int offset) {
        int n = (pos + 7) >>> 3;
        System.arraycopy(buf, 0, dst, offset, n);
        return n;
    }

    private void ensure(long extraBits) {
        long needBytes = ((long) pos + extraBits + 7) >>> 3;
        if (needBytes > buf.length) {
            if (needBytes > Integer.MAX_VALUE - 16) {
                throw AperException.limit(pos, "encoding larger than 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(needBytes + 16, Math.min((long) buf.length * 2, Integer.MAX_VALUE - 16)));
        }
    }

    public AperException error(AperException.Reason reason, String detail) {
        return AperException.of(reason, pos, detail);
    }

    // ------------------------------------------------------------------ bits

    public void writeBit(boolean bit) {
        ensure(1);
        if (bit) {
            buf[pos >>> 3] |= (byte) (0x80 >>> (pos & 7));
        }
        pos++;
    }

    /** Writes the low {@code n} (0..64) bits of {@code value}, most significant first. */
    public void writeBits(long value, int n) {
        if (n == 0) {
            return;
        }
        ensure(n);
        int first = pos & 7;
        if (first + n <= 8) {
            // fits in the current octet
            buf[pos >>> 3] |= (byte) ((value & ((1 << n) - 1)) << (8 - first - n));
            pos += n;
            return;
        }
        int p = pos;
        int left = n;
        while (left > 0) {
            int off = p & 7;
            int room = 8 - off;
            int take = Math.min(room, left);
            int chunk = (int) ((value >>> (left - take)) & ((1 << take) - 1));
            buf[p >>> 3] |= (byte) (chunk << (room - take));
            p += take;
            left -= take;
        }
        pos = p;
    }

    /** Pads with zero bits to the next octet boundary. */
    public void align() {
        pos = (pos + 7) & ~7;
        ensure(0);
    }

    private void writeOctetAligned(int b) {
        ensure(8);
        buf[pos >>> 3] = (byte) b;
        pos += 8;
    }

    private void writeOctetsAligned(byte[] src, int off, int len) {
        ensure((long) len * 8);
        System.arraycopy(src, off, buf, pos >>> 3, len);
        pos += len * 8;
    }

    /** Writes {@code nbits} bits of {@code src} (left-justified) at the current position. */
    private void writeBitsFrom(byte[] src, int nbits) {
        if ((pos & 7) == 0) {
            int full = nbits >>> 3;
            writeOctetsAligned(src, 0, full);
            int rest = nbits & 7;
            if (rest > 0) {
                writeBits((src[full] & 0xFF) >>> (8 - rest), rest);
            }
        } else {
            int full = nbits >>> 3;
            for (int i = 0; i < full; i++) {
                writeBits(src[i] & 0xFF, 8);
            }
            int rest = nbits & 7;
            if (rest > 0) {
                writeBits((src[full] & 0xFF) >>> (8 - rest), rest);
            }
        }
    }

    // ------------------------------------------------------------------ X.691 10.5 - 10.9

    /** X.691 10.5: constrained whole number {@code v} in {@code lb..ub}. */
    public void constrainedWholeNumber(long v, long lb, long ub) {
        if (v < lb || v > ub) {
            throw AperException.constraint(pos, "value " + v + " outside " + lb + ".." + ub);
        }
        long range = ub - lb + 1;
        long off = v - lb;
        if (range == 1) {
            return;
        } else if (range <= 255) {
            writeBits(off, 64 - Long.numberOfLeadingZeros(range - 1));
        } else if (range == 256) {
            align();
            writeOctetAligned((int) off);
        } else if (range <= 65536) {
            align();
            writeBits(off, 16);
        } else {
            int maxOctets = (64 - Long.numberOfLeadingZeros(range - 1) + 7) >>> 3;
            int len = Math.max(1, (64 - Long.numberOfLeadingZeros(off) + 7) >>> 3);
            constrainedWholeNumber(len, 1, maxOctets);
            align();
            writeBits(off, 8 * len);
        }
    }

    /** X.691 10.6: normally small non-negative whole number. */
    public void normallySmallNonNegativeWholeNumber(int n) {
        if (n < 0) {
            throw AperException.invalidValue(pos, "negative normally small number " + n);
        }
        if (n <= 63) {
            writeBits(n, 7);
        } else {
            writeBit(true);
            semiConstrainedWholeNumber(n, 0);
        }
    }

    /** X.691 10.7: semi-constrained whole number {@code v >= lb}. */
    public void semiConstrainedWholeNumber(long v, long lb) {
        if (v < lb) {
            throw AperException.constraint(pos, "value " + v + " below lower bound " + lb);
        }
        long off = v - lb; // fits: v >= lb
        int len = Math.max(1, (64 - Long.numberOfLeadingZeros(off) + 7) >>> 3);
        unconstrainedLength(len);
        writeBits(off, 8 * len);
    }

    /** X.691 10.8: unconstrained whole number, minimal two's complement octets. */
    public void unconstrainedWholeNumber(long v) {
        int len;
        if (v >= 0) {
            len = (64 - Long.numberOfLeadingZeros(v) + 1 + 7) >>> 3; // +1 for the sign bit
        } else {
            len = (64 - Long.numberOfLeadingZeros(~v) + 1 + 7) >>> 3;
        }
        len = Math.max(1, Math.min(8, len));
        unconstrainedLength(len);
        writeBits(v, 8 * len);
    }

    /** X.691 10.9 constrained length ({@code ub} below 64K). */
    public void constrainedLength(int n, int lb, int ub) {
        constrainedWholeNumber(n, lb, ub);
    }

    /**
     * X.691 10.9.3.6/10.9.3.7 unconstrained length below 16K (one or two octets, aligned). Lengths of
     * 16K and more are written by the fragmenting methods.
     */
    public void unconstrainedLength(int n) {
        align();
        if (n < 128) {
            writeOctetAligned(n);
        } else if (n < 16384) {
            writeOctetAligned(0x80 | (n >>> 8));
            writeOctetAligned(n & 0xFF);
        } else {
            throw AperException.invalidValue(pos, "length " + n + " needs fragmentation");
        }
    }

    /** Writes a fragment header for {@code m} (1..4) blocks of 16K units. */
    private void fragmentHeader(int m) {
        align();
        writeOctetAligned(0xC0 | m);
    }

    /** Largest fragment (in 16K blocks) for {@code remaining} units, 0 if below 16K. */
    private static int fragmentBlocks(int remaining) {
        return Math.min(4, remaining / 16384);
    }

    /** X.691 11.9.3.4 normally small length (extension bitmap length, n >= 1). */
    public void normallySmallLength(int n) {
        if (n >= 1 && n <= 64) {
            writeBits(n - 1, 7);
        } else {
            writeBit(true);
            unconstrainedLength(n);
        }
    }

    // ------------------------------------------------------------------ BOOLEAN / INTEGER / ENUMERATED

    public void writeBoolean(boolean v) {
        writeBit(v);
    }

    /** INTEGER constrained to {@code lb..ub}; with {@code extensible}, values outside the root are allowed. */
    public void constrainedInteger(long v, long lb, long ub, boolean extensible) {
        if (extensible) {
            boolean outside = v < lb || v > ub;
            writeBit(outside);
            if (outside) {
                unconstrainedWholeNumber(v);
                return;
            }
        }
        constrainedWholeNumber(v, lb, ub);
    }

    public void semiConstrainedInteger(long v, long lb, boolean extensible) {
        if (extensible) {
            boolean outside = v < lb;
            writeBit(outside);
            if (outside) {
                unconstrainedWholeNumber(v);
                return;
            }
        }
        semiConstrainedWholeNumber(v, lb);
    }

    public void unconstrainedInteger(long v) {
        unconstrainedWholeNumber(v);
    }

    /** A root index of an ENUMERATED or CHOICE ({@code extensible} adds the extension bit 0). */
    public void rootIndex(int index, int rootCount, boolean extensible) {
        if (index < 0 || index >= rootCount) {
            throw AperException.invalidValue(pos, "root index " + index + " of " + rootCount);
        }
        if (extensible) {
            writeBit(false);
        }
        constrainedWholeNumber(index, 0, rootCount - 1);
    }

    /** An extension index of an extensible ENUMERATED or CHOICE (extension bit 1). */
    public void extensionIndex(int index) {
        writeBit(true);
        normallySmallNonNegativeWholeNumber(index);
    }

    // ------------------------------------------------------------------ REAL

    private final byte[] realScratch = new byte[16];

    /** REAL (X.691 15): unconstrained length then canonical X.690 content octets (base 2). */
    public void writeReal(double v) {
        int n = Real.encode(v, realScratch);
        unconstrainedLength(n);
        writeOctetsAligned(realScratch, 0, n);
    }

    // ------------------------------------------------------------------ strings

    private static int checkSize(long n, int lb, int ub, boolean extensible, long pos, String what) {
        if (!extensible && (n < lb || n > ub)) {
            throw AperException.constraint(pos, what + " size " + n + " outside " + lb + ".." + ub);
        }
        return (int) n;
    }

    /** OCTET STRING with size constraint {@code lb..ub} (ub = Integer.MAX_VALUE if none), maybe extensible. */
    public void writeOctetString(OctetString v, int lb, int ub, boolean extensible) {
        int n = checkSize(v.length(), lb, ub, extensible, pos, "OCTET STRING");
        boolean outside = n < lb || n > ub;
        if (extensible) {
            writeBit(outside);
        }
        if (!outside && ub < 65536) {
            if (lb == ub) {
                if (n == 0) {
                    return;
                }
                if (n > 2) {
                    align();
                }
                writeBitsFrom(v.unsafeArray(), 8 * n);
                return;
            }
            constrainedLength(n, lb, ub);
            align();
            writeOctetsAligned(v.unsafeArray(), 0, n);
            return;
        }
        writeFragmentedOctets(v.unsafeArray(), 0, n);
    }

    /** Unconstrained OCTET STRING. */
    public void writeOctetString(OctetString v) {
        writeFragmentedOctets(v.unsafeArray(), 0, v.length());
    }

    private void writeFragmentedOctets(byte[] src, int off, int n) {
        int done = 0;
        while (true) {
            int rest = n - done;
            int m = fragmentBlocks(rest);
            if (m == 0) {
                unconstrainedLength(rest);
                writeOctetsAligned(src, off + done, rest);
                return;
            }
            fragmentHeader(m);
            writeOctetsAligned(src, off + done, m * 16384);
            done += m * 16384;
        }
    }

    /** BIT STRING with size constraint {@code lb..ub}, maybe extensible. */
    public void writeBitString(BitString v, int lb, int ub, boolean extensible) {
        int n = checkSize(v.size(), lb, ub, extensible, pos, "BIT STRING");
        boolean outside = n < lb || n > ub;
        if (extensible) {
            writeBit(outside);
        }
        if (!outside && ub < 65536) {
            if (lb == ub) {
                if (n == 0) {
                    return;
                }
                if (n > 16) {
                    align();
                }
                writeBitsFrom(v.unsafeArray(), n);
                return;
            }
            constrainedLength(n, lb, ub);
            align();
            writeBitsFrom(v.unsafeArray(), n);
            return;
        }
        writeFragmentedBits(v);
    }

    public void writeBitString(BitString v) {
        writeFragmentedBits(v);
    }

    private void writeFragmentedBits(BitString v) {
        int n = v.size();
        byte[] src = v.unsafeArray();
        int done = 0;
        while (true) {
            int rest = n - done;
            int m = fragmentBlocks(rest);
            if (m == 0) {
                unconstrainedLength(rest);
                if (done == 0) {
                    writeBitsFrom(src, rest);
                } else {
                    writeBitsFrom(Arrays.copyOfRange(src, done >>> 3, src.length), rest);
                }
                return;
            }
            fragmentHeader(m);
            writeOctetsAligned(src, done >>> 3, m * 16384 / 8);
            done += m * 16384;
        }
    }

    /** Known-multiplier character string (X.691 30) with size {@code lb..ub}, maybe extensible. */
    public void writeKnownMultiplierString(String v, int lb, int ub, boolean extensible, CharAlphabet alphabet) {
        int n = v.codePointCount(0, v.length());
        checkSize(n, lb, ub, extensible, pos, alphabet.name());
        boolean outside = n < lb || n > ub;
        if (extensible) {
            writeBit(outside);
        }
        int b = alphabet.bitsPerChar();
        if (!outside && ub < 65536) {
            boolean aligned;
            if (lb == ub) {
                aligned = (long) n * b > 16;
            } else {
                constrainedLength(n, lb, ub);
                aligned = (long) ub * b >= 16;
            }
            // the characters are an octet-aligned field even when there are none (as asn1c and OTP do)
            if (aligned) {
                align();
            }
            writeChars(v, 0, v.length(), alphabet);
            return;
        }
        // unconstrained length in characters, fragmented by 16K characters
        int[] cps = v.codePoints().toArray();
        int done = 0;
        while (true) {
            int rest = cps.length - done;
            int m = fragmentBlocks(rest);
            int count = m == 0 ? rest : m * 16384;
            if (m == 0) {
                unconstrainedLength(rest);
            } else {
                fragmentHeader(m);
            }
            for (int i = done; i < done + count; i++) {
                writeChar(cps[i], alphabet);
            }
            done += count;
            if (m == 0) {
                return;
            }
        }
    }

    private void writeChars(String v, int from, int to, CharAlphabet alphabet) {
        if (alphabet.bitsPerChar() == 8 && !alphabet.byIndex() && (pos & 7) == 0) {
            // fast path: one octet per character, octet-aligned
            int n = to - from;
            ensure(8L * n);
            int p = pos >>> 3;
            for (int i = from; i < to; i++) {
                char c = v.charAt(i);
                if (c > 0xFF) {
                    pos = p * 8;
                    throw AperException.invalidValue(pos, "character U+" + Integer.toHexString(c) + " not in " + alphabet.name());
                }
                buf[p++] = (byte) c;
            }
            pos = p * 8;
            return;
        }
        for (int i = from; i < to; ) {
            int c = v.codePointAt(i);
            writeChar(c, alphabet);
            i += Character.charCount(c);
        }
    }

    private void writeChar(int c, CharAlphabet alphabet) {
        int b = alphabet.bitsPerChar();
        int code;
        if (alphabet.byIndex()) {
            code = alphabet.encode(c);
        } else {
            // lenient for by-value alphabets: any character whose code fits (decoders do not check either)
            code = b >= 31 || c < (1 << b) ? c : -1;
        }
        if (code < 0) {
            throw AperException.invalidValue(pos, "character U+" + Integer.toHexString(c) + " not in "
                    + alphabet.name());
        }
        writeBits(code, b);
    }

    /** UTF8String: unconstrained length in octets, then the UTF-8 octets. */
    public void writeUtf8String(String v) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        writeFragmentedOctets(b, 0, b.length);
    }

    /** OBJECT IDENTIFIER: unconstrained length then X.690 content octets. */
    public void writeObjectIdentifier(long[] arcs) {
        byte[] c;
        try {
            c = ObjectIdentifiers.encode(arcs);
        } catch (IllegalArgumentException e) {
            throw AperException.invalidValue(pos, e.getMessage());
        }
        unconstrainedLength(c.length);
        writeOctetsAligned(c, 0, c.length);
    }

    // ------------------------------------------------------------------ SEQUENCE OF counts

    /**
     * Writes the count of a SEQUENCE OF with size {@code lb..ub}. For counts that need fragmentation
     * (16K or more with no upper bound below 64K) this writes only the first block header and returns
     * the number of components the caller must write before calling {@link #nextListFragment(int, int)};
     * otherwise it returns {@code n}.
     */
    public int listLength(int n, int lb, int ub, boolean extensible) {
        checkSize(n, lb, ub, extensible, pos, "SEQUENCE OF");
        boolean outside = n < lb || n > ub;
        if (extensible) {
            writeBit(outside);
        }
        if (!outside && ub < 65536) {
            if (lb != ub) {
                constrainedLength(n, lb, ub);
            }
            return n;
        }
        return nextListFragment(n, 0);
    }

    /**
     * Writes the length header of the next block of a fragmented list: {@code done} components written
     * so far out of {@code n}. Returns the number of components in this block. A final block of 0 is
     * written when {@code n} is a multiple of 16K; when the returned block is not a fragment
     * ({@link #lastBlockWasFragment()} false) the list is complete after it.
     */
    public int nextListFragment(int n, int done) {
        int rest = n - done;
        int m = fragmentBlocks(rest);
        if (m == 0) {
            unconstrainedLength(rest);
            lastFragment = false;
            return rest;
        }
        fragmentHeader(m);
        lastFragment = true;
        return m * 16384;
    }

    private boolean lastFragment;

    /** After {@link #listLength} / {@link #nextListFragment}: true if another block header must follow. */
    public boolean lastBlockWasFragment() {
        return lastFragment;
    }

    // ------------------------------------------------------------------ open types

    /**
     * Starts an open type (X.691 10.2): aligns, reserves one length octet and returns a mark for
     * {@link #endOpenType(int)}. The value written in between is a complete encoding.
     */
    public int beginOpenType() {
        align();
        ensure(8);
        int mark = pos >>> 3;
        pos += 8;
        return mark;
    }

    /** Ends an open type: pads the content, writes its length at the mark, moving content if needed. */
    public void endOpenType(int mark) {
        align();
        int start = mark + 1;
        int len = (pos >>> 3) - start;
        if (len == 0) {
            // an empty encoding becomes a single zero octet (X.691 10.2.1 / 10.1.3)
            ensure(8);
            pos += 8;
            len = 1;
        }
        if (len < 128) {
            buf[mark] = (byte) len;
            return;
        }
        if (len < 16384) {
            ensure(8);
            System.arraycopy(buf, start, buf, start + 1, len);
            buf[mark] = (byte) (0x80 | (len >>> 8));
            buf[mark + 1] = (byte) len;
            pos += 8;
            return;
        }
        // fragmented: take the content out and write it again in fragments
        byte[] content = Arrays.copyOfRange(buf, start, start + len);
        Arrays.fill(buf, mark, start + len, (byte) 0);
        pos = mark * 8;
        writeFragmentedOctets(content, 0, len);
    }

    /** Writes an already encoded open type (unknown extensions, unknown IEs) as is. */
    public void writeOpenTypeRaw(OctetString encoding) {
        writeFragmentedOctets(encoding.unsafeArray(), 0, encoding.length());
    }
}
