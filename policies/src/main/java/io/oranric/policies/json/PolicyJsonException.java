package io.oranric.policies.json;

/** Malformed policy JSON. {@link #field()} is the dotted path of the offending field ("statement.minPrbPct"). */
public final class PolicyJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public PolicyJsonException(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
    }

    public PolicyJsonException(String field, String problem, Throwable cause) {
        super(field.isEmpty() ? problem : field + ": " + problem, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
