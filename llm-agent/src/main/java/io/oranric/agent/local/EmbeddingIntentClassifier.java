package io.oranric.agent.local;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Nearest-prototype classification over sentence embeddings. Each label has a handful of
 * prototype intents (a resource file, one "LABEL<TAB>sentence" per line); a text's score for a label
 * is the mean of its two best cosine similarities to that label's prototypes, which is steadier than
 * the single best match when one prototype happens to share a rare word.
 */
public final class EmbeddingIntentClassifier implements IntentClassifier {

    static final String PROTOTYPES = "/io/oranric/agent/local/intent-prototypes.tsv";

    private final EmbeddingModel model;
    private final Map<Label, List<Embedding>> prototypes = new EnumMap<>(Label.class);

    public EmbeddingIntentClassifier(EmbeddingModel model, Map<Label, List<String>> sentences) {
        this.model = model;
        for (var e : sentences.entrySet()) {
            List<TextSegment> segments = e.getValue().stream().map(TextSegment::from).toList();
            prototypes.put(e.getKey(), List.copyOf(model.embedAll(segments).content()));
        }
    }

    /** all-MiniLM-L6-v2 on ONNX Runtime, in process; the model file ships in the Maven artifact. */
    public static EmbeddingIntentClassifier allMiniLm() {
        return new EmbeddingIntentClassifier(new AllMiniLmL6V2EmbeddingModel(), loadPrototypes());
    }

    static Map<Label, List<String>> loadPrototypes() {
        Map<Label, List<String>> out = new EnumMap<>(Label.class);
        try (InputStream in = EmbeddingIntentClassifier.class.getResourceAsStream(PROTOTYPES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + PROTOTYPES);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException("prototype line without a tab: " + line);
                }
                out.computeIfAbsent(Label.valueOf(line.substring(0, tab).trim()), k -> new ArrayList<>())
                        .add(line.substring(tab + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public List<Scored> rank(String text) {
        Embedding q = model.embed(text).content();
        List<Scored> out = new ArrayList<>();
        for (var e : prototypes.entrySet()) {
            double best = -1;
            double second = -1;
            for (Embedding p : e.getValue()) {
                double s = CosineSimilarity.between(q, p);
                if (s > best) {
                    second = best;
                    best = s;
                } else if (s > second) {
                    second = s;
                }
            }
            out.add(new Scored(e.getKey(), second < 0 ? best : (best + second) / 2));
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed());
        return out;
    }
}
