package io.oranric.e2.asn1compiler.emit;

/** Indented Java source text. */
final class CodeWriter {

    private final StringBuilder sb = new StringBuilder();
    private int indent;

    CodeWriter line(String s) {
        if (s.isEmpty()) {
            sb.append('\n');
            return this;
        }
        sb.append("    ".repeat(indent)).append(s).append('\n');
        return this;
    }

    CodeWriter line() {
        sb.append('\n');
        return this;
    }

    /** {@code s {} and indents. */
    CodeWriter open(String s) {
        line(s + " {");
        indent++;
        return this;
    }

    /** Dedents and {@code }} + suffix. */
    CodeWriter close(String suffix) {
        indent--;
        line("}" + suffix);
        return this;
    }

    CodeWriter close() {
        return close("");
    }

    CodeWriter indent() {
        indent++;
        return this;
    }

    CodeWriter dedent() {
        indent--;
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
