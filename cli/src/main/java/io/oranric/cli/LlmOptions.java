package io.oranric.cli;

import io.oranric.agent.api.Translator;
import io.oranric.agent.llm.LlmConfig;
import io.oranric.agent.llm.LlmTranslator;
import io.oranric.agent.tools.AgentTools;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Which LLM the router may escalate to. None ("offline"): the offline translator answers alone and
 * asks where it cannot. The API key comes only from the environment (RIC_LLM_API_KEY), never from
 * the command line, where it would show in process lists.
 */
final class LlmOptions {
  static final String KEY_ENV = "RIC_LLM_API_KEY";

  @Option(names = "--provider", defaultValue = "${env:RIC_LLM_PROVIDER:-offline}", paramLabel = "offline|openai|anthropic|ollama",
      description = "The LLM compound, conditional or unclear intents escalate to: openai (any OpenAI-compatible endpoint: OpenAI, vLLM, "
          + "llama.cpp server, LM Studio), ollama (its /v1 endpoint), anthropic. Default: ${DEFAULT-VALUE}.")
  String provider;

  @Option(names = "--llm-base-url", paramLabel = "URL", description = "API root, e.g. http://127.0.0.1:8000/v1 (vLLM), "
      + "http://127.0.0.1:11434/v1 (Ollama). Default: the provider's public API.")
  String baseUrl;

  @Option(names = "--llm-model", paramLabel = "MODEL", description = "Model name, e.g. gpt-4o-mini, qwen2.5-7b-instruct, llama3.1:8b.")
  String model;

  @Option(names = "--llm-timeout", paramLabel = "S", defaultValue = "30s",
      description = "Time-out of one model call: seconds, or 30s, 1500ms, 2m. Default: ${DEFAULT-VALUE}.")
  String timeout;

  @Option(names = "--llm-max-retries", paramLabel = "N", defaultValue = "1",
      description = "Retries of a failed model call (rate limits, 5xx). Default: ${DEFAULT-VALUE}.")
  int maxRetries;

  @Option(names = "--llm-response-format", paramLabel = "schema|json|none",
      description = "Structured output: schema (JSON schema of the answer), json (any JSON object) or none (instructions only). "
          + "Default: schema, none for anthropic.")
  String responseFormat;

  /** The configuration, or null for offline. */
  LlmConfig config() {
    LlmConfig.Provider p = LlmConfig.Provider.parse(provider);
    if (p == null) {
      return null;
    }
    LlmConfig.ResponseFormat f = responseFormat == null ? null
        : LlmConfig.ResponseFormat.valueOf(responseFormat.trim().toUpperCase(java.util.Locale.ROOT));
    return new LlmConfig(p, baseUrl, model, System.getenv(KEY_ENV), LlmConfig.duration(timeout), maxRetries, 4, f, 0.0);
  }

  List<Translator> translators(Supplier<AgentTools> tools, Function<String, List<String>> experience) {
    LlmConfig c = config();
    return c == null ? List.of() : List.of(LlmTranslator.create(c, tools.get(), experience));
  }
}
