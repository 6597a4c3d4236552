package io.oranric.agent.api;

/**
 * Turns an operator's intent into policy proposals. The offline grammar translator is one
 * implementation; LLM providers (OpenAI-compatible endpoints, Anthropic) implement the same
 * interface and sit behind a {@link TranslatorRouter}. What a translator returns is a proposal: the
 * agent's guard validates it again whoever produced it.
 */
public interface Translator {

    /** "local", or "llm:provider/model": the value of the output's {@code translator} field. */
    String id();

    /** Never throws for odd text: what it cannot understand comes back as a clarification. */
    Translation translate(String text, NetworkContext context);

    /**
     * As {@link #translate(String, NetworkContext)}, reporting model calls and tool calls to the
     * trace. Providers may throw here when the model cannot be reached; the router falls back.
     */
    default Translation translate(String text, NetworkContext context, TranslationTrace trace) {
        return translate(text, context);
    }
}
