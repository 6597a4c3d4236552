package io.oranric.e2.codec;

import io.oranric.e2.aper.meta.AsnType;
import io.oranric.e2.aper.meta.AsnTypeRegistry;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The ASN.1 sets this module has codecs for, named as the differential oracle names them. Each gives
 * access to the descriptors ({@link AsnType}) of its named types.
 */
public enum Asn1Set {
    /** E2AP v02.03. */
    E2AP2(() -> io.oranric.e2.codec.e2ap.v0203.TypeRegistry.INSTANCE, "E2AP-PDU"),
    /** E2AP v03.01. */
    E2AP3(() -> io.oranric.e2.codec.e2ap.v0301.TypeRegistry.INSTANCE, "E2AP-PDU"),
    /** E2SM-KPM v02.03. */
    KPM2(() -> io.oranric.e2.codec.kpm.v0203.TypeRegistry.INSTANCE, null),
    /** E2SM-KPM v03.00. */
    KPM3(() -> io.oranric.e2.codec.kpm.v0300.TypeRegistry.INSTANCE, null),
    /** E2SM-RC v01.03. */
    RC1(() -> io.oranric.e2.codec.rc.v0103.TypeRegistry.INSTANCE, null),
    /** E2SM-CCC v01.01 (with E2SM-COMMON-IEs v02.01). */
    CCC1(() -> io.oranric.e2.codec.ccc.v0101.TypeRegistry.INSTANCE, null);

    private final Supplier<AsnTypeRegistry> registry;
    private final String defaultType;

    Asn1Set(Supplier<AsnTypeRegistry> registry, String defaultType) {
        this.registry = registry;
        this.defaultType = defaultType;
    }

    public AsnTypeRegistry registry() {
        return registry.get();
    }

    /** The usual top-level type ({@code E2AP-PDU} for E2AP), or null for E2SM sets. */
    public String defaultType() {
        return defaultType;
    }

    /** True for the E2SM sets (whose values travel inside E2AP OCTET STRINGs). */
    public boolean isE2sm() {
        return defaultType == null;
    }

    /** The named type, or an IllegalArgumentException that says which names exist. */
    public AsnType type(String asn1Name) {
        AsnType t = registry().type(asn1Name);
        if (t == null) {
            String key = clean(asn1Name);
            String prefix = key.substring(0, Math.min(4, key.length()));
            throw new IllegalArgumentException("set " + name() + " has no type " + asn1Name + "; similar names: "
                    + String.join(", ", registry().types().keySet().stream().filter(n -> clean(n).contains(prefix)).limit(15).toList()));
        }
        return t;
    }

    private static String clean(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Case-insensitive lookup by name ({@code e2ap3}, {@code KPM3}...). */
    public static Asn1Set of(String name) {
        for (Asn1Set s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown ASN.1 set " + name + "; known: " + Arrays.toString(values()));
    }
}
