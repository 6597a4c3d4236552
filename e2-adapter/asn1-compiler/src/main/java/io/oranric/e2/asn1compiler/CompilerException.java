package io.oranric.e2.asn1compiler;

/** Thrown when a pass ends with errors; the diagnostics say why. */
public final class CompilerException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Diagnostics diagnostics;

    public CompilerException(String pass, Diagnostics diagnostics) {
        super(pass + " failed:\n" + String.join("\n", diagnostics.errors().stream().map(Object::toString).toList()));
        this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
