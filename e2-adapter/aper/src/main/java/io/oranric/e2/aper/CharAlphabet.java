package io.oranric.e2.aper;

import java.util.Arrays;

/**
 * The effective permitted alphabet of a known-multiplier character string (X.691 clause 30) and the
 * resulting character encoding in the ALIGNED variant: {@code b2} bits per character (the smallest power
 * of two not less than ceil(log2 N)), holding the character code itself when every code fits, otherwise
 * the index of the character in the sorted alphabet.
 */
public final class CharAlphabet {

    /** PrintableString: A-Z a-z 0-9 space ' ( ) + , - . / : = ? (74 characters). */
    public static final CharAlphabet PRINTABLE = of("PrintableString",
            " '()+,-./0123456789:=?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    /** IA5String: the 128 characters 0..127. */
    public static final CharAlphabet IA5 = range("IA5String", 0, 127);
    /** VisibleString (ISO646String): 32..126. */
    public static final CharAlphabet VISIBLE = range("VisibleString", 32, 126);
    /** NumericString: space and the digits. */
    public static final CharAlphabet NUMERIC = of("NumericString", " 0123456789");

    private final String name;
    private final int[] chars;
    private final int bitsPerChar;
    private final boolean byIndex;

    private CharAlphabet(String name, int[] chars) {
        this.name = name;
        this.chars = chars;
        int n = chars.length;
        int b = n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
        int b2 = b == 0 ? 0 : b <= 1 ? 1 : b <= 2 ? 2 : b <= 4 ? 4 : b <= 8 ? 8 : b <= 16 ? 16 : 32;
        this.bitsPerChar = b2;
        int max = n == 0 ? 0 : chars[n - 1];
        this.byIndex = b2 < 31 && max > (1L << b2) - 1;
    }

    public static CharAlphabet of(String name, String characters) {
        return new CharAlphabet(name, characters.codePoints().sorted().distinct().toArray());
    }

    public static CharAlphabet range(String name, int from, int to) {
        int[] c = new int[to - from + 1];
        for (int i = 0; i < c.length; i++) {
            c[i] = from + i;
        }
        return new CharAlphabet(name, c);
    }

    /** The alphabet restricted by a PermittedAlphabet (FROM) constraint to the given characters. */
    public CharAlphabet restrictTo(String permitted) {
        int[] p = permitted.codePoints().filter(this::contains).sorted().distinct().toArray();
        return new CharAlphabet(name, p);
    }

    public String name() {
        return name;
    }

    public int size() {
        return chars.length;
    }

    /** Bits per character in the ALIGNED variant ({@code b2}). */
    public int bitsPerChar() {
        return bitsPerChar;
    }

    public boolean byIndex() {
        return byIndex;
    }

    public boolean contains(int c) {
        return Arrays.binarySearch(chars, c) >= 0;
    }

    /** The i-th permitted character (sorted by code). */
    public int charAt(int i) {
        return chars[i];
    }

    /** The value put on the wire for character {@code c}, or -1 if {@code c} is not permitted. */
    int encode(int c) {
        if (!byIndex) {
            return contains(c) ? c : -1;
        }
        int i = Arrays.binarySearch(chars, c);
        return i >= 0 ? i : -1;
    }

    /** The character for wire value {@code v}, or -1 if none. */
    int decode(int v) {
        if (!byIndex) {
            return contains(v) ? v : -1;
        }
        return v >= 0 && v < chars.length ? chars[v] : -1;
    }

    @Override
    public String toString() {
        return name + "(" + chars.length + " chars, " + bitsPerChar + " bits" + (byIndex ? ", by index)" : ")");
    }
}
