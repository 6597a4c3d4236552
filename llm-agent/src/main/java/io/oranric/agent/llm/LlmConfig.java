package io.oranric.agent.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which model the router may escalate to, and how to reach it.
 *
 * @param baseUrl        the API root: OpenAI https://api.openai.com/v1, vLLM / llama.cpp / LM Studio http://host:port/v1,
 *                       Ollama http://host:11434/v1, Anthropic https://api.anthropic.com/v1
 * @param apiKey         from RIC_LLM_API_KEY; local servers accept anything
 * @param timeout        per model call
 * @param maxRetries     retries of a failed call (rate limits, 5xx) inside the client
 * @param maxToolRounds  tool-call rounds before the model must answer
 * @param responseFormat how structured output is asked for
 */
public record LlmConfig(Provider provider, String baseUrl, String model, String apiKey, Duration timeout, int maxRetries,
                        int maxToolRounds, ResponseFormat responseFormat, double temperature) {

    public enum Provider {
        OPENAI("openai", "https://api.openai.com/v1", "gpt-4o-mini"),
        OLLAMA("ollama", "http://127.0.0.1:11434/v1", "llama3.1:8b"),
        ANTHROPIC("anthropic", "https://api.anthropic.com/v1", "claude-3-5-haiku-latest");

        private final String wireName;
        private final String defaultUrl;
        private final String defaultModel;

        Provider(String wireName, String defaultUrl, String defaultModel) {
            this.wireName = wireName;
            this.defaultUrl = defaultUrl;
            this.defaultModel = defaultModel;
        }

        public String wireName() {
            return wireName;
        }

        public String defaultUrl() {
            return defaultUrl;
        }

        public String defaultModel() {
            return defaultModel;
        }

        /** null for "offline" (no LLM). */
        public static Provider parse(String name) {
            String n = name == null ? "offline" : name.trim().toLowerCase(Locale.ROOT);
            switch (n) {
                case "offline", "none", "local", "" -> {
                    return null;
                }
                case "openai", "openai-compatible", "vllm", "llamacpp", "llama.cpp", "lmstudio" -> {
                    return OPENAI;
                }
                case "ollama" -> {
                    return OLLAMA;
                }
                case "anthropic", "claude" -> {
                    return ANTHROPIC;
                }
                default -> throw new IllegalArgumentException("unknown provider " + name + " (offline, openai, anthropic, ollama)");
            }
        }
    }

    /** SCHEMA: JSON schema of the answer (OpenAI, vLLM, llama.cpp, Ollama); JSON: any JSON object; NONE: instructions only. */
    public enum ResponseFormat { SCHEMA, JSON, NONE }

    public LlmConfig {
        Objects.requireNonNull(provider, "provider");
        baseUrl = baseUrl == null || baseUrl.isBlank() ? provider.defaultUrl() : baseUrl;
        model = model == null || model.isBlank() ? provider.defaultModel() : model;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        responseFormat = responseFormat == null
                ? (provider == Provider.ANTHROPIC ? ResponseFormat.NONE : ResponseFormat.SCHEMA) : responseFormat;
        if (maxToolRounds < 0) {
            throw new IllegalArgumentException("maxToolRounds must be >= 0");
        }
    }

    public static LlmConfig of(Provider provider, String baseUrl, String model, String apiKey, Duration timeout) {
        return new LlmConfig(provider, baseUrl, model, apiKey, timeout, 1, 4, null, 0.0);
    }

    public LlmConfig withMaxRetries(int n) {
        return new LlmConfig(provider, baseUrl, model, apiKey, timeout, n, maxToolRounds, responseFormat, temperature);
    }

    public LlmConfig withResponseFormat(ResponseFormat f) {
        return new LlmConfig(provider, baseUrl, model, apiKey, timeout, maxRetries, maxToolRounds, f, temperature);
    }

    public LlmConfig withMaxToolRounds(int n) {
        return new LlmConfig(provider, baseUrl, model, apiKey, timeout, maxRetries, n, responseFormat, temperature);
    }

    /** "llm:openai/gpt-4o-mini": the output's {@code translator} field. */
    public String translatorId() {
        return "llm:" + provider.wireName() + "/" + model;
    }

    /** Parses "30", "30s", "1500ms", "2m", "PT30S". */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 60));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (e.g. 30, 30s, 1500ms, 2m)");
        }
    }
}
