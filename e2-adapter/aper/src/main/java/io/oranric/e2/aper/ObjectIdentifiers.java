package io.oranric.e2.aper;

import java.io.ByteArrayOutputStream;

/** OBJECT IDENTIFIER content octets (X.690 8.19). */
final class ObjectIdentifiers {

    private ObjectIdentifiers() {
    }

    static long[] decode(byte[] c, AperReader r) {
        if (c.length == 0) {
            throw AperException.invalid(r.bitOffset(), "empty OBJECT IDENTIFIER");
        }
        long[] tmp = new long[c.length + 1];
        int n = 0;
        long v = 0;
        int bits = 0;
        for (int i = 0; i < c.length; i++) {
            int b = c[i] & 0xFF;
            if (bits == 0 && b == 0x80) {
                throw AperException.invalid(r.bitOffset(), "OBJECT IDENTIFIER arc with leading 0x80");
            }
            v = (v << 7) | (b & 0x7F);
            bits += 7;
            if (bits > 63) {
                throw AperException.unsupported(r.bitOffset(), "OBJECT IDENTIFIER arc exceeds 63 bits");
            }
            if ((b & 0x80) == 0) {
                if (n == 0) {
                    long first = v < 40 ? 0 : v < 80 ? 1 : 2;
                    tmp[n++] = first;
                    tmp[n++] = v - 40 * first;
                } else {
                    tmp[n++] = v;
                }
                v = 0;
                bits = 0;
            }
        }
        if (bits != 0) {
            throw AperException.invalid(r.bitOffset(), "OBJECT IDENTIFIER ends inside an arc");
        }
        return java.util.Arrays.copyOf(tmp, n);
    }

    static byte[] encode(long[] arcs) {
        if (arcs.length < 2 || arcs[0] < 0 || arcs[0] > 2 || (arcs[0] < 2 && (arcs[1] < 0 || arcs[1] > 39))) {
            throw new IllegalArgumentException("invalid OBJECT IDENTIFIER");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        putArc(out, arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            if (arcs[i] < 0) {
                throw new IllegalArgumentException("negative arc");
            }
            putArc(out, arcs[i]);
        }
        return out.toByteArray();
    }

    private static void putArc(ByteArrayOutputStream out, long v) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int b = (int) ((v >>> (7 * g)) & 0x7F);
            out.write(g == 0 ? b : b | 0x80);
        }
    }
}
