package io.oranric.agent.api;

import java.util.List;
import java.util.Objects;

/**
 * Tries translators in order and keeps the first answer that is understood with enough confidence:
 * the offline grammar first (milliseconds, no data leaves the site), then larger models for what it
 * could not handle. If none is sure, the most confident answer is returned, clarification and all.
 */
public final class TranslatorRouter implements Translator {

    private final List<Translator> chain;
    private final double acceptConfidence;

    public TranslatorRouter(List<Translator> chain, double acceptConfidence) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a router needs at least one translator");
        }
        this.chain = List.copyOf(chain);
        this.acceptConfidence = acceptConfidence;
    }

    @Override
    public String id() {
        return "router" + chain.stream().map(Translator::id).toList();
    }

    @Override
    public Translation translate(String text, NetworkContext context) {
        Translation best = null;
        for (Translator t : chain) {
            Translation answer;
            try {
                answer = t.translate(text, context);
            } catch (RuntimeException e) {
                // a provider that is down must not take the offline answer with it
                continue;
            }
            if (answer.understood() && answer.confidence() >= acceptConfidence) {
                return answer;
            }
            if (best == null || answer.confidence() > best.confidence()) {
                best = answer;
            }
        }
        return Objects.requireNonNull(best, "every translator failed");
    }
}
