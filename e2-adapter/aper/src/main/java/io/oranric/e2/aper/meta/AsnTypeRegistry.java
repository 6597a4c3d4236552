package io.oranric.e2.aper.meta;

import java.util.Map;

/** All named types of one generated package (one ASN.1 set), by ASN.1 type reference name. */
public interface AsnTypeRegistry {

    /** Name of the set, e.g. {@code "E2AP3"}. */
    String setName();

    /** The named types, in definition order. */
    Map<String, AsnType> types();

    /** The type called {@code asn1Name}, or null. */
    default AsnType type(String asn1Name) {
        return types().get(asn1Name);
    }
}
