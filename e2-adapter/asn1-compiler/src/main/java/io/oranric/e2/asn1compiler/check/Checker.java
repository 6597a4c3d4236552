package io.oranric.e2.asn1compiler.check;

import io.oranric.e2.asn1compiler.Diagnostics;
import io.oranric.e2.asn1compiler.ast.Ast.*;
import io.oranric.e2.asn1compiler.ir.Ir;
import io.oranric.e2.asn1compiler.lex.Token;
import io.oranric.e2.asn1compiler.lex.TokenKind;
import io.oranric.e2.asn1compiler.parse.Parser;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check pass: resolves names across the modules of one set (imports, and - with a warning - names
 * used without importing), evaluates value references, instantiates parameterized types, flattens
 * information object sets, reduces constraints to their PER-visible effect, finds table-constrained
 * SEQUENCEs, and produces the {@link Ir.Model}. Problems are collected in {@link Diagnostics}.
 */
public final class Checker {

    private final Diagnostics diag;
    private final String setName;
    private final Map<String, AsnModule> modules = new LinkedHashMap<>();
    private final Set<String> classNames;
    private final Map<AsnModule, Map<String, Assignment>> locals = new HashMap<>();

    private final Map<TypeAssignment, Ir.Def> defs = new IdentityHashMap<>();
    private final List<Ir.Def> defOrder = new ArrayList<>();
    private final Map<String, Ir.Def> tableDefs = new LinkedHashMap<>();
    private final Map<ObjectSetAssignment, Ir.ObjectSet> setMemo = new IdentityHashMap<>();
    private final Map<ValueAssignment, BigInteger> valueMemo = new IdentityHashMap<>();
    private final Set<ValueAssignment> valueInProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> warnedOnce = new HashSet<>();
    private int anonymousSets;

    /** Lookup context: the module a construct is written in, and bindings of formal parameters. */
    private record Ctx(AsnModule module, Map<String, Binding> env) {
        Ctx(AsnModule module) {
            this(module, Map.of());
        }
    }

    private sealed interface Binding permits SetBinding, TypeBinding, ValueBinding {
    }

    private record SetBinding(ObjectSet set, Ctx ctx) implements Binding {
    }

    private record TypeBinding(Type type, Ctx ctx) implements Binding {
    }

    private record ValueBinding(Value value, Ctx ctx) implements Binding {
    }

    /** An assignment and the module that holds it. */
    private record Located<A extends Assignment>(A assignment, AsnModule module) {
    }

    public Checker(String setName, List<AsnModule> mods, Set<String> classNames, Diagnostics diag) {
        this.setName = setName;
        this.diag = diag;
        this.classNames = classNames;
        for (AsnModule m : mods) {
            if (modules.containsKey(m.name())) {
                diag.error(m.at().where(), "module " + m.name() + " defined twice in set " + setName);
                continue;
            }
            modules.put(m.name(), m);
            Map<String, Assignment> l = new LinkedHashMap<>();
            for (Assignment a : m.assignments()) {
                if (l.put(a.name(), a) != null) {
                    diag.error(a.at().where(), a.name() + " defined twice in module " + m.name());
                }
            }
            locals.put(m, l);
        }
    }

    // ====================================================================== driver

    public Ir.Model check() {
        checkImports();
        List<Ir.Constant> constants = new ArrayList<>();
        for (AsnModule m : modules.values()) {
            Ctx ctx = new Ctx(m);
            for (Assignment a : m.assignments()) {
                try {
                    if (a instanceof TypeAssignment ta && ta.params().isEmpty()) {
                        def(ta, m);
                    } else if (a instanceof ValueAssignment va) {
                        Ir.Type t = deref(type(va.type(), ctx));
                        if (t instanceof Ir.Int) {
                            BigInteger v = valueOf(va, m);
                            if (v != null && v.bitLength() < 64) {
                                constants.add(new Ir.Constant(va.name(), m.name(), v.longValue()));
                            }
                        }
                    } else if (a instanceof ObjectSetAssignment osa && osa.params().isEmpty()) {
                        objectSetOf(osa, m);
                    }
                } catch (CheckError e) {
                    diag.error(e.where, e.getMessage());
                }
            }
        }
        markRecursion();
        List<Ir.Def> all = new ArrayList<>(defOrder);
        Map<String, String> sources = new LinkedHashMap<>();
        for (AsnModule m : modules.values()) {
            sources.put(m.name(), m.file());
        }
        return new Ir.Model(setName, all, constants, sources);
    }

    private void checkImports() {
        for (AsnModule m : modules.values()) {
            for (Import imp : m.imports()) {
                AsnModule from = modules.get(imp.fromModule());
                if (from == null) {
                    diag.warning(imp.at().where(), "module " + imp.fromModule() + " (imported by " + m.name()
                            + ") is not in set " + setName + "; its symbols are looked up in the other modules");
                    continue;
                }
                for (String s : imp.symbols()) {
                    if (!locals.get(from).containsKey(s)) {
                        Located<Assignment> elsewhere = findAnywhere(s);
                        diag.warning(imp.at().where(), m.name() + " imports " + s + " from " + imp.fromModule()
                                + ", which does not define it" + (elsewhere == null ? "; it is never defined (unused import?)"
                                : "; using the definition in " + elsewhere.module().name()));
                    }
                }
            }
        }
    }

    // ====================================================================== errors

    static final class CheckError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String where;

        CheckError(Token at, String msg) {
            super(msg, null, false, false);
            this.where = at == null ? "" : at.where();
        }
    }

    private void warnOnce(Token at, String key, String msg) {
        if (warnedOnce.add(key)) {
            diag.warning(at == null ? "" : at.where(), msg);
        }
    }

    // ====================================================================== name lookup

    private Located<Assignment> findAnywhere(String name) {
        for (AsnModule m : modules.values()) {
            Assignment a = locals.get(m).get(name);
            if (a != null) {
                return new Located<>(a, m);
            }
        }
        return null;
    }

    private Located<Assignment> lookup(AsnModule m, String moduleName, String name, Token at) {
        if (moduleName != null) {
            AsnModule target = modules.get(moduleName);
            if (target != null && locals.get(target).containsKey(name)) {
                return new Located<>(locals.get(target).get(name), target);
            }
            throw new CheckError(at, "undefined " + moduleName + "." + name);
        }
        Assignment a = locals.get(m).get(name);
        if (a != null) {
            return new Located<>(a, m);
        }
        for (Import imp : m.imports()) {
            if (imp.symbols().contains(name)) {
                AsnModule from = modules.get(imp.fromModule());
                if (from != null && locals.get(from).containsKey(name)) {
                    return new Located<>(locals.get(from).get(name), from);
                }
                Located<Assignment> any = findAnywhere(name);
                if (any != null) {
                    return any;
                }
                throw new CheckError(at, name + " is imported from " + imp.fromModule() + " but defined nowhere in set " + setName);
            }
        }
        Located<Assignment> any = findAnywhere(name);
        if (any != null) {
            warnOnce(at, m.name() + "/" + name, m.name() + " uses " + name + " without importing it; using the definition in "
                    + any.module().name());
            return any;
        }
        throw new CheckError(at, "undefined name " + name + " in module " + m.name());
    }

    // ====================================================================== definitions

    private Ir.Def def(TypeAssignment ta, AsnModule m) {
        Ir.Def d = defs.get(ta);
        if (d != null) {
            return d;
        }
        d = new Ir.Def(ta.name(), m.name(), Ir.DefKind.TYPE);
        defs.put(ta, d);
        defOrder.add(d);
        Ctx ctx = new Ctx(m);
        Ir.Type t;
        if (ta.type() instanceof Sequence s && s.constraints().isEmpty()) {
            t = sequence(s, ctx, d);
        } else {
            t = type(ta.type(), ctx);
        }
        d.setType(t);
        return d;
    }

    // ====================================================================== types

    private Ir.Type type(Type t, Ctx ctx) {
        Ir.Type base;
        if (t instanceof Builtin b) {
            base = builtin(b, ctx);
        } else if (t instanceof Enumerated e) {
            base = enumerated(e, ctx);
        } else if (t instanceof Sequence s) {
            base = sequence(s, ctx, null);
        } else if (t instanceof SequenceOf so) {
            base = new Ir.SeqOf(type(so.element(), ctx), Ir.Size.NONE);
        } else if (t instanceof Choice c) {
            base = choice(c, ctx);
        } else if (t instanceof TypeRef r) {
            base = typeRef(r, ctx);
        } else if (t instanceof ClassFieldType f) {
            base = classField(f, ctx);
        } else {
            throw new IllegalStateException(t.toString());
        }
        if (t.constraints().isEmpty()) {
            return base;
        }
        return constrain(base, t.constraints(), ctx, t.at());
    }

    private Ir.Type builtin(Builtin b, Ctx ctx) {
        switch (b.kind()) {
            case "BOOLEAN":
                return new Ir.Bool();
            case "NULL":
                return new Ir.Null();
            case "REAL":
                return new Ir.Real();
            case "OBJECT IDENTIFIER":
                return new Ir.Oid();
            case "INTEGER":
                return new Ir.Int(null, null, false, named(b.named(), ctx));
            case "BIT STRING":
                return new Ir.Bits(Ir.Size.NONE, named(b.named(), ctx));
            case "OCTET STRING":
                return new Ir.Octets(Ir.Size.NONE);
            case "PrintableString":
            case "IA5String":
            case "VisibleString":
            case "ISO646String":
            case "NumericString":
            case "UTF8String":
                return new Ir.Chars(b.kind().equals("ISO646String") ? "VisibleString" : b.kind(), Ir.Size.NONE, null);
            default:
                throw new CheckError(b.at(), b.kind() + " is not supported by the APER runtime");
        }
    }

    private Map<String, Long> named(List<NamedNumber> nn, Ctx ctx) {
        if (nn.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> m = new LinkedHashMap<>();
        for (NamedNumber n : nn) {
            m.put(n.name(), intValue(n.value(), ctx).longValueExact());
        }
        return m;
    }

    private Ir.Enum enumerated(Enumerated e, Ctx ctx) {
        Set<Long> used = new HashSet<>();
        Map<String, Long> explicit = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (NamedNumber n : concat(e.root(), e.additions())) {
            if (!names.add(n.name())) {
                throw new CheckError(e.at(), "duplicate enumeration identifier " + n.name());
            }
            if (n.value() != null) {
                long v = intValue(n.value(), ctx).longValueExact();
                explicit.put(n.name(), v);
            }
        }
        for (NamedNumber n : e.root()) {
            if (explicit.containsKey(n.name()) && !used.add(explicit.get(n.name()))) {
                throw new CheckError(e.at(), "duplicate enumeration value " + explicit.get(n.name()));
            }
        }
        List<Ir.EnumItem> root = new ArrayList<>();
        long next = 0;
        for (NamedNumber n : e.root()) {
            Long v = explicit.get(n.name());
            if (v == null) {
                while (used.contains(next)) {
                    next++;
                }
                v = next;
                used.add(v);
            }
            root.add(new Ir.EnumItem(n.name(), v));
        }
        root.sort((a, b) -> Long.compare(a.number(), b.number()));
        List<Ir.EnumItem> items = new ArrayList<>(root);
        long last = used.stream().mapToLong(Long::longValue).max().orElse(-1);
        for (NamedNumber n : e.additions()) {
            Long v = explicit.get(n.name());
            if (v == null) {
                v = last + 1;
            } else if (v <= last) {
                diag.warning(e.at().where(), "extension addition " + n.name() + " is not numbered above the previous ones");
            }
            last = Math.max(last, v);
            items.add(new Ir.EnumItem(n.name(), v));
        }
        return new Ir.Enum(List.copyOf(items), root.size(), e.extensible());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    private Ir.Choice choice(Choice c, Ctx ctx) {
        List<Ir.Alt> alts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Component comp : c.root()) {
            if (!names.add(comp.name())) {
                throw new CheckError(comp.at(), "duplicate alternative " + comp.name());
            }
            alts.add(new Ir.Alt(comp.name(), type(comp.type(), ctx)));
        }
        int root = alts.size();
        for (Addition a : c.additions()) {
            for (Component comp : a.components()) {
                if (!names.add(comp.name())) {
                    throw new CheckError(comp.at(), "duplicate alternative " + comp.name());
                }
                alts.add(new Ir.Alt(comp.name(), type(comp.type(), ctx)));
            }
        }
        if (root == 0) {
            throw new CheckError(c.at(), "CHOICE without root alternatives");
        }
        return new Ir.Choice(List.copyOf(alts), root, c.extensible());
    }

    /**
     * SEQUENCE; {@code owner} is the definition whose type this SEQUENCE is (null for one written in
     * place), so that a table-constrained SEQUENCE can become that definition.
     */
    private Ir.Type sequence(Sequence s, Ctx ctx, Ir.Def owner) {
        if (s.isSet()) {
            throw new CheckError(s.at(), "SET is not supported (PER sorts SET components by tag)");
        }
        Ir.Table table = tableOf(s, ctx);
        if (table != null) {
            if (owner != null) {
                return table;
            }
            String key = table.set().name() + "|" + table.comps().stream().map(Ir.TableComp::field).toList();
            Ir.Def d = tableDefs.get(key);
            if (d == null) {
                d = new Ir.Def(table.set().name(), ctx.module().name(), Ir.DefKind.TABLE_INSTANCE);
                d.setType(table);
                tableDefs.put(key, d);
                defOrder.add(d);
            }
            return new Ir.Ref(d);
        }
        List<Ir.Comp> comps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Component c : concat(s.root(), s.root2())) {
            if (!names.add(c.name())) {
                throw new CheckError(c.at(), "duplicate component " + c.name());
            }
            Ir.Type t = type(c.type(), ctx);
            comps.add(new Ir.Comp(c.name(), t, c.optional(), defaultValue(c, t, ctx), -1, false));
        }
        int idx = 0;
        for (Addition a : s.additions()) {
            for (Component c : a.components()) {
                if (!names.add(c.name())) {
                    throw new CheckError(c.at(), "duplicate component " + c.name());
                }
                Ir.Type t = type(c.type(), ctx);
                comps.add(new Ir.Comp(c.name(), t, c.optional(), defaultValue(c, t, ctx), idx, a.group()));
            }
            idx++;
        }
        // root2 components are encoded with the root ones, in textual order: root then root2
        return new Ir.Seq(List.copyOf(comps), s.extensible(), idx);
    }

    private Object defaultValue(Component c, Ir.Type t, Ctx ctx) {
        if (c.defaultValue() == null) {
            return null;
        }
        Ir.Value v = value(c.defaultValue(), t, ctx);
        return v.value();
    }

    /** Recognises a SEQUENCE all of whose components are fields of one object set selected by a key. */
    private Ir.Table tableOf(Sequence s, Ctx ctx) {
        if (s.extensible() || !s.root2().isEmpty() || s.root().isEmpty()) {
            return null;
        }
        String keyName = null;
        ObjectSet keySet = null;
        Ctx keyCtx = null;
        String className = null;
        for (Component c : s.root()) {
            if (!(c.type() instanceof ClassFieldType f) || c.optional() || c.defaultValue() != null) {
                return null;
            }
            TableElem te = tableElem(f);
            if (te == null) {
                return null;
            }
            if (className == null) {
                className = f.className();
            } else if (!className.equals(f.className())) {
                return null;
            }
            if (te.atNotation().isEmpty()) {
                if (keyName != null) {
                    return null;
                }
                keyName = c.name();
                keySet = te.set();
                keyCtx = ctx;
            }
        }
        if (keyName == null) {
            return null;
        }
        for (Component c : s.root()) {
            TableElem te = tableElem((ClassFieldType) c.type());
            if (!te.atNotation().isEmpty()) {
                String at = te.atNotation().get(0).replaceFirst("^\\.+", "");
                if (te.atNotation().size() != 1 || !at.equals(keyName)) {
                    return null;
                }
            }
        }
        Located<Assignment> cls = lookup(ctx.module(), null, className, s.at());
        if (!(cls.assignment() instanceof ClassAssignment ca)) {
            throw new CheckError(s.at(), className + " is not a CLASS");
        }
        Ir.ObjectSet set = objectSet(keySet, keyCtx, className);
        List<Ir.TableComp> comps = new ArrayList<>();
        for (Component c : s.root()) {
            ClassFieldType f = (ClassFieldType) c.type();
            FieldSpec spec = fieldSpec(ca, f.field(), f.at());
            Ir.Role role;
            Ir.Type t = null;
            if (spec.kind() == FieldKind.TYPE) {
                role = Ir.Role.OPEN;
            } else if (spec.kind() == FieldKind.FIXED_VALUE) {
                role = c.name().equals(keyName) ? Ir.Role.KEY : Ir.Role.VALUE;
                t = type(spec.type(), new Ctx(cls.module()));
            } else {
                return null;
            }
            comps.add(new Ir.TableComp(c.name(), role, f.field(), t));
        }
        Ir.TableComp key = comps.stream().filter(x -> x.role() == Ir.Role.KEY).findFirst().orElseThrow();
        if (!(deref(key.type()) instanceof Ir.Int)) {
            diag.warning(s.at().where(), "table key " + keyName + " is not an INTEGER; open types kept raw");
            return null;
        }
        return new Ir.Table(set, List.copyOf(comps));
    }

    private static TableElem tableElem(ClassFieldType f) {
        for (Constraint c : f.constraints()) {
            if (c.root() instanceof TableElem te) {
                return te;
            }
        }
        return null;
    }

    private FieldSpec fieldSpec(ClassAssignment ca, String field, Token at) {
        for (FieldSpec fs : ca.def().fields()) {
            if (fs.name().equals(field)) {
                return fs;
            }
        }
        throw new CheckError(at, "class " + ca.name() + " has no field &" + field);
    }

    private Ir.Type classField(ClassFieldType f, Ctx ctx) {
        Located<Assignment> cls = lookup(ctx.module(), null, f.className(), f.at());
        if (!(cls.assignment() instanceof ClassAssignment ca)) {
            throw new CheckError(f.at(), f.className() + " is not a CLASS");
        }
        FieldSpec spec = fieldSpec(ca, f.field(), f.at());
        if (spec.kind() == FieldKind.TYPE) {
            return new Ir.Open();
        }
        if (spec.kind() == FieldKind.FIXED_VALUE) {
            return type(spec.type(), new Ctx(cls.module()));
        }
        throw new CheckError(f.at(), "field &" + f.field() + " of " + f.className() + " is not a type or value field");
    }

    private Ir.Type typeRef(TypeRef r, Ctx ctx) {
        if (r.module() == null && ctx.env().get(r.name()) instanceof TypeBinding tb) {
            return type(tb.type(), tb.ctx());
        }
        Located<Assignment> loc = lookup(ctx.module(), r.module(), r.name(), r.at());
        if (!(loc.assignment() instanceof TypeAssignment ta)) {
            throw new CheckError(r.at(), r.name() + " is not a type");
        }
        if (ta.params().isEmpty()) {
            if (!r.actuals().isEmpty()) {
                throw new CheckError(r.at(), r.name() + " is not parameterized");
            }
            return new Ir.Ref(def(ta, loc.module()));
        }
        if (r.actuals().size() != ta.params().size()) {
            throw new CheckError(r.at(), r.name() + " takes " + ta.params().size() + " parameter(s), got " + r.actuals().size());
        }
        Map<String, Binding> env = new HashMap<>();
        for (int i = 0; i < ta.params().size(); i++) {
            Param p = ta.params().get(i);
            ActualParam a = r.actuals().get(i);
            if (p.governorClass() != null) {
                if (a instanceof ActualObjectSet aos) {
                    env.put(p.name(), new SetBinding(aos.set(), ctx));
                } else if (a instanceof ActualTypeOrValue tv && tv.type() instanceof TypeRef ref) {
                    // a bare object set reference without braces
                    env.put(p.name(), new SetBinding(new ObjectSet(List.of(new SetOrObjectRef(ref.name(), List.of(), ref.at())),
                            false, List.of(), ref.at()), ctx));
                } else {
                    throw new CheckError(r.at(), "parameter " + p.name() + " of " + r.name() + " needs an object set");
                }
            } else if (p.governor() != null) {
                if (a instanceof ActualTypeOrValue tv && tv.value() != null) {
                    env.put(p.name(), new ValueBinding(tv.value(), ctx));
                } else if (a instanceof ActualTypeOrValue tv && tv.type() instanceof TypeRef ref) {
                    env.put(p.name(), new ValueBinding(new RefValue(ref.module(), ref.name(), ref.at()), ctx));
                } else {
                    throw new CheckError(r.at(), "parameter " + p.name() + " of " + r.name() + " needs a value");
                }
            } else {
                if (a instanceof ActualTypeOrValue tv && tv.type() != null) {
                    env.put(p.name(), new TypeBinding(tv.type(), ctx));
                } else {
                    throw new CheckError(r.at(), "parameter " + p.name() + " of " + r.name() + " needs a type");
                }
            }
        }
        return type(ta.type(), new Ctx(loc.module(), env));
    }

    /** Follows references to the underlying type (null while a recursive definition is being built). */
    public static Ir.Type deref(Ir.Type t) {
        int guard = 0;
        while (t instanceof Ir.Ref r && guard++ < 100) {
            t = r.def().type();
        }
        return t;
    }

    // ====================================================================== constraints

    /** Bounds of an integer set; null is unbounded. */
    private record Range(BigInteger lo, BigInteger hi) {
        static final Range ALL = new Range(null, null);

        Range intersect(Range o) {
            BigInteger l = lo == null ? o.lo : o.lo == null ? lo : lo.max(o.lo);
            BigInteger h = hi == null ? o.hi : o.hi == null ? hi : hi.min(o.hi);
            return new Range(l, h);
        }

        Range hull(Range o) {
            BigInteger l = lo == null || o.lo == null ? null : lo.min(o.lo);
            BigInteger h = hi == null || o.hi == null ? null : hi.max(o.hi);
            return new Range(l, h);
        }
    }

    private Ir.Type constrain(Ir.Type base, List<Constraint> cs, Ctx ctx, Token at) {
        Ir.Type d = deref(base);
        if (d == null) {
            diag.warning(at.where(), "constraint on a type still being defined (recursion) ignored");
            return base;
        }
        if (d instanceof Ir.Int i) {
            Range r = new Range(i.lb() == null ? null : BigInteger.valueOf(i.lb()), i.ub() == null ? null : BigInteger.valueOf(i.ub()));
            boolean ext = i.ext();
            for (Constraint c : cs) {
                if (c.root() != null) {
                    r = r.intersect(intRange(c.root(), ctx, at));
                }
                ext = c.extensible();
            }
            if (r.lo() != null && r.hi() != null && r.lo().compareTo(r.hi()) > 0) {
                throw new CheckError(at, "empty INTEGER range " + r.lo() + ".." + r.hi());
            }
            Long lb = toLong(r.lo(), at);
            Long ub = toLong(r.hi(), at);
            if (lb != null && ub != null && BigInteger.valueOf(ub).subtract(BigInteger.valueOf(lb)).bitLength() > 62) {
                diag.warning(at.where(), "INTEGER range " + lb + ".." + ub + " too wide for the runtime; treated as unconstrained");
                return new Ir.Int(null, null, ext, i.named());
            }
            return new Ir.Int(lb, ub, ext, i.named());
        }
        if (d instanceof Ir.Octets o) {
            return new Ir.Octets(size(o.size(), cs, ctx, at, "OCTET STRING"));
        }
        if (d instanceof Ir.Bits b) {
            return new Ir.Bits(size(b.size(), cs, ctx, at, "BIT STRING"), b.named());
        }
        if (d instanceof Ir.SeqOf so) {
            return new Ir.SeqOf(so.element(), size(so.size(), cs, ctx, at, "SEQUENCE OF"));
        }
        if (d instanceof Ir.Chars ch) {
            Ir.Size sz = size(ch.size(), cs, ctx, at, ch.kind());
            String alphabet = ch.alphabet();
            if (!ch.kind().equals("UTF8String")) {
                for (Constraint c : cs) {
                    String from = c.root() == null ? null : alphabetOf(c.root(), ctx, at);
                    if (from != null) {
                        alphabet = alphabet == null ? from : intersectChars(alphabet, from);
                    }
                }
            } else if (sz != Ir.Size.NONE) {
                sz = Ir.Size.NONE; // size of UTF8String is not PER-visible
            }
            return new Ir.Chars(ch.kind(), sz, alphabet);
        }
        if (d instanceof Ir.Open || d instanceof Ir.Table) {
            return base; // table constraints are handled with their SEQUENCE
        }
        for (Constraint c : cs) {
            if (c.root() != null && !(c.root() instanceof TableElem)) {
                diag.note(at.where(), "constraint on " + d.getClass().getSimpleName() + " is not PER-visible; ignored");
            }
        }
        return base;
    }

    private static Long toLong(BigInteger b, Token at) {
        if (b == null) {
            return null;
        }
        if (b.bitLength() > 63) {
            throw new CheckError(at, "bound " + b + " does not fit in 64 bits");
        }
        return b.longValue();
    }

    private Range intRange(Elements e, Ctx ctx, Token at) {
        if (e instanceof Union u) {
            Range r = null;
            for (Elements x : u.items()) {
                Range y = intRange(x, ctx, at);
                r = r == null ? y : r.hull(y);
            }
            return r;
        }
        if (e instanceof Intersection in) {
            Range r = Range.ALL;
            for (Elements x : in.items()) {
                r = r.intersect(intRange(x, ctx, at));
            }
            return r;
        }
        if (e instanceof SingleValue sv) {
            BigInteger v = intValue(sv.value(), ctx);
            return new Range(v, v);
        }
        if (e instanceof ValueRange vr) {
            BigInteger lo = vr.lower() == null ? null : intValue(vr.lower(), ctx);
            BigInteger hi = vr.upper() == null ? null : intValue(vr.upper(), ctx);
            if (lo != null && vr.lowerOpen()) {
                lo = lo.add(BigInteger.ONE);
            }
            if (hi != null && vr.upperOpen()) {
                hi = hi.subtract(BigInteger.ONE);
            }
            return new Range(lo, hi);
        }
        if (e instanceof NestedElem n) {
            return n.inner().root() == null ? Range.ALL : intRange(n.inner().root(), ctx, at);
        }
        diag.warning(at.where(), "constraint element " + e.getClass().getSimpleName() + " on INTEGER ignored");
        return Range.ALL;
    }

    /** Effective SIZE constraint of a string / list type. */
    private Ir.Size size(Ir.Size base, List<Constraint> cs, Ctx ctx, Token at, String what) {
        Ir.Size s = base;
        for (Constraint c : cs) {
            if (c.root() == null) {
                continue;
            }
            SizeScan sc = scanSize(c.root(), ctx, at);
            if (sc == null) {
                if (!(c.root() instanceof FromElem) && !(c.root() instanceof TableElem)
                        && !(c.root() instanceof ContainedType)) {
                    diag.warning(at.where(), "constraint on " + what + " without SIZE is not PER-visible; ignored");
                }
                continue;
            }
            Range r = sc.range();
            if (s.lb() > 0 || s.ub() != Integer.MAX_VALUE) {
                r = r.intersect(new Range(BigInteger.valueOf(s.lb()), s.ub() == Integer.MAX_VALUE ? null : BigInteger.valueOf(s.ub())));
            }
            int lb = r.lo() == null ? 0 : r.lo().intValueExact();
            int ub = r.hi() == null || r.hi().compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) >= 0 ? Integer.MAX_VALUE : r.hi().intValueExact();
            // "(SIZE (a..b), ...)": the extension marker of the outer constraint makes the size extensible
            s = new Ir.Size(lb, ub, sc.ext() || c.extensible());
        }
        return s;
    }

    private record SizeScan(Range range, boolean ext) {
    }

    private SizeScan scanSize(Elements e, Ctx ctx, Token at) {
        if (e instanceof SizeElem se) {
            Constraint inner = se.size();
            Range r = inner.root() == null ? Range.ALL : intRange(inner.root(), ctx, at);
            return new SizeScan(r, inner.extensible());
        }
        if (e instanceof Union u) {
            SizeScan acc = null;
            for (Elements x : u.items()) {
                SizeScan y = scanSize(x, ctx, at);
                if (y == null) {
                    return null; // a union with a non-size element does not constrain the size
                }
                acc = acc == null ? y : new SizeScan(acc.range().hull(y.range()), acc.ext() || y.ext());
            }
            return acc;
        }
        if (e instanceof Intersection in) {
            SizeScan acc = null;
            for (Elements x : in.items()) {
                SizeScan y = scanSize(x, ctx, at);
                if (y != null) {
                    acc = acc == null ? y : new SizeScan(acc.range().intersect(y.range()), acc.ext() && y.ext());
                }
            }
            return acc;
        }
        if (e instanceof NestedElem n && n.inner().root() != null) {
            SizeScan y = scanSize(n.inner().root(), ctx, at);
            return y == null ? null : new SizeScan(y.range(), y.ext() || n.inner().extensible());
        }
        return null;
    }

    /** Characters permitted by FROM elements in {@code e}, or null if there is no FROM. */
    private String alphabetOf(Elements e, Ctx ctx, Token at) {
        if (e instanceof FromElem f) {
            return f.from().root() == null ? null : chars(f.from().root(), ctx, at);
        }
        if (e instanceof Intersection in) {
            String acc = null;
            for (Elements x : in.items()) {
                String y = alphabetOf(x, ctx, at);
                if (y != null) {
                    acc = acc == null ? y : intersectChars(acc, y);
                }
            }
            return acc;
        }
        if (e instanceof NestedElem n && n.inner().root() != null) {
            return alphabetOf(n.inner().root(), ctx, at);
        }
        return null;
    }

    private String chars(Elements e, Ctx ctx, Token at) {
        TreeSet<Integer> set = new TreeSet<>();
        collectChars(e, ctx, at, set);
        StringBuilder sb = new StringBuilder();
        set.forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private void collectChars(Elements e, Ctx ctx, Token at, Set<Integer> out) {
        if (e instanceof Union u) {
            u.items().forEach(x -> collectChars(x, ctx, at, out));
        } else if (e instanceof SingleValue sv && sv.value() instanceof StringValue s) {
            s.value().codePoints().forEach(out::add);
        } else if (e instanceof ValueRange vr && vr.lower() instanceof StringValue lo && vr.upper() instanceof StringValue hi
                && lo.value().codePointCount(0, lo.value().length()) == 1 && hi.value().codePointCount(0, hi.value().length()) == 1) {
            for (int c = lo.value().codePointAt(0); c <= hi.value().codePointAt(0); c++) {
                out.add(c);
            }
        } else if (e instanceof NestedElem n && n.inner().root() != null) {
            collectChars(n.inner().root(), ctx, at, out);
        } else {
            throw new CheckError(at, "unsupported permitted-alphabet element " + e.getClass().getSimpleName());
        }
    }

    private static String intersectChars(String a, String b) {
        StringBuilder sb = new StringBuilder();
        a.codePoints().filter(c -> b.indexOf(c) >= 0).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    // ====================================================================== values

    private BigInteger intValue(Value v, Ctx ctx) {
        if (v instanceof IntValue iv) {
            return iv.value();
        }
        if (v instanceof RefValue rv) {
            if (rv.module() == null && ctx.env().get(rv.name()) instanceof ValueBinding vb) {
                return intValue(vb.value(), vb.ctx());
            }
            Located<Assignment> loc = lookup(ctx.module(), rv.module(), rv.name(), rv.at());
            if (loc.assignment() instanceof ValueAssignment va) {
                BigInteger b = valueOf(va, loc.module());
                if (b == null) {
                    throw new CheckError(rv.at(), rv.name() + " is not an INTEGER value");
                }
                return b;
            }
            throw new CheckError(rv.at(), rv.name() + " is not a value");
        }
        throw new CheckError(v.at(), "expected an INTEGER value");
    }

    private BigInteger valueOf(ValueAssignment va, AsnModule m) {
        if (valueMemo.containsKey(va)) {
            return valueMemo.get(va);
        }
        if (!valueInProgress.add(va)) {
            throw new CheckError(va.at(), "value " + va.name() + " defined in terms of itself");
        }
        try {
            Ir.Type t = deref(type(va.type(), new Ctx(m)));
            BigInteger b = null;
            if (t instanceof Ir.Int) {
                b = intValue(va.value(), new Ctx(m));
                Ir.Int it = (Ir.Int) t;
                if ((it.lb() != null && b.compareTo(BigInteger.valueOf(it.lb())) < 0)
                        || (it.ub() != null && b.compareTo(BigInteger.valueOf(it.ub())) > 0)) {
                    diag.warning(va.at().where(), "value " + va.name() + " = " + b + " is outside its type's range " + it);
                }
            }
            valueMemo.put(va, b);
            return b;
        } finally {
            valueInProgress.remove(va);
        }
    }

    /** Resolves a value against the type it must be a value of. */
    private Ir.Value value(Value v, Ir.Type expected, Ctx ctx) {
        Ir.Type t = deref(expected);
        String refName = v instanceof RefValue rv ? rv.name() : null;
        if (t instanceof Ir.Int it) {
            if (v instanceof RefValue rv && it.named().containsKey(rv.name())) {
                return new Ir.Value(it.named().get(rv.name()), rv.name());
            }
            return new Ir.Value(intValue(v, ctx).longValueExact(), refName);
        }
        if (t instanceof Ir.Enum e) {
            if (v instanceof RefValue rv) {
                for (Ir.EnumItem item : e.items()) {
                    if (item.name().equals(rv.name())) {
                        return new Ir.Value(item.name(), null);
                    }
                }
                // maybe a value reference of the enumerated type
                Located<Assignment> loc = lookup(ctx.module(), rv.module(), rv.name(), rv.at());
                if (loc.assignment() instanceof ValueAssignment va) {
                    return new Ir.Value(value(va.value(), expected, new Ctx(loc.module())).value(), rv.name());
                }
            }
            throw new CheckError(v.at(), "not a value of the ENUMERATED type: " + v);
        }
        if (t instanceof Ir.Bool) {
            if (v instanceof BoolValue b) {
                return new Ir.Value(b.value(), null);
            }
            throw new CheckError(v.at(), "expected TRUE or FALSE");
        }
        if (t instanceof Ir.Chars) {
            if (v instanceof StringValue s) {
                return new Ir.Value(s.value(), null);
            }
        }
        if (t instanceof Ir.Null && v instanceof NullValue) {
            return new Ir.Value(null, null);
        }
        throw new CheckError(v.at(), "unsupported value " + v + " for " + t);
    }

    // ====================================================================== object sets

    private Ir.ObjectSet objectSetOf(ObjectSetAssignment osa, AsnModule m) {
        Ir.ObjectSet s = setMemo.get(osa);
        if (s != null) {
            return s;
        }
        if (setMemo.containsKey(osa)) {
            throw new CheckError(osa.at(), "object set " + osa.name() + " contains itself");
        }
        setMemo.put(osa, null);
        Ir.ObjectSet flat = objectSet(osa.set(), new Ctx(m), osa.className());
        s = new Ir.ObjectSet(osa.name(), osa.className(), flat.rows(), flat.ext());
        setMemo.put(osa, s);
        return s;
    }

    private Ir.ObjectSet objectSet(ObjectSet spec, Ctx ctx, String className) {
        List<Ir.ObjectRow> rows = new ArrayList<>();
        boolean ext = spec.extensible();
        String name = null;
        List<ObjectSetElem> all = concat(spec.root(), spec.additional());
        for (ObjectSetElem e : all) {
            if (e instanceof InlineObject io) {
                rows.add(object(io.object(), null, className, ctx));
            } else if (e instanceof SetOrObjectRef r) {
                if (ctx.env().get(r.name()) instanceof SetBinding sb) {
                    Ir.ObjectSet inner = objectSet(sb.set(), sb.ctx(), className);
                    rows.addAll(inner.rows());
                    ext |= inner.ext();
                    name = inner.name();
                    continue;
                }
                Located<Assignment> loc = lookup(ctx.module(), null, r.name(), r.at());
                if (loc.assignment() instanceof ObjectSetAssignment osa) {
                    Ir.ObjectSet inner = objectSetOf(osa, loc.module());
                    rows.addAll(inner.rows());
                    ext |= inner.ext();
                    name = inner.name();
                } else if (loc.assignment() instanceof ObjectAssignment oa) {
                    rows.add(objectFromAssignment(oa, loc.module()));
                } else {
                    throw new CheckError(r.at(), r.name() + " is neither an object nor an object set");
                }
            }
        }
        if (all.size() != 1 || name == null) {
            name = "ObjectSet" + (++anonymousSets);
        }
        // keys must be unique within the set
        return new Ir.ObjectSet(name, className, List.copyOf(rows), ext);
    }

    private final Map<ObjectAssignment, Ir.ObjectRow> objectMemo = new IdentityHashMap<>();

    private Ir.ObjectRow objectFromAssignment(ObjectAssignment oa, AsnModule m) {
        Ir.ObjectRow row = objectMemo.get(oa);
        if (row == null) {
            if (oa.object() instanceof DefinedObject d) {
                row = object(d, oa.name(), oa.className(), new Ctx(m));
            } else {
                ObjectRef ref = (ObjectRef) oa.object();
                Located<Assignment> loc = lookup(m, null, ref.name(), ref.at());
                if (!(loc.assignment() instanceof ObjectAssignment other)) {
                    throw new CheckError(ref.at(), ref.name() + " is not an object");
                }
                Ir.ObjectRow base = objectFromAssignment(other, loc.module());
                row = new Ir.ObjectRow(oa.name(), base.values(), base.types());
            }
            objectMemo.put(oa, row);
        }
        return row;
    }

    /** Parses an object written in the defined syntax of its class. */
    private Ir.ObjectRow object(DefinedObject obj, String name, String className, Ctx ctx) {
        Located<Assignment> cls = lookup(ctx.module(), null, className, obj.at());
        if (!(cls.assignment() instanceof ClassAssignment ca)) {
            throw new CheckError(obj.at(), className + " is not a CLASS");
        }
        Map<String, List<Token>> settings = ca.def().syntax() == null
                ? defaultSyntax(obj.tokens(), obj.at())
                : new SyntaxMatcher(ca, obj).match();
        Map<String, Ir.Value> values = new LinkedHashMap<>();
        Map<String, Ir.Type> types = new LinkedHashMap<>();
        Ctx classCtx = new Ctx(cls.module());
        for (FieldSpec fs : ca.def().fields()) {
            List<Token> setting = settings.get(fs.name());
            try {
                if (setting == null) {
                    if (fs.defaultValue() != null) {
                        values.put(fs.name(), value(fs.defaultValue(), type(fs.type(), classCtx), classCtx));
                    } else if (fs.defaultType() != null) {
                        types.put(fs.name(), type(fs.defaultType(), classCtx));
                    } else if (!fs.optional()) {
                        throw new CheckError(obj.at(), "object of class " + className + " lacks mandatory field &" + fs.name());
                    }
                    continue;
                }
                switch (fs.kind()) {
                    case TYPE -> types.put(fs.name(), type(Parser.parseTypeFrom(setting, diag, classNames), ctx));
                    case FIXED_VALUE -> values.put(fs.name(),
                            value(Parser.parseValueFrom(setting, diag, classNames), type(fs.type(), classCtx), ctx));
                    default -> diag.warning(obj.at().where(), "field &" + fs.name() + " of kind " + fs.kind() + " ignored");
                }
            } catch (RuntimeException e) {
                if (Parser.isParseError(e)) {
                    throw new CheckError(setting.get(0), "bad setting of &" + fs.name() + ": " + e.getMessage());
                }
                throw e;
            }
        }
        return new Ir.ObjectRow(name, values, types);
    }

    private Map<String, List<Token>> defaultSyntax(List<Token> toks, Token at) {
        Map<String, List<Token>> out = new LinkedHashMap<>();
        String field = null;
        List<Token> cur = null;
        int depth = 0;
        for (Token t : toks) {
            if (depth == 0 && t.is(TokenKind.FIELD)) {
                field = t.text();
                cur = new ArrayList<>();
                out.put(field, cur);
                continue;
            }
            if (depth == 0 && t.is(TokenKind.COMMA)) {
                continue;
            }
            if (t.is(TokenKind.LBRACE) || t.is(TokenKind.LPAREN)) {
                depth++;
            } else if (t.is(TokenKind.RBRACE) || t.is(TokenKind.RPAREN)) {
                depth--;
            }
            if (cur == null) {
                throw new CheckError(at, "object in default syntax must start with a field reference");
            }
            cur.add(t);
        }
        return out;
    }

    /** Matches the tokens of an object against a WITH SYNTAX specification. */
    private final class SyntaxMatcher {
        private final ClassAssignment ca;
        private final DefinedObject obj;
        private final List<Token> toks;
        private final Set<String> literals = new HashSet<>();
        private final Map<String, List<Token>> out = new LinkedHashMap<>();
        private int pos;

        SyntaxMatcher(ClassAssignment ca, DefinedObject obj) {
            this.ca = ca;
            this.obj = obj;
            this.toks = obj.tokens();
            collectLiterals(ca.def().syntax());
        }

        private void collectLiterals(List<SyntaxElem> elems) {
            for (SyntaxElem e : elems) {
                if (e instanceof SyntaxLiteral l) {
                    literals.add(l.word());
                } else if (e instanceof SyntaxOptional o) {
                    collectLiterals(o.elems());
                }
            }
        }

        Map<String, List<Token>> match() {
            matchList(ca.def().syntax(), true);
            if (pos < toks.size()) {
                throw new CheckError(toks.get(pos), "unexpected " + toks.get(pos) + " in object of class " + ca.name());
            }
            return out;
        }

        private boolean matchList(List<SyntaxElem> elems, boolean required) {
            for (int i = 0; i < elems.size(); i++) {
                SyntaxElem e = elems.get(i);
                if (e instanceof SyntaxLiteral l) {
                    if (pos < toks.size() && literalAt(pos, l.word())) {
                        pos++;
                    } else if (i == 0 && !required) {
                        return false;
                    } else {
                        throw new CheckError(pos < toks.size() ? toks.get(pos) : obj.at(),
                                "expected " + l.word() + " in object of class " + ca.name());
                    }
                } else if (e instanceof SyntaxField f) {
                    List<Token> setting = new ArrayList<>();
                    int depth = 0;
                    while (pos < toks.size()) {
                        Token t = toks.get(pos);
                        if (depth == 0 && (t.is(TokenKind.WORD) && literals.contains(t.text())
                                || t.is(TokenKind.COMMA) && literals.contains(","))) {
                            break;
                        }
                        if (t.is(TokenKind.LBRACE) || t.is(TokenKind.LPAREN)) {
                            depth++;
                        } else if (t.is(TokenKind.RBRACE) || t.is(TokenKind.RPAREN)) {
                            depth--;
                        }
                        setting.add(t);
                        pos++;
                    }
                    if (setting.isEmpty()) {
                        throw new CheckError(pos < toks.size() ? toks.get(pos) : obj.at(), "missing setting for &" + f.field());
                    }
                    out.put(f.field(), setting);
                } else if (e instanceof SyntaxOptional o) {
                    matchList(o.elems(), false);
                }
            }
            return true;
        }

        private boolean literalAt(int i, String word) {
            Token t = toks.get(i);
            return word.equals(",") ? t.is(TokenKind.COMMA) : t.isWord(word);
        }
    }

    // ====================================================================== recursion

    /** Marks definitions that can contain themselves (their decoders get a depth guard). */
    private void markRecursion() {
        Map<Ir.Def, Set<Ir.Def>> edges = new IdentityHashMap<>();
        for (Ir.Def d : defOrder) {
            Set<Ir.Def> out = new LinkedHashSet<>();
            collectRefs(d.type(), out, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
            edges.put(d, out);
        }
        for (Ir.Def d : defOrder) {
            // reachable from itself?
            Deque<Ir.Def> work = new ArrayDeque<>(edges.getOrDefault(d, Set.of()));
            Set<Ir.Def> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            while (!work.isEmpty()) {
                Ir.Def x = work.pop();
                if (x == d) {
                    d.setRecursive(true);
                    break;
                }
                if (seen.add(x)) {
                    work.addAll(edges.getOrDefault(x, Set.of()));
                }
            }
        }
    }

    private static void collectRefs(Ir.Type t, Set<Ir.Def> out, Set<Object> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof Ir.Ref r) {
            out.add(r.def());
        } else if (t instanceof Ir.Seq s) {
            s.comps().forEach(c -> collectRefs(c.type(), out, seen));
        } else if (t instanceof Ir.SeqOf so) {
            collectRefs(so.element(), out, seen);
        } else if (t instanceof Ir.Choice c) {
            c.alts().forEach(a -> collectRefs(a.type(), out, seen));
        } else if (t instanceof Ir.Table tb) {
            tb.comps().forEach(c -> collectRefs(c.type(), out, seen));
            for (Ir.ObjectRow row : tb.rows()) {
                row.types().values().forEach(x -> collectRefs(x, out, seen));
            }
        }
    }
}
