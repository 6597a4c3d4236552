package io.oranric.agent.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.contract.v1.AuditEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ric.audit} for people: one line per event (time, intent or policy, kind, actor, summary)
 * and, where the summary cannot say it all, indented detail lines (the reasons of a validation, the
 * arguments of a tool call, the model and prompt hash of a model call).
 */
public final class AuditFormat {

    private static final ObjectMapper M = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private AuditFormat() {
    }

    public static List<String> lines(AuditEvent e, ZoneId zone, boolean details) {
        List<String> out = new ArrayList<>();
        String when = TIME.format(Instant.ofEpochSecond(0, e.getTimeNs()).atZone(zone));
        String key = !e.getIntentId().isEmpty() ? e.getIntentId() : !e.getPolicyId().isEmpty() ? e.getPolicyId() : e.getNodeId();
        out.add(String.format("%s  %-12s %-16s %-18s %s", when, key, kind(e), e.getActor(), e.getSummary()));
        if (!details) {
            return out;
        }
        JsonNode d;
        try {
            d = e.getDetailsJson().isEmpty() ? M.createObjectNode() : M.readTree(e.getDetailsJson());
        } catch (Exception x) {
            d = M.createObjectNode();
        }
        switch (e.getKind()) {
            case AUDIT_KIND_MODEL_CALL -> out.add("      model " + e.getModel() + ", prompt sha256 " + e.getPromptSha256()
                    + ", " + d.path("ms").asDouble() + " ms");
            case AUDIT_KIND_TOOL_CALL -> {
                out.add("      arguments " + d.path("arguments").asText());
                out.add("      result    " + abbreviate(d.path("result").asText(), 300));
            }
            case AUDIT_KIND_VALIDATION -> {
                for (JsonNode v : d.path("violations")) {
                    out.add("      " + v.path("field").asText() + " = " + v.path("value").asText() + "  (bound " + v.path("bound").asText() + ")");
                }
            }
            case AUDIT_KIND_PROPOSAL -> {
                for (JsonNode p : d.path("policies")) {
                    out.add("      + " + p.path("policyId").asText() + " " + p.path("type").asText() + " " + p.path("statement")
                            + " " + p.path("scope"));
                }
            }
            case AUDIT_KIND_FULFILMENT -> {
                for (JsonNode x : d.path("expectations")) {
                    out.add("      " + (x.path("met").asBoolean() ? "met    " : "NOT met") + " " + x.path("kpi").asText() + " "
                            + x.path("scope").asText() + " " + x.path("target").asText() + ", measured " + x.path("measured").asText());
                }
            }
            default -> {
                // the summary says it
            }
        }
        return out;
    }

    static String kind(AuditEvent e) {
        return e.getKind().name().replace("AUDIT_KIND_", "");
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
