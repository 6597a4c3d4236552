package io.oranric.e2.asn1compiler;

import java.util.ArrayList;
import java.util.List;

/** Diagnostics collected by every pass, with severities; fatal ones stop the compiler after the pass. */
public final class Diagnostics {

    public enum Severity { ERROR, WARNING, NOTE }

    /** One diagnostic: where (file:line:col, may be empty), what, and how bad. */
    public record Diagnostic(Severity severity, String where, String message) {
        @Override
        public String toString() {
            return (where.isEmpty() ? "" : where + ": ") + severity.name().toLowerCase() + ": " + message;
        }
    }

    private final List<Diagnostic> all = new ArrayList<>();

    public void error(String where, String message) {
        all.add(new Diagnostic(Severity.ERROR, where, message));
    }

    public void warning(String where, String message) {
        all.add(new Diagnostic(Severity.WARNING, where, message));
    }

    public void note(String where, String message) {
        all.add(new Diagnostic(Severity.NOTE, where, message));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<Diagnostic> all() {
        return List.copyOf(all);
    }

    public List<Diagnostic> errors() {
        return all.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    public List<Diagnostic> warnings() {
        return all.stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }
}
