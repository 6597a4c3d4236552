package io.oranric.e2.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.oranric.e2.asn1compiler.Compiler;
import io.oranric.e2.asn1compiler.Diagnostics;
import io.oranric.e2.asn1compiler.SetConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Regenerates every set from the ASN.1 sources and fails if the committed generated sources differ
 * (somebody edited generated code, or changed the generator without regenerating). The ASN.1 directory
 * comes from the system property or environment variable {@code RIC_ASN1_DIR}, else the shared folder;
 * without one the test is skipped with a message.
 */
class GeneratedSourcesDriftTest {

    static Path asn1Dir() {
        String p = System.getProperty("RIC_ASN1_DIR", System.getenv("RIC_ASN1_DIR"));
        if (p == null || p.isBlank()) {
            p = "/work/shared/asn1";
        }
        return Path.of(p);
    }

    @Test
    void committedSourcesMatchTheGenerator() throws IOException {
        Path asn1 = asn1Dir();
        assumeTrue(Files.isRegularFile(asn1.resolve("e2ap-v03.01.asn")),
                "ASN.1 sources not found in " + asn1 + " (set RIC_ASN1_DIR); skipping the drift check");
        Path config = Path.of(System.getProperty("codegen.config", "codegen.conf"));
        Path sources = Path.of(System.getProperty("generated.sources", "src/main/java"));
        SetConfig cfg = SetConfig.load(config, "io.oranric.e2.codec");
        Map<String, String> expected = Compiler.generate(cfg, asn1, new Diagnostics());

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path p = sources.resolve(e.getKey());
            if (!Files.exists(p)) {
                problems.add("missing " + e.getKey());
            } else if (!Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
                problems.add("differs " + e.getKey());
            }
        }
        TreeSet<String> packages = new TreeSet<>();
        for (SetConfig.SetSpec s : cfg.sets()) {
            packages.add(s.javaPackage().replace('.', '/'));
        }
        for (String pkg : packages) {
            try (Stream<Path> files = Files.list(sources.resolve(pkg))) {
                files.map(f -> pkg + "/" + f.getFileName()).filter(f -> !expected.containsKey(f))
                        .forEach(f -> problems.add("not generated (stale?) " + f));
            }
        }
        assertThat(problems).as("generated sources out of date: run ./mvnw -pl e2-adapter/codecs -am -Pregenerate "
                + "-Dasn1.dir=" + asn1 + " process-test-classes").isEmpty();
        assertThat(expected).hasSizeGreaterThan(1000);
    }
}
