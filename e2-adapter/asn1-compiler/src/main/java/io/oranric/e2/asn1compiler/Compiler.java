package io.oranric.e2.asn1compiler;

import io.oranric.e2.asn1compiler.ast.Ast;
import io.oranric.e2.asn1compiler.check.Checker;
import io.oranric.e2.asn1compiler.emit.JavaEmitter;
import io.oranric.e2.asn1compiler.ir.Ir;
import io.oranric.e2.asn1compiler.lex.Lexer;
import io.oranric.e2.asn1compiler.lex.Token;
import io.oranric.e2.asn1compiler.parse.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The generator, as explicit passes: lex+parse (AST), check (IR), emit (Java sources). Each pass
 * collects diagnostics; a pass that ends with errors stops the compilation with a {@link CompilerException}.
 */
public final class Compiler {

    private Compiler() {
    }

    /** Parses the files of one set. */
    public static List<Ast.AsnModule> parse(List<Path> files, Diagnostics diag) throws IOException {
        List<List<Token>> streams = new ArrayList<>();
        Set<String> classNames = new LinkedHashSet<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            List<Token> toks = new Lexer(text, f.getFileName().toString(), diag).tokenize();
            streams.add(toks);
            classNames.addAll(Parser.scanClassNames(toks));
        }
        List<Ast.AsnModule> modules = new ArrayList<>();
        for (List<Token> toks : streams) {
            modules.addAll(new Parser(toks, diag, classNames).parseModules());
        }
        if (diag.hasErrors()) {
            throw new CompilerException("parse", diag);
        }
        return modules;
    }

    /** Parse and check one set. */
    public static Ir.Model check(SetConfig.SetSpec spec, Path asn1Dir, Diagnostics diag) throws IOException {
        List<Path> files = spec.files().stream().map(asn1Dir::resolve).toList();
        List<Ast.AsnModule> modules = parse(files, diag);
        Set<String> classNames = new LinkedHashSet<>();
        for (Path f : files) {
            classNames.addAll(Parser.scanClassNames(new Lexer(Files.readString(f), f.getFileName().toString(), new Diagnostics()).tokenize()));
        }
        Ir.Model model = new Checker(spec.name(), modules, classNames, diag).check();
        if (diag.hasErrors()) {
            throw new CompilerException("check of " + spec.name(), diag);
        }
        return model;
    }

    /** Generates every set of {@code config}: relative source path to content. */
    public static Map<String, String> generate(SetConfig config, Path asn1Dir, Diagnostics diag) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (SetConfig.SetSpec spec : config.sets()) {
            Ir.Model model = check(spec, asn1Dir, diag);
            out.putAll(new JavaEmitter(model, spec, diag).emit());
            if (diag.hasErrors()) {
                throw new CompilerException("emit of " + spec.name(), diag);
            }
        }
        return out;
    }
}
