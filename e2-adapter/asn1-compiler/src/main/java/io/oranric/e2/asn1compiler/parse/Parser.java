package io.oranric.e2.asn1compiler.parse;

import io.oranric.e2.asn1compiler.Diagnostics;
import io.oranric.e2.asn1compiler.ast.Ast.*;
import io.oranric.e2.asn1compiler.lex.Token;
import io.oranric.e2.asn1compiler.lex.TokenKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the ASN.1 subset used by the O-RAN E2 specifications. Information object
 * definitions in defined syntax are kept as tokens; the check pass parses them with their class syntax
 * through {@link #parseTypeFrom} and {@link #parseValueFrom}.
 */
public final class Parser {

    private static final Set<String> STRING_TYPES = Set.of("PrintableString", "IA5String", "VisibleString",
            "ISO646String", "NumericString", "UTF8String", "BMPString", "UniversalString", "TeletexString",
            "T61String", "VideotexString", "GraphicString", "GeneralString", "UTCTime", "GeneralizedTime",
            "ObjectDescriptor");

    private final List<Token> toks;
    private final Diagnostics diag;
    private final Set<String> classNames;
    private int p;

    /**
     * @param classNames names of the information object classes of all modules of the set (found by a
     *                   pre-scan), needed to tell object (set) assignments from value (set) assignments
     */
    public Parser(List<Token> tokens, Diagnostics diag, Set<String> classNames) {
        this.toks = tokens;
        this.diag = diag;
        this.classNames = classNames;
    }

    /** Names assigned a CLASS in {@code tokens} ({@code Name ::= CLASS}). */
    public static List<String> scanClassNames(List<Token> tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).is(TokenKind.WORD) && tokens.get(i + 1).is(TokenKind.ASSIGN)
                    && tokens.get(i + 2).isWord("CLASS")) {
                out.add(tokens.get(i).text());
            }
        }
        return out;
    }

    // ================================================================== helpers

    private Token peek() {
        return toks.get(p);
    }

    private Token peek(int k) {
        return toks.get(Math.min(p + k, toks.size() - 1));
    }

    private Token next() {
        Token t = toks.get(p);
        if (!t.is(TokenKind.EOF)) {
            p++;
        }
        return t;
    }

    private boolean at(TokenKind k) {
        return peek().is(k);
    }

    private boolean atWord(String w) {
        return peek().isWord(w);
    }

    private boolean accept(TokenKind k) {
        if (at(k)) {
            next();
            return true;
        }
        return false;
    }

    private boolean acceptWord(String w) {
        if (atWord(w)) {
            next();
            return true;
        }
        return false;
    }

    private Token expect(TokenKind k, String what) {
        if (!at(k)) {
            throw new ParseError(peek(), "expected " + what + " but found " + peek());
        }
        return next();
    }

    private Token expectWord(String w) {
        if (!atWord(w)) {
            throw new ParseError(peek(), "expected " + w + " but found " + peek());
        }
        return next();
    }

    private String expectName(String what) {
        return expect(TokenKind.WORD, what).text();
    }

    private static boolean isUpper(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    }

    /** Skips a balanced {...} group starting at the current '{'. */
    private List<Token> braced() {
        Token open = expect(TokenKind.LBRACE, "{");
        List<Token> body = new ArrayList<>();
        int depth = 1;
        while (true) {
            Token t = next();
            if (t.is(TokenKind.EOF)) {
                throw new ParseError(open, "unbalanced {");
            }
            if (t.is(TokenKind.LBRACE)) {
                depth++;
            } else if (t.is(TokenKind.RBRACE) && --depth == 0) {
                return body;
            }
            body.add(t);
        }
    }

    /** Unchecked error that aborts the current assignment; recorded as a diagnostic. */
    static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Token at;

        ParseError(Token at, String msg) {
            super(msg, null, false, false);
            this.at = at;
        }
    }

    // ================================================================== modules

    /** Parses every module in the token stream. */
    public List<AsnModule> parseModules() {
        List<AsnModule> out = new ArrayList<>();
        while (!at(TokenKind.EOF)) {
            try {
                out.add(parseModule());
            } catch (ParseError e) {
                diag.error(e.at.where(), e.getMessage());
                // resynchronise after the next END
                while (!at(TokenKind.EOF) && !atWord("END")) {
                    next();
                }
                next();
            }
        }
        return out;
    }

    private AsnModule parseModule() {
        Token start = peek();
        String name = expectName("module name");
        if (at(TokenKind.LBRACE)) {
            braced(); // module OID
        }
        expectWord("DEFINITIONS");
        String tagDefault = "EXPLICIT";
        boolean implied = false;
        while (!at(TokenKind.ASSIGN)) {
            Token t = next();
            if (t.isWord("AUTOMATIC") || t.isWord("IMPLICIT") || t.isWord("EXPLICIT")) {
                tagDefault = t.text();
            } else if (t.isWord("IMPLIED")) {
                implied = true;
            } else if (t.is(TokenKind.EOF)) {
                throw new ParseError(t, "unexpected end of file in module header");
            }
        }
        expect(TokenKind.ASSIGN, "::=");
        expectWord("BEGIN");
        List<Import> imports = new ArrayList<>();
        if (acceptWord("EXPORTS")) {
            while (!at(TokenKind.SEMI) && !at(TokenKind.EOF)) {
                next();
            }
            expect(TokenKind.SEMI, ";");
        }
        if (acceptWord("IMPORTS")) {
            imports = parseImports();
        }
        List<Assignment> assignments = new ArrayList<>();
        while (!atWord("END")) {
            if (at(TokenKind.EOF)) {
                throw new ParseError(peek(), "missing END of module " + name);
            }
            int before = p;
            try {
                assignments.add(parseAssignment());
            } catch (ParseError e) {
                diag.error(e.at.where(), e.getMessage());
                skipToNextAssignment(before);
            }
        }
        expectWord("END");
        return new AsnModule(name, start.file(), tagDefault, implied, imports, assignments, start);
    }

    /** After an error: skip to the next token pair that looks like the start of an assignment. */
    private void skipToNextAssignment(int before) {
        if (p == before) {
            next();
        }
        while (!at(TokenKind.EOF) && !atWord("END")) {
            if (at(TokenKind.WORD) && (peek(1).is(TokenKind.ASSIGN) || (peek(1).is(TokenKind.WORD) && peek(2).is(TokenKind.ASSIGN)))
                    && peek().col() == 1) {
                return;
            }
            next();
        }
    }

    private List<Import> parseImports() {
        List<Import> out = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        Token at = peek();
        while (!at(TokenKind.SEMI)) {
            if (at(TokenKind.EOF)) {
                throw new ParseError(peek(), "unterminated IMPORTS");
            }
            if (acceptWord("FROM")) {
                String mod = expectName("module name");
                if (at(TokenKind.LBRACE)) {
                    braced();
                }
                out.add(new Import(mod, List.copyOf(symbols), at));
                symbols.clear();
                at = peek();
                continue;
            }
            String sym = expectName("imported symbol");
            if (at(TokenKind.LBRACE) && peek(1).is(TokenKind.RBRACE)) {
                next();
                next();
            }
            symbols.add(sym);
            accept(TokenKind.COMMA);
        }
        expect(TokenKind.SEMI, ";");
        if (!symbols.isEmpty()) {
            diag.error(at.where(), "imported symbols without FROM: " + symbols);
        }
        return out;
    }

    // ================================================================== assignments

    private Assignment parseAssignment() {
        Token at = peek();
        String name = expectName("assignment name");
        List<Param> params = List.of();
        if (at(TokenKind.LBRACE) && isUpper(name)) {
            params = parseFormalParams();
        }
        if (accept(TokenKind.ASSIGN)) {
            if (!isUpper(name)) {
                throw new ParseError(at, "a lower-case name needs a type or class before ::=");
            }
            if (atWord("CLASS")) {
                return new ClassAssignment(name, parseClass(), at);
            }
            return new TypeAssignment(name, params, parseType(), at);
        }
        // name Governor ::= ...
        Type governor = parseType();
        expect(TokenKind.ASSIGN, "::=");
        boolean governorIsClass = governor instanceof TypeRef r && classNames.contains(r.name());
        if (!isUpper(name)) {
            if (governorIsClass) {
                String cls = ((TypeRef) governor).name();
                if (at(TokenKind.LBRACE)) {
                    Token open = peek();
                    return new ObjectAssignment(name, cls, new DefinedObject(braced(), open), at);
                }
                return new ObjectAssignment(name, cls, new ObjectRef(expectName("object"), peek()), at);
            }
            return new ValueAssignment(name, governor, parseValue(), at);
        }
        if (governorIsClass) {
            return new ObjectSetAssignment(name, ((TypeRef) governor).name(), params, parseObjectSet(), at);
        }
        throw new ParseError(at, "value set assignments are not supported (" + name + ")");
    }

    private List<Param> parseFormalParams() {
        expect(TokenKind.LBRACE, "{");
        List<Param> out = new ArrayList<>();
        do {
            Token first = peek();
            if (peek(1).is(TokenKind.COLON) || (first.is(TokenKind.WORD) && !peek(1).is(TokenKind.COMMA)
                    && !peek(1).is(TokenKind.RBRACE))) {
                // Governor : Name
                Type gov = parseType();
                expect(TokenKind.COLON, ":");
                String pname = expectName("parameter name");
                String cls = gov instanceof TypeRef r && classNames.contains(r.name()) ? r.name() : null;
                out.add(new Param(cls == null ? gov : null, cls, pname));
            } else {
                out.add(new Param(null, null, expectName("parameter name")));
            }
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RBRACE, "}");
        return out;
    }

    // ================================================================== types

    /** Parses a type with its constraints. */
    public Type parseType() {
        Type t = parseTypeNoConstraint();
        List<Constraint> cs = new ArrayList<>(t.constraints());
        while (at(TokenKind.LPAREN)) {
            cs.add(parseConstraint());
        }
        return withConstraints(t, cs);
    }

    private static Type withConstraints(Type t, List<Constraint> cs) {
        if (cs.equals(t.constraints())) {
            return t;
        }
        List<Constraint> c = List.copyOf(cs);
        if (t instanceof Builtin b) {
            return new Builtin(b.kind(), b.named(), c, b.at());
        } else if (t instanceof Enumerated e) {
            return new Enumerated(e.root(), e.extensible(), e.additions(), c, e.at());
        } else if (t instanceof Sequence s) {
            return new Sequence(s.isSet(), s.root(), s.extensible(), s.additions(), s.root2(), c, s.at());
        } else if (t instanceof SequenceOf s) {
            return new SequenceOf(s.isSet(), s.element(), s.elementName(), c, s.at());
        } else if (t instanceof Choice ch) {
            return new Choice(ch.root(), ch.extensible(), ch.additions(), c, ch.at());
        } else if (t instanceof TypeRef r) {
            return new TypeRef(r.module(), r.name(), r.actuals(), c, r.at());
        } else if (t instanceof ClassFieldType f) {
            return new ClassFieldType(f.className(), f.field(), c, f.at());
        }
        throw new IllegalStateException();
    }

    private Type parseTypeNoConstraint() {
        Token at = peek();
        if (at(TokenKind.LBRACKET)) {
            // tag: [APPLICATION 3] IMPLICIT Type; PER ignores tags
            while (!accept(TokenKind.RBRACKET)) {
                next();
            }
            if (!acceptWord("IMPLICIT")) {
                acceptWord("EXPLICIT");
            }
            return parseTypeNoConstraint();
        }
        String w = expectName("type");
        switch (w) {
            case "BOOLEAN":
            case "NULL":
            case "REAL":
            case "EXTERNAL":
                return new Builtin(w, List.of(), List.of(), at);
            case "INTEGER": {
                List<NamedNumber> named = at(TokenKind.LBRACE) ? parseNamedNumbers() : List.of();
                return new Builtin("INTEGER", named, List.of(), at);
            }
            case "BIT": {
                expectWord("STRING");
                List<NamedNumber> named = at(TokenKind.LBRACE) ? parseNamedNumbers() : List.of();
                return new Builtin("BIT STRING", named, List.of(), at);
            }
            case "OCTET":
                expectWord("STRING");
                return new Builtin("OCTET STRING", List.of(), List.of(), at);
            case "OBJECT":
                expectWord("IDENTIFIER");
                return new Builtin("OBJECT IDENTIFIER", List.of(), List.of(), at);
            case "ENUMERATED":
                return parseEnumerated(at);
            case "CHOICE":
                return parseChoice(at);
            case "SEQUENCE":
            case "SET":
                return parseSequenceOrSequenceOf(w.equals("SET"), at);
            default:
                if (STRING_TYPES.contains(w)) {
                    return new Builtin(w, List.of(), List.of(), at);
                }
                return parseReference(w, at);
        }
    }

    private Type parseReference(String w, Token at) {
        String module = null;
        String name = w;
        if (at(TokenKind.DOT) && peek(1).is(TokenKind.FIELD)) {
            next();
            String field = next().text();
            while (at(TokenKind.DOT) && peek(1).is(TokenKind.FIELD)) {
                next();
                field = next().text();
            }
            return new ClassFieldType(name, field, List.of(), at);
        }
        if (at(TokenKind.DOT) && peek(1).is(TokenKind.WORD)) {
            next();
            module = name;
            name = next().text();
        }
        List<ActualParam> actuals = List.of();
        if (at(TokenKind.LBRACE)) {
            actuals = parseActualParams();
        }
        return new TypeRef(module, name, actuals, List.of(), at);
    }

    private List<NamedNumber> parseNamedNumbers() {
        expect(TokenKind.LBRACE, "{");
        List<NamedNumber> out = new ArrayList<>();
        do {
            String n = expectName("named number");
            expect(TokenKind.LPAREN, "(");
            Value v = parseValue();
            expect(TokenKind.RPAREN, ")");
            out.add(new NamedNumber(n, v));
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RBRACE, "}");
        return out;
    }

    private Enumerated parseEnumerated(Token at) {
        expect(TokenKind.LBRACE, "{");
        List<NamedNumber> root = new ArrayList<>();
        List<NamedNumber> adds = new ArrayList<>();
        boolean ext = false;
        while (!at(TokenKind.RBRACE)) {
            if (accept(TokenKind.ELLIPSIS)) {
                if (ext) {
                    throw new ParseError(peek(), "second extension marker in ENUMERATED");
                }
                ext = true;
                skipExceptionSpec();
            } else {
                String n = expectName("enumeration item");
                Value v = null;
                if (accept(TokenKind.LPAREN)) {
                    v = parseValue();
                    expect(TokenKind.RPAREN, ")");
                }
                (ext ? adds : root).add(new NamedNumber(n, v));
            }
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        expect(TokenKind.RBRACE, "}");
        return new Enumerated(List.copyOf(root), ext, List.copyOf(adds), List.of(), at);
    }

    private void skipExceptionSpec() {
        if (accept(TokenKind.EXCL)) {
            if (at(TokenKind.WORD) && peek(1).is(TokenKind.COLON)) {
                next();
                next();
            }
            parseValue();
        }
    }

    private Type parseSequenceOrSequenceOf(boolean isSet, Token at) {
        if (at(TokenKind.LBRACE)) {
            return parseSequenceBody(isSet, at);
        }
        List<Constraint> cs = new ArrayList<>();
        if (at(TokenKind.LPAREN)) {
            cs.add(parseConstraint());
        } else if (atWord("SIZE")) {
            Token sAt = next();
            Constraint size = parseConstraint();
            cs.add(new Constraint(new SizeElem(size), false, null, sAt));
        }
        expectWord("OF");
        String elementName = null;
        if (at(TokenKind.WORD) && !isUpper(peek().text()) && !peek(1).is(TokenKind.DOT)) {
            elementName = next().text();
        }
        Type element = parseType();
        return new SequenceOf(isSet, element, elementName, List.copyOf(cs), at);
    }

    private Sequence parseSequenceBody(boolean isSet, Token at) {
        expect(TokenKind.LBRACE, "{");
        List<Component> root = new ArrayList<>();
        List<Addition> adds = new ArrayList<>();
        List<Component> root2 = new ArrayList<>();
        int markers = 0;
        while (!at(TokenKind.RBRACE)) {
            if (accept(TokenKind.ELLIPSIS)) {
                markers++;
                skipExceptionSpec();
                if (markers > 2) {
                    throw new ParseError(peek(), "more than two extension markers");
                }
            } else if (at(TokenKind.LDBRACKET)) {
                Token g = next();
                if (markers != 1) {
                    throw new ParseError(g, "extension addition group outside the extension");
                }
                Integer version = null;
                if (at(TokenKind.NUMBER) && peek(1).is(TokenKind.COLON)) {
                    version = Integer.parseInt(next().text());
                    next();
                }
                List<Component> comps = new ArrayList<>();
                do {
                    comps.add(parseComponent());
                } while (accept(TokenKind.COMMA));
                expect(TokenKind.RDBRACKET, "]]");
                adds.add(new Addition(List.copyOf(comps), true, version));
            } else if (atWord("COMPONENTS")) {
                throw new ParseError(peek(), "COMPONENTS OF is not supported");
            } else {
                Component c = parseComponent();
                if (markers == 0) {
                    root.add(c);
                } else if (markers == 1) {
                    adds.add(new Addition(List.of(c), false, null));
                } else {
                    root2.add(c);
                }
            }
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        expect(TokenKind.RBRACE, "}");
        return new Sequence(isSet, List.copyOf(root), markers > 0, List.copyOf(adds), List.copyOf(root2), List.of(), at);
    }

    private Component parseComponent() {
        Token at = peek();
        String name = expectName("component name");
        if (isUpper(name)) {
            throw new ParseError(at, "component identifier must start lower-case: " + name);
        }
        Type type = parseType();
        boolean optional = false;
        Value def = null;
        if (acceptWord("OPTIONAL")) {
            optional = true;
        } else if (acceptWord("DEFAULT")) {
            def = parseValue();
        }
        return new Component(name, type, optional, def, at);
    }

    private Choice parseChoice(Token at) {
        expect(TokenKind.LBRACE, "{");
        List<Component> root = new ArrayList<>();
        List<Addition> adds = new ArrayList<>();
        boolean ext = false;
        while (!at(TokenKind.RBRACE)) {
            if (accept(TokenKind.ELLIPSIS)) {
                if (ext) {
                    throw new ParseError(peek(), "second extension marker in CHOICE");
                }
                ext = true;
                skipExceptionSpec();
            } else if (at(TokenKind.LDBRACKET)) {
                next();
                if (at(TokenKind.NUMBER) && peek(1).is(TokenKind.COLON)) {
                    next();
                    next();
                }
                List<Component> comps = new ArrayList<>();
                do {
                    comps.add(parseAlternative());
                } while (accept(TokenKind.COMMA));
                expect(TokenKind.RDBRACKET, "]]");
                adds.add(new Addition(List.copyOf(comps), true, null));
            } else {
                Component c = parseAlternative();
                if (ext) {
                    adds.add(new Addition(List.of(c), false, null));
                } else {
                    root.add(c);
                }
            }
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        expect(TokenKind.RBRACE, "}");
        return new Choice(List.copyOf(root), ext, List.copyOf(adds), List.of(), at);
    }

    private Component parseAlternative() {
        Token at = peek();
        String name = expectName("alternative name");
        return new Component(name, parseType(), false, null, at);
    }

    // ================================================================== constraints

    /** Parses one parenthesized constraint. */
    public Constraint parseConstraint() {
        Token at = expect(TokenKind.LPAREN, "(");
        Elements root = null;
        boolean ext = false;
        Elements additional = null;
        if (at(TokenKind.ELLIPSIS)) {
            next();
            ext = true;
        } else {
            root = parseElementSet();
            if (at(TokenKind.COMMA) && peek(1).is(TokenKind.ELLIPSIS)) {
                next();
                next();
                ext = true;
            }
        }
        if (ext && accept(TokenKind.COMMA)) {
            additional = parseElementSet();
        }
        if (at(TokenKind.EXCL)) {
            skipExceptionSpec();
        }
        expect(TokenKind.RPAREN, ")");
        return new Constraint(root, ext, additional, at);
    }

    private Elements parseElementSet() {
        List<Elements> items = new ArrayList<>();
        items.add(parseIntersections());
        while (accept(TokenKind.BAR) || acceptWord("UNION")) {
            items.add(parseIntersections());
        }
        return items.size() == 1 ? items.get(0) : new Union(List.copyOf(items));
    }

    private Elements parseIntersections() {
        if (acceptWord("ALL")) {
            expectWord("EXCEPT");
            return new AllExcept(parseElement());
        }
        List<Elements> items = new ArrayList<>();
        items.add(parseElementWithExcept());
        while (accept(TokenKind.CARET) || acceptWord("INTERSECTION")) {
            items.add(parseElementWithExcept());
        }
        return items.size() == 1 ? items.get(0) : new Intersection(List.copyOf(items));
    }

    private Elements parseElementWithExcept() {
        Elements e = parseElement();
        if (acceptWord("EXCEPT")) {
            parseElement(); // exclusions do not change PER-visible bounds we use; ignored
        }
        return e;
    }

    private Elements parseElement() {
        if (acceptWord("SIZE")) {
            return new SizeElem(parseConstraint());
        }
        if (acceptWord("FROM")) {
            return new FromElem(parseConstraint());
        }
        if (at(TokenKind.LPAREN)) {
            return new NestedElem(parseConstraint());
        }
        if (at(TokenKind.LBRACE)) {
            ObjectSet set = parseObjectSet();
            List<String> atNotation = new ArrayList<>();
            if (at(TokenKind.LBRACE) && peek(1).is(TokenKind.AT)) {
                next();
                do {
                    expect(TokenKind.AT, "@");
                    StringBuilder path = new StringBuilder();
                    while (accept(TokenKind.DOT)) {
                        path.append('.');
                    }
                    path.append(expectName("component"));
                    while (accept(TokenKind.DOT)) {
                        path.append('.').append(expectName("component"));
                    }
                    atNotation.add(path.toString());
                } while (accept(TokenKind.COMMA));
                expect(TokenKind.RBRACE, "}");
            }
            return new TableElem(set, List.copyOf(atNotation));
        }
        if (atWord("WITH")) {
            next();
            if (!acceptWord("COMPONENTS")) {
                expectWord("COMPONENT");
            }
            if (at(TokenKind.LBRACE)) {
                braced();
            } else {
                parseConstraint();
            }
            return new ContainedType(null);
        }
        if (acceptWord("CONTAINING")) {
            Type t = parseType();
            if (acceptWord("ENCODED")) {
                expectWord("BY");
                parseValue();
            }
            return new ContainedType(t);
        }
        if (acceptWord("INCLUDES")) {
            return new ContainedType(parseType());
        }
        if (acceptWord("PATTERN")) {
            parseValue();
            return new ContainedType(null);
        }
        // value or range
        Value lower = null;
        boolean minBound = false;
        if (acceptWord("MIN")) {
            minBound = true;
        } else {
            lower = parseValue();
        }
        boolean lowerOpen = accept(TokenKind.LT);
        if (accept(TokenKind.RANGE)) {
            boolean upperOpen = accept(TokenKind.LT);
            Value upper = null;
            if (!acceptWord("MAX")) {
                upper = parseValue();
            }
            return new ValueRange(lower, lowerOpen, upper, upperOpen);
        }
        if (minBound) {
            throw new ParseError(peek(), "MIN outside a range");
        }
        return new SingleValue(lower);
    }

    // ================================================================== values

    /** Parses a value. */
    public Value parseValue() {
        Token at = peek();
        if (accept(TokenKind.MINUS)) {
            Token n = expect(TokenKind.NUMBER, "number");
            return new IntValue(new BigInteger(n.text()).negate(), at);
        }
        if (at(TokenKind.NUMBER)) {
            Token n = next();
            if (at(TokenKind.DOT) && peek(1).is(TokenKind.NUMBER)) {
                next();
                Token frac = next();
                return new RealValue(Double.parseDouble(n.text() + "." + frac.text()), at);
            }
            return new IntValue(new BigInteger(n.text()), at);
        }
        if (acceptWord("TRUE")) {
            return new BoolValue(true, at);
        }
        if (acceptWord("FALSE")) {
            return new BoolValue(false, at);
        }
        if (acceptWord("NULL")) {
            return new NullValue(at);
        }
        if (at(TokenKind.CSTRING)) {
            return new StringValue(next().text(), at);
        }
        if (at(TokenKind.BSTRING)) {
            return new BitsValue(next().text(), at);
        }
        if (at(TokenKind.HSTRING)) {
            return new HexValue(next().text(), at);
        }
        if (at(TokenKind.LBRACE)) {
            return new BracedValue(braced(), at);
        }
        if (at(TokenKind.WORD)) {
            String name = next().text();
            if (at(TokenKind.DOT) && peek(1).is(TokenKind.WORD)) {
                next();
                return new RefValue(name, next().text(), at);
            }
            return new RefValue(null, name, at);
        }
        throw new ParseError(at, "expected a value but found " + at);
    }

    // ================================================================== parameters

    private List<ActualParam> parseActualParams() {
        expect(TokenKind.LBRACE, "{");
        List<ActualParam> out = new ArrayList<>();
        do {
            if (at(TokenKind.LBRACE)) {
                out.add(new ActualObjectSet(parseObjectSet()));
            } else if (at(TokenKind.WORD) && isUpper(peek().text())) {
                out.add(new ActualTypeOrValue(parseType(), null));
            } else {
                out.add(new ActualTypeOrValue(null, parseValue()));
            }
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RBRACE, "}");
        return List.copyOf(out);
    }

    // ================================================================== classes and object sets

    private ClassDef parseClass() {
        expectWord("CLASS");
        expect(TokenKind.LBRACE, "{");
        List<FieldSpec> fields = new ArrayList<>();
        do {
            Token f = expect(TokenKind.FIELD, "field name");
            String name = f.text();
            if (isUpper(name)) {
                // type field or object set field
                if (at(TokenKind.WORD) && classNames.contains(peek().text())) {
                    next();
                    boolean opt = acceptWord("OPTIONAL");
                    fields.add(new FieldSpec(name, FieldKind.OBJECT_SET, null, false, opt, null, null));
                } else {
                    boolean opt = false;
                    Type defType = null;
                    if (acceptWord("OPTIONAL")) {
                        opt = true;
                    } else if (acceptWord("DEFAULT")) {
                        defType = parseType();
                    }
                    fields.add(new FieldSpec(name, FieldKind.TYPE, null, false, opt, null, defType));
                }
            } else {
                Type type = parseType();
                boolean isObject = type instanceof TypeRef r && classNames.contains(r.name());
                boolean unique = acceptWord("UNIQUE");
                boolean opt = false;
                Value def = null;
                if (acceptWord("OPTIONAL")) {
                    opt = true;
                } else if (acceptWord("DEFAULT")) {
                    def = parseValue();
                }
                fields.add(new FieldSpec(name, isObject ? FieldKind.OBJECT : FieldKind.FIXED_VALUE, type, unique, opt,
                        def, null));
            }
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RBRACE, "}");
        List<SyntaxElem> syntax = null;
        if (acceptWord("WITH")) {
            expectWord("SYNTAX");
            expect(TokenKind.LBRACE, "{");
            syntax = parseSyntaxList(TokenKind.RBRACE);
            expect(TokenKind.RBRACE, "}");
        }
        return new ClassDef(List.copyOf(fields), syntax);
    }

    private List<SyntaxElem> parseSyntaxList(TokenKind end) {
        List<SyntaxElem> out = new ArrayList<>();
        while (!at(end)) {
            Token t = next();
            switch (t.kind()) {
                case WORD -> out.add(new SyntaxLiteral(t.text()));
                case COMMA -> out.add(new SyntaxLiteral(","));
                case FIELD -> out.add(new SyntaxField(t.text()));
                case LBRACKET -> {
                    List<SyntaxElem> inner = parseSyntaxList(TokenKind.RBRACKET);
                    expect(TokenKind.RBRACKET, "]");
                    out.add(new SyntaxOptional(inner));
                }
                default -> throw new ParseError(t, "unexpected " + t + " in WITH SYNTAX");
            }
        }
        return List.copyOf(out);
    }

    /** Parses {@code { elements [, ... [, elements]] }}. */
    public ObjectSet parseObjectSet() {
        Token at = expect(TokenKind.LBRACE, "{");
        List<ObjectSetElem> root = new ArrayList<>();
        List<ObjectSetElem> additional = new ArrayList<>();
        boolean ext = false;
        if (accept(TokenKind.ELLIPSIS)) {
            ext = true;
            if (accept(TokenKind.COMMA)) {
                parseObjectSetElems(additional);
            }
        } else if (!at(TokenKind.RBRACE)) {
            parseObjectSetElems(root);
            if (accept(TokenKind.COMMA)) {
                expect(TokenKind.ELLIPSIS, "...");
                ext = true;
                if (accept(TokenKind.COMMA)) {
                    parseObjectSetElems(additional);
                }
            }
        }
        expect(TokenKind.RBRACE, "}");
        return new ObjectSet(List.copyOf(root), ext, List.copyOf(additional), at);
    }

    private void parseObjectSetElems(List<ObjectSetElem> out) {
        do {
            if (at(TokenKind.LBRACE)) {
                Token open = peek();
                out.add(new InlineObject(new DefinedObject(braced(), open)));
            } else {
                Token at = peek();
                String name = expectName("object or object set");
                List<ActualParam> actuals = at(TokenKind.LBRACE) ? parseActualParams() : List.of();
                out.add(new SetOrObjectRef(name, actuals, at));
            }
        } while (accept(TokenKind.BAR) || acceptWord("UNION"));
    }

    // ================================================================== entry points for the check pass

    /** Parses a type from a token sub-list (a type setting of an object in defined syntax). */
    public static Type parseTypeFrom(List<Token> tokens, Diagnostics diag, Set<String> classNames) {
        Parser ps = new Parser(withEof(tokens), diag, classNames);
        Type t = ps.parseType();
        ps.requireEnd();
        return t;
    }

    /** Parses a value from a token sub-list. */
    public static Value parseValueFrom(List<Token> tokens, Diagnostics diag, Set<String> classNames) {
        Parser ps = new Parser(withEof(tokens), diag, classNames);
        Value v = ps.parseValue();
        ps.requireEnd();
        return v;
    }

    private void requireEnd() {
        if (!at(TokenKind.EOF)) {
            throw new ParseError(peek(), "unexpected " + peek());
        }
    }

    private static List<Token> withEof(List<Token> tokens) {
        List<Token> l = new ArrayList<>(tokens);
        Token last = tokens.isEmpty() ? new Token(TokenKind.EOF, "", "?", 0, 0) : tokens.get(tokens.size() - 1);
        l.add(new Token(TokenKind.EOF, "", last.file(), last.line(), last.col()));
        return l;
    }

    /** Exposes {@link ParseError} details for callers of the static entry points. */
    public static String errorWhere(RuntimeException e) {
        return e instanceof ParseError pe ? pe.at.where() : "";
    }

    public static boolean isParseError(RuntimeException e) {
        return e instanceof ParseError;
    }
}
