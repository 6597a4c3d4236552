package io.oranric.agent.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * MCP over stdio, for clients that launch the agent as a subprocess ({@code ./ric agent mcp --stdio}):
 * one JSON-RPC message per line on stdin, one response per line on stdout, nothing else on stdout
 * (logs go to stderr). Ends when stdin closes.
 */
public final class McpStdio {

    private static final ObjectMapper M = new ObjectMapper();

    private McpStdio() {
    }

    /** Serves until the input ends; returns the number of messages read. */
    public static int serve(McpServer server, InputStream in, OutputStream out) throws IOException {
        McpServer.Session session = server.newSession();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int count = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            count++;
            JsonNode message;
            try {
                message = M.readTree(line);
            } catch (IOException e) {
                ps.println(McpServer.parseError(e.getMessage() == null ? "not JSON" : e.getMessage().lines().findFirst().orElse("")));
                continue;
            }
            Optional<JsonNode> response = server.handle(message, session);
            response.ifPresent(x -> ps.println(x.toString()));
        }
        ps.flush();
        return count;
    }
}
