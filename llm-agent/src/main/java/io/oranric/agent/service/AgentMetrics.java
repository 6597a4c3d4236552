package io.oranric.agent.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.intent.IntentAgent;

/** Counters of the pipeline for /metrics: intents by answering translator and state, escalations, guard refusals. */
final class AgentMetrics implements IntentAgent.Listener {

    private final MeterRegistry registry;

    AgentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void translated(IntentAgent.Request request, IntentAgent.Result result, NetworkContext context) {
        String translator = result.translation().translator().startsWith("llm:") ? "llm" : result.translation().translator();
        registry.counter("agent_intents_total", "translator", translator, "state",
                result.state().name().replace("INTENT_STATE_", ""), "channel", request.channel()).increment();
        if (result.route() != null) {
            for (TranslatorRouter.Escalation e : result.route().escalation()) {
                registry.counter("agent_escalations_total", "reason", e.name(), "answered_by",
                        result.route().answeredBy().startsWith("llm:") ? "llm" : "local").increment();
            }
            result.route().attempts().stream().filter(a -> a.outcome().startsWith("failed"))
                    .forEach(a -> registry.counter("agent_llm_failures_total").increment());
        }
        if (!result.translation().rejected().isEmpty()) {
            registry.counter("agent_guard_rejections_total", "translator", translator).increment(result.translation().rejected().size());
        }
    }
}
