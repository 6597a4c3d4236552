package io.oranric.testbed.sim.scenario;

/**
 * A scenario file that cannot be used, with where and why: {@code source:line:column: field.path: problem}.
 * Line and column are 1-based; 0 when unknown.
 */
public final class ScenarioException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    public ScenarioException(String source, int line, int column, String field, String problem) {
        super(format(source, line, column, field, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, int line, int column, String field, String problem) {
        StringBuilder b = new StringBuilder(source == null ? "scenario" : source);
        if (line > 0) {
            b.append(':').append(line).append(':').append(column);
        }
        b.append(": ");
        if (field != null && !field.isEmpty()) {
            b.append(field).append(": ");
        }
        return b.append(problem).toString();
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Dotted path of the offending field, e.g. {@code slices.urllc.traffic.dl.packetBytes}. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
