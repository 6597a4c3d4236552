package io.oranric.agent.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.oranric.agent.api.IntentIds;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Rejection;
import io.oranric.agent.api.Translation;
import io.oranric.agent.api.TranslationTrace;
import io.oranric.agent.api.Translator;
import io.oranric.agent.guard.InjectionDetector;
import io.oranric.agent.guard.ModelAnswer;
import io.oranric.agent.tools.AgentTool;
import io.oranric.agent.tools.AgentTools;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An LLM as translator, through LangChain4j: the model gets the contract, the envelope, the network
 * and similar past intents in the system prompt, may call the agent's read-only tools for live
 * context (each call audited, each result sanitised), and must answer with the translation JSON
 * (structured output where the provider supports it). Its answer is parsed as data
 * ({@link ModelAnswer}); validation is the guard's job, downstream, as for any translator.
 *
 * <p>Failures throw {@link LlmFailure} with a reason an operator can read (HTTP status, time-out,
 * unreadable answer after one repair round); the router then falls back.
 */
public final class LlmTranslator implements Translator {

    /** The model could not be used for this intent. */
    public static final class LlmFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LlmFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final double CONFIDENCE = 0.85;

    private final LlmConfig config;
    private final ChatModel model;
    private final AgentTools tools;
    private final Function<String, List<String>> experience;
    private final int repairs;

    /**
     * @param tools      the agent's tools; null for none
     * @param experience similar past intents with their outcomes, as prompt lines; null for none
     */
    public LlmTranslator(LlmConfig config, ChatModel model, AgentTools tools, Function<String, List<String>> experience) {
        this.config = config;
        this.model = model;
        this.tools = tools;
        this.experience = experience == null ? t -> List.of() : experience;
        this.repairs = 1;
    }

    public static LlmTranslator create(LlmConfig config, AgentTools tools, Function<String, List<String>> experience) {
        return new LlmTranslator(config, ChatModels.create(config), tools, experience);
    }

    @Override
    public String id() {
        return config.translatorId();
    }

    public LlmConfig config() {
        return config;
    }

    @Override
    public Translation translate(String text, NetworkContext context) {
        return translate(text, context, TranslationTrace.NONE);
    }

    @Override
    public Translation translate(String text, NetworkContext ctx, TranslationTrace trace) {
        List<String> similar;
        try {
            similar = experience.apply(text);
        } catch (RuntimeException e) {
            similar = List.of();
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(Prompts.system(ctx, similar)));
        messages.add(UserMessage.from(Prompts.user(text)));
        List<AgentTool> offered = tools == null ? List.of() : tools.forModels();
        List<ToolSpecification> specs = offered.stream().map(Schemas::tool).toList();
        long deadline = System.nanoTime() + config.timeout().toNanos() * (config.maxToolRounds() + 2L);
        int toolRounds = 0;
        int repairsLeft = repairs;
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new LlmFailure(id() + " did not finish within " + config.timeout().multipliedBy(config.maxToolRounds() + 2L).toSeconds()
                        + " s over " + toolRounds + " tool rounds", null);
            }
            boolean mayUseTools = !specs.isEmpty() && toolRounds < config.maxToolRounds();
            ChatRequest.Builder req = ChatRequest.builder().messages(messages);
            if (mayUseTools) {
                req.toolSpecifications(specs);
            }
            responseFormat().ifPresent(req::responseFormat);
            String promptHash = IntentIds.sha256Hex(canonical(messages, mayUseTools ? offered : List.of()));
            long t0 = System.nanoTime();
            ChatResponse response;
            try {
                response = model.chat(req.build());
            } catch (RuntimeException e) {
                String why = describe(e, config.timeout());
                trace.modelCall(id(), config.model(), promptHash, micros(t0), "failed: " + why);
                throw new LlmFailure(why, e);
            }
            AiMessage ai = response.aiMessage();
            if (ai == null) {
                trace.modelCall(id(), config.model(), promptHash, micros(t0), "failed: no message in the response");
                throw new LlmFailure("the model's response carried no message", null);
            }
            if (ai.hasToolExecutionRequests()) {
                trace.modelCall(id(), config.model(), promptHash, micros(t0), "tool calls: "
                        + ai.toolExecutionRequests().stream().map(ToolExecutionRequest::name).toList());
                if (!mayUseTools) {
                    throw new LlmFailure("the model kept calling tools after " + toolRounds + " rounds instead of answering", null);
                }
                messages.add(ai);
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    long t1 = System.nanoTime();
                    AgentTools.Outcome out = tools.call(call.name(), call.arguments(), ctx, id(), true);
                    for (InjectionDetector.Finding f : out.findings()) {
                        trace.guardrail(id(), "tool " + call.name() + " result carried instruction-like text at " + f
                                + "; removed before the model saw it");
                    }
                    trace.toolCall(id(), call.name(), call.arguments(), out.text(), micros(t1), out.error());
                    messages.add(ToolExecutionResultMessage.from(call, out.text()));
                }
                toolRounds++;
                continue;
            }
            trace.modelCall(id(), config.model(), promptHash, micros(t0), "answered");
            ModelAnswer.Parsed parsed;
            try {
                parsed = ModelAnswer.parse(ai.text());
            } catch (ModelAnswer.Unreadable e) {
                if (repairsLeft-- > 0) {
                    trace.guardrail(id(), e.getMessage() + "; asked the model once more");
                    messages.add(ai);
                    messages.add(UserMessage.from(Prompts.repair(e.getMessage())));
                    continue;
                }
                trace.guardrail(id(), e.getMessage());
                throw new LlmFailure(e.getMessage(), e);
            }
            return translation(text, ctx, parsed, trace);
        }
    }

    private Translation translation(String text, NetworkContext ctx, ModelAnswer.Parsed p, TranslationTrace trace) {
        String intentId = IntentIds.intentId(text, ctx.clock().instant());
        List<String> assumptions = new ArrayList<>();
        for (String a : p.assumptions()) {
            Optional<String> hit = InjectionDetector.scan(a);
            if (hit.isPresent()) {
                trace.guardrail(id(), "dropped an assumption of the model carrying instruction-like text \"" + hit.get() + "\"");
            } else {
                assumptions.add(a);
            }
        }
        for (String f : p.findings()) {
            trace.guardrail(id(), f);
            assumptions.add("guard: " + f);
        }
        for (Rejection r : p.unreadable()) {
            trace.guardrail(id(), "unreadable proposal: " + r.reason());
        }
        if (p.proposals().isEmpty() && p.unreadable().isEmpty()) {
            String q = p.clarification();
            Optional<String> hit = InjectionDetector.scan(q);
            if (hit.isPresent()) {
                trace.guardrail(id(), "the model's question carried instruction-like text \"" + hit.get() + "\"");
                q = "The intent could not be translated safely. Please restate it with the cell, slice and value you want.";
            }
            return Translation.clarify(intentId, text, id(), CONFIDENCE, q, assumptions);
        }
        if (p.clarification() != null) {
            assumptions.add("the model also asked: " + p.clarification());
        }
        return new Translation(intentId, text, id(), CONFIDENCE, p.proposals(), p.unreadable(), null, assumptions, List.of());
    }

    private Optional<ResponseFormat> responseFormat() {
        return switch (config.responseFormat()) {
            case SCHEMA -> Optional.of(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(JsonSchema.builder()
                    .name("intent_translation").rootElement(Schemas.element(Schemas.answer())).build()).build());
            case JSON -> Optional.of(ResponseFormat.JSON);
            case NONE -> Optional.empty();
        };
    }

    /** What was sent, in a stable text form: the prompt hash is over this. */
    static String canonical(List<ChatMessage> messages, List<AgentTool> tools) {
        StringBuilder b = new StringBuilder();
        for (ChatMessage m : messages) {
            b.append(m.type().name()).append('\n');
            if (m instanceof SystemMessage s) {
                b.append(s.text());
            } else if (m instanceof UserMessage u) {
                b.append(u.singleText());
            } else if (m instanceof AiMessage a) {
                b.append(a.text() == null ? "" : a.text());
                if (a.hasToolExecutionRequests()) {
                    a.toolExecutionRequests().forEach(r -> b.append("\n").append(r.name()).append(r.arguments()));
                }
            } else if (m instanceof ToolExecutionResultMessage t) {
                b.append(t.toolName()).append('\n').append(t.text());
            }
            b.append("\n---\n");
        }
        for (AgentTool t : tools) {
            b.append("tool ").append(t.name()).append(' ').append(t.inputSchema()).append('\n');
        }
        return b.toString();
    }

    /** A failure in words an operator can act on. */
    static String describe(Throwable e, Duration timeout) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof RateLimitException) {
                return "rate limited by the provider (HTTP 429)" + detail(t);
            }
            if (t instanceof HttpException h) {
                return "the provider answered HTTP " + h.statusCode() + detail(t);
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return "timed out after " + (timeout.toMillis() / 1000.0) + " s";
            }
            if (t instanceof java.net.ConnectException) {
                return "cannot connect to the provider";
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage()));
    }

    private static String detail(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? "" : ": " + abbreviate(m);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }

    private static long micros(long t0) {
        return (System.nanoTime() - t0) / 1000;
    }
}
