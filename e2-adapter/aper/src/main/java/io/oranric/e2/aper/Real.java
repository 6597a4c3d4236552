package io.oranric.e2.aper;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** REAL content octets (X.690 8.5) as PER carries them (X.691 15): binary base 2 on encode. */
final class Real {

    private Real() {
    }

    /**
     * Canonical content octets for {@code v}: none for +0.0; the special-value octet for infinities,
     * NaN and -0.0; otherwise base 2, scale factor 0, odd mantissa, minimal two's-complement exponent.
     */
    static int encode(double v, byte[] out) {
        if (v == 0.0) {
            if (Double.doubleToRawLongBits(v) == 0) {
                return 0;
            }
            out[0] = 0x43; // minus zero
            return 1;
        }
        if (Double.isNaN(v)) {
            out[0] = 0x42;
            return 1;
        }
        if (Double.isInfinite(v)) {
            out[0] = (byte) (v > 0 ? 0x40 : 0x41);
            return 1;
        }
        long bits = Double.doubleToRawLongBits(v);
        boolean negative = bits < 0;
        int biased = (int) ((bits >>> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        int exponent;
        if (biased == 0) {
            exponent = -1074; // subnormal
        } else {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }
        int tz = Long.numberOfTrailingZeros(mantissa);
        mantissa >>>= tz;
        exponent += tz;
        int expLen = exponent >= -128 && exponent <= 127 ? 1 : 2;
        int n = 0;
        out[n++] = (byte) (0x80 | (negative ? 0x40 : 0) | (expLen - 1));
        if (expLen == 2) {
            out[n++] = (byte) (exponent >> 8);
        }
        out[n++] = (byte) exponent;
        int mLen = (64 - Long.numberOfLeadingZeros(mantissa) + 7) >>> 3;
        for (int i = mLen - 1; i >= 0; i--) {
            out[n++] = (byte) (mantissa >>> (8 * i));
        }
        return n;
    }

    static double decode(byte[] b, int off, int len, AperReader r) {
        if (len == 0) {
            return 0.0;
        }
        int first = b[off] & 0xFF;
        if ((first & 0x80) != 0) {
            return decodeBinary(b, off, len, first, r);
        }
        if ((first & 0x40) != 0) {
            if (len != 1) {
                throw AperException.invalid(r.bitOffset(), "special REAL value with extra octets");
            }
            switch (first) {
                case 0x40: return Double.POSITIVE_INFINITY;
                case 0x41: return Double.NEGATIVE_INFINITY;
                case 0x42: return Double.NaN;
                case 0x43: return -0.0;
                default: throw AperException.invalid(r.bitOffset(), "unknown special REAL value 0x" + Integer.toHexString(first));
            }
        }
        int form = first & 0x3F;
        if (form < 1 || form > 3) {
            throw AperException.invalid(r.bitOffset(), "unknown decimal REAL form " + form);
        }
        String s = new String(b, off + 1, len - 1, StandardCharsets.US_ASCII).trim().replace(',', '.');
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw AperException.invalid(r.bitOffset(), "bad decimal REAL \"" + s + "\"");
        }
    }

    private static double decodeBinary(byte[] b, int off, int len, int first, AperReader r) {
        boolean negative = (first & 0x40) != 0;
        int baseBits;
        switch ((first >> 4) & 3) {
            case 0: baseBits = 1; break;
            case 1: baseBits = 3; break;
            case 2: baseBits = 4; break;
            default: throw AperException.invalid(r.bitOffset(), "reserved REAL base");
        }
        int scale = (first >> 2) & 3;
        int p = off + 1;
        int end = off + len;
        int expLen;
        switch (first & 3) {
            case 0: expLen = 1; break;
            case 1: expLen = 2; break;
            case 2: expLen = 3; break;
            default:
                if (p >= end) {
                    throw AperException.invalid(r.bitOffset(), "REAL exponent length octet missing");
                }
                expLen = b[p++] & 0xFF;
                if (expLen == 0) {
                    throw AperException.invalid(r.bitOffset(), "zero REAL exponent length");
                }
        }
        if (p + expLen > end) {
            throw AperException.invalid(r.bitOffset(), "REAL exponent runs past the content");
        }
        if (expLen > 4) {
            // allow redundant sign octets, but not exponents beyond int range
            for (int i = 0; i < expLen - 4; i++) {
                int x = b[p + i] & 0xFF;
                int sign = (b[p + expLen - 4] & 0x80) != 0 ? 0xFF : 0;
                if (x != sign) {
                    throw AperException.unsupported(r.bitOffset(), "REAL exponent wider than 32 bits");
                }
            }
            p += expLen - 4;
            expLen = 4;
        }
        long e = b[p]; // sign-extended
        for (int i = 1; i < expLen; i++) {
            e = (e << 8) | (b[p + i] & 0xFF);
        }
        p += expLen;
        // mantissa: unsigned, leading zero octets tolerated
        while (p < end && b[p] == 0) {
            p++;
        }
        int mLen = end - p;
        double value;
        long binaryExponent = e * baseBits + scale;
        if (mLen == 0) {
            value = 0.0;
        } else if (mLen <= 7) {
            long n = 0;
            for (int i = p; i < end; i++) {
                n = (n << 8) | (b[i] & 0xFF);
            }
            value = scalb(n, binaryExponent);
        } else {
            byte[] m = new byte[mLen + 1];
            System.arraycopy(b, p, m, 1, mLen);
            BigInteger n = new BigInteger(m);
            int drop = Math.max(0, n.bitLength() - 62);
            value = scalb(n.shiftRight(drop).longValue(), binaryExponent + drop);
        }
        return negative ? -value : value;
    }

    private static double scalb(long n, long exp) {
        int e = (int) Math.max(Math.min(exp, 4000), -4000);
        // two steps keep intermediate results finite for large mantissas with negative exponents
        if (e < -1000) {
            return Math.scalb(Math.scalb((double) n, -1000), e + 1000);
        }
        return Math.scalb((double) n, e);
    }
}
