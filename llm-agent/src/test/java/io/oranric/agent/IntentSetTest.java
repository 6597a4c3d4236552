package io.oranric.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Translation;
import io.oranric.agent.json.TranslationJson;
import io.oranric.agent.local.LocalTranslator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every intent of the development set and of our own paraphrase set through the offline
 * translator and checks the output JSON with the rules of shared/intents/README.md, applied strictly:
 * a scope or statement field the expectation leaves out must be absent too (keepCoverage's default
 * aside), and no policy beyond the expected ones may appear.
 */
class IntentSetTest {

    static final ObjectMapper M = new ObjectMapper();
    static final LocalTranslator TRANSLATOR = LocalTranslator.withEmbeddings();
    static final NetworkContext CTX = NetworkContext.lab(12, ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneId.of("UTC")));
    static final Map<String, int[]> SCORE = new ConcurrentHashMap<>();

    static Stream<Arguments> devSet() {
        return lines("dev-set.jsonl");
    }

    static Stream<Arguments> paraphrases() {
        return lines("paraphrases.jsonl");
    }

    static Stream<Arguments> heldOut4() {
        return lines("paraphrases-4.jsonl");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("heldOut4")
    void last_held_out(String text, JsonNode expect) {
        check("paraphrases-4", text, expect);
    }

    static Stream<Arguments> heldOut3() {
        return lines("paraphrases-3.jsonl");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("heldOut3")
    void dev_paraphrases(String text, JsonNode expect) {
        check("paraphrases-3", text, expect);
    }

    static Stream<Arguments> heldOut() {
        return lines("paraphrases-2.jsonl");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("heldOut")
    void held_out_paraphrases(String text, JsonNode expect) {
        check("paraphrases-2", text, expect);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("devSet")
    void dev_set(String text, JsonNode expect) {
        check("dev-set", text, expect);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("paraphrases")
    void paraphrases(String text, JsonNode expect) {
        check("paraphrases", text, expect);
    }

    @AfterAll
    static void report() throws IOException {
        StringBuilder b = new StringBuilder();
        SCORE.forEach((set, s) -> b.append(set).append(": ").append(s[0]).append("/").append(s[1]).append(" passed\n"));
        Path out = Path.of("target", "intent-accuracy.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString());
        System.out.print(b);
    }

    private static void check(String set, String text, JsonNode expect) {
        Translation t = TRANSLATOR.translate(text, CTX);
        JsonNode out = TranslationJson.toNode(t);
        List<String> problems = problems(out, expect);
        SCORE.computeIfAbsent(set, k -> new int[2]);
        synchronized (SCORE) {
            SCORE.get(set)[1]++;
            if (problems.isEmpty()) {
                SCORE.get(set)[0]++;
            }
        }
        assertThat(problems).as("%s%n%s", text, TranslationJson.write(t, true)).isEmpty();
    }

    /** The README's matching rules; an empty list means the output matches. */
    static List<String> problems(JsonNode out, JsonNode expect) {
        List<String> p = new ArrayList<>();
        JsonNode policies = out.get("policies");
        if (expect.path("clarification").asBoolean(false)) {
            if (!out.get("clarification").isTextual() || out.get("clarification").asText().isBlank()) {
                p.add("expected a clarification question");
            }
            if (!policies.isEmpty()) {
                p.add("a clarification must come with no policies");
            }
            return p;
        }
        if (!out.get("clarification").isNull()) {
            p.add("unexpected clarification: " + out.get("clarification").asText());
        }
        if (expect.path("rejected").asBoolean(false)) {
            if (out.get("rejected").isEmpty()) {
                p.add("expected a rejection");
            }
            if (!policies.isEmpty()) {
                p.add("nothing may pass when the intent is out of the envelope");
            }
            return p;
        }
        if (!out.get("rejected").isEmpty()) {
            p.add("unexpected rejection: " + out.get("rejected"));
        }
        JsonNode expected = expect.get("policies");
        if (policies.size() != expected.size()) {
            p.add("expected " + expected.size() + " policies, got " + policies.size());
        }
        for (JsonNode e : expected) {
            boolean found = false;
            for (JsonNode a : policies) {
                if (matches(e, a)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                p.add("no policy matches " + e);
            }
        }
        return p;
    }

    static boolean matches(JsonNode e, JsonNode a) {
        if (!e.get("type").asText().equals(a.get("type").asText())) {
            return false;
        }
        if (!sameFields(e.path("scope"), a.path("scope"), true)) {
            return false;
        }
        if (!sameFields(e.path("statement"), a.path("statement"), true)) {
            return false;
        }
        return !e.has("validity") || sameFields(e.get("validity"), a.path("validity"), false);
    }

    private static boolean sameFields(JsonNode e, JsonNode a, boolean strict) {
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!equal(f.getValue(), a.path(f.getKey()))) {
                return false;
            }
        }
        if (strict && a.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!e.has(name) && !(name.equals("keepCoverage") && a.get(name).asBoolean())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean equal(JsonNode e, JsonNode a) {
        if (e.isNumber()) {
            return a.isNumber() && e.decimalValue().compareTo(a.decimalValue()) == 0;
        }
        if (e.isObject()) {
            return sameFields(e, a, false);
        }
        return e.equals(a);
    }

    static Stream<Arguments> lines(String file) {
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                IntentSetTest.class.getResourceAsStream("/intents/" + file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode n = M.readTree(line);
                    out.add(Arguments.of(n.get("text").asText(), n.get("expect")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream();
    }
}
