package io.oranric.e2.asn1compiler.emit;

import io.oranric.e2.asn1compiler.Diagnostics;
import io.oranric.e2.asn1compiler.SetConfig;
import io.oranric.e2.asn1compiler.check.Checker;
import io.oranric.e2.asn1compiler.ir.Ir;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The emit pass: one Java source file per class-backed definition of the {@link Ir.Model}, plus a
 * {@code TypeRegistry} (descriptors by ASN.1 name) and {@code Constants} (INTEGER value assignments).
 *
 * <p>Mapping: SEQUENCE to a record (optional components boxed and nullable, unknown extension additions
 * in a trailing {@code UnknownExtensions} component); CHOICE to a sealed interface with one record per
 * alternative plus {@code Unknown}; ENUMERATED to an enum (extensible ones: a sealed interface with the
 * enum {@code Known} and the record {@code Unknown}); a table-constrained SEQUENCE (ProtocolIE-Field,
 * InitiatingMessage...) to a sealed interface with one record per information object plus {@code Unknown};
 * other types to a final holder class with static {@code decode}/{@code encode}.
 */
public final class JavaEmitter {

    static final String GENERATOR = "io.oranric.e2.asn1compiler";

    private final Ir.Model model;
    private final SetConfig.SetSpec spec;
    private final Diagnostics diag;
    private final String pkg;

    enum Kind { RECORD, CHOICE, ENUM, EXT_ENUM, TABLE, HOLDER }

    /** A Java class to generate (top-level or nested). */
    final class JClass {
        final Kind kind;
        final Ir.Type type;
        final Ir.Def def;          // top-level only
        final JClass parent;       // null for top-level
        String name;
        final List<JClass> children = new ArrayList<>();
        final Set<String> memberTypes = new HashSet<>();
        // CHOICE: alternative record names; TABLE: row record names; enums: constant names
        final List<String> memberNames = new ArrayList<>();

        JClass(Kind kind, Ir.Type type, Ir.Def def, JClass parent, String name) {
            this.kind = kind;
            this.type = type;
            this.def = def;
            this.parent = parent;
            this.name = name;
        }

        JClass top() {
            JClass c = this;
            while (c.parent != null) {
                c = c.parent;
            }
            return c;
        }

        String path() {
            return parent == null ? name : parent.path() + "." + name;
        }

        boolean recursive() {
            return top().def != null && top().def.recursive();
        }
    }

    private final Map<Ir.Def, JClass> byDef = new IdentityHashMap<>();
    private final Map<Ir.Type, JClass> byInline = new IdentityHashMap<>();
    private final List<JClass> tops = new ArrayList<>();
    private final Map<String, String> alphabets = new LinkedHashMap<>(); // chars -> constant name + base
    private int lambdaCounter;

    public JavaEmitter(Ir.Model model, SetConfig.SetSpec spec, Diagnostics diag) {
        this.model = model;
        this.spec = spec;
        this.diag = diag;
        this.pkg = spec.javaPackage();
    }

    // ====================================================================== driver

    /** Returns relative path to source text for every file of the package. */
    public Map<String, String> emit() {
        planClasses();
        Map<String, String> files = new TreeMap<>();
        String dir = pkg.replace('.', '/') + "/";
        for (JClass c : tops) {
            files.put(dir + c.name + ".java", file(c));
        }
        files.put(dir + "TypeRegistry.java", registry());
        files.put(dir + "Constants.java", constants());
        if (!alphabets.isEmpty()) {
            files.put(dir + "Alphabets.java", alphabetsFile());
        }
        files.put(dir + "package-info.java", packageInfo());
        return files;
    }

    // ====================================================================== planning (names)

    private static Kind kindOf(Ir.Type t) {
        if (t instanceof Ir.Seq) {
            return Kind.RECORD;
        } else if (t instanceof Ir.Choice) {
            return Kind.CHOICE;
        } else if (t instanceof Ir.Enum e) {
            return e.ext() ? Kind.EXT_ENUM : Kind.ENUM;
        } else if (t instanceof Ir.Table) {
            return Kind.TABLE;
        } else if (t instanceof Ir.Ref) {
            return null; // alias: no class
        }
        return Kind.HOLDER;
    }

    private void planClasses() {
        Set<String> taken = new HashSet<>();
        for (Ir.Def d : model.defs()) {
            Kind k = kindOf(d.type());
            if (k == null) {
                continue;
            }
            String name = Naming.typeName(d.asnName());
            String unique = name;
            int n = 2;
            while (!taken.add(unique.toLowerCase(Locale.ROOT))) {
                unique = name + "_" + n++;
            }
            if (!unique.equals(name)) {
                diag.warning("", spec.name() + ": " + d.asnName() + " generated as " + unique + " (name clash)");
            }
            d.setJavaName(unique);
            JClass c = new JClass(k, d.type(), d, null, unique);
            byDef.put(d, c);
            tops.add(c);
        }
        for (JClass c : tops) {
            planMembers(c);
        }
    }

    /** Names the members of {@code c} and creates nested classes for types written in place. */
    private void planMembers(JClass c) {
        Set<String> outer = new HashSet<>();
        for (JClass p = c; p != null; p = p.parent) {
            outer.add(p.name);
        }
        switch (c.kind) {
            case CHOICE -> {
                Ir.Choice ch = (Ir.Choice) c.type;
                c.memberTypes.add("Unknown");
                for (Ir.Alt a : ch.alts()) {
                    String n = uniqueName(Naming.upperCamel(a.name()), c.memberTypes, outer);
                    c.memberTypes.add(n);
                    c.memberNames.add(n);
                }
                for (int i = 0; i < ch.alts().size(); i++) {
                    Ir.Alt a = ch.alts().get(i);
                    nest(a.type(), c, c.memberNames.get(i) + "Value", outer);
                }
            }
            case RECORD -> {
                Ir.Seq s = (Ir.Seq) c.type;
                if (messageContainer(s) != null || hasBuilder(s)) {
                    c.memberTypes.add("Builder");
                }
                for (Ir.Comp comp : s.comps()) {
                    nest(comp.type(), c, Naming.upperCamel(comp.name()), outer);
                }
            }
            case TABLE -> {
                Ir.Table t = (Ir.Table) c.type;
                c.memberTypes.add("Unknown");
                for (Ir.ObjectRow row : t.rows()) {
                    String base = row.name() != null ? Naming.upperCamel(row.name())
                            : keyRefName(t, row) != null ? Naming.typeName(stripId(keyRefName(t, row))) + "_IE"
                            : "Row_" + keyValue(t, row);
                    String n = uniqueName(base, c.memberTypes, outer);
                    c.memberTypes.add(n);
                    c.memberNames.add(n);
                }
                for (Ir.TableComp tc : t.comps()) {
                    if (tc.type() != null) {
                        nest(tc.type(), c, Naming.upperCamel(tc.name()), outer);
                    }
                }
            }
            case ENUM, EXT_ENUM -> {
                Ir.Enum e = (Ir.Enum) c.type;
                Set<String> used = new HashSet<>(Set.of("DESCRIPTOR", "VALUES"));
                for (Ir.EnumItem item : e.items()) {
                    String n = Naming.constName(item.name());
                    String u = n;
                    int k = 2;
                    while (!used.add(u)) {
                        u = n + "_" + k++;
                    }
                    c.memberNames.add(u);
                }
                if (c.kind == Kind.EXT_ENUM) {
                    c.memberTypes.add("Known");
                    c.memberTypes.add("Unknown");
                }
            }
            case HOLDER -> nest(c.type, c, "Item", outer);
        }
    }

    private static String stripId(String s) {
        return s.startsWith("id-") ? s.substring(3) : s;
    }

    private String uniqueName(String base, Set<String> members, Set<String> outer) {
        String n = base;
        int k = 2;
        while (members.contains(n) || outer.contains(n) || Naming.USED_BY_GENERATED_CODE.contains(n)) {
            n = base + (k == 2 ? "_" : "_" + k);
            k++;
        }
        return n;
    }

    private void nest(Ir.Type t, JClass owner, String baseName, Set<String> outerNames) {
        if (t instanceof Ir.SeqOf so) {
            nest(so.element(), owner, owner.kind == Kind.HOLDER && baseName.equals("Item") ? "Item" : baseName + "_Item", outerNames);
            return;
        }
        Kind k = kindOf(t);
        if (k == null || k == Kind.HOLDER || k == Kind.TABLE) {
            return;
        }
        Set<String> outer = new HashSet<>(outerNames);
        String name = uniqueName(baseName, owner.memberTypes, outer);
        owner.memberTypes.add(name);
        JClass c = new JClass(k, t, null, owner, name);
        owner.children.add(c);
        byInline.put(t, c);
        planMembers(c);
    }

    // ====================================================================== type references

    /** The class that holds values of {@code t}, or null for primitives / lists. */
    private JClass classOf(Ir.Type t) {
        if (t instanceof Ir.Ref r) {
            JClass c = byDef.get(r.def());
            if (c == null) {
                return classOf(r.def().type());
            }
            return c.kind == Kind.HOLDER ? null : c;
        }
        return byInline.get(t);
    }

    /** Holder class for a reference to a primitive / list definition, or null. */
    private JClass holderOf(Ir.Type t) {
        if (t instanceof Ir.Ref r) {
            JClass c = byDef.get(r.def());
            if (c == null) {
                return holderOf(r.def().type());
            }
            return c.kind == Kind.HOLDER ? c : null;
        }
        return null;
    }

    /** How {@code target} is written in code inside {@code ctx}. */
    private String ref(JClass target, JClass ctx) {
        JClass top = target.top();
        boolean shadowed = false;
        for (JClass s = ctx; s != null; s = s.parent) {
            if (s.memberTypes.contains(top.name) || (s.name.equals(top.name) && s != top)) {
                shadowed = true;
                break;
            }
        }
        String path = target.path();
        return shadowed ? pkg + "." + path : path;
    }

    private String jt(Ir.Type t, JClass ctx, boolean boxed) {
        if (t instanceof Ir.Ref r) {
            JClass c = byDef.get(r.def());
            if (c == null || c.kind == Kind.HOLDER) {
                return jt(r.def().type(), ctx, boxed);
            }
            return ref(c, ctx);
        }
        JClass inline = byInline.get(t);
        if (inline != null) {
            return ref(inline, ctx);
        }
        if (t instanceof Ir.Bool) {
            return boxed ? "Boolean" : "boolean";
        } else if (t instanceof Ir.Int) {
            return boxed ? "Long" : "long";
        } else if (t instanceof Ir.Real) {
            return boxed ? "Double" : "double";
        } else if (t instanceof Ir.Null) {
            return "AsnNull";
        } else if (t instanceof Ir.Oid) {
            return "long[]";
        } else if (t instanceof Ir.Open || t instanceof Ir.Octets) {
            return "OctetString";
        } else if (t instanceof Ir.Bits) {
            return "BitString";
        } else if (t instanceof Ir.Chars) {
            return "String";
        } else if (t instanceof Ir.SeqOf so) {
            return "List<" + jt(so.element(), ctx, true) + ">";
        }
        throw new IllegalStateException("no Java type for " + t);
    }

    private static boolean isPrimitive(String javaType) {
        return javaType.equals("long") || javaType.equals("boolean") || javaType.equals("double");
    }

    private static boolean isList(Ir.Type t) {
        Ir.Type d = Checker.deref(t);
        return d instanceof Ir.SeqOf;
    }

    // ====================================================================== codec expressions

    private String alphabet(Ir.Chars c) {
        String base = switch (c.kind()) {
            case "PrintableString" -> "CharAlphabet.PRINTABLE";
            case "IA5String" -> "CharAlphabet.IA5";
            case "VisibleString" -> "CharAlphabet.VISIBLE";
            case "NumericString" -> "CharAlphabet.NUMERIC";
            default -> throw new IllegalStateException(c.kind());
        };
        if (c.alphabet() == null) {
            return base;
        }
        String key = base + "|" + c.alphabet();
        String name = alphabets.get(key);
        if (name == null) {
            name = "A" + (alphabets.size() + 1);
            alphabets.put(key, name);
        }
        return "Alphabets." + name;
    }

    /** Expression decoding a value of {@code t} with reader {@code r}. */
    private String dec(Ir.Type t, JClass ctx, String r) {
        JClass cls = classOf(t);
        if (cls != null) {
            return ref(cls, ctx) + ".decode(" + r + ")";
        }
        JClass holder = holderOf(t);
        if (holder != null) {
            return ref(holder, ctx) + ".decode(" + r + ")";
        }
        if (t instanceof Ir.Ref ref) {
            return dec(ref.def().type(), ctx, r);
        }
        if (t instanceof Ir.Bool) {
            return r + ".readBoolean()";
        } else if (t instanceof Ir.Null) {
            return "AsnNull.INSTANCE";
        } else if (t instanceof Ir.Real) {
            return r + ".readReal()";
        } else if (t instanceof Ir.Oid) {
            return r + ".readObjectIdentifier()";
        } else if (t instanceof Ir.Open) {
            return r + ".readOpenTypeRaw()";
        } else if (t instanceof Ir.Int i) {
            if (i.lb() != null && i.ub() != null) {
                return i.ext() ? r + ".constrainedInteger(" + Naming.lng(i.lb()) + ", " + Naming.lng(i.ub()) + ", true)"
                        : r + ".constrainedWholeNumber(" + Naming.lng(i.lb()) + ", " + Naming.lng(i.ub()) + ")";
            }
            if (i.lb() != null) {
                return r + ".semiConstrainedInteger(" + Naming.lng(i.lb()) + ", " + i.ext() + ")";
            }
            return r + ".unconstrainedInteger()";
        } else if (t instanceof Ir.Bits b) {
            return b.size().equals(Ir.Size.NONE) ? r + ".readBitString()"
                    : r + ".readBitString(" + sizeArgs(b.size()) + ")";
        } else if (t instanceof Ir.Octets o) {
            return o.size().equals(Ir.Size.NONE) ? r + ".readOctetString()"
                    : r + ".readOctetString(" + sizeArgs(o.size()) + ")";
        } else if (t instanceof Ir.Chars c) {
            if (c.kind().equals("UTF8String")) {
                return r + ".readUtf8String()";
            }
            return r + ".readKnownMultiplierString(" + sizeArgs(c.size()) + ", " + alphabet(c) + ")";
        } else if (t instanceof Ir.SeqOf so) {
            int k = ++lambdaCounter;
            String rv = "r" + k;
            return "AsnLists.decode(" + r + ", " + sizeArgs(so.size()) + ", " + minBits(so.element(), new HashSet<>()) + ", "
                    + rv + " -> " + dec(so.element(), ctx, rv) + ")";
        }
        throw new IllegalStateException("cannot decode " + t);
    }

    private static String sizeArgs(Ir.Size s) {
        return s.lb() + ", " + Naming.intLit(s.ub()) + ", " + s.ext();
    }

    /** Statement(s) encoding {@code v} of type {@code t} with writer {@code w}. */
    private String enc(Ir.Type t, JClass ctx, String v, String w) {
        JClass cls = classOf(t);
        if (cls != null) {
            if (cls.kind == Kind.ENUM || cls.kind == Kind.EXT_ENUM) {
                return ref(cls, ctx) + ".encode(" + w + ", " + v + ");";
            }
            return v + ".encodeTo(" + w + ");";
        }
        JClass holder = holderOf(t);
        if (holder != null) {
            return ref(holder, ctx) + ".encode(" + w + ", " + v + ");";
        }
        if (t instanceof Ir.Ref ref) {
            return enc(ref.def().type(), ctx, v, w);
        }
        if (t instanceof Ir.Bool) {
            return w + ".writeBoolean(" + v + ");";
        } else if (t instanceof Ir.Null) {
            return "// NULL: no bits";
        } else if (t instanceof Ir.Real) {
            return w + ".writeReal(" + v + ");";
        } else if (t instanceof Ir.Oid) {
            return w + ".writeObjectIdentifier(" + v + ");";
        } else if (t instanceof Ir.Open) {
            return w + ".writeOpenTypeRaw(" + v + ");";
        } else if (t instanceof Ir.Int i) {
            if (i.lb() != null && i.ub() != null) {
                return i.ext() ? w + ".constrainedInteger(" + v + ", " + Naming.lng(i.lb()) + ", " + Naming.lng(i.ub()) + ", true);"
                        : w + ".constrainedWholeNumber(" + v + ", " + Naming.lng(i.lb()) + ", " + Naming.lng(i.ub()) + ");";
            }
            if (i.lb() != null) {
                return w + ".semiConstrainedInteger(" + v + ", " + Naming.lng(i.lb()) + ", " + i.ext() + ");";
            }
            return w + ".unconstrainedInteger(" + v + ");";
        } else if (t instanceof Ir.Bits b) {
            return b.size().equals(Ir.Size.NONE) ? w + ".writeBitString(" + v + ");"
                    : w + ".writeBitString(" + v + ", " + sizeArgs(b.size()) + ");";
        } else if (t instanceof Ir.Octets o) {
            return o.size().equals(Ir.Size.NONE) ? w + ".writeOctetString(" + v + ");"
                    : w + ".writeOctetString(" + v + ", " + sizeArgs(o.size()) + ");";
        } else if (t instanceof Ir.Chars c) {
            if (c.kind().equals("UTF8String")) {
                return w + ".writeUtf8String(" + v + ");";
            }
            return w + ".writeKnownMultiplierString(" + v + ", " + sizeArgs(c.size()) + ", " + alphabet(c) + ");";
        } else if (t instanceof Ir.SeqOf so) {
            int k = ++lambdaCounter;
            String wv = "w" + k;
            String ev = "e" + k;
            return "AsnLists.encode(" + w + ", " + v + ", " + sizeArgs(so.size()) + ", (" + wv + ", " + ev + ") -> "
                    + lambdaBody(enc(so.element(), ctx, ev, wv)) + ");";
        }
        throw new IllegalStateException("cannot encode " + t);
    }

    private static String lambdaBody(String stmt) {
        if (stmt.startsWith("//")) {
            return "{ }";
        }
        return "{ " + stmt + " }";
    }

    /** A lower bound of the encoded size in bits (0 when the encoding can be empty). */
    private int minBits(Ir.Type t, Set<Ir.Def> seen) {
        if (t instanceof Ir.Ref r) {
            if (!seen.add(r.def())) {
                return 0;
            }
            return minBits(r.def().type(), seen);
        }
        if (t instanceof Ir.Bool) {
            return 1;
        } else if (t instanceof Ir.Null) {
            return 0;
        } else if (t instanceof Ir.Real || t instanceof Ir.Oid || t instanceof Ir.Open) {
            return 8;
        } else if (t instanceof Ir.Int i) {
            if (i.ext()) {
                return 1;
            }
            if (i.lb() != null && i.ub() != null) {
                return i.lb().equals(i.ub()) ? 0 : 1;
            }
            return 8;
        } else if (t instanceof Ir.Enum e) {
            return e.ext() || e.rootCount() > 1 ? 1 : 0;
        } else if (t instanceof Ir.Bits b) {
            return sizeMin(b.size(), 1);
        } else if (t instanceof Ir.Octets o) {
            return sizeMin(o.size(), 8);
        } else if (t instanceof Ir.Chars c) {
            return sizeMin(c.size(), 1);
        } else if (t instanceof Ir.SeqOf so) {
            return so.size().ext() || !so.size().fixed() ? 1 : so.size().lb() > 0 ? minBits(so.element(), seen) * so.size().lb() : 0;
        } else if (t instanceof Ir.Seq s) {
            int n = s.ext() ? 1 : 0;
            for (Ir.Comp c : s.comps()) {
                if (c.isRoot()) {
                    n += c.mayBeAbsent() ? 1 : minBits(c.type(), seen);
                }
            }
            return n;
        } else if (t instanceof Ir.Choice c) {
            if (c.ext() || c.rootCount() > 1) {
                return 1;
            }
            return minBits(c.alts().get(0).type(), seen);
        } else if (t instanceof Ir.Table tb) {
            return Math.max(1, minBits(tb.key().type(), seen));
        }
        return 0;
    }

    private static int sizeMin(Ir.Size s, int unit) {
        if (s.ext() || !s.fixed() || s.ub() >= 65536) {
            return s.ub() >= 65536 || s.ext() ? 1 : (s.ub() - s.lb() == 0 ? 0 : 1);
        }
        return Math.min(s.lb() * unit, 1 << 20);
    }

    // ====================================================================== descriptors

    private String descSupplier(Ir.Type t, JClass ctx) {
        JClass cls = classOf(t);
        if (cls != null) {
            return "() -> " + ref(cls, ctx) + ".DESCRIPTOR";
        }
        JClass holder = holderOf(t);
        if (holder != null) {
            return "() -> " + ref(holder, ctx) + ".DESCRIPTOR";
        }
        if (t instanceof Ir.Ref r) {
            return descSupplier(r.def().type(), ctx);
        }
        return "AsnType.of(" + descNew(t, null, ctx) + ")";
    }

    private String descNew(Ir.Type t, String name, JClass ctx) {
        String n = name == null ? "null" : Naming.str(name);
        if (t instanceof Ir.Bool) {
            return "new AsnType.BooleanType(" + n + ")";
        } else if (t instanceof Ir.Null) {
            return "new AsnType.NullType(" + n + ")";
        } else if (t instanceof Ir.Real) {
            return "new AsnType.RealType(" + n + ")";
        } else if (t instanceof Ir.Oid) {
            return "new AsnType.ObjectIdentifierType(" + n + ")";
        } else if (t instanceof Ir.Open) {
            return "new AsnType.OpenType(" + n + ")";
        } else if (t instanceof Ir.Int i) {
            return "new AsnType.IntegerType(" + n + ", " + (i.lb() != null) + ", " + Naming.lng(i.lb() == null ? 0 : i.lb()) + ", "
                    + (i.ub() != null) + ", " + Naming.lng(i.ub() == null ? 0 : i.ub()) + ", " + i.ext() + ", " + namedMap(i.named()) + ")";
        } else if (t instanceof Ir.Bits b) {
            return "new AsnType.BitStringType(" + n + ", " + sizeDesc(b.size()) + ")";
        } else if (t instanceof Ir.Octets o) {
            return "new AsnType.OctetStringType(" + n + ", " + sizeDesc(o.size()) + ")";
        } else if (t instanceof Ir.Chars c) {
            return "new AsnType.CharStringType(" + n + ", " + Naming.str(c.kind()) + ", " + sizeDesc(c.size()) + ", "
                    + (c.kind().equals("UTF8String") ? "null" : alphabet(c)) + ")";
        } else if (t instanceof Ir.SeqOf so) {
            return "new AsnType.SequenceOfType(" + n + ", " + descSupplier(so.element(), ctx) + ", " + sizeDesc(so.size()) + ")";
        }
        throw new IllegalStateException("no descriptor for " + t);
    }

    private static String sizeDesc(Ir.Size s) {
        return s.equals(Ir.Size.NONE) ? "AsnType.Size.NONE" : "new AsnType.Size(" + sizeArgs(s) + ")";
    }

    private static String namedMap(Map<String, Long> named) {
        if (named == null || named.isEmpty()) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("java.util.Map.ofEntries(");
        boolean first = true;
        for (Map.Entry<String, Long> e : named.entrySet()) {
            sb.append(first ? "" : ", ").append("java.util.Map.entry(").append(Naming.str(e.getKey())).append(", ")
                    .append(Naming.lng(e.getValue())).append(")");
            first = false;
        }
        return sb.append(")").toString();
    }

    /** Java expression for a resolved value of type {@code t} (DEFAULT values, table row values). */
    private String valueExpr(Object v, Ir.Type t, JClass ctx) {
        if (v == null) {
            return "null";
        }
        Ir.Type d = Checker.deref(t);
        if (d instanceof Ir.Enum e) {
            JClass c = classOf(t);
            int idx = -1;
            for (int i = 0; i < e.items().size(); i++) {
                if (e.items().get(i).name().equals(v)) {
                    idx = i;
                }
            }
            return ref(c, ctx) + "." + c.memberNames.get(idx);
        }
        if (v instanceof Long l) {
            return Naming.lng(l);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof String s) {
            return Naming.str(s);
        }
        return "null";
    }

    // ====================================================================== files

    private String file(JClass c) {
        CodeWriter body = new CodeWriter();
        emitClass(c, body, true);
        String text = body.toString();
        StringBuilder sb = new StringBuilder();
        sb.append("// Generated by ric-asn1-compiler from ").append(model.sources().get(c.def.module()))
                .append(" (module ").append(c.def.module()).append(", set ").append(spec.name()).append("). Do not edit.\n");
        sb.append("package ").append(pkg).append(";\n\n");
        for (String imp : imports(text)) {
            sb.append("import ").append(imp).append(";\n");
        }
        sb.append('\n').append(text);
        return sb.toString();
    }

    private static final String[][] IMPORTS = {
        {"AperReader", "io.oranric.e2.aper.AperReader"},
        {"AperWriter", "io.oranric.e2.aper.AperWriter"},
        {"AperException", "io.oranric.e2.aper.AperException"},
        {"AsnLists", "io.oranric.e2.aper.AsnLists"},
        {"BitString", "io.oranric.e2.aper.BitString"},
        {"CharAlphabet", "io.oranric.e2.aper.CharAlphabet"},
        {"OctetString", "io.oranric.e2.aper.OctetString"},
        {"UnknownExtensions", "io.oranric.e2.aper.UnknownExtensions"},
        {"AsnEnumerated", "io.oranric.e2.aper.meta.AsnEnumerated"},
        {"AsnNull", "io.oranric.e2.aper.meta.AsnNull"},
        {"AsnType", "io.oranric.e2.aper.meta.AsnType"},
        {"AsnTypeRegistry", "io.oranric.e2.aper.meta.AsnTypeRegistry"},
        {"ArrayList", "java.util.ArrayList"},
        {"Arrays", "java.util.Arrays"},
        {"Collections", "java.util.Collections"},
        {"LinkedHashMap", "java.util.LinkedHashMap"},
        {"List", "java.util.List"},
        {"Map", "java.util.Map"},
        {"Objects", "java.util.Objects"},
        {"Supplier", "java.util.function.Supplier"},
        {"Generated", "javax.annotation.processing.Generated"},
    };

    private static List<String> imports(String text) {
        List<String> out = new ArrayList<>();
        for (String[] imp : IMPORTS) {
            if (java.util.regex.Pattern.compile("(?<![\\w.])" + imp[0] + "\\b").matcher(text).find()) {
                out.add(imp[1]);
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    private String generatedAnnotation() {
        return "@Generated(\"" + GENERATOR + "\")";
    }

    private String doc(JClass c) {
        if (c.def != null) {
            return "/** ASN.1 {@code " + c.def.asnName() + "} (" + (c.def.kind() == Ir.DefKind.TABLE_INSTANCE
                    ? "fields of information object set " + c.def.asnName() : "module " + c.def.module()) + "). */";
        }
        return "/** Type written in place in the enclosing definition. */";
    }

    private void emitClass(JClass c, CodeWriter out, boolean top) {
        switch (c.kind) {
            case RECORD -> emitRecord(c, out, top);
            case CHOICE -> emitChoice(c, out, top);
            case ENUM -> emitEnum(c, out, top);
            case EXT_ENUM -> emitExtEnum(c, out, top);
            case TABLE -> emitTable(c, out, top);
            case HOLDER -> emitHolder(c, out, top);
        }
    }

    private void header(JClass c, CodeWriter out, boolean top) {
        out.line(doc(c));
        if (top) {
            out.line(generatedAnnotation());
        }
    }

    private String asnNameLiteral(JClass c) {
        return c.def != null ? Naming.str(c.def.asnName()) : "null";
    }

    // ====================================================================== SEQUENCE -> record

    private record Field(Ir.Comp comp, String name, String type, boolean primitive) {
    }

    private List<Field> fields(JClass c) {
        Ir.Seq s = (Ir.Seq) c.type;
        List<Field> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Ir.Comp comp : s.comps()) {
            String n = Naming.fieldName(comp.name());
            while (!used.add(n)) {
                n = n + "_";
            }
            String t = jt(comp.type(), c, comp.mayBeAbsent());
            out.add(new Field(comp, n, t, isPrimitive(t)));
        }
        return out;
    }

    /** Records with components that may be absent get a builder. */
    private static boolean hasBuilder(Ir.Seq s) {
        return s.comps().stream().anyMatch(Ir.Comp::mayBeAbsent);
    }

    /** The IE container component of an E2AP message (a list of a table type), or null. */
    private Ir.Comp messageContainer(Ir.Seq s) {
        List<Ir.Comp> root = s.root();
        if (root.size() != 1 || s.comps().size() != 1) {
            return null;
        }
        Ir.Type d = Checker.deref(root.get(0).type());
        if (d instanceof Ir.SeqOf so && so.element() instanceof Ir.Ref r && r.def().type() instanceof Ir.Table t
                && t.comps().stream().filter(x -> x.role() == Ir.Role.OPEN).count() == 1) {
            return root.get(0);
        }
        return null;
    }

    private void emitRecord(JClass c, CodeWriter out, boolean top) {
        Ir.Seq s = (Ir.Seq) c.type;
        List<Field> fields = fields(c);
        header(c, out, top);
        StringBuilder params = new StringBuilder();
        for (Field f : fields) {
            params.append(params.length() == 0 ? "" : ", ").append(f.type).append(' ').append(f.name);
        }
        if (s.ext()) {
            params.append(params.length() == 0 ? "" : ", ").append("UnknownExtensions unknownExtensions");
        }
        out.open("public record " + c.name + "(" + params + ")");
        // compact constructor
        List<String> checks = new ArrayList<>();
        for (Field f : fields) {
            if (!f.comp.mayBeAbsent() && !f.primitive) {
                checks.add("Objects.requireNonNull(" + f.name + ", " + Naming.str(f.name) + ");");
            }
            if (isList(f.comp.type())) {
                checks.add(f.name + " = AsnLists.immutable(" + f.name + ");");
            }
        }
        if (!checks.isEmpty()) {
            out.line();
            out.open("public " + c.name);
            checks.forEach(out::line);
            out.close();
        }
        if (s.ext()) {
            out.line();
            out.line("/** A value without unknown extension additions. */");
            StringBuilder p2 = new StringBuilder();
            StringBuilder a2 = new StringBuilder();
            for (Field f : fields) {
                p2.append(p2.length() == 0 ? "" : ", ").append(f.type).append(' ').append(f.name);
                a2.append(f.name).append(", ");
            }
            out.open("public " + c.name + "(" + p2 + ")");
            out.line("this(" + a2 + "null);");
            out.close();
        }
        Ir.Comp container = messageContainer(s);
        if (container != null) {
            emitMessageHelpers(c, out, fields.get(0), container);
        } else if (hasBuilder(s)) {
            emitRecordBuilder(c, out, fields, s);
        }
        emitRecordDecode(c, out, fields, s);
        emitRecordEncode(c, out, fields, s);
        emitTopHelpers(c, out, false);
        emitRecordDescriptor(c, out, fields, s);
        for (JClass child : c.children) {
            out.line();
            emitClass(child, out, false);
        }
        out.close();
    }

    private void emitRecordBuilder(JClass c, CodeWriter out, List<Field> fields, Ir.Seq s) {
        out.line();
        out.line("/** A builder; components that may be absent start absent. */");
        out.open("public static Builder builder()");
        out.line("return new Builder();");
        out.close();
        out.line();
        out.line("/** Builds a value component by component. */");
        out.open("public static final class Builder");
        for (Field f : fields) {
            out.line("private " + castType(f.type) + " " + f.name + ";");
        }
        if (s.ext()) {
            out.line("private UnknownExtensions unknownExtensions;");
        }
        out.line();
        out.open("private Builder()");
        out.close();
        for (Field f : fields) {
            out.line();
            out.line("/** Component {@code " + f.comp.name() + "}" + (f.comp.mayBeAbsent() ? " (may be absent: null)" : "") + ". */");
            out.open("public Builder " + f.name + "(" + f.type + " value)");
            out.line("this." + f.name + " = value;");
            out.line("return this;");
            out.close();
        }
        if (s.ext()) {
            out.line();
            out.open("public Builder unknownExtensions(UnknownExtensions value)");
            out.line("this.unknownExtensions = value;");
            out.line("return this;");
            out.close();
        }
        out.line();
        out.line("/** @throws IllegalStateException if a mandatory component is missing */");
        out.open("public " + c.name + " build()");
        StringBuilder args = new StringBuilder();
        for (Field f : fields) {
            if (!f.comp.mayBeAbsent()) {
                out.open("if (" + f.name + " == null)");
                out.line("throw new IllegalStateException(\"missing mandatory component " + f.comp.name() + "\");");
                out.close();
            }
            args.append(args.length() == 0 ? "" : ", ").append(f.name);
        }
        if (s.ext()) {
            args.append(args.length() == 0 ? "" : ", ").append("unknownExtensions");
        }
        out.line("return new " + c.name + "(" + args + ");");
        out.close();
        out.close();
    }

    private void emitTopHelpers(JClass c, CodeWriter out, boolean isInterface) {
        out.line();
        out.line("/** Decodes a complete APER encoding of this type. */");
        out.open((isInterface ? "" : "public ") + "static " + c.name + " decode(byte[] bytes)");
        out.line("return decode(new AperReader(bytes));");
        out.close();
        out.line();
        out.line("/** The complete APER encoding of this value. */");
        out.open((isInterface ? "default " : "public ") + "byte[] encode()");
        out.line("AperWriter w = new AperWriter();");
        out.line("encodeTo(w);");
        out.line("return w.toCompleteEncoding();");
        out.close();
    }

    private void emitRecordDecode(JClass c, CodeWriter out, List<Field> fields, Ir.Seq s) {
        boolean rec = c.recursive();
        out.line();
        out.line("/** Decodes a value of this type (X.691 19). */");
        if (rec) {
            out.open("public static " + c.name + " decode(AperReader r)");
            out.line("r.enter();");
            out.line(c.name + " v = decode0(r);");
            out.line("r.leave();");
            out.line("return v;");
            out.close();
            out.line();
            out.open("private static " + c.name + " decode0(AperReader r)");
        } else {
            out.open("public static " + c.name + " decode(AperReader r)");
        }
        out.line("String f = null;");
        out.open("try");
        if (s.ext()) {
            out.line("boolean ext = r.readBit();");
        }
        for (Field f : fields) {
            if (f.comp.isRoot() && f.comp.mayBeAbsent()) {
                out.line("boolean p_" + f.name + " = r.readBit();");
            }
        }
        for (Field f : fields) {
            if (!f.comp.isRoot()) {
                continue;
            }
            out.line("f = " + Naming.str(f.comp.name()) + ";");
            String expr = dec(f.comp.type(), c, "r");
            if (f.comp.mayBeAbsent()) {
                out.line(f.type + " c_" + f.name + " = p_" + f.name + " ? " + expr + " : null;");
            } else {
                out.line(f.type + " c_" + f.name + " = " + expr + ";");
            }
        }
        if (s.ext()) {
            for (Field f : fields) {
                if (!f.comp.isRoot()) {
                    out.line(f.type + " c_" + f.name + " = null;");
                }
            }
            out.line("UnknownExtensions c_unknownExtensions = null;");
            out.open("if (ext)");
            out.line("f = null;");
            out.line("long[] xb = UnknownExtensions.readBitmap(r);");
            for (int a = 0; a < s.additionCount(); a++) {
                List<Field> group = additionFields(fields, a);
                out.open("if (UnknownExtensions.present(xb, " + a + "))");
                boolean grouped = group.get(0).comp.grouped();
                out.line("f = " + Naming.str(group.get(0).comp.name()) + ";");
                out.line("r.beginOpenType();");
                if (!grouped) {
                    out.line("c_" + group.get(0).name + " = " + dec(group.get(0).comp.type(), c, "r") + ";");
                } else {
                    for (Field g : group) {
                        if (g.comp.optional() || g.comp.defaultValue() != null) {
                            out.line("boolean p_" + g.name + " = r.readBit();");
                        }
                    }
                    for (Field g : group) {
                        out.line("f = " + Naming.str(g.comp.name()) + ";");
                        String expr = dec(g.comp.type(), c, "r");
                        if (g.comp.optional() || g.comp.defaultValue() != null) {
                            out.line("c_" + g.name + " = p_" + g.name + " ? " + expr + " : null;");
                        } else {
                            out.line("c_" + g.name + " = " + expr + ";");
                        }
                    }
                }
                out.line("r.endOpenType();");
                out.close();
            }
            if (s.additionCount() > 0) {
                out.line("f = null;");
            }
            out.line("c_unknownExtensions = UnknownExtensions.readRest(r, xb, " + s.additionCount() + ");");
            out.close();
        }
        StringBuilder args = new StringBuilder();
        for (Field f : fields) {
            args.append(args.length() == 0 ? "" : ", ").append("c_").append(f.name);
        }
        if (s.ext()) {
            args.append(args.length() == 0 ? "" : ", ").append("c_unknownExtensions");
        }
        out.line("return new " + c.name + "(" + args + ");");
        out.dedent();
        out.open("} catch (AperException e)");
        out.line("throw f == null ? e : e.within(f);");
        out.close();
        out.close();
    }

    private static List<Field> additionFields(List<Field> fields, int addition) {
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.comp.addition() == addition) {
                out.add(f);
            }
        }
        return out;
    }

    private void emitRecordEncode(JClass c, CodeWriter out, List<Field> fields, Ir.Seq s) {
        out.line();
        out.line("/** Encodes this value (X.691 19). */");
        out.open("public void encodeTo(AperWriter w)");
        out.line("String f = null;");
        out.open("try");
        if (s.ext()) {
            StringBuilder any = new StringBuilder();
            for (int a = 0; a < s.additionCount(); a++) {
                List<Field> group = additionFields(fields, a);
                StringBuilder cond = new StringBuilder();
                for (Field g : group) {
                    cond.append(cond.length() == 0 ? "" : " || ").append("this.").append(g.name).append(" != null");
                }
                out.line("boolean x" + a + " = " + cond + ";");
                any.append("x").append(a).append(" || ");
            }
            out.line("boolean ext = " + any + "this.unknownExtensions != null;");
            out.line("w.writeBit(ext);");
        }
        for (Field f : fields) {
            if (f.comp.isRoot() && f.comp.mayBeAbsent()) {
                out.line("w.writeBit(this." + f.name + " != null);");
            }
        }
        for (Field f : fields) {
            if (!f.comp.isRoot()) {
                continue;
            }
            if (f.comp.mayBeAbsent()) {
                out.open("if (this." + f.name + " != null)");
            }
            out.line("f = " + Naming.str(f.comp.name()) + ";");
            out.line(enc(f.comp.type(), c, "this." + f.name, "w"));
            if (f.comp.mayBeAbsent()) {
                out.close();
            }
        }
        if (s.ext()) {
            out.open("if (ext)");
            out.line("f = null;");
            StringBuilder last = new StringBuilder();
            for (int a = s.additionCount() - 1; a >= 0; a--) {
                last.append("x").append(a).append(" ? ").append(a).append(" : ");
            }
            last.append("-1");
            out.line("int n = UnknownExtensions.bitmapLength(this.unknownExtensions, " + s.additionCount() + ", " + last + ");");
            out.line("w.normallySmallLength(n);");
            for (int a = 0; a < s.additionCount(); a++) {
                out.open("if (n > " + a + ")");
                out.line("w.writeBit(x" + a + ");");
                out.close();
            }
            out.line("UnknownExtensions.writeUnknownBits(w, this.unknownExtensions, " + s.additionCount() + ", n);");
            for (int a = 0; a < s.additionCount(); a++) {
                List<Field> group = additionFields(fields, a);
                out.open("if (x" + a + ")");
                out.line("f = " + Naming.str(group.get(0).comp.name()) + ";");
                out.line("int m = w.beginOpenType();");
                if (!group.get(0).comp.grouped()) {
                    out.line(enc(group.get(0).comp.type(), c, "this." + group.get(0).name, "w"));
                } else {
                    for (Field g : group) {
                        if (g.comp.optional() || g.comp.defaultValue() != null) {
                            out.line("w.writeBit(this." + g.name + " != null);");
                        }
                    }
                    for (Field g : group) {
                        out.line("f = " + Naming.str(g.comp.name()) + ";");
                        boolean opt = g.comp.optional() || g.comp.defaultValue() != null;
                        if (opt) {
                            out.open("if (this." + g.name + " != null)");
                        } else {
                            out.open("if (this." + g.name + " == null)");
                            out.line("throw w.error(AperException.Reason.INVALID_VALUE, \"mandatory component of a present extension group is missing\");");
                            out.close();
                        }
                        out.line(enc(g.comp.type(), c, "this." + g.name, "w"));
                        if (opt) {
                            out.close();
                        }
                    }
                }
                out.line("w.endOpenType(m);");
                out.close();
            }
            if (s.additionCount() > 0) {
                out.line("f = null;");
            }
            out.line("UnknownExtensions.writeUnknownValues(w, this.unknownExtensions, " + s.additionCount() + ", n);");
            out.close();
        }
        out.dedent();
        out.open("} catch (AperException e)");
        out.line("throw f == null ? e : e.within(f);");
        out.close();
        out.close();
    }

    private void emitRecordDescriptor(JClass c, CodeWriter out, List<Field> fields, Ir.Seq s) {
        out.line();
        out.line("/** Structure of this type for generic tools (JSON view, random values). */");
        out.line("@SuppressWarnings(\"unchecked\")");
        out.line("public static final AsnType DESCRIPTOR = new AsnType.SequenceType(" + asnNameLiteral(c) + ", List.of(");
        out.indent().indent();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String presence = f.comp.defaultValue() != null ? "DEFAULT" : f.comp.optional() ? "OPTIONAL" : "MANDATORY";
            out.line("new AsnType.Component(" + Naming.str(f.comp.name()) + ", " + descSupplier(f.comp.type(), c)
                    + ", AsnType.Presence." + presence + ", " + valueExpr(f.comp.defaultValue(), f.comp.type(), c) + ", "
                    + f.comp.addition() + ", v -> ((" + c.name + ") v)." + f.name + "())" + (i + 1 < fields.size() ? "," : ""));
        }
        out.dedent().dedent();
        StringBuilder ctor = new StringBuilder("a -> new " + c.name + "(");
        for (int i = 0; i < fields.size(); i++) {
            ctor.append(i == 0 ? "" : ", ").append("(").append(castType(fields.get(i).type)).append(") a[").append(i).append("]");
        }
        if (s.ext()) {
            ctor.append(fields.isEmpty() ? "" : ", ").append("(UnknownExtensions) a[").append(fields.size()).append("]");
        }
        ctor.append(")");
        out.line("        ), " + s.ext() + ",");
        out.line("        " + ctor + ",");
        out.line("        " + (s.ext() ? "v -> ((" + c.name + ") v).unknownExtensions()" : "null") + ")");
        out.line("        .codec(r -> decode(r), (w, v) -> ((" + c.name + ") v).encodeTo(w));");
    }

    private static String castType(String javaType) {
        return switch (javaType) {
            case "long" -> "Long";
            case "boolean" -> "Boolean";
            case "double" -> "Double";
            default -> javaType;
        };
    }

    // ---------------------------------------------------------------------- E2AP message helpers

    private void emitMessageHelpers(JClass c, CodeWriter out, Field containerField, Ir.Comp container) {
        Ir.SeqOf so = (Ir.SeqOf) Checker.deref(container.type());
        Ir.Def tableDef = ((Ir.Ref) so.element()).def();
        Ir.Table table = (Ir.Table) tableDef.type();
        JClass tc = byDef.get(tableDef);
        String tref = ref(tc, c);
        Ir.TableComp open = table.comps().stream().filter(x -> x.role() == Ir.Role.OPEN).findFirst().orElseThrow();
        List<Ir.ObjectRow> rows = table.rows();
        Set<String> used = new HashSet<>();
        used.add(containerField.name);
        List<String[]> accessors = new ArrayList<>(); // name, valueType, rowClass, keyName, presence
        for (int i = 0; i < rows.size(); i++) {
            Ir.ObjectRow row = rows.get(i);
            String keyName = keyRefName(table, row);
            if (keyName == null) {
                continue;
            }
            String n = Naming.accessorName(keyName);
            while (!used.add(n)) {
                n = n + "IE";
            }
            String vt = jt(row.typeField(open.field()), c, true);
            Ir.Value presence = row.field("presence");
            accessors.add(new String[] {n, vt, tref + "." + tc.memberNames.get(i), keyName,
                presence == null ? "" : String.valueOf(presence.value()), String.valueOf(i)});
        }
        for (String[] a : accessors) {
            out.line();
            out.line("/** The value of IE {@code " + a[3] + "}" + (a[4].isEmpty() ? "" : " (" + a[4] + ")") + ", or null if absent. */");
            out.open("public " + a[1] + " " + a[0] + "()");
            out.open("for (" + tref + " ie : this." + containerField.name + ")");
            out.open("if (ie instanceof " + a[2] + " x)");
            out.line("return x." + Naming.fieldName(open.name()) + "();");
            out.close();
            out.close();
            out.line("return null;");
            out.close();
        }
        out.line();
        out.line("/** A builder that adds IEs with the criticality of their object set and orders them as the set does. */");
        out.open("public static Builder builder()");
        out.line("return new Builder();");
        out.close();
        out.line();
        out.line("/** Builds a {@code " + (c.def != null ? c.def.asnName() : c.name) + "} IE by IE. */");
        out.open("public static final class Builder");
        out.line("private final List<" + tref + "> ies = new ArrayList<>();");
        out.line();
        out.open("private Builder()");
        out.close();
        for (String[] a : accessors) {
            out.line();
            String pt = a[1].equals("Long") ? "long" : a[1].equals("Boolean") ? "boolean" : a[1].equals("Double") ? "double" : a[1];
            out.line("/** Adds IE {@code " + a[3] + "} with its default criticality. */");
            out.open("public Builder " + a[0] + "(" + pt + " value)");
            out.line("ies.add(new " + a[2] + "(value));");
            out.line("return this;");
            out.close();
        }
        out.line();
        out.line("/** Adds any IE (known or not) as is. */");
        out.open("public Builder add(" + tref + " ie)");
        out.line("ies.add(Objects.requireNonNull(ie, \"ie\"));");
        out.line("return this;");
        out.close();
        out.line();
        out.line("/** @throws IllegalStateException if a mandatory IE is missing */");
        out.open("public " + c.name + " build()");
        out.line("List<" + tref + "> l = new ArrayList<>(ies);");
        out.line("long present = 0;");
        out.line("int last = -1;");
        out.line("boolean sorted = true;");
        out.open("for (" + tref + " ie : l)");
        out.line("int i = ie.rowIndex() < 0 ? 0x7FFFFFFF : ie.rowIndex();");
        out.line("sorted &= i >= last;");
        out.line("last = i;");
        out.open("if (i < 64)");
        out.line("present |= 1L << i;");
        out.close();
        out.close();
        out.open("if (!sorted)");
        out.line("l.sort(java.util.Comparator.comparingInt(ie -> ie.rowIndex() < 0 ? 0x7FFFFFFF : ie.rowIndex()));");
        out.close();
        for (int i = 0; i < accessors.size(); i++) {
            String[] a = accessors.get(i);
            int row = Integer.parseInt(a[5]);
            if (a[4].equals("mandatory")) {
                String test = row < 64 ? "(present & " + (1L << row) + "L) == 0"
                        : "l.stream().noneMatch(ie -> ie instanceof " + a[2] + ")";
                out.open("if (" + test + ")");
                out.line("throw new IllegalStateException(\"missing mandatory IE " + a[3] + "\");");
                out.close();
            }
        }
        out.line("return new " + c.name + "(l" + (((Ir.Seq) c.type).ext() ? ", null" : "") + ");");
        out.close();
        out.close();
    }

    // ====================================================================== CHOICE -> sealed interface

    private void emitChoice(JClass c, CodeWriter out, boolean top) {
        Ir.Choice ch = (Ir.Choice) c.type;
        header(c, out, top);
        StringBuilder permits = new StringBuilder();
        for (String n : c.memberNames) {
            permits.append(c.name).append('.').append(n).append(", ");
        }
        if (ch.ext()) {
            permits.append(c.name).append(".Unknown");
        } else {
            permits.setLength(permits.length() - 2);
        }
        out.open("public sealed interface " + c.name + " extends AsnType.ChoiceValue permits " + permits);
        out.line();
        out.line("/** Encodes this value (X.691 23). */");
        out.line("void encodeTo(AperWriter w);");
        for (int i = 0; i < ch.alts().size(); i++) {
            Ir.Alt a = ch.alts().get(i);
            String rn = c.memberNames.get(i);
            boolean isNull = Checker.deref(a.type()) instanceof Ir.Null;
            String vt = isNull ? null : jt(a.type(), c, false);
            boolean ext = i >= ch.rootCount();
            out.line();
            out.line("/** Alternative {@code " + a.name() + "}" + (ext ? " (extension addition)" : "") + ". */");
            if (isNull) {
                out.open("record " + rn + "() implements " + c.name);
                out.line("public static final " + rn + " INSTANCE = new " + rn + "();");
            } else {
                out.open("record " + rn + "(" + vt + " value) implements " + c.name);
                if (!isPrimitive(vt)) {
                    out.line();
                    out.open("public " + rn);
                    out.line("Objects.requireNonNull(value, \"value\");");
                    if (isList(a.type())) {
                        out.line("value = AsnLists.immutable(value);");
                    }
                    out.close();
                }
            }
            out.line();
            out.line("@Override");
            out.open("public int choiceIndex()");
            out.line("return " + i + ";");
            out.close();
            out.line();
            out.line("@Override");
            out.open("public Object choiceValue()");
            out.line("return " + (isNull ? "AsnNull.INSTANCE" : "value") + ";");
            out.close();
            out.line();
            out.line("@Override");
            out.open("public void encodeTo(AperWriter w)");
            if (!ext) {
                out.line("w.rootIndex(" + i + ", " + ch.rootCount() + ", " + ch.ext() + ");");
            } else {
                out.line("w.extensionIndex(" + (i - ch.rootCount()) + ");");
            }
            if (!isNull || ext) {
                out.open("try");
                if (ext) {
                    out.line("int m = w.beginOpenType();");
                }
                if (!isNull) {
                    out.line(enc(a.type(), c, "this.value", "w"));
                }
                if (ext) {
                    out.line("w.endOpenType(m);");
                }
                out.dedent();
                out.open("} catch (AperException e)");
                out.line("throw e.within(" + Naming.str(a.name()) + ");");
                out.close();
            }
            out.close();
            out.close();
        }
        if (ch.ext()) {
            out.line();
            out.line("/** An extension alternative this codec does not know, kept as its raw open-type encoding. */");
            out.open("record Unknown(int extensionIndex, OctetString encoding) implements " + c.name + ", AsnType.UnknownAlternative");
            out.line();
            out.open("public Unknown");
            out.line("Objects.requireNonNull(encoding, \"encoding\");");
            out.close();
            out.line();
            out.line("@Override");
            out.open("public int choiceIndex()");
            out.line("return -1;");
            out.close();
            out.line();
            out.line("@Override");
            out.open("public Object choiceValue()");
            out.line("return encoding;");
            out.close();
            out.line();
            out.line("@Override");
            out.open("public void encodeTo(AperWriter w)");
            out.line("w.extensionIndex(extensionIndex);");
            out.line("w.writeOpenTypeRaw(encoding);");
            out.close();
            out.close();
        }
        // factories
        for (int i = 0; i < ch.alts().size(); i++) {
            Ir.Alt a = ch.alts().get(i);
            String rn = c.memberNames.get(i);
            boolean isNull = Checker.deref(a.type()) instanceof Ir.Null;
            out.line();
            out.line("/** Alternative {@code " + a.name() + "}. */");
            if (isNull) {
                out.open("static " + c.name + " " + Naming.fieldName(a.name()) + "()");
                out.line("return " + rn + ".INSTANCE;");
            } else {
                out.open("static " + c.name + " " + Naming.fieldName(a.name()) + "(" + jt(a.type(), c, false) + " value)");
                out.line("return new " + rn + "(value);");
            }
            out.close();
        }
        // decode
        boolean rec = c.recursive();
        out.line();
        out.line("/** Decodes a value of this type (X.691 23). */");
        if (rec) {
            out.open("static " + c.name + " decode(AperReader r)");
            out.line("r.enter();");
            out.line(c.name + " v = decode0(r);");
            out.line("r.leave();");
            out.line("return v;");
            out.close();
            out.line();
            out.open("private static " + c.name + " decode0(AperReader r)");
        } else {
            out.open("static " + c.name + " decode(AperReader r)");
        }
        out.line("int i = r.index(" + ch.rootCount() + ", " + ch.ext() + ");");
        out.line("String f = null;");
        out.open("try");
        out.open("switch (i)");
        for (int i = 0; i < ch.rootCount(); i++) {
            Ir.Alt a = ch.alts().get(i);
            String rn = c.memberNames.get(i);
            boolean isNull = Checker.deref(a.type()) instanceof Ir.Null;
            out.line("case " + i + ":");
            out.indent();
            out.line("f = " + Naming.str(a.name()) + ";");
            out.line("return " + (isNull ? rn + ".INSTANCE" : "new " + rn + "(" + dec(a.type(), c, "r") + ")") + ";");
            out.dedent();
        }
        out.line("default:");
        out.indent();
        if (ch.ext()) {
            out.line("int x = -1 - i;");
            for (int i = ch.rootCount(); i < ch.alts().size(); i++) {
                Ir.Alt a = ch.alts().get(i);
                String rn = c.memberNames.get(i);
                boolean isNull = Checker.deref(a.type()) instanceof Ir.Null;
                out.open("if (x == " + (i - ch.rootCount()) + ")");
                out.line("f = " + Naming.str(a.name()) + ";");
                out.line("r.beginOpenType();");
                if (isNull) {
                    out.line(rn + " v = " + rn + ".INSTANCE;");
                } else {
                    out.line(jt(a.type(), c, false) + " v = " + dec(a.type(), c, "r") + ";");
                }
                out.line("r.endOpenType();");
                out.line("return " + (isNull ? "v" : "new " + rn + "(v)") + ";");
                out.close();
            }
            out.line("return new Unknown(x, r.readOpenTypeRaw());");
        } else {
            out.line("throw r.error(AperException.Reason.INVALID_ENCODING, \"alternative index \" + i);");
        }
        out.dedent();
        out.close();
        out.dedent();
        out.open("} catch (AperException e)");
        out.line("throw f == null ? e : e.within(f);");
        out.close();
        out.close();
        emitTopHelpers(c, out, true);
        // descriptor
        out.line();
        out.line("/** Structure of this type for generic tools (JSON view, random values). */");
        out.line("@SuppressWarnings(\"unchecked\")");
        out.line("AsnType DESCRIPTOR = new AsnType.ChoiceType(" + asnNameLiteral(c) + ", List.of(");
        out.indent().indent();
        for (int i = 0; i < ch.alts().size(); i++) {
            Ir.Alt a = ch.alts().get(i);
            String rn = c.memberNames.get(i);
            boolean isNull = Checker.deref(a.type()) instanceof Ir.Null;
            String make = isNull ? "v -> " + rn + ".INSTANCE" : "v -> new " + rn + "((" + castType(jt(a.type(), c, false)) + ") v)";
            out.line("new AsnType.Alternative(" + Naming.str(a.name()) + ", " + descSupplier(a.type(), c) + ", "
                    + (i >= ch.rootCount()) + ", " + make + ")" + (i + 1 < ch.alts().size() ? "," : ""));
        }
        out.dedent().dedent();
        out.line("        ), " + ch.rootCount() + ", " + ch.ext() + ", " + (ch.ext() ? "(x, b) -> new Unknown(x, b)" : "null") + ")");
        out.line("        .codec(r -> decode(r), (w, v) -> ((" + c.name + ") v).encodeTo(w));");
        for (JClass child : c.children) {
            out.line();
            emitClass(child, out, false);
        }
        out.close();
    }

    // ====================================================================== ENUMERATED

    private void emitEnum(JClass c, CodeWriter out, boolean top) {
        Ir.Enum e = (Ir.Enum) c.type;
        header(c, out, top);
        out.open("public enum " + c.name + " implements AsnEnumerated");
        for (int i = 0; i < e.items().size(); i++) {
            out.line(c.memberNames.get(i) + "(" + Naming.str(e.items().get(i).name()) + ")" + (i + 1 < e.items().size() ? "," : ";"));
        }
        out.line();
        out.line("private static final " + c.name + "[] VALUES = values();");
        out.line("private final String asn1Name;");
        out.line();
        out.open(c.name + "(String asn1Name)");
        out.line("this.asn1Name = asn1Name;");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public String asn1Name()");
        out.line("return asn1Name;");
        out.close();
        out.line();
        out.line("/** Decodes a value of this type (X.691 14). */");
        out.open("public static " + c.name + " decode(AperReader r)");
        out.line("return VALUES[r.index(" + e.rootCount() + ", false)];");
        out.close();
        out.line();
        out.line("/** Encodes {@code v} (X.691 14). */");
        out.open("public static void encode(AperWriter w, " + c.name + " v)");
        out.line("w.rootIndex(v.ordinal(), " + e.rootCount() + ", false);");
        out.close();
        out.line();
        out.open("public void encodeTo(AperWriter w)");
        out.line("encode(w, this);");
        out.close();
        out.line();
        out.line("/** Structure of this type for generic tools. */");
        out.line("public static final AsnType DESCRIPTOR = new AsnType.EnumeratedType(" + asnNameLiteral(c) + ", List.of(values()),");
        out.line("        List.of(" + enumNames(e) + "), " + e.rootCount() + ", false, null, null)");
        out.line("        .codec(r -> decode(r), (w, v) -> encode(w, (" + c.name + ") v));");
        out.close();
    }

    private static String enumNames(Ir.Enum e) {
        StringBuilder sb = new StringBuilder();
        for (Ir.EnumItem it : e.items()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(Naming.str(it.name()));
        }
        return sb.toString();
    }

    private void emitExtEnum(JClass c, CodeWriter out, boolean top) {
        Ir.Enum e = (Ir.Enum) c.type;
        header(c, out, top);
        out.open("public sealed interface " + c.name + " extends AsnEnumerated permits " + c.name + ".Known, " + c.name + ".Unknown");
        out.line();
        for (int i = 0; i < e.items().size(); i++) {
            out.line(c.name + " " + c.memberNames.get(i) + " = Known." + c.memberNames.get(i) + ";");
        }
        out.line();
        out.line("/** Encodes this value (X.691 14). */");
        out.line("void encodeTo(AperWriter w);");
        out.line();
        out.line("/** The values this codec knows: the root values, then the extension additions. */");
        out.open("enum Known implements " + c.name);
        for (int i = 0; i < e.items().size(); i++) {
            out.line(c.memberNames.get(i) + "(" + Naming.str(e.items().get(i).name()) + ")" + (i + 1 < e.items().size() ? "," : ";"));
        }
        out.line();
        out.line("static final Known[] VALUES = values();");
        out.line("private final String asn1Name;");
        out.line();
        out.open("Known(String asn1Name)");
        out.line("this.asn1Name = asn1Name;");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public String asn1Name()");
        out.line("return asn1Name;");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public void encodeTo(AperWriter w)");
        out.line(c.name + ".encode(w, this);");
        out.close();
        out.close();
        out.line();
        out.line("/** An extension value this codec does not know (kept by its extension index). */");
        out.open("record Unknown(int extensionIndex) implements " + c.name);
        out.line();
        out.line("@Override");
        out.open("public String asn1Name()");
        out.line("return null;");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public void encodeTo(AperWriter w)");
        out.line(c.name + ".encode(w, this);");
        out.close();
        out.close();
        int root = e.rootCount();
        int known = e.items().size() - root;
        out.line();
        out.line("/** Decodes a value of this type (X.691 14). */");
        out.open("static " + c.name + " decode(AperReader r)");
        out.line("int i = r.index(" + root + ", true);");
        out.open("if (i >= 0)");
        out.line("return Known.VALUES[i];");
        out.close();
        out.line("int x = -1 - i;");
        out.line("return x < " + known + " ? Known.VALUES[" + root + " + x] : new Unknown(x);");
        out.close();
        out.line();
        out.line("/** Encodes {@code v} (X.691 14). */");
        out.open("static void encode(AperWriter w, " + c.name + " v)");
        out.open("if (v instanceof Known k)");
        out.open("if (k.ordinal() < " + root + ")");
        out.line("w.rootIndex(k.ordinal(), " + root + ", true);");
        out.dedent();
        out.open("} else");
        out.line("w.extensionIndex(k.ordinal() - " + root + ");");
        out.close();
        out.dedent();
        out.open("} else");
        out.line("w.extensionIndex(((Unknown) v).extensionIndex());");
        out.close();
        out.close();
        out.line();
        out.line("/** Structure of this type for generic tools. */");
        out.line("AsnType DESCRIPTOR = new AsnType.EnumeratedType(" + asnNameLiteral(c) + ", List.of(Known.values()),");
        out.line("        List.of(" + enumNames(e) + "), " + root + ", true, x -> new Unknown(x), v -> ((Unknown) v).extensionIndex())");
        out.line("        .codec(r -> decode(r), (w, v) -> encode(w, (" + c.name + ") v));");
        out.close();
    }

    // ====================================================================== table -> sealed interface

    private static String keyRefName(Ir.Table t, Ir.ObjectRow row) {
        Ir.Value v = row.field(t.key().field());
        return v == null ? null : v.refName();
    }

    private static long keyValue(Ir.Table t, Ir.ObjectRow row) {
        return (Long) row.field(t.key().field()).value();
    }

    private void emitTable(JClass c, CodeWriter out, boolean top) {
        Ir.Table t = (Ir.Table) c.type;
        List<Ir.ObjectRow> rows = t.rows();
        Ir.TableComp key = t.key();
        if (t.comps().get(0) != key) {
            throw new IllegalStateException(c.name + ": the key must be the first component");
        }
        Ir.Int keyInt = (Ir.Int) Checker.deref(key.type());
        header(c, out, top);
        StringBuilder permits = new StringBuilder();
        for (String n : c.memberNames) {
            permits.append(c.name).append('.').append(n).append(", ");
        }
        permits.append(c.name).append(".Unknown");
        out.open("public sealed interface " + c.name + " extends AsnType.TableValue permits " + permits);
        out.line();
        List<Ir.TableComp> rest = t.comps().subList(1, t.comps().size());
        String keyField = Naming.fieldName(key.name());
        out.line("/** The {@code " + key.name() + "} of this " + (rows.isEmpty() ? "value" : "IE") + ". */");
        out.line("long " + keyField + "();");
        for (Ir.TableComp tc : rest) {
            out.line();
            out.line(tcType(tc, null, c) + " " + Naming.fieldName(tc.name()) + "();");
        }
        out.line();
        out.line("/** Encodes this value. */");
        out.line("void encodeTo(AperWriter w);");
        for (int i = 0; i < rows.size(); i++) {
            emitRow(c, out, t, rows.get(i), i);
        }
        // Unknown
        out.line();
        out.line("/** A row this codec does not know (a newer version of the set), its open types kept raw. */");
        StringBuilder comps = new StringBuilder("long " + keyField);
        for (Ir.TableComp tc : rest) {
            comps.append(", ").append(tc.role() == Ir.Role.OPEN ? "OctetString" : tcType(tc, null, c)).append(' ').append(Naming.fieldName(tc.name()));
        }
        out.open("record Unknown(" + comps + ") implements " + c.name);
        out.line();
        out.open("public Unknown");
        for (Ir.TableComp tc : rest) {
            if (!isPrimitive(tcType(tc, null, c))) {
                out.line("Objects.requireNonNull(" + Naming.fieldName(tc.name()) + ", " + Naming.str(Naming.fieldName(tc.name())) + ");");
            }
        }
        out.close();
        out.line();
        out.line("@Override");
        out.open("public int rowIndex()");
        out.line("return -1;");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public Object[] fieldValues()");
        StringBuilder fv = new StringBuilder(keyField);
        for (Ir.TableComp tc : rest) {
            fv.append(", ").append(Naming.fieldName(tc.name()));
        }
        out.line("return new Object[] {" + fv + "};");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public void encodeTo(AperWriter w)");
        out.line("String f = " + Naming.str(key.name()) + ";");
        out.open("try");
        out.line(enc(key.type(), c, "this." + keyField, "w"));
        for (Ir.TableComp tc : rest) {
            out.line("f = " + Naming.str(tc.name()) + ";");
            if (tc.role() == Ir.Role.OPEN) {
                out.line("w.writeOpenTypeRaw(this." + Naming.fieldName(tc.name()) + ");");
            } else {
                out.line(enc(tc.type(), c, "this." + Naming.fieldName(tc.name()), "w"));
            }
        }
        out.dedent();
        out.open("} catch (AperException e)");
        out.line("throw e.within(f);");
        out.close();
        out.close();
        out.close();
        // decode
        int firstOpen = -1;
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).role() == Ir.Role.OPEN) {
                firstOpen = i;
                break;
            }
        }
        List<Ir.TableComp> before = rest.subList(0, firstOpen);
        List<Ir.TableComp> after = rest.subList(firstOpen, rest.size());
        boolean intKeys = keyInt.lb() != null && keyInt.ub() != null && keyInt.lb() >= Integer.MIN_VALUE && keyInt.ub() <= Integer.MAX_VALUE;
        out.line();
        out.line("/** Decodes a value of this type; the key selects the type of the open type(s). */");
        out.open("static " + c.name + " decode(AperReader r)");
        out.line("String f = " + Naming.str(key.name()) + ";");
        out.open("try");
        out.line("long k = " + dec(key.type(), c, "r") + ";");
        for (Ir.TableComp tc : before) {
            out.line("f = " + Naming.str(tc.name()) + ";");
            out.line(tcType(tc, null, c) + " c_" + Naming.fieldName(tc.name()) + " = " + dec(tc.type(), c, "r") + ";");
        }
        if (intKeys) {
            out.open("switch ((int) k)");
        }
        for (int i = 0; i < rows.size(); i++) {
            Ir.ObjectRow row = rows.get(i);
            String rn = c.memberNames.get(i);
            long kv = keyValue(t, row);
            if (intKeys) {
                out.open("case " + kv + ":");
            } else {
                out.open("if (k == " + Naming.lng(kv) + ")");
            }
            StringBuilder args = new StringBuilder();
            for (Ir.TableComp tc : before) {
                args.append(args.length() == 0 ? "" : ", ").append("c_").append(Naming.fieldName(tc.name()));
            }
            for (Ir.TableComp tc : after) {
                String fn = Naming.fieldName(tc.name());
                out.line("f = " + Naming.str(tc.name()) + ";");
                if (tc.role() == Ir.Role.OPEN) {
                    Ir.Type vt = row.typeField(tc.field());
                    out.line("r.beginOpenType();");
                    out.line(jt(vt, c, true) + " c_" + fn + " = " + dec(vt, c, "r") + ";");
                    out.line("r.endOpenType();");
                } else {
                    out.line(tcType(tc, null, c) + " c_" + fn + " = " + dec(tc.type(), c, "r") + ";");
                }
                args.append(args.length() == 0 ? "" : ", ").append("c_").append(fn);
            }
            out.line("return new " + rn + "(" + args + ");");
            out.close();
        }
        if (intKeys) {
            out.open("default:");
        }
        StringBuilder uargs = new StringBuilder("k");
        for (Ir.TableComp tc : before) {
            uargs.append(", c_").append(Naming.fieldName(tc.name()));
        }
        for (Ir.TableComp tc : after) {
            String fn = Naming.fieldName(tc.name());
            out.line("f = " + Naming.str(tc.name()) + ";");
            if (tc.role() == Ir.Role.OPEN) {
                out.line("OctetString u_" + fn + " = r.readOpenTypeRaw();");
            } else {
                out.line(tcType(tc, null, c) + " u_" + fn + " = " + dec(tc.type(), c, "r") + ";");
            }
            uargs.append(", u_").append(fn);
        }
        out.line("return new Unknown(" + uargs + ");");
        if (intKeys) {
            out.close();
            out.close();
        }
        out.dedent();
        out.open("} catch (AperException e)");
        out.line("throw e.within(f);");
        out.close();
        out.close();
        emitTopHelpers(c, out, true);
        // descriptor
        out.line();
        out.line("/** Structure of this type (the rows of its object set) for generic tools. */");
        out.line("@SuppressWarnings(\"unchecked\")");
        out.line("AsnType DESCRIPTOR = new AsnType.TableType(" + asnNameLiteral(c) + ", " + Naming.str(t.set().name()) + ", List.of(");
        for (int i = 0; i < t.comps().size(); i++) {
            Ir.TableComp tc = t.comps().get(i);
            String role = tc.role().name();
            out.line("            new AsnType.TableField(" + Naming.str(tc.name()) + ", AsnType.FieldRole." + role + ", "
                    + (tc.type() == null ? "null" : descSupplier(tc.type(), c)) + ")" + (i + 1 < t.comps().size() ? "," : ""));
        }
        out.line("        ), List.of(");
        for (int i = 0; i < rows.size(); i++) {
            Ir.ObjectRow row = rows.get(i);
            String rn = c.memberNames.get(i);
            StringBuilder fixed = new StringBuilder();
            StringBuilder opens = new StringBuilder();
            StringBuilder make = new StringBuilder("a -> new " + rn + "(");
            for (int j = 0; j < t.comps().size(); j++) {
                Ir.TableComp tc = t.comps().get(j);
                String sep = j == 0 ? "" : ", ";
                if (tc.role() == Ir.Role.OPEN) {
                    fixed.append(sep).append("null");
                    opens.append(sep).append(descSupplier(row.typeField(tc.field()), c));
                } else {
                    fixed.append(sep).append(valueExpr(row.field(tc.field()).value(), tc.type(), c));
                    opens.append(sep).append("null");
                }
                if (j > 0) {
                    String vt = tc.role() == Ir.Role.OPEN ? jt(row.typeField(tc.field()), c, true) : castType(tcType(tc, null, c));
                    make.append(j == 1 ? "" : ", ").append("(").append(vt).append(") a[").append(j).append("]");
                }
            }
            make.append(")");
            Ir.Value presence = row.field("presence");
            String kn = keyRefName(t, row);
            out.line("            new AsnType.TableRow(" + Naming.lng(keyValue(t, row)) + ", " + Naming.str(kn != null ? kn : String.valueOf(keyValue(t, row)))
                    + ", Arrays.<Object>asList(" + fixed + "), Arrays.<Supplier<AsnType>>asList(" + opens + "), "
                    + (presence == null ? "null" : Naming.str(String.valueOf(presence.value()))) + ", " + make + ")"
                    + (i + 1 < rows.size() ? "," : ""));
        }
        StringBuilder umake = new StringBuilder("a -> new Unknown((Long) a[0]");
        for (int j = 1; j < t.comps().size(); j++) {
            Ir.TableComp tc = t.comps().get(j);
            umake.append(", (").append(tc.role() == Ir.Role.OPEN ? "OctetString" : castType(tcType(tc, null, c))).append(") a[").append(j).append("]");
        }
        umake.append(")");
        out.line("        ), " + t.set().ext() + ", " + umake + ")");
        out.line("        .codec(r -> decode(r), (w, v) -> ((" + c.name + ") v).encodeTo(w));");
        for (JClass child : c.children) {
            out.line();
            emitClass(child, out, false);
        }
        out.close();
    }

    /** Java type of a non-key table component ({@code row} null: the interface view, Object for open types). */
    private String tcType(Ir.TableComp tc, Ir.ObjectRow row, JClass ctx) {
        if (tc.role() == Ir.Role.OPEN) {
            return row == null ? "Object" : jt(row.typeField(tc.field()), ctx, true);
        }
        return jt(tc.type(), ctx, false);
    }

    private void emitRow(JClass c, CodeWriter out, Ir.Table t, Ir.ObjectRow row, int index) {
        String rn = c.memberNames.get(index);
        Ir.TableComp key = t.key();
        List<Ir.TableComp> rest = t.comps().subList(1, t.comps().size());
        String keyConst = Naming.constName(key.name());
        StringBuilder comps = new StringBuilder();
        for (Ir.TableComp tc : rest) {
            comps.append(comps.length() == 0 ? "" : ", ").append(tcType(tc, row, c)).append(' ').append(Naming.fieldName(tc.name()));
        }
        String kn = keyRefName(t, row);
        out.line();
        out.line("/** " + (row.name() != null ? "Object {@code " + row.name() + "}" : "IE {@code " + (kn != null ? kn : "" + keyValue(t, row)) + "}")
                + (row.field("presence") != null ? " (" + row.field("presence").value() + ")" : "") + ". */");
        out.open("record " + rn + "(" + comps + ") implements " + c.name);
        out.line();
        out.line("/** {@code " + key.name() + "}" + (kn != null ? " " + kn : "") + ". */");
        out.line("public static final long " + keyConst + " = " + Naming.lng(keyValue(t, row)) + ";");
        List<Ir.TableComp> valueComps = new ArrayList<>();
        for (Ir.TableComp tc : rest) {
            if (tc.role() == Ir.Role.VALUE && row.field(tc.field()) != null) {
                valueComps.add(tc);
                out.line("/** Default {@code " + tc.name() + "} from the object set. */");
                out.line("public static final " + tcType(tc, row, c) + " " + Naming.constName(tc.name()) + " = "
                        + valueExpr(row.field(tc.field()).value(), tc.type(), c) + ";");
            }
        }
        out.line();
        out.open("public " + rn);
        for (Ir.TableComp tc : rest) {
            if (!isPrimitive(tcType(tc, row, c))) {
                out.line("Objects.requireNonNull(" + Naming.fieldName(tc.name()) + ", " + Naming.str(Naming.fieldName(tc.name())) + ");");
            }
            if (tc.role() == Ir.Role.OPEN && isList(row.typeField(tc.field()))) {
                out.line(Naming.fieldName(tc.name()) + " = AsnLists.immutable(" + Naming.fieldName(tc.name()) + ");");
            }
        }
        out.close();
        if (!valueComps.isEmpty() && valueComps.size() < rest.size()) {
            out.line();
            out.line("/** With the default value fields of the object set. */");
            StringBuilder p = new StringBuilder();
            StringBuilder a = new StringBuilder();
            for (Ir.TableComp tc : rest) {
                if (valueComps.contains(tc)) {
                    a.append(a.length() == 0 ? "" : ", ").append(Naming.constName(tc.name()));
                } else {
                    p.append(p.length() == 0 ? "" : ", ").append(tcType(tc, row, c)).append(' ').append(Naming.fieldName(tc.name()));
                    a.append(a.length() == 0 ? "" : ", ").append(Naming.fieldName(tc.name()));
                }
            }
            String pp = p.toString().replaceFirst("^Long ", "long ").replaceFirst("^Boolean ", "boolean ").replaceFirst("^Double ", "double ");
            out.open("public " + rn + "(" + pp + ")");
            out.line("this(" + a + ");");
            out.close();
        }
        out.line();
        out.line("@Override");
        out.open("public long " + Naming.fieldName(key.name()) + "()");
        out.line("return " + keyConst + ";");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public int rowIndex()");
        out.line("return " + index + ";");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public Object[] fieldValues()");
        StringBuilder fv = new StringBuilder(keyConst);
        for (Ir.TableComp tc : rest) {
            fv.append(", ").append(Naming.fieldName(tc.name()));
        }
        out.line("return new Object[] {" + fv + "};");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public void encodeTo(AperWriter w)");
        out.line("String f = " + Naming.str(key.name()) + ";");
        out.open("try");
        out.line(enc(key.type(), c, keyConst, "w"));
        for (Ir.TableComp tc : rest) {
            String fn = Naming.fieldName(tc.name());
            out.line("f = " + Naming.str(tc.name()) + ";");
            if (tc.role() == Ir.Role.OPEN) {
                out.line("int m = w.beginOpenType();");
                out.line(enc(row.typeField(tc.field()), c, "this." + fn, "w"));
                out.line("w.endOpenType(m);");
            } else {
                out.line(enc(tc.type(), c, "this." + fn, "w"));
            }
        }
        out.dedent();
        out.open("} catch (AperException e)");
        out.line("throw e.within(f);");
        out.close();
        out.close();
        out.close();
    }

    // ====================================================================== holders

    private void emitHolder(JClass c, CodeWriter out, boolean top) {
        Ir.Type t = c.type;
        String jt = jt(t, c, false);
        header(c, out, top);
        out.open("public final class " + c.name);
        out.line();
        out.open("private " + c.name + "()");
        out.close();
        out.line();
        out.line("/** Decodes a value of this type. */");
        boolean rec = c.recursive();
        out.open("public static " + jt + " decode(AperReader r)");
        if (rec) {
            out.line("r.enter();");
            out.line(jt + " v = " + dec(t, c, "r") + ";");
            out.line("r.leave();");
            out.line("return v;");
        } else {
            out.line("return " + dec(t, c, "r") + ";");
        }
        out.close();
        out.line();
        out.line("/** Encodes {@code v}. */");
        out.open("public static void encode(AperWriter w, " + jt + " v)");
        out.line(enc(t, c, "v", "w"));
        out.close();
        out.line();
        out.line("/** Structure of this type for generic tools. */");
        out.line("@SuppressWarnings(\"unchecked\")");
        out.line("public static final AsnType DESCRIPTOR = " + descNew(t, c.def.asnName(), c));
        out.line("        .codec(r -> decode(r), (w, v) -> encode(w, (" + castType(jt) + ") v));");
        for (JClass child : c.children) {
            out.line();
            emitClass(child, out, false);
        }
        out.close();
    }

    // ====================================================================== package files

    private String packageHeader() {
        return "// Generated by ric-asn1-compiler from " + String.join(", ", spec.files()) + " (set " + spec.name()
                + "). Do not edit.\npackage " + pkg + ";\n\n";
    }

    private String registry() {
        CodeWriter out = new CodeWriter();
        out.line("/** Descriptors of every named type of set {@code " + spec.name() + "}, by ASN.1 name. */");
        out.line(generatedAnnotation());
        out.open("public final class TypeRegistry implements AsnTypeRegistry");
        out.line();
        out.line("public static final TypeRegistry INSTANCE = new TypeRegistry();");
        out.line();
        out.open("private TypeRegistry()");
        out.close();
        out.line();
        out.open("private static final class Holder");
        out.line("static final Map<String, AsnType> TYPES = build();");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public String setName()");
        out.line("return " + Naming.str(spec.name()) + ";");
        out.close();
        out.line();
        out.line("@Override");
        out.open("public Map<String, AsnType> types()");
        out.line("return Holder.TYPES;");
        out.close();
        out.line();
        out.open("private static Map<String, AsnType> build()");
        out.line("Map<String, AsnType> m = new LinkedHashMap<>();");
        Set<String> seen = new HashSet<>();
        for (Ir.Def d : model.defs()) {
            if (!seen.add(d.asnName())) {
                continue;
            }
            String expr = descriptorOfDef(d);
            if (expr != null) {
                out.line("m.put(" + Naming.str(d.asnName()) + ", " + expr + ");");
            }
        }
        out.line("return Collections.unmodifiableMap(m);");
        out.close();
        out.close();
        String text = out.toString();
        StringBuilder sb = new StringBuilder(packageHeader());
        for (String imp : imports(text)) {
            sb.append("import ").append(imp).append(";\n");
        }
        return sb.append('\n').append(text).toString();
    }

    private String descriptorOfDef(Ir.Def d) {
        JClass c = byDef.get(d);
        if (c != null) {
            return c.name + ".DESCRIPTOR";
        }
        if (d.type() instanceof Ir.Ref r) {
            return descriptorOfDef(r.def());
        }
        return null;
    }

    private String constants() {
        CodeWriter out = new CodeWriter();
        out.line("/** INTEGER value assignments of set {@code " + spec.name() + "} (procedure codes, IE ids, bounds). */");
        out.line(generatedAnnotation());
        out.open("public final class Constants");
        out.line();
        out.open("private Constants()");
        out.close();
        Set<String> used = new HashSet<>();
        for (Ir.Constant k : model.constants()) {
            String n = Naming.typeName(k.asnName());
            if (Naming.KEYWORDS.contains(n)) {
                n = n + "_";
            }
            if (!used.add(n)) {
                continue;
            }
            out.line();
            out.line("/** {@code " + k.asnName() + "} (" + k.module() + "). */");
            out.line("public static final long " + n + " = " + Naming.lng(k.value()) + ";");
        }
        out.close();
        String text = out.toString();
        StringBuilder sb = new StringBuilder(packageHeader());
        for (String imp : imports(text)) {
            sb.append("import ").append(imp).append(";\n");
        }
        return sb.append('\n').append(text).toString();
    }

    private String alphabetsFile() {
        CodeWriter out = new CodeWriter();
        out.line("/** Permitted alphabets (FROM constraints) used by the types of this package. */");
        out.line(generatedAnnotation());
        out.open("final class Alphabets");
        out.line();
        out.open("private Alphabets()");
        out.close();
        for (Map.Entry<String, String> e : alphabets.entrySet()) {
            String[] parts = e.getKey().split("\\|", 2);
            out.line();
            out.line("static final CharAlphabet " + e.getValue() + " = " + parts[0] + ".restrictTo(" + Naming.str(parts[1]) + ");");
        }
        out.close();
        String text = out.toString();
        StringBuilder sb = new StringBuilder(packageHeader());
        for (String imp : imports(text)) {
            sb.append("import ").append(imp).append(";\n");
        }
        return sb.append('\n').append(text).toString();
    }

    private String packageInfo() {
        return "// Generated by ric-asn1-compiler from " + String.join(", ", spec.files()) + " (set " + spec.name()
                + "). Do not edit.\n/**\n * APER codecs generated from the ASN.1 set {@code " + spec.name() + "} ("
                + String.join(", ", model.sources().keySet()) + ").\n */\npackage " + pkg + ";\n";
    }
}
