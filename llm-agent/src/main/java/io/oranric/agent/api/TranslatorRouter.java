package io.oranric.agent.api;

import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Routes an intent: the offline translator first (milliseconds, nothing leaves the site), and a
 * configured LLM only when the intent needs one: it is compound (several demands), conditional (a
 * condition the policy model cannot carry by itself) or the offline answer is not understood or not
 * confident enough. Every answer says who answered and why ({@link Route}).
 *
 * <p>Without an LLM the offline answer stands where it is complete; a conditional intent whose
 * condition it could not express becomes a question for the operator instead of a silent
 * approximation. When every LLM fails (time-out, HTTP error, unreadable answer) a confident offline
 * answer is kept, else the operator is asked, and the failure is named.
 */
public final class TranslatorRouter implements Translator {

    /** Why an intent goes past the offline translator. */
    public enum Escalation { COMPOUND, CONDITIONAL, LOW_CONFIDENCE, NOT_UNDERSTOOD }

    /** One translator's turn: what came back ("understood, 2 policies", "failed: HTTP 500 ..."). */
    public record Attempt(String translator, String outcome, double confidence, long micros) {
    }

    /**
     * @param answeredBy the translator whose answer is returned ("local", "llm:openai/gpt-4o-mini")
     * @param reason     why that answer, in words (kept in the audit log and the output's routing)
     */
    public record Route(Translation translation, String answeredBy, String reason, List<Escalation> escalation,
                        List<Attempt> attempts) {
        public Route {
            escalation = List.copyOf(escalation);
            attempts = List.copyOf(attempts);
        }
    }

    private static final Pattern CONDITION = Pattern.compile(
            "\\b(if|unless|whenever|when|once|as soon as|in case|provided that|otherwise|as long as)\\b");
    private static final Pattern COMPOUND = Pattern.compile(";|\\b(and then|as well as|and also|in addition|plus)\\b");

    private final Translator offline;
    private final List<Translator> escalateTo;
    private final double acceptConfidence;
    private final UnaryOperator<Translation> prior;

    public TranslatorRouter(Translator offline, List<Translator> escalateTo, double acceptConfidence) {
        this(offline, escalateTo, acceptConfidence, UnaryOperator.identity());
    }

    /**
     * @param prior adjusts the offline answer's confidence before the routing decision (experience:
     *              what similar intents led to); identity for none
     */
    public TranslatorRouter(Translator offline, List<Translator> escalateTo, double acceptConfidence, UnaryOperator<Translation> prior) {
        this.offline = offline;
        this.escalateTo = List.copyOf(escalateTo);
        this.acceptConfidence = acceptConfidence;
        this.prior = prior == null ? UnaryOperator.identity() : prior;
    }

    public TranslatorRouter withPrior(UnaryOperator<Translation> p) {
        return new TranslatorRouter(offline, escalateTo, acceptConfidence, p);
    }

    /** The first translator is the offline one; the others are asked in order when it is escalated. */
    public TranslatorRouter(List<Translator> chain, double acceptConfidence) {
        this(first(chain), chain.subList(1, chain.size()), acceptConfidence);
    }

    private static Translator first(List<Translator> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a router needs at least one translator");
        }
        return chain.get(0);
    }

    @Override
    public String id() {
        List<String> ids = new ArrayList<>();
        ids.add(offline.id());
        escalateTo.forEach(t -> ids.add(t.id()));
        return "router" + ids;
    }

    public boolean hasLlm() {
        return !escalateTo.isEmpty();
    }

    public double acceptConfidence() {
        return acceptConfidence;
    }

    @Override
    public Translation translate(String text, NetworkContext context) {
        return route(text, context, TranslationTrace.NONE).translation();
    }

    @Override
    public Translation translate(String text, NetworkContext context, TranslationTrace trace) {
        return route(text, context, trace).translation();
    }

    public Route route(String text, NetworkContext ctx, TranslationTrace trace) {
        List<Attempt> attempts = new ArrayList<>();
        long t0 = System.nanoTime();
        Translation local = offline.translate(text, ctx, trace);
        attempts.add(new Attempt(offline.id(), describe(local), local.confidence(), micros(t0)));
        Translation adjusted = prior.apply(local);
        if (adjusted.confidence() != local.confidence()) {
            trace.note(offline.id(), String.format(Locale.ROOT, "experience moved the offline confidence from %.2f to %.2f",
                    local.confidence(), adjusted.confidence()));
            local = adjusted;
        }
        List<Escalation> why = escalation(text, local);
        if (why.isEmpty()) {
            return new Route(local, offline.id(), "offline translator understood it (confidence "
                    + String.format(Locale.ROOT, "%.2f", local.confidence()) + ")", why, attempts);
        }
        String whyText = words(why, local);
        boolean conditionLost = why.contains(Escalation.CONDITIONAL);
        if (escalateTo.isEmpty()) {
            trace.note("router", whyText + "; no LLM is configured");
            if (conditionLost) {
                return new Route(conditionQuestion(text, local, null), offline.id(),
                        whyText + "; no LLM is configured, so the operator is asked", why, attempts);
            }
            String reason = local.understood()
                    ? whyText + "; no LLM is configured: the offline answer is complete and kept"
                    : whyText + "; no LLM is configured: the operator is asked";
            return new Route(local, offline.id(), reason, why, attempts);
        }
        trace.note("router", "escalated: " + whyText);
        Translation llmQuestion = null;
        String llmQuestionBy = null;
        List<String> failures = new ArrayList<>();
        for (Translator llm : escalateTo) {
            long t1 = System.nanoTime();
            Translation answer;
            try {
                answer = llm.translate(text, ctx, trace);
            } catch (RuntimeException e) {
                String failure = llm.id() + " failed: " + message(e);
                failures.add(failure);
                attempts.add(new Attempt(llm.id(), "failed: " + message(e), 0, micros(t1)));
                trace.note(llm.id(), failure);
                continue;
            }
            attempts.add(new Attempt(llm.id(), describe(answer), answer.confidence(), micros(t1)));
            if (answer.understood()) {
                return new Route(answer, llm.id(), "escalated (" + whyText + "); " + llm.id() + " answered", why, attempts);
            }
            if (llmQuestion == null) {
                llmQuestion = answer;
                llmQuestionBy = llm.id();
            }
        }
        String failed = String.join("; ", failures);
        if (local.understood() && local.confidence() >= acceptConfidence && !conditionLost) {
            String reason = "escalated (" + whyText + ") but " + (failed.isEmpty() ? "the LLM asked a question" : failed)
                    + "; the offline answer is complete and kept";
            trace.note("router", reason);
            return new Route(local, offline.id(), reason, why, attempts);
        }
        if (llmQuestion != null) {
            return new Route(llmQuestion, llmQuestionBy, "escalated (" + whyText + "); " + llmQuestionBy
                    + " asks for clarification", why, attempts);
        }
        String reason = "escalated (" + whyText + ") but " + failed + "; the operator is asked";
        trace.note("router", reason);
        if (conditionLost) {
            return new Route(conditionQuestion(text, local, failed), offline.id(), reason, why, attempts);
        }
        if (!local.understood()) {
            return new Route(Translation.clarify(local.intentId(), text, local.translator(), local.confidence(),
                    local.clarification() + " (The configured LLM could not help: " + failed + ".)", local.assumptions()),
                    offline.id(), reason, why, attempts);
        }
        return new Route(Translation.clarify(local.intentId(), text, local.translator(), local.confidence(),
                "I am not sure I understood this (" + whyText + ") and the configured LLM could not help (" + failed
                        + "). Please restate it with the cell, slice and value you want.", local.assumptions()),
                offline.id(), reason, why, attempts);
    }

    // ------------------------------------------------------------------ escalation rules

    /** Why the offline answer is not enough on its own; empty when it is. */
    public List<Escalation> escalation(String text, Translation local) {
        List<Escalation> why = new ArrayList<>();
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (!local.understood()) {
            why.add(local.confidence() > 0 && local.confidence() < acceptConfidence
                    ? Escalation.LOW_CONFIDENCE : Escalation.NOT_UNDERSTOOD);
            if (CONDITION.matcher(lower).find()) {
                why.add(Escalation.CONDITIONAL);
            }
            return why;
        }
        if (local.confidence() < acceptConfidence) {
            why.add(Escalation.LOW_CONFIDENCE);
        }
        int proposals = local.policies().size() + local.rejected().size();
        if (proposals >= 2 || COMPOUND.matcher(lower).find()) {
            why.add(Escalation.COMPOUND);
        }
        if (CONDITION.matcher(lower).find() && !conditionExpressed(local)) {
            why.add(Escalation.CONDITIONAL);
        }
        return why;
    }

    /**
     * Whether the offline answer carries the intent's condition itself: a load threshold of energy
     * saving ("when load drops under 5 %") or a time window ("when it is night").
     */
    static boolean conditionExpressed(Translation local) {
        List<Policy> all = new ArrayList<>(local.policies());
        local.rejected().stream().filter(r -> r.policy() != null).forEach(r -> all.add(r.policy()));
        for (Policy p : all) {
            if (p.statement() instanceof EnergySaving e && e.whenLoadBelowPct() != null) {
                return true;
            }
            if (!p.validity().isAlways()) {
                return true;
            }
        }
        return false;
    }

    private Translation conditionQuestion(String text, Translation local, String failure) {
        Matcher m = CONDITION.matcher(text.toLowerCase(Locale.ROOT));
        String word = m.find() ? m.group(1) : "if";
        StringBuilder q = new StringBuilder("This intent is conditional (\"").append(word).append(" ...\"): the offline"
                + " translator cannot express that condition in a policy");
        q.append(failure == null ? " and no LLM is configured." : ", and the configured LLM could not help (" + failure + ").");
        if (local.understood() && !local.policies().isEmpty()) {
            q.append(" Offline I can only offer the unconditional reading: ");
            List<String> parts = new ArrayList<>();
            for (Policy p : local.policies()) {
                parts.add(p.type().wireName() + " " + io.oranric.policies.json.PolicyJson.statementNode(p.statement())
                        + (p.scope().isWholeNetwork() ? "" : " on " + io.oranric.policies.json.PolicyJson.scopeNode(p.scope())));
            }
            q.append(String.join("; ", parts)).append(".");
        }
        q.append(" Should it rather hold all the time, as a standing target (for example \"keep urllc latency in cell 3 under 10 ms\")?");
        return Translation.clarify(local.intentId(), text, local.translator(), Math.min(local.confidence(), 0.5),
                q.toString(), local.assumptions());
    }

    private String words(List<Escalation> why, Translation local) {
        List<String> w = new ArrayList<>();
        for (Escalation e : why) {
            switch (e) {
                case COMPOUND -> w.add("compound intent");
                case CONDITIONAL -> w.add("conditional intent");
                case LOW_CONFIDENCE -> w.add(String.format(Locale.ROOT, "offline confidence %.2f below %.2f",
                        local.confidence(), acceptConfidence));
                case NOT_UNDERSTOOD -> w.add("not understood offline");
                default -> w.add(e.name());
            }
        }
        return String.join(", ", w);
    }

    static String describe(Translation t) {
        if (!t.understood()) {
            return "asked for clarification";
        }
        return "understood: " + t.policies().size() + " policies, " + t.rejected().size() + " rejected";
    }

    private static long micros(long t0) {
        return (System.nanoTime() - t0) / 1000;
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
