package io.oranric.e2.codec;

import io.oranric.e2.aper.BitString;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.UnknownExtensions;
import io.oranric.e2.aper.meta.AsnEnumerated;
import io.oranric.e2.aper.meta.AsnNull;
import io.oranric.e2.aper.meta.AsnType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Erlang terms as the asn1 oracle prints decoded values, a parser for them, and the same view of our
 * decoded values (via the type descriptors), so that vectors can be checked field by field against the
 * oracle's {@code .decoded.txt}. Record names of SEQUENCE tuples are not compared (Erlang names anonymous
 * types its own way).
 */
final class ErlangTerm {

    private ErlangTerm() {
    }

    sealed interface Term permits Atom, Int, Str, Bin, Tuple, Lst {
    }

    record Atom(String name) implements Term {
        static final Atom ANY_RECORD = new Atom("*record*");
    }

    record Int(long value) implements Term {
    }

    record Str(String value) implements Term {
    }

    /** A binary or bitstring: {@code bits} bits of {@code bytes}. */
    record Bin(byte[] bytes, long bits) implements Term {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bin b && bits == b.bits && java.util.Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "<<" + OctetString.of(bytes).toHex() + "/" + bits + ">>";
        }
    }

    record Tuple(List<Term> items) implements Term {
    }

    record Lst(List<Term> items) implements Term {
    }

    // ------------------------------------------------------------------ parser

    static Term parse(String text) {
        Parser p = new Parser(text);
        Term t = p.term();
        p.skipWs();
        if (p.i < text.length() && text.charAt(p.i) == '.') {
            p.i++;
        }
        return t;
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        void skipWs() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        boolean eat(String tok) {
            skipWs();
            if (s.startsWith(tok, i)) {
                i += tok.length();
                return true;
            }
            return false;
        }

        void expect(String tok) {
            if (!eat(tok)) {
                throw new IllegalArgumentException("expected " + tok + " at " + i + ": " + s.substring(i, Math.min(s.length(), i + 30)));
            }
        }

        Term term() {
            skipWs();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                return new Tuple(items("}"));
            }
            if (c == '[') {
                i++;
                return new Lst(items("]"));
            }
            if (s.startsWith("<<", i)) {
                i += 2;
                return binary();
            }
            if (c == '"') {
                return new Str(string());
            }
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                String a = s.substring(i + 1, end);
                i = end + 1;
                return new Atom(a);
            }
            if (c == '-' || Character.isDigit(c)) {
                int st = i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                return new Int(Long.parseLong(s.substring(st, i)));
            }
            int st = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '@')) {
                i++;
            }
            return new Atom(s.substring(st, i));
        }

        List<Term> items(String close) {
            List<Term> out = new ArrayList<>();
            if (eat(close)) {
                return out;
            }
            do {
                out.add(term());
            } while (eat(","));
            expect(close);
            return out;
        }

        String string() {
            StringBuilder sb = new StringBuilder();
            i++;
            while (s.charAt(i) != '"') {
                if (s.charAt(i) == '\\') {
                    i++;
                }
                sb.append(s.charAt(i++));
            }
            i++;
            return sb.toString();
        }

        Term binary() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long bits = 0;
            int partialBits = 0;
            int partialValue = 0;
            if (eat(">>")) {
                return new Bin(new byte[0], 0);
            }
            do {
                skipWs();
                if (s.charAt(i) == '"') {
                    for (char ch : string().toCharArray()) {
                        out.write(ch & 0xFF);
                        bits += 8;
                    }
                    continue;
                }
                Term t = term();
                long v = ((Int) t).value();
                if (eat(":")) {
                    Int size = (Int) term();
                    partialBits = (int) size.value();
                    partialValue = (int) v;
                    bits += partialBits;
                } else {
                    out.write((int) v);
                    bits += 8;
                }
            } while (eat(","));
            expect(">>");
            if (partialBits > 0) {
                out.write(partialValue << (8 - partialBits));
            }
            return new Bin(out.toByteArray(), bits);
        }
    }

    // ------------------------------------------------------------------ our values as terms

    /** Our decoded value of type {@code t} in the oracle's notation. */
    static Term of(AsnType t, Object v) {
        if (t instanceof AsnType.SequenceType st) {
            List<Term> items = new ArrayList<>();
            items.add(Atom.ANY_RECORD);
            for (AsnType.Component c : st.components()) {
                Object cv = c.getter().apply(v);
                items.add(cv == null ? new Atom("asn1_NOVALUE") : of(c.resolvedType(), cv));
            }
            UnknownExtensions u = st.unknownExtensions(v);
            if (u != null && u.hasUnknown()) {
                throw new IllegalStateException("unknown extensions in a vector value");
            }
            return new Tuple(items);
        }
        if (t instanceof AsnType.ChoiceType ct) {
            AsnType.ChoiceValue cv = (AsnType.ChoiceValue) v;
            AsnType.Alternative alt = ct.alternatives().get(cv.choiceIndex());
            return new Tuple(List.of(new Atom(alt.name()), of(alt.resolvedType(), cv.choiceValue())));
        }
        if (t instanceof AsnType.TableType tt) {
            AsnType.TableValue tv = (AsnType.TableValue) v;
            Object[] fields = tv.fieldValues();
            List<Term> items = new ArrayList<>();
            items.add(Atom.ANY_RECORD);
            AsnType.TableRow row = tv.rowIndex() < 0 ? null : tt.rows().get(tv.rowIndex());
            for (int i = 0; i < fields.length; i++) {
                AsnType.TableField f = tt.fields().get(i);
                if (f.role() == AsnType.FieldRole.OPEN) {
                    items.add(row == null ? of(new AsnType.OctetStringType(null, AsnType.Size.NONE), fields[i])
                            : of(row.openType(i), fields[i]));
                } else {
                    items.add(of(f.type().get(), fields[i]));
                }
            }
            return new Tuple(items);
        }
        if (t instanceof AsnType.SequenceOfType so) {
            List<Term> items = new ArrayList<>();
            for (Object e : (List<?>) v) {
                items.add(of(so.element(), e));
            }
            return new Lst(items);
        }
        if (t instanceof AsnType.EnumeratedType) {
            return new Atom(((AsnEnumerated) v).asn1Name());
        }
        if (t instanceof AsnType.IntegerType) {
            return new Int((Long) v);
        }
        if (t instanceof AsnType.BooleanType) {
            return new Atom(v.toString());
        }
        if (t instanceof AsnType.NullType) {
            return new Atom("NULL");
        }
        if (t instanceof AsnType.OctetStringType || t instanceof AsnType.OpenType) {
            byte[] b = ((OctetString) v).toByteArray();
            return new Bin(b, 8L * b.length);
        }
        if (t instanceof AsnType.BitStringType) {
            BitString b = (BitString) v;
            return new Bin(b.toByteArray(), b.size());
        }
        if (t instanceof AsnType.CharStringType) {
            return new Str((String) v);
        }
        throw new IllegalArgumentException("no Erlang view for " + t + " " + v);
    }

    /** Structural comparison; returns null when equal, else the path of the first difference. */
    static String diff(Term ours, Term oracle, String path) {
        if (ours instanceof Atom a && a == Atom.ANY_RECORD) {
            return oracle instanceof Atom ? null : path + ": expected a record name, oracle has " + oracle;
        }
        if (ours instanceof Tuple a && oracle instanceof Tuple b || ours instanceof Lst && oracle instanceof Lst) {
            List<Term> x = ours instanceof Tuple ta ? ta.items() : ((Lst) ours).items();
            List<Term> y = oracle instanceof Tuple tb ? tb.items() : ((Lst) oracle).items();
            if (x.size() != y.size()) {
                return path + ": " + x.size() + " items vs oracle's " + y.size() + " (" + ours + " vs " + oracle + ")";
            }
            for (int i = 0; i < x.size(); i++) {
                String d = diff(x.get(i), y.get(i), path + "/" + i);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (ours instanceof Lst l && l.items().isEmpty() && oracle instanceof Str s && s.value().isEmpty()) {
            return null;
        }
        return Objects.equals(ours, oracle) ? null : path + ": ours " + ours + " vs oracle " + oracle;
    }
}
