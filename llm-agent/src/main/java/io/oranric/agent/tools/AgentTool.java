package io.oranric.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.api.NetworkContext;

/**
 * One tool of the agent, as LLM translators and MCP clients see it: a name, what it is for, a JSON
 * schema of its arguments, and the call. Read-only tools ({@code forModels}) are offered to the
 * translators' models; tools that act (submitting an intent) only to external agents over MCP, whose
 * requests go through the same pipeline as an operator's.
 */
public record AgentTool(String name, String description, ObjectNode inputSchema, boolean forModels, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        /**
         * @param caller who calls ("llm:openai/gpt-4o-mini", "mcp:claude-desktop"), for the audit log
         * @throws ToolError for a refusal the caller should read (unknown cell, bad argument)
         */
        JsonNode call(JsonNode arguments, NetworkContext context, String caller);
    }

    /** A call the tool refuses, with a reason the caller can act on. */
    public static final class ToolError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ToolError(String message) {
            super(message);
        }
    }
}
