package io.oranric.e2.asn1compiler.emit;

import java.util.Locale;
import java.util.Set;

/** ASN.1 names to Java names. Hyphens become underscores; everything else stays recognisable. */
public final class Naming {

    private Naming() {
    }

    static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits", "_");

    /** Member names of generated records and java.lang.Object that components must not take. */
    static final Set<String> RESERVED_MEMBERS = Set.of("unknownExtensions", "encodeTo", "encode", "decode",
            "choiceIndex", "choiceValue", "rowIndex", "fieldValues", "hashCode", "toString", "equals", "getClass",
            "notify", "notifyAll", "wait", "clone", "finalize", "builder", "build", "asn1Name");

    /** Simple names a generated top-level type must not take (java.lang and the runtime we import). */
    static final Set<String> RESERVED_TYPES = Set.of("Object", "String", "Long", "Integer", "Boolean", "Double",
            "Short", "Byte", "Character", "Float", "Number", "Math", "System", "Thread", "Runtime", "Class", "Enum",
            "Record", "Override", "Deprecated", "Iterable", "Comparable", "Void", "Process", "Module", "Package",
            "Exception", "Error", "Throwable", "RuntimeException", "StringBuilder",
            "AperReader", "AperWriter", "AperException", "OctetString", "BitString", "CharAlphabet", "AsnLists",
            "UnknownExtensions", "AsnType", "AsnNull", "AsnEnumerated", "AsnTypeRegistry", "List", "Map", "Objects",
            "Arrays", "ArrayList", "Generated", "TypeRegistry", "Constants", "Alphabets", "Supplier");

    /** {@code RICsubscription-Request} to {@code RICsubscription_Request}. */
    public static String typeName(String asn) {
        String s = sanitize(asn);
        return RESERVED_TYPES.contains(s) ? s + "_" : s;
    }

    private static String sanitize(String asn) {
        StringBuilder sb = new StringBuilder();
        for (char c : asn.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    /** First letter upper case: {@code ricRequest} to {@code RicRequest}. */
    public static String upperCamel(String asn) {
        String s = typeName(asn);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Component / accessor name: {@code ric-ID} to {@code ric_ID}; keywords get a trailing underscore. */
    public static String fieldName(String asn) {
        String s = sanitize(asn);
        if (KEYWORDS.contains(s) || RESERVED_MEMBERS.contains(s)) {
            return s + "_";
        }
        return s;
    }

    /** Enumeration constant: {@code uponSubscription} to {@code UPON_SUBSCRIPTION}, {@code rrc-idle} to {@code RRC_IDLE}. */
    public static String constName(String asn) {
        StringBuilder sb = new StringBuilder();
        char prev = 0;
        for (char c : asn.toCharArray()) {
            if (c == '-') {
                sb.append('_');
            } else {
                if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                    sb.append('_');
                }
                sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
            }
            prev = c;
        }
        String s = sb.toString().toUpperCase(Locale.ROOT);
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            s = "_" + s;
        }
        return s;
    }

    /**
     * Accessor for an IE from its id name: {@code id-RICrequestID} to {@code ricRequestID},
     * {@code id-TNLinformation} to {@code tnlInformation}, {@code id-GlobalE2node-ID} to {@code globalE2node_ID}.
     */
    public static String accessorName(String idName) {
        String s = idName.startsWith("id-") ? idName.substring(3) : idName;
        s = typeName(s);
        int k = 0;
        while (k < s.length() && Character.isUpperCase(s.charAt(k))) {
            k++;
        }
        String out;
        if (k == 0) {
            out = s;
        } else if (k == 1) {
            out = Character.toLowerCase(s.charAt(0)) + s.substring(1);
        } else if (k == s.length()) {
            out = s.toLowerCase(Locale.ROOT);
        } else if (Character.isLowerCase(s.charAt(k))) {
            out = s.substring(0, k).toLowerCase(Locale.ROOT) + Character.toUpperCase(s.charAt(k)) + s.substring(k + 1);
        } else {
            out = s.substring(0, k).toLowerCase(Locale.ROOT) + s.substring(k);
        }
        return KEYWORDS.contains(out) || RESERVED_MEMBERS.contains(out) ? out + "_" : out;
    }

    /** A Java string literal. */
    public static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A Java long literal. */
    public static String lng(long v) {
        if (v == Long.MIN_VALUE) {
            return "Long.MIN_VALUE";
        }
        return v + "L";
    }

    /**
     * An int literal for a size bound; the "no upper bound" value is written as a hex literal so that a
     * generated member called {@code Integer} (KPM's MeasurementRecordItem) cannot shadow it.
     */
    public static String intLit(int v) {
        return v == Integer.MAX_VALUE ? "0x7FFFFFFF" : Integer.toString(v);
    }

    /**
     * Simple names the generated code itself uses; a nested type with one of them would shadow it.
     * ({@code Integer} is not in the list: generated code never names it.)
     */
    static final Set<String> USED_BY_GENERATED_CODE = Set.of("String", "Object", "Long", "Boolean", "Double",
            "Override", "SuppressWarnings", "Objects", "List", "Arrays", "ArrayList", "Supplier", "Generated",
            "AsnType", "AsnNull", "AsnLists", "AperReader", "AperWriter", "AperException", "OctetString", "BitString",
            "CharAlphabet", "UnknownExtensions", "AsnEnumerated", "Alphabets", "java");
}
