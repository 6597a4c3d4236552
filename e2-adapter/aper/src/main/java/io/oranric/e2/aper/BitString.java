package io.oranric.e2.aper;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable BIT STRING value: {@code size} bits, first bit in the most significant bit of the first
 * octet. Unused trailing bits of the last octet are always zero, so equality is by content.
 */
public final class BitString {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    public static final BitString EMPTY = new BitString(new byte[0], 0);

    private final byte[] bytes;
    private final int size;

    private BitString(byte[] bytes, int size) {
        this.bytes = bytes;
        this.size = size;
    }

    /** {@code size} bits taken from {@code bytes} (copied; bits beyond {@code size} are cleared). */
    public static BitString of(byte[] bytes, int size) {
        if (size < 0 || (size + 7) / 8 > bytes.length) {
            throw new IllegalArgumentException("size " + size + " does not fit in " + bytes.length + " octets");
        }
        return wrapClean(Arrays.copyOf(bytes, (size + 7) / 8), size);
    }

    /** The low {@code size} bits of {@code value}, most significant first ({@code size} at most 64). */
    public static BitString ofLong(long value, int size) {
        if (size < 0 || size > 64) {
            throw new IllegalArgumentException("size must be 0..64");
        }
        byte[] b = new byte[(size + 7) / 8];
        long v = size == 64 ? value : value & ((1L << size) - 1);
        long aligned = size == 0 ? 0 : v << (64 - size);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (aligned >>> (56 - 8 * i));
        }
        return new BitString(b, size);
    }

    /** Parses a string of '0' and '1' characters. */
    public static BitString fromBinary(String bits) {
        byte[] b = new byte[(bits.length() + 7) / 8];
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c == '1') {
                b[i >>> 3] |= (byte) (0x80 >>> (i & 7));
            } else if (c != '0') {
                throw new IllegalArgumentException("not a binary digit: " + c);
            }
        }
        return new BitString(b, bits.length());
    }

    /** Hex digits holding {@code size} bits, left-justified (an odd digit count is padded with 0). */
    public static BitString fromHex(String hex, int size) {
        return of(HEX.parseHex(hex.length() % 2 == 0 ? hex : hex + "0"), size);
    }

    /** Takes ownership (runtime internal); clears bits beyond {@code size}. */
    static BitString wrapClean(byte[] bytes, int size) {
        if ((size & 7) != 0) {
            bytes[bytes.length - 1] &= (byte) (0xFF << (8 - (size & 7)));
        }
        return size == 0 ? EMPTY : new BitString(bytes, size);
    }

    public int size() {
        return size;
    }

    public boolean get(int bit) {
        if (bit < 0 || bit >= size) {
            throw new IndexOutOfBoundsException(bit);
        }
        return (bytes[bit >>> 3] & (0x80 >>> (bit & 7))) != 0;
    }

    /** The bits as an unsigned number (size at most 64). */
    public long toLong() {
        if (size > 64) {
            throw new IllegalStateException("more than 64 bits");
        }
        long v = 0;
        for (byte b : bytes) {
            v = (v << 8) | (b & 0xFF);
        }
        int extra = bytes.length * 8 - size;
        return v >>> extra;
    }

    /** A copy of the octets (last one zero-padded). */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    byte[] unsafeArray() {
        return bytes;
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    public String toBinary() {
        StringBuilder sb = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            sb.append(get(i) ? '1' : '0');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitString other && size == other.size && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return size <= 64 ? "'" + toBinary() + "'B" : "0x" + toHex() + "/" + size;
    }
}
