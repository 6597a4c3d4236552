package io.oranric.agent.guard;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oranric.agent.api.Rejection;
import io.oranric.policies.json.PolicyJson;
import io.oranric.policies.json.PolicyJsonException;
import io.oranric.policies.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads what a model answered as data, never as instructions. The answer must be one JSON object
 * {@code {"policies": [...], "clarification": null|"...", "assumptions": [...]}}; each policy is read
 * with the contract's strict reader, so a wrong type or an unknown field rejects that proposal with
 * the field named, and the fields only the agent and the store may set (ids, status, version) are
 * dropped and reported.
 *
 * <p>Leniency is limited to packaging: a Markdown code fence or prose around the one object is
 * stripped. The JSON itself is parsed strictly (no comments, no single quotes, no trailing commas).
 */
public final class ModelAnswer {

    /** The answer could not be read at all; {@code getMessage()} says why. */
    public static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }

    /**
     * @param proposals   proposals read as policies (not yet validated)
     * @param unreadable  proposals that are not policies, with the reason
     * @param findings    what the reader dropped or changed, for the audit log and the assumptions
     */
    public record Parsed(List<Policy> proposals, List<Rejection> unreadable, String clarification,
                         List<String> assumptions, List<String> findings) {
        public Parsed {
            proposals = List.copyOf(proposals);
            unreadable = List.copyOf(unreadable);
            assumptions = List.copyOf(assumptions);
            findings = List.copyOf(findings);
        }
    }

    /** Fields a model may not decide: the agent names policies and intents, the store keeps status and versions. */
    static final Set<String> AGENT_FIELDS = Set.of("policyId", "intentId", "status", "version", "schemaVersion");
    private static final Set<String> TOP = Set.of("policies", "clarification", "assumptions", "explanation", "reasoning");
    private static final int MAX_POLICIES = 20;
    private static final int MAX_TEXT = 600;

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(JsonParser.Feature.ALLOW_COMMENTS);

    private ModelAnswer() {
    }

    public static Parsed parse(String content) {
        if (content == null || content.isBlank()) {
            throw new Unreadable("the model's answer is empty");
        }
        String json = unwrap(content.strip());
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            int noise = why.indexOf(" (for ");
            throw new Unreadable("the model's answer is not valid JSON: " + (noise > 0 ? why.substring(0, noise) : why)
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() : ""));
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("the model's answer must be a JSON object with \"policies\", got "
                    + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        List<String> findings = new ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (!TOP.contains(f)) {
                findings.add("ignored unknown top-level field \"" + f + "\" of the model's answer");
            }
        });
        JsonNode policies = root.get("policies");
        if (policies != null && !policies.isNull() && !policies.isArray()) {
            throw new Unreadable("\"policies\" must be an array, got " + policies.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String clarification = null;
        JsonNode c = root.get("clarification");
        if (c != null && !c.isNull()) {
            if (c.isTextual() && !c.asText().isBlank()) {
                clarification = clip(c.asText());
            } else if (!c.isTextual()) {
                findings.add("ignored \"clarification\": expected a string, got " + c.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if ((policies == null || policies.isNull() || policies.isEmpty()) && clarification == null) {
            throw new Unreadable("the model's answer has neither policies nor a clarification question");
        }
        List<String> assumptions = new ArrayList<>();
        JsonNode a = root.get("assumptions");
        if (a != null && a.isArray()) {
            for (JsonNode s : a) {
                if (s.isTextual() && assumptions.size() < 10) {
                    assumptions.add("model: " + clip(s.asText()));
                }
            }
        }
        List<Policy> proposals = new ArrayList<>();
        List<Rejection> unreadable = new ArrayList<>();
        if (policies != null && policies.isArray()) {
            int i = 0;
            for (JsonNode p : policies) {
                i++;
                if (i > MAX_POLICIES) {
                    findings.add("ignored " + (policies.size() - MAX_POLICIES) + " proposals beyond the first " + MAX_POLICIES);
                    break;
                }
                readOne(p, i, proposals, unreadable, findings);
            }
        }
        return new Parsed(proposals, unreadable, clarification, assumptions, findings);
    }

    private static void readOne(JsonNode p, int index, List<Policy> proposals, List<Rejection> unreadable, List<String> findings) {
        if (!p.isObject()) {
            unreadable.add(Rejection.unreadable(p, "proposal " + index + " is not a policy object"));
            return;
        }
        ObjectNode copy = ((ObjectNode) p).deepCopy();
        for (String f : AGENT_FIELDS) {
            JsonNode v = copy.remove(f);
            if (v != null && !v.isNull()) {
                findings.add("proposal " + index + ": ignored \"" + f + "\": " + clip(v.toString()) + " (only the agent and the policy store set it)");
            }
        }
        try {
            proposals.add(PolicyJson.fromNode(copy));
        } catch (PolicyJsonException e) {
            unreadable.add(Rejection.unreadable(p, "not a valid policy: " + e.getMessage()));
        } catch (RuntimeException e) {
            unreadable.add(Rejection.unreadable(p, "not a valid policy: " + e.getMessage()));
        }
    }

    /** Strips a Markdown fence or prose around the one JSON object. */
    static String unwrap(String s) {
        String t = s;
        if (t.startsWith("```")) {
            int nl = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (nl > 0 && end > nl) {
                t = t.substring(nl + 1, end).strip();
            }
        }
        if (!t.startsWith("{") && !t.startsWith("[")) {
            int open = t.indexOf('{');
            int close = t.lastIndexOf('}');
            if (open >= 0 && close > open) {
                t = t.substring(open, close + 1);
            }
        }
        return t;
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "...";
    }
}
