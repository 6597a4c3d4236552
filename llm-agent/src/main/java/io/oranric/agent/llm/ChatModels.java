package io.oranric.agent.llm;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.http.HttpClient;

/**
 * LangChain4j chat models for the configured provider, all over the JDK HTTP client. OpenAI and
 * every server that speaks its chat-completions protocol (vLLM, llama.cpp, LM Studio, Ollama's /v1)
 * through langchain4j-open-ai; Anthropic through langchain4j-anthropic.
 */
public final class ChatModels {

    private ChatModels() {
    }

    public static ChatModel create(LlmConfig c) {
        JdkHttpClientBuilder http = new JdkHttpClientBuilder().httpClientBuilder(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1));
        return switch (c.provider()) {
            case OPENAI, OLLAMA -> {
                OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(c.baseUrl())
                        .apiKey(key(c)).modelName(c.model()).timeout(c.timeout()).maxRetries(c.maxRetries())
                        .temperature(c.temperature()).strictJsonSchema(false).strictTools(false);
                if (c.responseFormat() == LlmConfig.ResponseFormat.SCHEMA) {
                    b.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
                }
                yield b.build();
            }
            case ANTHROPIC -> AnthropicChatModel.builder().httpClientBuilder(http).baseUrl(c.baseUrl()).apiKey(key(c))
                    .modelName(c.model()).timeout(c.timeout()).maxRetries(c.maxRetries()).temperature(c.temperature())
                    .maxTokens(2048).build();
        };
    }

    /** Local servers want some key in the header; the real ones get theirs from RIC_LLM_API_KEY. */
    private static String key(LlmConfig c) {
        return c.apiKey() == null || c.apiKey().isBlank() ? "no-key" : c.apiKey();
    }
}
