package io.oranric.e2.aper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bit-level reader implementing the decoding side of X.691 ALIGNED PER. Method names follow the clauses
 * (constrained / semi-constrained / unconstrained whole numbers, normally small numbers, length
 * determinants). Every read checks the remaining bits first, so a length claiming gigabytes fails with
 * {@link AperException.Reason#LIMIT_EXCEEDED} or {@link AperException.Reason#TRUNCATED} before anything
 * is allocated.
 *
 * <p>Open types are decoded in place: {@link #beginOpenType()} narrows the readable window to the
 * open-type octets and {@link #endOpenType()} skips whatever the inner decoder left (padding) and restores
 * the outer window. Fragmented open types are reassembled into a private buffer.
 *
 * <p>Not thread-safe; one reader per decode.
 */
public final class AperReader {

    /** Maximum nesting of recursive types and open types before decoding is refused. */
    public static final int MAX_DEPTH = 256;
    /** Maximum number of components in one SEQUENCE OF / SET OF value. */
    public static final int MAX_LIST_ELEMENTS = 1 << 22;
    /** Maximum input size (the bit position is an int). */
    public static final int MAX_INPUT_OCTETS = (Integer.MAX_VALUE >>> 3) - 8;

    private byte[] buf;
    private int pos;        // bit position
    private int limit;      // bit limit of the current window
    private int base;       // bit offset of buf[0] in the outermost input (for error offsets)
    private int depth;

    // saved windows for open types: limit (and buf/pos/base when a fragmented open type was reassembled)
    private int[] savedLimit = new int[16];
    private int[] savedPos = new int[16];
    private int[] savedBase = new int[16];
    private byte[][] savedBuf = new byte[16][];
    private int frames;

    private boolean lastFragment; // set by unconstrained length reads: true if more fragments follow

    public AperReader(byte[] input) {
        this(input, 0, input.length);
    }

    /** Reads the content of {@code input} without copying it (nested E2SM payloads of a decoded E2AP PDU). */
    public AperReader(OctetString input) {
        this(input.unsafeArray(), 0, input.length());
    }

    public AperReader(byte[] input, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > input.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " of " + input.length);
        }
        if (length > MAX_INPUT_OCTETS) {
            throw AperException.limit(0, "input of " + length + " octets is larger than the decoder accepts");
        }
        this.buf = input;
        this.pos = offset * 8;
        this.limit = (offset + length) * 8;
        this.base = -offset * 8;
    }

    // ------------------------------------------------------------------ position

    /** Current bit position relative to the start of the outermost input. */
    public long bitOffset() {
        return (long) base + pos;
    }

    /** Bits left in the current window. */
    public int remainingBits() {
        return limit - pos;
    }

    /** True when only padding (fewer than 8 bits) remains in the current window. */
    public boolean atEnd() {
        return limit - pos < 8;
    }

    private void need(long bits) {
        if (bits > limit - pos) {
            throw AperException.truncated(bitOffset(), bits, (long) limit - pos);
        }
    }

    public AperException error(AperException.Reason reason, String detail) {
        return AperException.of(reason, bitOffset(), detail);
    }

    // ------------------------------------------------------------------ recursion guard

    /** Called on entry of a recursive type; fails beyond {@link #MAX_DEPTH} levels. */
    public void enter() {
        if (++depth > MAX_DEPTH) {
            throw AperException.limit(bitOffset(), "nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    public void leave() {
        depth--;
    }

    // ------------------------------------------------------------------ bits

    public boolean readBit() {
        if (pos >= limit) {
            throw AperException.truncated(bitOffset(), 1, 0);
        }
        int p = pos++;
        return (buf[p >>> 3] & (0x80 >>> (p & 7))) != 0;
    }

    /** Reads {@code n} (0..64) bits as an unsigned number, most significant bit first. */
    public long readBits(int n) {
        need(n);
        if (n == 0) {
            return 0;
        }
        int p = pos;
        int first = p & 7;
        if (first + n <= 8) {
            // within one octet
            pos = p + n;
            return ((buf[p >>> 3] & 0xFF) >>> (8 - first - n)) & ((1 << n) - 1);
        }
        long v = 0;
        int left = n;
        while (left > 0) {
            int off = p & 7;
            int avail = 8 - off;
            int b = buf[p >>> 3] & (0xFF >>> off);
            if (left >= avail) {
                v = (v << avail) | b;
                p += avail;
                left -= avail;
            } else {
                v = (v << left) | (b >>> (avail - left));
                p += left;
                left = 0;
            }
        }
        pos = p;
        return v;
    }

    /** Skips padding to the next octet boundary (ALIGNED variant). Padding bits are not checked. */
    public void align() {
        int p = (pos + 7) & ~7;
        if (p > limit) {
            throw AperException.truncated(bitOffset(), p - pos, (long) limit - pos);
        }
        pos = p;
    }

    private int readOctetAligned() {
        need(8);
        int v = buf[pos >>> 3] & 0xFF;
        pos += 8;
        return v;
    }

    /** Reads {@code n} octets starting at the current (octet-aligned) position. */
    private byte[] readOctetsAligned(int n) {
        need((long) n * 8);
        byte[] out = Arrays.copyOfRange(buf, pos >>> 3, (pos >>> 3) + n);
        pos += n * 8;
        return out;
    }

    /** Reads {@code nbits} bits (not necessarily aligned) into a fresh array, left-justified. */
    private byte[] readBitsToArray(long nbits) {
        need(nbits);
        int n = (int) nbits;
        byte[] out = new byte[(n + 7) >>> 3];
        if ((pos & 7) == 0) {
            System.arraycopy(buf, pos >>> 3, out, 0, out.length);
            pos += n;
        } else {
            int full = n >>> 3;
            for (int i = 0; i < full; i++) {
                out[i] = (byte) readBits(8);
            }
            int rest = n & 7;
            if (rest > 0) {
                out[full] = (byte) (readBits(rest) << (8 - rest));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ X.691 10.5 - 10.9

    /** X.691 10.5: constrained whole number in {@code lb..ub} (ALIGNED variant). */
    public long constrainedWholeNumber(long lb, long ub) {
        long range = ub - lb + 1; // callers guarantee no overflow (ranges up to 2^63-1)
        long v;
        if (range == 1) {
            return lb;
        } else if (range <= 255) {
            v = readBits(64 - Long.numberOfLeadingZeros(range - 1));
        } else if (range == 256) {
            align();
            v = readOctetAligned();
        } else if (range <= 65536) {
            align();
            v = readBits(16);
        } else {
            // indefinite-length case: octet count as a constrained number, then the octets
            int maxOctets = (64 - Long.numberOfLeadingZeros(range - 1) + 7) >>> 3;
            int len = (int) constrainedWholeNumber(1, maxOctets);
            align();
            v = readBits(8 * len);
        }
        if (Long.compareUnsigned(v, range - 1) > 0) {
            throw AperException.constraint(bitOffset(), "value offset " + v + " outside range " + lb + ".." + ub);
        }
        return lb + v;
    }

    private long constrainedWholeNumberNoCheck(long range) {
        if (range == 256) {
            align();
            return readOctetAligned();
        }
        align();
        return readBits(16);
    }

    /** X.691 10.6: normally small non-negative whole number (choice/enumeration extension indexes). */
    public int normallySmallNonNegativeWholeNumber() {
        if (!readBit()) {
            return (int) readBits(6);
        }
        long v = semiConstrainedWholeNumber(0);
        if (v > Integer.MAX_VALUE) {
            throw AperException.limit(bitOffset(), "normally small number " + v + " too large");
        }
        return (int) v;
    }

    /** X.691 10.7: semi-constrained whole number {@code lb..MAX}. */
    public long semiConstrainedWholeNumber(long lb) {
        int len = unconstrainedLengthNoFragments("semi-constrained whole number");
        if (len == 0) {
            throw AperException.invalid(bitOffset(), "zero-length integer");
        }
        if (len > 8) {
            throw AperException.unsupported(bitOffset(), "integer of " + len + " octets exceeds 64 bits");
        }
        long v = readBits(8 * len);
        if (len == 8 && v < 0) {
            throw AperException.unsupported(bitOffset(), "semi-constrained integer exceeds 2^63-1");
        }
        long r = lb + v;
        if (r < lb) {
            throw AperException.unsupported(bitOffset(), "integer exceeds 64 bits");
        }
        return r;
    }

    /** X.691 10.8: unconstrained whole number (two's complement). */
    public long unconstrainedWholeNumber() {
        int len = unconstrainedLengthNoFragments("unconstrained whole number");
        if (len == 0) {
            throw AperException.invalid(bitOffset(), "zero-length integer");
        }
        if (len > 8) {
            throw AperException.unsupported(bitOffset(), "integer of " + len + " octets exceeds 64 bits");
        }
        long v = readBits(8 * len);
        int shift = 64 - 8 * len;
        return (v << shift) >> shift;
    }

    /**
     * X.691 10.9 constrained length determinant ({@code ub} below 64K): a constrained whole number in
     * {@code lb..ub}; no bits at all when {@code lb == ub}.
     */
    public int constrainedLength(int lb, int ub) {
        return (int) constrainedWholeNumber(lb, ub);
    }

    /**
     * X.691 10.9.3.5-10.9.3.8 unconstrained length determinant (ALIGNED: octet-aligned). Returns the
     * length of this fragment; {@link #moreFragments()} tells whether another length follows the
     * fragment's content.
     */
    public int unconstrainedLength() {
        align();
        int b = readOctetAligned();
        if ((b & 0x80) == 0) {
            lastFragment = false;
            return b;
        }
        if ((b & 0x40) == 0) {
            lastFragment = false;
            return ((b & 0x3F) << 8) | readOctetAligned();
        }
        int m = b & 0x3F;
        if (m < 1 || m > 4) {
            throw AperException.invalid(bitOffset() - 8, "bad fragment multiplier " + m);
        }
        lastFragment = true;
        return m * 16384;
    }

    /** After {@link #unconstrainedLength()}: true if the length was a 16K-multiple fragment. */
    public boolean moreFragments() {
        return lastFragment;
    }

    private int unconstrainedLengthNoFragments(String what) {
        int len = unconstrainedLength();
        if (lastFragment) {
            throw AperException.limit(bitOffset(), "fragmented length for " + what);
        }
        return len;
    }

    /** X.691 11.9.3.4 normally small length (extension bitmap length): 1..64 in 7 bits, else general. */
    public int normallySmallLength() {
        if (!readBit()) {
            return (int) readBits(6) + 1;
        }
        int n = unconstrainedLength();
        if (lastFragment) {
            throw AperException.limit(bitOffset(), "fragmented extension bitmap");
        }
        return n;
    }

    // ------------------------------------------------------------------ BOOLEAN / INTEGER / ENUMERATED

    public boolean readBoolean() {
        return readBit();
    }

    /** INTEGER with a constraint {@code lb..ub}, possibly extensible (X.691 13). */
    public long constrainedInteger(long lb, long ub, boolean extensible) {
        if (extensible && readBit()) {
            return unconstrainedWholeNumber();
        }
        return constrainedWholeNumber(lb, ub);
    }

    /** INTEGER {@code (lb..MAX)}, possibly extensible. */
    public long semiConstrainedInteger(long lb, boolean extensible) {
        if (extensible && readBit()) {
            return unconstrainedWholeNumber();
        }
        return semiConstrainedWholeNumber(lb);
    }

    public long unconstrainedInteger() {
        return unconstrainedWholeNumber();
    }

    /**
     * ENUMERATED / CHOICE index (X.691 14, 23): returns the root index {@code 0..rootCount-1}, or for an
     * extension value {@code -1 - extensionIndex}.
     */
    public int index(int rootCount, boolean extensible) {
        if (extensible && readBit()) {
            return -1 - normallySmallNonNegativeWholeNumber();
        }
        if (rootCount == 0) {
            throw AperException.invalid(bitOffset(), "root index of a type without root alternatives");
        }
        int start = pos;
        long range = rootCount;
        long v = range <= 255 ? readBits(64 - Long.numberOfLeadingZeros(range - 1))
                : constrainedWholeNumberNoCheck(range);
        if (v >= rootCount) {
            throw AperException.invalid((long) base + start, "index " + v + " beyond the " + rootCount + " root values");
        }
        return (int) v;
    }

    // ------------------------------------------------------------------ REAL (X.691 15, X.690 8.5)

    /**
     * REAL: unconstrained length then X.690 content octets. Accepts zero content octets (0.0), the
     * binary form with any base (2, 8, 16), scale factor and a non-normalised mantissa (including a
     * leading zero octet, as asn1c sends), the special values, and the decimal (ISO 6093) forms.
     */
    public double readReal() {
        int len = unconstrainedLengthNoFragments("REAL");
        need((long) len * 8);
        int start = pos >>> 3;
        pos += len * 8;
        return Real.decode(buf, start, len, this);
    }

    // ------------------------------------------------------------------ strings

    /**
     * OCTET STRING (X.691 17) with size constraint {@code lb..ub} ({@code ub} = Integer.MAX_VALUE when
     * there is none), possibly extensible.
     */
    public OctetString readOctetString(int lb, int ub, boolean extensible) {
        boolean ext = extensible && readBit();
        if (!ext && ub < 65536) {
            int n;
            if (lb == ub) {
                n = lb;
                if (n == 0) {
                    return OctetString.EMPTY;
                }
                if (n > 2) {
                    align();
                }
                return OctetString.wrap(readBitsToArray(8L * n));
            }
            n = constrainedLength(lb, ub);
            align();
            return OctetString.wrap(readOctetsAligned(n));
        }
        byte[] b = readFragmentedOctets();
        if (!ext) {
            checkSize(b.length, lb, ub, "OCTET STRING");
        }
        return OctetString.wrap(b);
    }

    /** Sizes the length form cannot bound (no upper bound below 64K) are checked after decoding. */
    private void checkSize(long n, int lb, int ub, String what) {
        if (n < lb || n > ub) {
            throw AperException.constraint(bitOffset(), what + " of size " + n + " outside its constraint " + lb + ".."
                    + (ub == Integer.MAX_VALUE ? "MAX" : String.valueOf(ub)));
        }
    }

    /** Unconstrained OCTET STRING. */
    public OctetString readOctetString() {
        return OctetString.wrap(readFragmentedOctets());
    }

    private byte[] readFragmentedOctets() {
        int n = unconstrainedLength();
        if (!lastFragment) {
            return readOctetsAligned(n);
        }
        // fragmented: check that each announced fragment is present before copying it
        byte[] acc = new byte[0];
        int total = 0;
        boolean more;
        do {
            need((long) n * 8);
            if ((long) total + n > MAX_INPUT_OCTETS) {
                throw AperException.limit(bitOffset(), "fragmented octet string too large");
            }
            more = lastFragment;
            acc = Arrays.copyOf(acc, total + n);
            System.arraycopy(buf, pos >>> 3, acc, total, n);
            pos += n * 8;
            total += n;
            if (more) {
                n = unconstrainedLength();
            }
        } while (more);
        return acc;
    }

    /** BIT STRING (X.691 16) with size constraint {@code lb..ub}, possibly extensible. */
    public BitString readBitString(int lb, int ub, boolean extensible) {
        boolean ext = extensible && readBit();
        if (!ext && ub < 65536) {
            if (lb == ub) {
                if (lb == 0) {
                    return BitString.EMPTY;
                }
                if (lb > 16) {
                    align();
                }
                return BitString.wrapClean(readBitsToArray(lb), lb);
            }
            int n = constrainedLength(lb, ub);
            align();
            return BitString.wrapClean(readBitsToArray(n), n);
        }
        BitString b = readFragmentedBits();
        if (!ext) {
            checkSize(b.size(), lb, ub, "BIT STRING");
        }
        return b;
    }

    public BitString readBitString() {
        return readFragmentedBits();
    }

    private BitString readFragmentedBits() {
        int n = unconstrainedLength();
        if (!lastFragment) {
            return BitString.wrapClean(readBitsToArray(n), n);
        }
        byte[] acc = new byte[0];
        long total = 0;
        boolean more;
        do {
            need(n);
            if (total + n > (long) MAX_INPUT_OCTETS * 8) {
                throw AperException.limit(bitOffset(), "fragmented bit string too large");
            }
            more = lastFragment;
            byte[] part = readBitsToArray(n);
            // fragments of 16K bits are whole octets, so only the last one can be partial
            acc = Arrays.copyOf(acc, (int) ((total + n + 7) >>> 3));
            System.arraycopy(part, 0, acc, (int) (total >>> 3), part.length);
            total += n;
            if (more) {
                n = unconstrainedLength();
            }
        } while (more);
        return BitString.wrapClean(acc, (int) total);
    }

    /**
     * Known-multiplier character string (X.691 30: PrintableString, IA5String, VisibleString,
     * NumericString) with size constraint {@code lb..ub} and effective alphabet.
     */
    public String readKnownMultiplierString(int lb, int ub, boolean extensible, CharAlphabet alphabet) {
        int b = alphabet.bitsPerChar();
        boolean ext = extensible && readBit();
        if (!ext && ub < 65536) {
            int n;
            boolean aligned;
            if (lb == ub) {
                n = lb;
                aligned = (long) n * b > 16;
            } else {
                n = constrainedLength(lb, ub);
                aligned = (long) ub * b >= 16;
            }
            // the characters are an octet-aligned field even when there are none (as asn1c and OTP do)
            if (aligned) {
                align();
            }
            return n == 0 ? "" : readChars(n, alphabet);
        }
        StringBuilder sb = null;
        String first = null;
        boolean more;
        do {
            int n = unconstrainedLength();
            more = lastFragment;
            String part = readChars(n, alphabet);
            if (first == null && !more) {
                if (!ext) {
                    checkSize(n, lb, ub, alphabet.name());
                }
                return part;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            if (sb.length() + (long) part.length() > MAX_INPUT_OCTETS) {
                throw AperException.limit(bitOffset(), "fragmented string too large");
            }
            sb.append(part);
            first = "";
        } while (more);
        if (!ext) {
            checkSize(sb.codePointCount(0, sb.length()), lb, ub, alphabet.name());
        }
        return sb.toString();
    }

    private String readChars(int n, CharAlphabet alphabet) {
        int b = alphabet.bitsPerChar();
        need((long) n * b);
        if (b == 8 && (pos & 7) == 0 && !alphabet.byIndex()) {
            // fast path: one octet per character
            int start = pos >>> 3;
            pos += n * 8;
            return new String(buf, start, n, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int v = (int) readBits(b);
            int c = alphabet.byIndex() ? alphabet.decode(v) : v;
            if (c < 0) {
                throw AperException.invalid(bitOffset() - b, "character index " + v + " outside the "
                        + alphabet.name() + " alphabet");
            }
            sb.appendCodePoint(c);
        }
        return sb.toString();
    }

    /** UTF8String (X.691 30.6): unconstrained length in octets, then the UTF-8 octets. */
    public String readUtf8String() {
        return new String(readFragmentedOctets(), StandardCharsets.UTF_8);
    }

    /** OBJECT IDENTIFIER (X.691 24): unconstrained length then the X.690 content octets. */
    public long[] readObjectIdentifier() {
        int len = unconstrainedLengthNoFragments("OBJECT IDENTIFIER");
        byte[] c = readOctetsAligned(len);
        return ObjectIdentifiers.decode(c, this);
    }

    // ------------------------------------------------------------------ SEQUENCE OF counts

    /**
     * Count of a SEQUENCE OF with size constraint {@code lb..ub} (X.691 20). Returns the count of the
     * first (and usually only) block; when {@link #moreFragments()} is true after the call the caller
     * decodes that many components and calls {@link #nextListFragment()} for the next block.
     *
     * @param minBitsPerElement a lower bound of one element's encoding size (0 if unknown), used to
     *                          refuse counts the remaining input cannot hold
     */
    public int listLength(int lb, int ub, boolean extensible, int minBitsPerElement) {
        boolean ext = extensible && readBit();
        int n;
        if (!ext && ub < 65536) {
            lastFragment = false;
            n = lb == ub ? lb : constrainedLength(lb, ub);
        } else {
            n = unconstrainedLength();
            if (!ext && !lastFragment) {
                checkSize(n, lb, ub, "SEQUENCE OF");
            }
        }
        checkListCount(n, minBitsPerElement);
        return n;
    }

    /** Checks the total count of a fragmented SEQUENCE OF against its constraint (when not extensible). */
    public void checkListSize(int n, int lb, int ub, boolean extensible) {
        if (!extensible) {
            checkSize(n, lb, ub, "SEQUENCE OF");
        }
    }

    /** The count of the next block of a fragmented SEQUENCE OF. */
    public int nextListFragment(int minBitsPerElement) {
        int n = unconstrainedLength();
        checkListCount(n, minBitsPerElement);
        return n;
    }

    private void checkListCount(int n, int minBitsPerElement) {
        if (n > MAX_LIST_ELEMENTS) {
            throw AperException.limit(bitOffset(), "list of " + n + " components exceeds the decoder limit");
        }
        if (minBitsPerElement > 0 && (long) n * minBitsPerElement > limit - pos) {
            throw AperException.limit(bitOffset(), "list of " + n + " components cannot fit in the "
                    + (limit - pos) + " remaining bits");
        }
    }

    // ------------------------------------------------------------------ open types

    /**
     * Starts decoding an open type (X.691 10.2): reads the length and restricts the window to the
     * content. Must be paired with {@link #endOpenType()}.
     */
    public void beginOpenType() {
        int n = unconstrainedLength();
        if (++depth > MAX_DEPTH) {
            throw AperException.limit(bitOffset(), "open types nested deeper than " + MAX_DEPTH);
        }
        pushFrame();
        if (!lastFragment) {
            need((long) n * 8);
            limit = pos + n * 8;
            savedBuf[frames - 1] = null;
            return;
        }
        // fragmented: gather the fragments into a private buffer
        byte[] content = readFragmentedAfterFirst(n);
        savedPos[frames - 1] = pos;      // where to continue in the outer buffer
        savedBuf[frames - 1] = buf;
        savedBase[frames - 1] = base;
        base = base + pos; // offsets inside are approximate for reassembled content
        buf = content;
        pos = 0;
        limit = content.length * 8;
    }

    private byte[] readFragmentedAfterFirst(int first) {
        byte[] acc = new byte[0];
        int total = 0;
        int n = first;
        boolean more;
        do {
            need((long) n * 8);
            if ((long) total + n > MAX_INPUT_OCTETS) {
                throw AperException.limit(bitOffset(), "fragmented open type too large");
            }
            more = lastFragment;
            acc = Arrays.copyOf(acc, total + n);
            System.arraycopy(buf, pos >>> 3, acc, total, n);
            pos += n * 8;
            total += n;
            if (more) {
                n = unconstrainedLength();
            }
        } while (more);
        return acc;
    }

    private void pushFrame() {
        if (frames == savedLimit.length) {
            int m = frames * 2;
            savedLimit = Arrays.copyOf(savedLimit, m);
            savedPos = Arrays.copyOf(savedPos, m);
            savedBase = Arrays.copyOf(savedBase, m);
            savedBuf = Arrays.copyOf(savedBuf, m);
        }
        savedLimit[frames] = limit;
        frames++;
    }

    /** Ends an open type: skips any remaining padding in the window and restores the outer window. */
    public void endOpenType() {
        int f = --frames;
        depth--;
        if (savedBuf[f] != null) {
            buf = savedBuf[f];
            pos = savedPos[f];
            base = savedBase[f];
            savedBuf[f] = null;
        } else {
            pos = limit;
        }
        limit = savedLimit[f];
    }

    /** Reads a whole open type without interpreting it (unknown extensions, unknown IEs). */
    public OctetString readOpenTypeRaw() {
        return OctetString.wrap(readFragmentedOctets());
    }

    /** Skips an open type (its content is checked to be present). */
    public void skipOpenType() {
        readFragmentedOctets();
    }
}
