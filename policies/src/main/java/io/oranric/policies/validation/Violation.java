package io.oranric.policies.validation;

/**
 * Why a policy was refused: the field ("statement.maxTxPowerDbm"), the offending value and the
 * bound it broke, plus a sentence an operator can read.
 */
public record Violation(String field, String value, String bound, String message) {

    public static Violation of(String field, Object value, String bound, String message) {
        return new Violation(field, render(value), bound, message);
    }

    static String render(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return message;
    }
}
