package io.oranric.e2.asn1compiler.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Intermediate representation: every name resolved, parameterized types instantiated, information object
 * sets flattened into rows, constraints reduced to their PER-visible effect. The emitter works only on this.
 */
public final class Ir {

    private Ir() {
    }

    /** A SIZE constraint; {@code ub == Integer.MAX_VALUE} means no upper bound. */
    public record Size(int lb, int ub, boolean ext) {
        public static final Size NONE = new Size(0, Integer.MAX_VALUE, false);

        public boolean fixed() {
            return lb == ub;
        }

        @Override
        public String toString() {
            return ub == Integer.MAX_VALUE && lb == 0 && !ext ? "" : "SIZE(" + lb + ".." + (ub == Integer.MAX_VALUE ? "MAX" : ub) + (ext ? ",..." : "") + ")";
        }
    }

    public sealed interface Type permits Bool, Null, Real, Oid, Open, Int, Enum, Bits, Octets, Chars, Seq, SeqOf,
            Choice, Ref, Table {
    }

    public record Bool() implements Type {
    }

    public record Null() implements Type {
    }

    public record Real() implements Type {
    }

    public record Oid() implements Type {
    }

    /** An open type kept as its raw encoding (a type field without a usable table constraint). */
    public record Open() implements Type {
    }

    /** INTEGER; a null bound is unbounded. */
    public record Int(Long lb, Long ub, boolean ext, Map<String, Long> named) implements Type {
        @Override
        public String toString() {
            return "INTEGER(" + (lb == null ? "MIN" : lb) + ".." + (ub == null ? "MAX" : ub) + (ext ? ",..." : "") + ")";
        }
    }

    public record EnumItem(String name, long number) {
    }

    /** ENUMERATED: items in PER order (root sorted by number, then additions); {@code rootCount} root items. */
    public record Enum(List<EnumItem> items, int rootCount, boolean ext) implements Type {
    }

    public record Bits(Size size, Map<String, Long> named) implements Type {
    }

    public record Octets(Size size) implements Type {
    }

    /** Character string; {@code alphabet} null for the full alphabet of {@code kind} (or UTF8String). */
    public record Chars(String kind, Size size, String alphabet) implements Type {
    }

    /**
     * A SEQUENCE component: {@code addition} is -1 for root components, otherwise the index of the
     * extension addition (an addition group counts as one addition; {@code grouped} marks its members).
     * {@code defaultValue} is the resolved DEFAULT value (Long, Boolean, String enum name...) or null.
     */
    public record Comp(String name, Type type, boolean optional, Object defaultValue, int addition, boolean grouped) {
        public boolean isRoot() {
            return addition < 0;
        }

        public boolean mayBeAbsent() {
            return optional || defaultValue != null || addition >= 0;
        }
    }

    public record Seq(List<Comp> comps, boolean ext, int additionCount) implements Type {
        public List<Comp> root() {
            return comps.stream().filter(Comp::isRoot).toList();
        }

        public List<Comp> additions() {
            return comps.stream().filter(c -> !c.isRoot()).toList();
        }
    }

    public record SeqOf(Type element, Size size) implements Type {
    }

    public record Alt(String name, Type type) {
    }

    /** CHOICE: root alternatives first ({@code rootCount} of them), then the extension additions. */
    public record Choice(List<Alt> alts, int rootCount, boolean ext) implements Type {
    }

    /** Reference to a named definition. */
    public record Ref(Def def) implements Type {
        @Override
        public String toString() {
            return "Ref(" + def.asnName() + ")";
        }
    }

    /** Role of a component of a table-constrained SEQUENCE. */
    public enum Role { KEY, VALUE, OPEN }

    /** Component of a table-constrained SEQUENCE: its class field and (for KEY and VALUE) its type. */
    public record TableComp(String name, Role role, String field, Type type) {
    }

    /** A SEQUENCE whose components are all fields of one object set, selected by the KEY component. */
    public record Table(ObjectSet set, List<TableComp> comps) implements Type {
        /** Rows that have every OPEN field this table uses (e.g. only procedures with a SuccessfulOutcome). */
        public List<ObjectRow> rows() {
            List<ObjectRow> out = new ArrayList<>();
            for (ObjectRow r : set.rows()) {
                boolean ok = true;
                for (TableComp c : comps) {
                    if (c.role() != Role.OPEN && r.field(c.field()) == null) {
                        ok = false;
                    }
                    if (c.role() == Role.OPEN && r.typeField(c.field()) == null) {
                        ok = false;
                    }
                }
                if (ok) {
                    out.add(r);
                }
            }
            return out;
        }

        public TableComp key() {
            return comps.stream().filter(c -> c.role() == Role.KEY).findFirst().orElseThrow();
        }
    }

    // ================================================================== values of object fields

    /** A resolved value: a Long, Boolean, String (enumeration identifier or character string), etc. */
    public record Value(Object value, String refName) {
    }

    /** One information object: value fields, type fields, and the reference name if it had one. */
    public record ObjectRow(String name, Map<String, Value> values, Map<String, Type> types) {
        public Value field(String f) {
            return values.get(f);
        }

        public Type typeField(String f) {
            return types.get(f);
        }
    }

    /** A flattened object set. */
    public record ObjectSet(String name, String className, List<ObjectRow> rows, boolean ext) {
    }

    // ================================================================== definitions

    /** What a definition is. */
    public enum DefKind { TYPE, TABLE_INSTANCE }

    /**
     * A named definition: one type assignment, or one instantiated table (named after its object set).
     * Mutable while the check pass builds it (types may refer to themselves).
     */
    public static final class Def {
        private final String asnName;
        private final String module;
        private final DefKind kind;
        private Type type;
        private boolean recursive;
        private String javaName;

        public Def(String asnName, String module, DefKind kind) {
            this.asnName = asnName;
            this.module = module;
            this.kind = kind;
        }

        public String asnName() {
            return asnName;
        }

        public String module() {
            return module;
        }

        public DefKind kind() {
            return kind;
        }

        public Type type() {
            return type;
        }

        public void setType(Type t) {
            this.type = t;
        }

        public boolean recursive() {
            return recursive;
        }

        public void setRecursive(boolean r) {
            this.recursive = r;
        }

        public String javaName() {
            return javaName;
        }

        public void setJavaName(String n) {
            this.javaName = n;
        }

        @Override
        public String toString() {
            return asnName;
        }
    }

    /** A value assignment worth exporting as a Java constant (INTEGER values). */
    public record Constant(String asnName, String module, long value) {
    }

    /** The whole set: definitions in source order and constants. */
    public record Model(String setName, List<Def> defs, List<Constant> constants, Map<String, String> sources) {
        public Map<String, Def> byName() {
            Map<String, Def> m = new LinkedHashMap<>();
            for (Def d : defs) {
                m.putIfAbsent(d.asnName(), d);
            }
            return m;
        }
    }
}
