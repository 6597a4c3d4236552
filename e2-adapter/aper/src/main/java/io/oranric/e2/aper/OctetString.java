package io.oranric.e2.aper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable OCTET STRING value (also used for raw open-type encodings and opaque E2SM payloads).
 * Equality is by content.
 */
public final class OctetString implements Comparable<OctetString> {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    public static final OctetString EMPTY = new OctetString(new byte[0]);

    private final byte[] bytes;
    private int hash;

    private OctetString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}. */
    public static OctetString of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new OctetString(bytes.clone());
    }

    /** Copies {@code length} bytes of {@code bytes} starting at {@code offset}. */
    public static OctetString of(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new OctetString(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** Takes ownership of {@code bytes} without copying; the caller must not modify the array afterwards. */
    public static OctetString wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new OctetString(bytes);
    }

    public static OctetString fromHex(String hex) {
        return wrap(HEX.parseHex(hex.replaceAll("\\s+", "")));
    }

    public static OctetString utf8(String s) {
        return wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the content into {@code dst} at {@code offset}. */
    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }

    /** The internal array; package-private so that only the runtime can read without copying. */
    byte[] unsafeArray() {
        return bytes;
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    public String toUtf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OctetString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    @Override
    public int compareTo(OctetString o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 64 ? "0x" + toHex() : "0x" + HEX.formatHex(bytes, 0, 64) + "...(" + bytes.length + " octets)";
    }
}
