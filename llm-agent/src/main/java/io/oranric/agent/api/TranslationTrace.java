package io.oranric.agent.api;

/**
 * What a translation did on its way, for the audit log: which model was asked with which prompt,
 * which tools it called and what the guardrails found. Every method has a no-op default so a
 * translator reports only what it has; {@link #NONE} records nothing.
 */
public interface TranslationTrace {

    TranslationTrace NONE = new TranslationTrace() {
    };

    /**
     * One call of a model.
     *
     * @param promptSha256 hex SHA-256 of the exact prompt (system text, messages and tool list) sent
     * @param outcome      "answered", "tool calls", or the error ("HTTP 429 ...", "timed out after 30 s")
     */
    default void modelCall(String translator, String model, String promptSha256, long micros, String outcome) {
    }

    /** One tool call a model asked for, with the arguments it gave and the result it got back. */
    default void toolCall(String translator, String tool, String argumentsJson, String resultJson, long micros,
                          boolean error) {
    }

    /** Something the guardrails caught or changed (injected text, a field a model may not set). */
    default void guardrail(String translator, String finding) {
    }

    /** A routing or fallback decision, in words. */
    default void note(String translator, String message) {
    }
}
