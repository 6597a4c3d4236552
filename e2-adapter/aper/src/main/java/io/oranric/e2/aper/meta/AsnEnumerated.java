package io.oranric.e2.aper.meta;

/** Implemented by the generated enumerations (and the {@code Unknown} record of extensible ones). */
public interface AsnEnumerated {

    /** The ASN.1 identifier of the value, or {@code null} for an unknown extension value. */
    String asn1Name();
}
