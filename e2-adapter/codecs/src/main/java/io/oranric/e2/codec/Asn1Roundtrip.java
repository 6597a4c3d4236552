package io.oranric.e2.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.oranric.e2.aper.AperException;
import java.util.Arrays;

/**
 * Decode-and-re-encode check of one PDU, as {@code ./ric e2 roundtrip} reports it. With an E2SM set the
 * E2SM payloads inside E2AP are decoded and re-encoded too.
 */
public final class Asn1Roundtrip {

    private Asn1Roundtrip() {
    }

    /** Outcome of a round trip. */
    public enum Kind {
        /** Re-encoded to the same bytes. */
        IDENTICAL,
        /**
         * Re-encoded to other bytes that decode to the same value: the input used a non-canonical form the
         * decoder accepts (a REAL mantissa with a leading zero octet, an over-long length, non-zero padding).
         */
        EQUIVALENT,
        /** Re-encoded to bytes that decode to a different value (a codec bug). */
        DIFFERENT,
        /** The input does not decode. */
        ERROR
    }

    /** The outcome, the re-encoded bytes (null on ERROR) and the error message (ERROR only). */
    public record Result(Kind kind, byte[] reencoded, String error) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && kind == r.kind && Arrays.equals(reencoded, r.reencoded)
                    && java.util.Objects.equals(error, r.error);
        }

        @Override
        public int hashCode() {
            return kind.hashCode() * 31 + Arrays.hashCode(reencoded);
        }

        @Override
        public String toString() {
            return kind + (error != null ? " " + error : "");
        }
    }

    public static Result roundtrip(Asn1Set set, String type, Asn1Set e2sm, byte[] bytes) {
        Asn1Json json = e2sm == null ? Asn1Json.plain() : Asn1Json.withE2sm(e2sm);
        JsonNode view;
        try {
            view = json.decodeToJson(set, type, bytes);
        } catch (AperException | IllegalArgumentException e) {
            return new Result(Kind.ERROR, null, e.getMessage());
        }
        byte[] again = json.encodeFromJson(set, type, view);
        if (Arrays.equals(again, bytes)) {
            return new Result(Kind.IDENTICAL, again, null);
        }
        JsonNode view2;
        try {
            view2 = json.decodeToJson(set, type, again);
        } catch (AperException e) {
            return new Result(Kind.DIFFERENT, again, null);
        }
        return new Result(view2.equals(view) ? Kind.EQUIVALENT : Kind.DIFFERENT, again, null);
    }
}
