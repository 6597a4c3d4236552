package io.oranric.e2.codec;

import io.oranric.e2.aper.AperException;
import io.oranric.e2.aper.AperReader;

/**
 * E2SM-KPM with version selection. v02.03 and v03.00 are carried under the same OIDs in the field (srsRAN
 * sends the v03.00 layout under the v02 OID), and their encodings differ only in the TimeStamp of
 * IndicationHeader-Format1 (SIZE(4) in v02.03, SIZE(8) in v03.00), so every other KPM PDU decodes the same
 * in both. This codec decodes with the preferred version first and falls back on the other one; a result
 * counts only if it uses the whole payload. The result says which version decoded it.
 *
 * <p>Values are encoded by themselves ({@code value.encode()}), whichever their version.
 *
 * <p>Immutable; an E2 termination keeps one per RAN function and switches its preference with
 * {@link #preferring(Version)} once a header has told the version.
 */
public final class KpmCodec {

    /** The two KPM versions. */
    public enum Version {
        V2_03(Asn1Set.KPM2, "1.3.6.1.4.1.53148.1.2.2.2"),
        V3_00(Asn1Set.KPM3, "1.3.6.1.4.1.53148.1.3.2.2");

        private final Asn1Set set;
        private final String oid;

        Version(Asn1Set set, String oid) {
            this.set = set;
            this.oid = oid;
        }

        public Asn1Set set() {
            return set;
        }

        /** The RAN function OID the version was defined under (senders do not always keep to it). */
        public String oid() {
            return oid;
        }

        public Version other() {
            return this == V2_03 ? V3_00 : V2_03;
        }

        /** The version an OID names, or null. */
        public static Version ofOid(String oid) {
            for (Version v : values()) {
                if (v.oid.equals(oid)) {
                    return v;
                }
            }
            return null;
        }
    }

    /**
     * A decoded KPM payload: the value (a type of package {@code kpm.v0203} or {@code kpm.v0300}), the
     * version that decoded it, and whether the other version would have decoded the same bytes too
     * (always the case except for IndicationHeader-Format1).
     */
    public record Decoded(Version version, Object value, boolean ambiguous) {
        /** The value as a v03.00 type, or null if it was decoded as v02.03. */
        public <T> T asV3(Class<T> type) {
            return version == Version.V3_00 ? type.cast(value) : null;
        }

        /** The value as a v02.03 type, or null if it was decoded as v03.00. */
        public <T> T asV2(Class<T> type) {
            return version == Version.V2_03 ? type.cast(value) : null;
        }
    }

    private final Version preferred;

    private KpmCodec(Version preferred) {
        this.preferred = preferred;
    }

    /** Tries {@code preferred} first. */
    public static KpmCodec preferring(Version preferred) {
        return new KpmCodec(preferred);
    }

    /**
     * A codec for a RAN function announced with {@code oid}. The v02 OID does not prove v02.03 (srsRAN uses it
     * for the v03.00 layout), so v03.00 is tried first unless {@code trustOid} says the sender keeps to it.
     */
    public static KpmCodec forOid(String oid, boolean trustOid) {
        Version v = Version.ofOid(oid);
        return new KpmCodec(trustOid && v != null ? v : Version.V3_00);
    }

    public Version preferred() {
        return preferred;
    }

    /** The codec that tries {@code v} first. */
    public KpmCodec withPreferred(Version v) {
        return v == preferred ? this : new KpmCodec(v);
    }

    /** Decodes an E2SM-KPM payload carried in the E2AP place {@code role}. */
    public Decoded decode(E2smRole role, byte[] bytes) {
        AperException first = null;
        for (Version v : new Version[] {preferred, preferred.other()}) {
            String typeName = role.e2smType(v.set());
            if (typeName == null) {
                throw new IllegalArgumentException("E2SM-KPM has no " + role);
            }
            try {
                AperReader r = new AperReader(bytes);
                Object value = v.set().type(typeName).decode(r);
                if (r.remainingBits() >= 8) {
                    throw r.error(AperException.Reason.INVALID_ENCODING, (r.remainingBits() / 8)
                            + " octet(s) left over: not a " + typeName + " of KPM " + v);
                }
                return new Decoded(v, value, role != E2smRole.INDICATION_HEADER);
            } catch (AperException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    public Decoded decodeEventTrigger(byte[] bytes) {
        return decode(E2smRole.EVENT_TRIGGER, bytes);
    }

    public Decoded decodeActionDefinition(byte[] bytes) {
        return decode(E2smRole.ACTION_DEFINITION, bytes);
    }

    public Decoded decodeIndicationHeader(byte[] bytes) {
        return decode(E2smRole.INDICATION_HEADER, bytes);
    }

    public Decoded decodeIndicationMessage(byte[] bytes) {
        return decode(E2smRole.INDICATION_MESSAGE, bytes);
    }

    public Decoded decodeRanFunctionDefinition(byte[] bytes) {
        return decode(E2smRole.RAN_FUNCTION_DEFINITION, bytes);
    }
}
