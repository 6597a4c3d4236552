package io.oranric.e2.asn1compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oranric.e2.aper.AperException;
import io.oranric.e2.aper.AperReader;
import io.oranric.e2.aper.AperWriter;
import io.oranric.e2.aper.OctetString;
import io.oranric.e2.aper.meta.AsnNull;
import io.oranric.e2.aper.meta.AsnType;
import io.oranric.e2.aper.meta.AsnTypeRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * asn1c-style fixtures: {@code NN-name-OK.asn} must generate Java that compiles and encodes as X.691 says
 * (expected bytes worked out by hand), {@code -SE} must fail the check pass, {@code -NP} the parser.
 */
class FixturesTest {

    @TempDir
    static Path tmp;

    static Map<String, AsnTypeRegistry> registries = new java.util.HashMap<>();

    static Path fixtures() {
        return Path.of("src/test/resources/fixtures");
    }

    @BeforeAll
    static void generateAndCompileOkFixtures() throws Exception {
        Path src = tmp.resolve("src");
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        List<SetConfig.SetSpec> sets = List.of(
                new SetConfig.SetSpec("BASIC", "fixture.basic", List.of("01-basic-OK.asn")),
                new SetConfig.SetSpec("EXT", "fixture.ext", List.of("02-extensions-OK.asn")),
                new SetConfig.SetSpec("CLASSES", "fixture.classes", List.of("03-classes-OK.asn")));
        Diagnostics diag = new Diagnostics();
        Map<String, String> files = Compiler.generate(new SetConfig("fixture", sets), fixtures(), diag);
        assertThat(diag.errors()).isEmpty();
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = src.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            paths.add(p.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "-Xlint:all", "-Werror", "-proc:none"));
        args.addAll(paths);
        java.io.StringWriter out = new java.io.StringWriter();
        int rc = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }
        }), args.toArray(new String[0]));
        assertThat(rc).as("javac (warnings are errors):%n%s", out).isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, FixturesTest.class.getClassLoader());
        for (SetConfig.SetSpec s : sets) {
            registries.put(s.name(), (AsnTypeRegistry) loader.loadClass(s.javaPackage() + ".TypeRegistry").getField("INSTANCE").get(null));
        }
    }

    static AsnType type(String set, String name) {
        return registries.get(set).type(name);
    }

    static String enc(AsnType t, Object v) {
        AperWriter w = new AperWriter();
        t.encode(w, v);
        return OctetString.wrap(w.toCompleteEncoding()).toHex();
    }

    static Object dec(AsnType t, String hex) {
        return t.decode(new AperReader(OctetString.fromHex(hex).toByteArray()));
    }

    static Object seq(AsnType t, Object... values) {
        return ((AsnType.SequenceType) t).construct(values);
    }

    @Test
    void basicSequenceWithOptionalsAndExtensibleString() {
        AsnType item = type("BASIC", "Item");
        Object v = seq(item, 5L, "ab", null, null);
        assertThat(enc(item, v)).isEqualTo("54206162");
        assertThat(dec(item, "54206162")).isEqualTo(v);
    }

    @Test
    void namesThatCollideWithGeneratedCodeStillWork() {
        AsnType.ChoiceType tricky = (AsnType.ChoiceType) type("BASIC", "Tricky");
        for (Object v : List.of(tricky.alternative("integer").make().apply(3L), tricky.alternative("string").make().apply("s"),
                tricky.alternative("long").make().apply(true), tricky.alternative("object").make().apply(OctetString.fromHex("01")),
                tricky.alternative("list").make().apply(List.of(true, false)))) {
            assertThat(dec(tricky, enc(tricky, v))).isEqualTo(v);
        }
        AsnType locals = type("BASIC", "Locals");
        Object v = seq(locals, true, false, 2L, true, false, true, false, true, true, null);
        assertThat(dec(locals, enc(locals, v))).isEqualTo(v);
    }

    @Test
    void enumerationsAreIndexedBySortedValue() {
        AsnType.EnumeratedType colour = (AsnType.EnumeratedType) type("BASIC", "Colour");
        assertThat(colour.names()).containsExactly("blue", "green", "red", "violet");
        assertThat(enc(colour, colour.values().get(2))).isEqualTo("40");
        assertThat(enc(colour, colour.values().get(3))).isEqualTo("80");
        assertThat(enc(colour, colour.unknown(5))).isEqualTo("85");
        assertThat(dec(colour, "85")).isEqualTo(colour.unknown(5));
    }

    @Test
    void choiceWithAnExtensionAlternative() {
        AsnType.ChoiceType shape = (AsnType.ChoiceType) type("BASIC", "Shape");
        Object star = shape.alternative("star").make().apply(true);
        assertThat(enc(shape, star)).isEqualTo("800180");
        assertThat(enc(shape, shape.alternative("square").make().apply(AsnNull.INSTANCE))).isEqualTo("40");
    }

    @Test
    void extensionGroupIsOneOpenTypeAddition() {
        AsnType g = type("EXT", "G");
        assertThat(enc(g, seq(g, true, 5L, true, null, null))).isEqualTo("C0C001D8");
        assertThat(enc(g, seq(g, true, null, null, 3L, null))).isEqualTo("C0A00160");
        assertThat(enc(g, seq(g, false, null, null, null, null))).isEqualTo("00");
        assertThat(dec(g, "C0C001D8")).isEqualTo(seq(g, true, 5L, true, null, null));
        // a present group must carry its mandatory component
        assertThatThrownBy(() -> enc(g, seq(g, true, 5L, null, null, null))).isInstanceOf(AperException.class)
                .hasMessageContaining("mandatory component of a present extension group");
    }

    @Test
    void defaultValuesAreAbsentWhenNotGivenAndKeptWhenGiven() {
        AsnType d = type("EXT", "D");
        assertThat(enc(d, seq(d, null, true))).isEqualTo("40");
        assertThat(enc(d, seq(d, 6L, true))).isEqualTo("800680");
        // an explicitly encoded default value is preserved
        assertThat(enc(d, dec(d, "800580"))).isEqualTo("800580");
        AsnType.SequenceType st = (AsnType.SequenceType) d;
        assertThat(st.components().get(0).defaultValue()).isEqualTo(5L);
    }

    @Test
    void componentsAfterTheSecondMarkerAreRoot() {
        AsnType r2 = type("EXT", "R2");
        // root components (a, z) come first in the record, then the extension addition x
        assertThat(((AsnType.SequenceType) r2).components()).extracting(AsnType.Component::name).containsExactly("a", "z", "x");
        assertThat(enc(r2, seq(r2, true, false, null, null))).isEqualTo("40");
        assertThat(enc(r2, seq(r2, true, false, true, null))).isEqualTo("C0200180");
    }

    @Test
    void ieContainerFromAParameterizedClassAndObjectSet() {
        AsnType msg = type("CLASSES", "Msg");
        AsnType.TableType field = (AsnType.TableType) ((AsnType.SequenceOfType) ((AsnType.SequenceType) msg).components()
                .get(0).resolvedType()).element();
        assertThat(field.rows()).extracting(AsnType.TableRow::keyName).containsExactly("id-A", "id-B");
        AsnType.EnumeratedType crit = (AsnType.EnumeratedType) field.fields().get(1).type().get();
        // id-B takes the class default criticality (ignore)
        assertThat(field.rows().get(1).fixedValues().get(1)).isEqualTo(crit.values().get(1));
        Object a = field.rows().get(0).make().apply(new Object[] {1L, crit.values().get(0), 200L});
        Object b = field.rows().get(1).make().apply(new Object[] {2L, crit.values().get(1), true});
        Object m = seq(msg, List.of(a, b), null);
        assertThat(enc(msg, m)).isEqualTo("1000010001C80002400180");
        assertThat(dec(msg, "1000010001C80002400180")).isEqualTo(m);
        // an IE the set does not know survives
        Object unknown = field.makeUnknown(new Object[] {9L, crit.values().get(2), OctetString.fromHex("ABCD")});
        Object m2 = seq(msg, List.of(unknown), null);
        String hex = enc(msg, m2);
        assertThat(dec(msg, hex)).isEqualTo(m2);
    }

    @Test
    void recursiveTypesHaveADepthGuard() {
        AsnType tree = type("BASIC", "Tree");
        Object leaf = seq(tree, "z", null);
        Object t = leaf;
        for (int i = 0; i < 300; i++) {
            t = seq(tree, "n", List.of(t));
        }
        String hex = enc(tree, t);
        assertThatThrownBy(() -> dec(tree, hex)).isInstanceOf(AperException.class)
                .satisfies(e -> assertThat(((AperException) e).reason()).isEqualTo(AperException.Reason.LIMIT_EXCEEDED));
        Object shallow = seq(tree, "root", List.of(leaf, leaf));
        assertThat(dec(tree, enc(tree, shallow))).isEqualTo(shallow);
    }

    @Test
    void semanticErrorsAreReportedWithTheirPlace() {
        for (String[] f : new String[][] {{"10-undefined-SE.asn", "undefined name Missing", "10-undefined-SE.asn:3:"},
            {"11-duplicate-SE.asn", "duplicate component x", "11-duplicate-SE.asn:3:"},
            {"12-empty-range-SE.asn", "empty INTEGER range 10..5", "12-empty-range-SE.asn:3:"}}) {
            Diagnostics diag = new Diagnostics();
            assertThatThrownBy(() -> Compiler.check(new SetConfig.SetSpec("X", "x", List.of(f[0])), fixtures(), diag))
                    .isInstanceOf(CompilerException.class).hasMessageContaining("check").hasMessageContaining(f[1])
                    .hasMessageContaining(f[2]);
        }
    }

    @Test
    void unparseableInputIsAParseError() throws IOException {
        Diagnostics diag = new Diagnostics();
        assertThatThrownBy(() -> Compiler.parse(List.of(fixtures().resolve("20-syntax-NP.asn")), diag))
                .isInstanceOf(CompilerException.class).hasMessageContaining("parse")
                .hasMessageContaining("20-syntax-NP.asn:3:");
    }

    @Test
    void irDumpNamesRecursiveTypes() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        int rc = Main.run(new String[] {"--config", writeConfig().toString(), "--asn1-dir", fixtures().toString(), "--dump", "ir"},
                new java.io.PrintStream(out), new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
        assertThat(rc).isZero();
        assertThat(out.toString()).contains("Tree (recursive) ::=").contains("Item ::= Seq");
    }

    private static Path writeConfig() throws IOException {
        Path cfg = tmp.resolve("fixtures.conf");
        Files.writeString(cfg, "BASIC basic 01-basic-OK.asn\n");
        return cfg;
    }
}
