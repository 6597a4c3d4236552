package io.oranric.agent.api;

/**
 * Turns an operator's intent into validated policy proposals. The offline grammar translator is one
 * implementation; LLM providers (OpenAI-compatible, Ollama) implement the same interface and sit
 * behind a {@link TranslatorRouter}.
 */
public interface Translator {

    /** "local", or "llm:provider/model": the value of the output's {@code translator} field. */
    String id();

    /** Never throws for odd text: what it cannot understand comes back as a clarification. */
    Translation translate(String text, NetworkContext context);
}
