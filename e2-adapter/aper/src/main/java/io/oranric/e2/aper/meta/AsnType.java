package io.oranric.e2.aper.meta;

import io.oranric.e2.aper.AperReader;
import io.oranric.e2.aper.AperWriter;
import io.oranric.e2.aper.CharAlphabet;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.UnknownExtensions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Descriptor of an ASN.1 type as the generated code sees it: structure, PER-visible constraints, how to
 * build and take apart the generated Java values, and (for named types) the typed codec. Generic tools
 * (JSON view, random value generator) are written against these descriptors; the codecs themselves are
 * generated straight-line code and never look at them.
 *
 * <p>Java value model: BOOLEAN {@link Boolean}, INTEGER {@link Long}, REAL {@link Double}, ENUMERATED the
 * generated enum (or its {@code Unknown} record), BIT STRING {@link io.oranric.e2.aper.BitString}, OCTET
 * STRING and raw open types {@link OctetString}, character strings {@link String}, NULL
 * {@link AsnNull#INSTANCE}, SEQUENCE the generated record, SEQUENCE OF {@link List}, CHOICE the generated
 * alternative record.
 */
public abstract sealed class AsnType
        permits AsnType.BooleanType, AsnType.NullType, AsnType.IntegerType, AsnType.RealType,
        AsnType.EnumeratedType, AsnType.BitStringType, AsnType.OctetStringType, AsnType.CharStringType,
        AsnType.ObjectIdentifierType, AsnType.OpenType, AsnType.SequenceType, AsnType.SequenceOfType,
        AsnType.ChoiceType, AsnType.TableType {

    /** Decoder hook of a named type. */
    @FunctionalInterface
    public interface Decoder {
        Object decode(AperReader r);
    }

    /** Encoder hook of a named type. */
    @FunctionalInterface
    public interface Encoder {
        void encode(AperWriter w, Object value);
    }

    private final String name;
    private Decoder decoder;
    private Encoder encoder;

    AsnType(String name) {
        this.name = name;
    }

    /** The ASN.1 type reference name, or null for a type written in place. */
    public String name() {
        return name;
    }

    /** A supplier that always returns {@code type} (for component types written in place). */
    public static Supplier<AsnType> of(AsnType type) {
        return () -> type;
    }

    /** Short description of the kind, e.g. {@code "SEQUENCE"}. */
    public abstract String kind();

    /** Installs the typed codec (called once from the generated static initializer). */
    public AsnType codec(Decoder decoder, Encoder encoder) {
        if (this.decoder != null) {
            throw new IllegalStateException("codec already set for " + name);
        }
        this.decoder = decoder;
        this.encoder = encoder;
        return this;
    }

    public boolean hasCodec() {
        return decoder != null;
    }

    /** Decodes one value of this (named) type with the generated codec. */
    public Object decode(AperReader r) {
        if (decoder == null) {
            throw new UnsupportedOperationException("no codec for anonymous " + kind());
        }
        return decoder.decode(r);
    }

    /** Encodes one value of this (named) type with the generated codec. */
    public void encode(AperWriter w, Object value) {
        if (encoder == null) {
            throw new UnsupportedOperationException("no codec for anonymous " + kind());
        }
        encoder.encode(w, value);
    }

    /** Complete encoding of a top-level value of this (named) type. */
    public byte[] encodeToBytes(Object value) {
        AperWriter w = new AperWriter();
        encode(w, value);
        return w.toCompleteEncoding();
    }

    /** Decodes a complete top-level encoding of this (named) type. */
    public Object decodeFromBytes(byte[] bytes) {
        return decode(new AperReader(bytes));
    }

    @Override
    public String toString() {
        return (name == null ? "" : name + " ") + kind();
    }

    // ====================================================================== constraint helpers

    /** SIZE constraint: {@code lb..ub} ({@code ub == Integer.MAX_VALUE}: no upper bound). */
    public record Size(int lb, int ub, boolean extensible) {
        public static final Size NONE = new Size(0, Integer.MAX_VALUE, false);

        public boolean hasUpperBound() {
            return ub != Integer.MAX_VALUE;
        }
    }

    // ====================================================================== simple types

    public static final class BooleanType extends AsnType {
        public BooleanType(String name) {
            super(name);
        }

        @Override
        public String kind() {
            return "BOOLEAN";
        }
    }

    public static final class NullType extends AsnType {
        public NullType(String name) {
            super(name);
        }

        @Override
        public String kind() {
            return "NULL";
        }
    }

    public static final class RealType extends AsnType {
        public RealType(String name) {
            super(name);
        }

        @Override
        public String kind() {
            return "REAL";
        }
    }

    public static final class ObjectIdentifierType extends AsnType {
        public ObjectIdentifierType(String name) {
            super(name);
        }

        @Override
        public String kind() {
            return "OBJECT IDENTIFIER";
        }
    }

    /** An open type without a table constraint: the value is its raw complete encoding. */
    public static final class OpenType extends AsnType {
        public OpenType(String name) {
            super(name);
        }

        @Override
        public String kind() {
            return "open type";
        }
    }

    /** INTEGER with optional bounds ({@code hasLb}/{@code hasUb}) and extensibility. */
    public static final class IntegerType extends AsnType {
        private final long lb;
        private final long ub;
        private final boolean hasLb;
        private final boolean hasUb;
        private final boolean extensible;
        private final Map<String, Long> namedNumbers;

        public IntegerType(String name, boolean hasLb, long lb, boolean hasUb, long ub, boolean extensible,
                           Map<String, Long> namedNumbers) {
            super(name);
            this.lb = lb;
            this.ub = ub;
            this.hasLb = hasLb;
            this.hasUb = hasUb;
            this.extensible = extensible;
            this.namedNumbers = namedNumbers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(namedNumbers));
        }

        public long lb() {
            return lb;
        }

        public long ub() {
            return ub;
        }

        public boolean hasLb() {
            return hasLb;
        }

        public boolean hasUb() {
            return hasUb;
        }

        public boolean extensible() {
            return extensible;
        }

        public Map<String, Long> namedNumbers() {
            return namedNumbers;
        }

        @Override
        public String kind() {
            return "INTEGER";
        }
    }

    public static final class BitStringType extends AsnType {
        private final Size size;

        public BitStringType(String name, Size size) {
            super(name);
            this.size = size;
        }

        public Size size() {
            return size;
        }

        @Override
        public String kind() {
            return "BIT STRING";
        }
    }

    public static final class OctetStringType extends AsnType {
        private final Size size;

        public OctetStringType(String name, Size size) {
            super(name);
            this.size = size;
        }

        public Size size() {
            return size;
        }

        @Override
        public String kind() {
            return "OCTET STRING";
        }
    }

    /** A character string; {@code alphabet} is null for UTF8String. */
    public static final class CharStringType extends AsnType {
        private final String stringKind;
        private final Size size;
        private final CharAlphabet alphabet;

        public CharStringType(String name, String stringKind, Size size, CharAlphabet alphabet) {
            super(name);
            this.stringKind = stringKind;
            this.size = size;
            this.alphabet = alphabet;
        }

        public String stringKind() {
            return stringKind;
        }

        public Size size() {
            return size;
        }

        public CharAlphabet alphabet() {
            return alphabet;
        }

        @Override
        public String kind() {
            return stringKind;
        }
    }

    /**
     * ENUMERATED: the known values in PER order (root values sorted by number, then the extension
     * additions), their ASN.1 names, and for extensible types how to represent an unknown addition.
     */
    public static final class EnumeratedType extends AsnType {
        private final List<Object> values;
        private final List<String> names;
        private final int rootCount;
        private final boolean extensible;
        private final IntFunction<Object> unknown;
        private final ToIntFunction<Object> unknownIndex;

        public EnumeratedType(String name, List<?> values, List<String> names, int rootCount, boolean extensible,
                              IntFunction<Object> unknown, ToIntFunction<Object> unknownIndex) {
            super(name);
            this.values = List.copyOf(values);
            this.names = List.copyOf(names);
            this.rootCount = rootCount;
            this.extensible = extensible;
            this.unknown = unknown;
            this.unknownIndex = unknownIndex;
        }

        public List<Object> values() {
            return values;
        }

        public List<String> names() {
            return names;
        }

        public int rootCount() {
            return rootCount;
        }

        public boolean extensible() {
            return extensible;
        }

        /** Position of {@code v} among the known values, or -1 for an unknown extension value. */
        public int indexOf(Object v) {
            return values.indexOf(v);
        }

        /** The value for unknown extension addition number {@code extensionIndex} (extensible types only). */
        public Object unknown(int extensionIndex) {
            if (unknown == null) {
                throw new IllegalArgumentException(name() + " has no unknown values");
            }
            return unknown.apply(extensionIndex);
        }

        /** Extension index of an unknown value. */
        public int unknownIndex(Object v) {
            return unknownIndex.applyAsInt(v);
        }

        @Override
        public String kind() {
            return "ENUMERATED";
        }
    }

    // ====================================================================== constructed types

    /** How a SEQUENCE component may be absent. */
    public enum Presence { MANDATORY, OPTIONAL, DEFAULT }

    /**
     * A SEQUENCE component. {@code extensionGroup} numbers the extension addition (or addition group) it
     * belongs to (-1 for root components); components of one group share the number.
     */
    public record Component(String name, Supplier<AsnType> type, Presence presence, Object defaultValue,
                            int extensionGroup, Function<Object, Object> getter) {
        public AsnType resolvedType() {
            return type.get();
        }

        public boolean isExtension() {
            return extensionGroup >= 0;
        }
    }

    public static final class SequenceType extends AsnType {
        private final List<Component> components;
        private final boolean extensible;
        private final Function<Object[], Object> constructor;
        private final Function<Object, UnknownExtensions> unknownExtensions;

        /**
         * @param constructor builds the record from the component values in order followed by the
         *                    {@link UnknownExtensions} (or null) when the type is extensible
         */
        public SequenceType(String name, List<Component> components, boolean extensible,
                            Function<Object[], Object> constructor, Function<Object, UnknownExtensions> unknownExtensions) {
            super(name);
            this.components = List.copyOf(components);
            this.extensible = extensible;
            this.constructor = constructor;
            this.unknownExtensions = unknownExtensions;
        }

        public List<Component> components() {
            return components;
        }

        public boolean extensible() {
            return extensible;
        }

        /** Builds a value; {@code values} has one entry per component plus the unknown extensions if extensible. */
        public Object construct(Object[] values) {
            return constructor.apply(values);
        }

        public UnknownExtensions unknownExtensions(Object value) {
            return unknownExtensions == null ? null : unknownExtensions.apply(value);
        }

        @Override
        public String kind() {
            return "SEQUENCE";
        }
    }

    public static final class SequenceOfType extends AsnType {
        private final Supplier<AsnType> element;
        private final Size size;

        public SequenceOfType(String name, Supplier<AsnType> element, Size size) {
            super(name);
            this.element = element;
            this.size = size;
        }

        public AsnType element() {
            return element.get();
        }

        public Size size() {
            return size;
        }

        @Override
        public String kind() {
            return "SEQUENCE OF";
        }
    }

    /** A CHOICE alternative; {@code make} wraps an alternative value into the generated record. */
    public record Alternative(String name, Supplier<AsnType> type, boolean extension, Function<Object, Object> make) {
        public AsnType resolvedType() {
            return type.get();
        }
    }

    /** Values of CHOICE types implement this (generated alternative records). */
    public interface ChoiceValue {
        /** Index of the alternative among all known alternatives (root then extension), -1 if unknown. */
        int choiceIndex();

        /** The alternative's value ({@link AsnNull#INSTANCE} for NULL alternatives). */
        Object choiceValue();
    }

    /** The generated {@code Unknown} record of an extensible CHOICE implements this as well. */
    public interface UnknownAlternative extends ChoiceValue {
        int extensionIndex();

        OctetString encoding();
    }

    public static final class ChoiceType extends AsnType {
        private final List<Alternative> alternatives;
        private final int rootCount;
        private final boolean extensible;
        private final java.util.function.BiFunction<Integer, OctetString, Object> unknown;

        public ChoiceType(String name, List<Alternative> alternatives, int rootCount, boolean extensible,
                          java.util.function.BiFunction<Integer, OctetString, Object> unknown) {
            super(name);
            this.alternatives = List.copyOf(alternatives);
            this.rootCount = rootCount;
            this.extensible = extensible;
            this.unknown = unknown;
        }

        public List<Alternative> alternatives() {
            return alternatives;
        }

        public int rootCount() {
            return rootCount;
        }

        public boolean extensible() {
            return extensible;
        }

        public Object unknown(int extensionIndex, OctetString encoding) {
            return unknown.apply(extensionIndex, encoding);
        }

        public Alternative alternative(String altName) {
            for (Alternative a : alternatives) {
                if (a.name().equals(altName)) {
                    return a;
                }
            }
            return null;
        }

        @Override
        public String kind() {
            return "CHOICE";
        }
    }

    // ====================================================================== information object tables

    /** Role of a component of a table-constrained SEQUENCE (ProtocolIE-Field, InitiatingMessage...). */
    public enum FieldRole {
        /** The unique key ({@code id}, {@code procedureCode}): selects the row. */
        KEY,
        /** A value field of the class ({@code criticality}); the row gives its default. */
        VALUE,
        /** A type field ({@code value}): an open type whose type the row gives. */
        OPEN
    }

    /** One component of a table-constrained SEQUENCE. {@code type} is null for OPEN components. */
    public record TableField(String name, FieldRole role, Supplier<AsnType> type) {
    }

    /**
     * One information object of the set: the key value and its reference name ({@code id-RICrequestID}),
     * per component the row's fixed value (VALUE) or type (OPEN), the presence if the class has one, and
     * {@code make} that builds the generated record from the component values.
     */
    public record TableRow(long key, String keyName, List<Object> fixedValues, List<Supplier<AsnType>> openTypes,
                           String presence, Function<Object[], Object> make) {
        public AsnType openType(int i) {
            Supplier<AsnType> s = openTypes.get(i);
            return s == null ? null : s.get();
        }
    }

    /** Values of table-constrained SEQUENCE types implement this (generated row records). */
    public interface TableValue {
        /** Index of the row in the object set, -1 for an unknown key. */
        int rowIndex();

        /** Component values in declaration order (raw {@link OctetString} for open types of unknown rows). */
        Object[] fieldValues();
    }

    /**
     * A SEQUENCE whose components are constrained by an information object set: the typed view of
     * {@code ProtocolIE-Field {{Set}}}, {@code InitiatingMessage} and the like.
     */
    public static final class TableType extends AsnType {
        private final String setName;
        private final List<TableField> fields;
        private final List<TableRow> rows;
        private final boolean setExtensible;
        private final Function<Object[], Object> makeUnknown;

        public TableType(String name, String setName, List<TableField> fields, List<TableRow> rows,
                         boolean setExtensible, Function<Object[], Object> makeUnknown) {
            super(name);
            this.setName = setName;
            this.fields = List.copyOf(fields);
            this.rows = List.copyOf(rows);
            this.setExtensible = setExtensible;
            this.makeUnknown = makeUnknown;
        }

        public String setName() {
            return setName;
        }

        public List<TableField> fields() {
            return fields;
        }

        public List<TableRow> rows() {
            return rows;
        }

        public boolean setExtensible() {
            return setExtensible;
        }

        public int keyField() {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).role() == FieldRole.KEY) {
                    return i;
                }
            }
            throw new IllegalStateException("no key");
        }

        public TableRow rowByKey(long key) {
            for (TableRow r : rows) {
                if (r.key() == key) {
                    return r;
                }
            }
            return null;
        }

        public TableRow rowByName(String keyName) {
            for (TableRow r : rows) {
                if (r.keyName().equals(keyName)) {
                    return r;
                }
            }
            return null;
        }

        /** Builds the record for an unknown key; open-type components are raw {@link OctetString}s. */
        public Object makeUnknown(Object[] values) {
            return makeUnknown.apply(values);
        }

        @Override
        public String kind() {
            return "SEQUENCE (table-constrained by " + setName + ")";
        }
    }
}
