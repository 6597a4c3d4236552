package io.oranric.agent.service;

import io.oranric.agent.intent.IntentAgent;
import io.oranric.agent.llm.LlmConfig;
import io.oranric.policies.validation.NetworkInventory;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * How an agent service runs: where it listens, which LLM it may escalate to (null: offline only),
 * its approval mode, the network it is about, where KPIs come from and how often assurance looks.
 *
 * @param port         the HTTP API (REST, MCP, /health, /metrics); 0 any free port, negative none (stdio MCP)
 * @param metricsPort  a second server with only /health and /metrics (the charts' probe port); negative none
 * @param inventory    the network; null for the lab's (cell-1..cell-12)
 * @param kpmUrl       the KPM monitor's HTTP API; null to follow e2.kpm itself (or the KpiSource given to start)
 * @param mcpOrigins   browser origins besides loopback allowed to call /mcp
 */
public record AgentConfig(String host, int port, int metricsPort, LlmConfig llm, IntentAgent.Approval approval,
                          NetworkInventory inventory, ZoneId zone, String kpmUrl, Duration assuranceEvery,
                          Duration assuranceWindow, int assurancePatience, Set<String> mcpOrigins, boolean warmUp) {

    public AgentConfig {
        host = host == null ? "0.0.0.0" : host;
        approval = approval == null ? IntentAgent.Approval.OPERATOR : approval;
        zone = zone == null ? (inventory != null ? inventory.zone() : ZoneId.systemDefault()) : zone;
        assuranceEvery = assuranceEvery == null ? Duration.ofSeconds(15) : assuranceEvery;
        assuranceWindow = assuranceWindow == null ? Duration.ofSeconds(60) : assuranceWindow;
        assurancePatience = assurancePatience <= 0 ? 4 : assurancePatience;
        mcpOrigins = mcpOrigins == null ? Set.of() : Set.copyOf(mcpOrigins);
    }

    /** The lab: offline, operator approval, 12 lab cells, API on 8082. */
    public static AgentConfig lab() {
        return new AgentConfig("0.0.0.0", 8082, -1, null, IntentAgent.Approval.OPERATOR, null, null, null, null, null, 0, null, true);
    }

    public AgentConfig withPort(int p) {
        return new AgentConfig(host, p, metricsPort, llm, approval, inventory, zone, kpmUrl, assuranceEvery, assuranceWindow,
                assurancePatience, mcpOrigins, warmUp);
    }

    public AgentConfig withHost(String h) {
        return new AgentConfig(h, port, metricsPort, llm, approval, inventory, zone, kpmUrl, assuranceEvery, assuranceWindow,
                assurancePatience, mcpOrigins, warmUp);
    }

    public AgentConfig withLlm(LlmConfig l) {
        return new AgentConfig(host, port, metricsPort, l, approval, inventory, zone, kpmUrl, assuranceEvery, assuranceWindow,
                assurancePatience, mcpOrigins, warmUp);
    }

    public AgentConfig withApproval(IntentAgent.Approval a) {
        return new AgentConfig(host, port, metricsPort, llm, a, inventory, zone, kpmUrl, assuranceEvery, assuranceWindow,
                assurancePatience, mcpOrigins, warmUp);
    }

    public AgentConfig withInventory(NetworkInventory inv) {
        return new AgentConfig(host, port, metricsPort, llm, approval, inv, inv == null ? zone : inv.zone(), kpmUrl, assuranceEvery,
                assuranceWindow, assurancePatience, mcpOrigins, warmUp);
    }

    public AgentConfig withAssurance(Duration every, Duration window, int patience) {
        return new AgentConfig(host, port, metricsPort, llm, approval, inventory, zone, kpmUrl, every, window, patience, mcpOrigins, warmUp);
    }

    public AgentConfig withMetricsPort(int p) {
        return new AgentConfig(host, port, p, llm, approval, inventory, zone, kpmUrl, assuranceEvery, assuranceWindow,
                assurancePatience, mcpOrigins, warmUp);
    }

    public AgentConfig withKpmUrl(String u) {
        return new AgentConfig(host, port, metricsPort, llm, approval, inventory, zone, u, assuranceEvery, assuranceWindow,
                assurancePatience, mcpOrigins, warmUp);
    }

    public AgentConfig withMcpOrigins(Set<String> o) {
        return new AgentConfig(host, port, metricsPort, llm, approval, inventory, zone, kpmUrl, assuranceEvery, assuranceWindow,
                assurancePatience, o, warmUp);
    }

    public AgentConfig withWarmUp(boolean w) {
        return new AgentConfig(host, port, metricsPort, llm, approval, inventory, zone, kpmUrl, assuranceEvery, assuranceWindow,
                assurancePatience, mcpOrigins, w);
    }
}
