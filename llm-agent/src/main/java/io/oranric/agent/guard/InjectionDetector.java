package io.oranric.agent.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text that talks to the agent instead of describing the network: "ignore previous rules",
 * "you are now ...", "bypass the safety envelope", chat-template markers. An operator's intent never
 * needs such words, and no KPI or policy name contains them, so their presence in an intent or in a
 * tool result is treated as an attack, not as a request.
 *
 * <p>Pattern matching cannot prove text harmless; it is the first of two walls. The second is that
 * nothing a model says is applied before the validator and the conflict detector passed it.
 */
public final class InjectionDetector {

    /** What was found: the phrase and where (a JSON path for tool results, "intent" for the text). */
    public record Finding(String where, String phrase) {
        @Override
        public String toString() {
            return where + ": \"" + phrase + "\"";
        }
    }

    /** A tool result with every instruction-like string replaced, and what was replaced. */
    public record Sanitized(JsonNode value, List<Finding> findings) {
    }

    static final String REDACTED = "[removed by the agent's guard]";

    private static final String RULES = "(rules?|instructions?|prompts?|constraints?|limits?|guidance|guardrails?|policies|directions?|context)";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b(ignore|disregard|forget|drop|override|bypass)\\s+(all\\s+|any\\s+|the\\s+|your\\s+|of\\s+)*"
                    + "(previous|prior|above|earlier|preceding|existing|system|safety|original|former)\\s+" + RULES),
            Pattern.compile("\\b(ignore|disregard|forget)\\s+(all\\s+|any\\s+|the\\s+|your\\s+)*" + RULES + "\\b"),
            Pattern.compile("\\b(ignore|disregard|override|bypass|disable|skip|circumvent|turn off|switch off)\\s+(the\\s+|all\\s+|any\\s+|your\\s+)*"
                    + "(safety|guard|guards|guardrails?|envelope|validation|validator|limits?|checks?|approval|filters?)\\b"),
            Pattern.compile("\\b(without|no)\\s+(any\\s+)?(validation|safety checks?|approval|guardrails?)\\b"),
            Pattern.compile("\\byou\\s+are\\s+now\\b"),
            Pattern.compile("\\bnew\\s+(system\\s+)?instructions?\\b"),
            Pattern.compile("\\b(system|developer)\\s+(prompt|message|mode)\\b"),
            Pattern.compile("(^|\\n|\\s)(system|assistant|developer)\\s*:"),
            Pattern.compile("<\\|?(im_start|im_end|system|endoftext)\\|?>"),
            Pattern.compile("\\[/?inst\\]|<</?sys>>|###\\s*(instruction|system)"),
            Pattern.compile("\\b(jailbreak|prompt injection|do anything now)\\b"),
            Pattern.compile("\\b(set|mark|make)\\s+(the\\s+|its\\s+|their\\s+)?(status|state)\\s+(to\\s+)?active\\b"),
            Pattern.compile("\\bauto-?approve\\b"),
            Pattern.compile("\\bpretend\\s+(to\\s+be|you|that)\\b"));

    private InjectionDetector() {
    }

    /** The first instruction-like phrase in a text, if any. */
    public static Optional<String> scan(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(lower);
            if (m.find()) {
                return Optional.of(text.substring(m.start(), m.end()).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * The text with every instruction-like phrase replaced by a marker; the rest stays readable, so
     * the agent's own report that quotes a refused phrase still says what was refused.
     */
    public static String redact(String text) {
        String out = text;
        for (int round = 0; round < 10; round++) {
            String lower = out.toLowerCase(Locale.ROOT);
            if (lower.length() != out.length()) {
                // case folding changed the length (rare scripts): positions would not map back
                return REDACTED;
            }
            boolean changed = false;
            for (Pattern p : PATTERNS) {
                Matcher m = p.matcher(lower);
                if (m.find()) {
                    out = out.substring(0, m.start()) + REDACTED + out.substring(m.end());
                    changed = true;
                    break;
                }
            }
            if (!changed) {
                return out;
            }
        }
        return REDACTED;
    }

    /** Copies a JSON value, redacting the instruction-like text of every string (and replacing such keys). */
    public static Sanitized sanitize(JsonNode value) {
        List<Finding> findings = new ArrayList<>();
        JsonNode clean = walk(value, "$", findings);
        return new Sanitized(clean, findings);
    }

    private static JsonNode walk(JsonNode n, String path, List<Finding> findings) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (n == null) {
            return f.nullNode();
        }
        if (n.isTextual()) {
            Optional<String> hit = scan(n.asText());
            if (hit.isPresent()) {
                findings.add(new Finding(path, hit.get()));
                return f.textNode(redact(n.asText()));
            }
            return n;
        }
        if (n.isArray()) {
            ArrayNode a = f.arrayNode();
            for (int i = 0; i < n.size(); i++) {
                a.add(walk(n.get(i), path + "[" + i + "]", findings));
            }
            return a;
        }
        if (n.isObject()) {
            ObjectNode o = f.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                Optional<String> hit = scan(key);
                if (hit.isPresent()) {
                    findings.add(new Finding(path + " key", hit.get()));
                    key = REDACTED + " #" + findings.size();
                }
                o.set(key, walk(e.getValue(), path + "." + e.getKey(), findings));
            }
            return o;
        }
        return n;
    }
}
