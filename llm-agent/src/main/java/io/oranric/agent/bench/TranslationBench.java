package io.oranric.agent.bench;

import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Translation;
import io.oranric.agent.api.TranslationTrace;
import io.oranric.agent.api.TranslatorRouter;
import io.oranric.agent.guard.Guard;
import io.oranric.agent.local.EmbeddingIntentClassifier;
import io.oranric.agent.local.LocalTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Translation latency of the offline translator after warm-up, as p50/p90/p99/max over many calls.
 * A benchmark, not a test: run it on an otherwise idle machine.
 *
 * <pre>java -cp ... io.oranric.agent.bench.TranslationBench [rounds] [intents.txt|intents.jsonl]</pre>
 *
 * The default corpus mixes intents the grammar settles alone with ones that need the embedding
 * classifier (vague or out-of-domain text, numbers without units), which cost one embedding each.
 */
public final class TranslationBench {

    static final List<String> CORPUS = List.of(
            "guarantee at least 20 percent of the radio resources of cell 3 for urllc",
            "cap the eMBB slice to at most 70% of PRBs in cell-1",
            "reduce transmit power of cell 2 by 3 dB",
            "use 40 MHz of bandwidth on cell 4",
            "save energy at night between 23:00 and 06:00 by reducing power where load is under 10 percent",
            "urllc users must see less than 5 ms downlink latency",
            "steer traffic away from cell 6",
            "give urllc 30% dedicated PRBs on cell 2 and cap embb at 60% there",
            "set cell 3 power to 90 dBm",
            "make the network better",
            "what's the weather like tomorrow",
            "keep urllc in cell 3 under 5",
            "between 1am and 5am, power down cell 6 if its load is below 3%",
            "in cell 3, keep urllc latency below 10 ms and give urllc at least 20% of the PRBs",
            "embb must get 50 Mbps down and 10 Mbps up in cell 1",
            "never hand over iot devices to cell 2",
            "do something about cell 3",
            "please drop the tx power on cells 1, 2 and 3 by 2 dB",
            "tonight, cap embb at 50% of PRBs in cell 2",
            "urllc needs 99.999% reliability");

    private TranslationBench() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> corpus = args.length > 1 ? load(Path.of(args[1])) : CORPUS;
        long t0 = System.nanoTime();
        LocalTranslator translator = LocalTranslator.withEmbeddings().warmUp();
        NetworkContext ctx = NetworkContext.lab();
        System.out.printf("model and prototypes loaded in %.0f ms%n", (System.nanoTime() - t0) / 1e6);

        // warm-up: JIT and the ONNX session, not measured
        for (int r = 0; r < 30; r++) {
            for (String text : corpus) {
                translator.translate(text, ctx);
            }
        }
        long[] samples = new long[rounds * corpus.size()];
        int n = 0;
        int understood = 0;
        for (int r = 0; r < rounds; r++) {
            for (String text : corpus) {
                long s = System.nanoTime();
                Translation t = translator.translate(text, ctx);
                samples[n++] = System.nanoTime() - s;
                if (t.understood()) {
                    understood++;
                }
            }
        }
        Arrays.sort(samples);
        System.out.printf("%d translations of %d intents (%d understood per round)%n", n, corpus.size(), understood / rounds);
        System.out.printf("translate       p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                pct(samples, 50), pct(samples, 90), pct(samples, 99), samples[samples.length - 1] / 1e6);

        // the agent's offline path: routing (no LLM) and the guard's second validation on top of translate
        TranslatorRouter router = new TranslatorRouter(List.of(translator), LocalTranslator.DEFAULT_THRESHOLD);
        Guard guard = new Guard();
        long[] pl = new long[rounds * corpus.size()];
        n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String text : corpus) {
                long s = System.nanoTime();
                TranslatorRouter.Route route = router.route(text, ctx, TranslationTrace.NONE);
                guard.review(route.translation(), route.translation().intentId(), ctx, TranslationTrace.NONE);
                pl[n++] = System.nanoTime() - s;
            }
        }
        Arrays.sort(pl);
        System.out.printf("routed+guarded  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                pct(pl, 50), pct(pl, 90), pct(pl, 99), pl[pl.length - 1] / 1e6);

        // the grammar alone, and one embedding classification alone, to show where the time goes
        LocalTranslator grammar = LocalTranslator.grammarOnly();
        long[] g = new long[rounds * corpus.size()];
        n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String text : corpus) {
                long s = System.nanoTime();
                grammar.translate(text, ctx);
                g[n++] = System.nanoTime() - s;
            }
        }
        Arrays.sort(g);
        System.out.printf("grammar only    p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                pct(g, 50), pct(g, 90), pct(g, 99), g[g.length - 1] / 1e6);
        EmbeddingIntentClassifier classifier = EmbeddingIntentClassifier.allMiniLm();
        long[] e = new long[Math.max(50, rounds)];
        for (int i = 0; i < e.length + 20; i++) {
            long s = System.nanoTime();
            classifier.rank(corpus.get(i % corpus.size()));
            if (i >= 20) {
                e[i - 20] = System.nanoTime() - s;
            }
        }
        Arrays.sort(e);
        System.out.printf("one embedding   p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                pct(e, 50), pct(e, 90), pct(e, 99), e[e.length - 1] / 1e6);
        System.out.printf("cores %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static List<String> load(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("{")) {
                int k = line.indexOf("\"text\"");
                int a = line.indexOf('"', line.indexOf(':', k) + 1);
                int b = line.indexOf('"', a + 1);
                out.add(line.substring(a + 1, b));
            } else {
                out.add(line.trim());
            }
        }
        return out;
    }
}
