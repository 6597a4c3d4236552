package io.oranric.e2.aper;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The only exception the APER runtime and the generated codecs throw for bad input or for values that
 * cannot be encoded. It carries a {@link Reason}, the bit offset where the problem was found and the
 * path of ASN.1 field names leading to it (built while the stack unwinds, so it costs nothing on the
 * happy path).
 *
 * <p>An E2 termination maps {@link Reason#isTransferSyntaxError() transfer-syntax} errors to the E2AP
 * cause {@code protocol: transfer-syntax-error} and the others to {@code abstract-syntax-error-*}.
 */
public final class AperException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why encoding or decoding failed. */
    public enum Reason {
        /** The input ended before the value did. */
        TRUNCATED(true),
        /** Bits that no valid encoding produces (bad length prefix, bad REAL header, index beyond the root...). */
        INVALID_ENCODING(true),
        /** A length or count that the input cannot hold, or that exceeds a decoder limit; never allocated. */
        LIMIT_EXCEEDED(true),
        /** A value outside what this runtime represents (for example an INTEGER wider than 64 bits). */
        UNSUPPORTED(false),
        /** A value that violates its PER-visible constraint (encoder side, or a decoded value out of range). */
        CONSTRAINT_VIOLATION(false),
        /** A value the encoder was handed that is not a value of the type (null where mandatory, bad character...). */
        INVALID_VALUE(false);

        private final boolean transferSyntax;

        Reason(boolean transferSyntax) {
            this.transferSyntax = transferSyntax;
        }

        /** True when the bits themselves are malformed (as opposed to a well-formed but unacceptable value). */
        public boolean isTransferSyntaxError() {
            return transferSyntax;
        }
    }

    private final Reason reason;
    private final long bitOffset;
    private final String detail;
    private final Deque<String> path = new ArrayDeque<>(8);

    private AperException(Reason reason, long bitOffset, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
        this.bitOffset = bitOffset;
        this.detail = detail;
    }

    /** Creates an exception; prefer the reader/writer factories that fill in the bit offset. */
    public static AperException of(Reason reason, long bitOffset, String detail) {
        return new AperException(reason, bitOffset, detail);
    }

    public static AperException truncated(long bitOffset, long neededBits, long availableBits) {
        return new AperException(Reason.TRUNCATED, bitOffset,
                "need " + neededBits + " more bit(s) but only " + availableBits + " remain");
    }

    public static AperException invalid(long bitOffset, String detail) {
        return new AperException(Reason.INVALID_ENCODING, bitOffset, detail);
    }

    public static AperException limit(long bitOffset, String detail) {
        return new AperException(Reason.LIMIT_EXCEEDED, bitOffset, detail);
    }

    public static AperException unsupported(long bitOffset, String detail) {
        return new AperException(Reason.UNSUPPORTED, bitOffset, detail);
    }

    public static AperException constraint(long bitOffset, String detail) {
        return new AperException(Reason.CONSTRAINT_VIOLATION, bitOffset, detail);
    }

    public static AperException invalidValue(long bitOffset, String detail) {
        return new AperException(Reason.INVALID_VALUE, bitOffset, detail);
    }

    /**
     * Adds one path segment in front of the current path (called by generated code while unwinding).
     * A segment is a field name ({@code "protocolIEs"}), an index ({@code "[3]"}) or a type annotation
     * ({@code "(RICrequestID)"}).
     *
     * @return this exception, for {@code throw e.within(...)}
     */
    public AperException within(String segment) {
        path.addFirst(segment);
        return this;
    }

    /** Adds a list index segment in front of the current path. */
    public AperException withinIndex(int index) {
        path.addFirst("[" + index + "]");
        return this;
    }

    public Reason reason() {
        return reason;
    }

    /** Bit offset (from the start of the outermost buffer) where the problem was detected. */
    public long bitOffset() {
        return bitOffset;
    }

    /** The problem without position or path. */
    public String detail() {
        return detail;
    }

    /** Dotted field path from the outermost type, e.g. {@code E2AP-PDU.initiatingMessage.value.protocolIEs[2]}. */
    public String fieldPath() {
        StringBuilder sb = new StringBuilder();
        for (String s : path) {
            if (sb.length() > 0 && !s.startsWith("[") && !s.startsWith("(")) {
                sb.append('.');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    @Override
    public String getMessage() {
        String p = fieldPath();
        return reason + " at bit " + bitOffset + " (octet " + (bitOffset >>> 3) + ")"
                + (p.isEmpty() ? "" : " in " + p) + ": " + detail;
    }
}
