package io.oranric.e2.asn1compiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sets to generate, one per line: {@code SET package-suffix file...} ({@code #} starts a comment).
 * Example: {@code E2AP3 e2ap.v0301 e2ap-v03.01.asn}.
 */
public record SetConfig(String basePackage, List<SetSpec> sets) {

    /** One ASN.1 set: its name (as the oracle calls it), Java package and source files. */
    public record SetSpec(String name, String javaPackage, List<String> files) {
    }

    public static SetConfig load(Path file, String basePackage) throws IOException {
        List<SetSpec> sets = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 3) {
                throw new IOException(file + ": expected 'SET package file...' but got: " + raw);
            }
            sets.add(new SetSpec(parts[0], basePackage + "." + parts[1], List.copyOf(Arrays.asList(parts).subList(2, parts.length))));
        }
        return new SetConfig(basePackage, List.copyOf(sets));
    }
}
