package io.oranric.agent.local;

import io.oranric.agent.api.IntentIds;
import io.oranric.agent.api.NetworkContext;
import io.oranric.agent.api.Rejection;
import io.oranric.agent.api.Translation;
import io.oranric.agent.api.Translator;
import io.oranric.policies.conflict.Conflict;
import io.oranric.policies.conflict.ConflictDetector;
import io.oranric.policies.model.Policy;
import io.oranric.policies.model.PolicyStatus;
import io.oranric.policies.model.PolicyType;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.Scope;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.model.Spectrum;
import io.oranric.policies.model.Statement;
import io.oranric.policies.model.TrafficSteering;
import io.oranric.policies.validation.PolicyValidator;
import io.oranric.policies.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The offline translator: a grammar of quantities, units, cells, slices, comparators and time
 * windows, with an in-process embedding classifier for what the grammar leaves open. No network,
 * no model download: the classifier's model ships inside its Maven artifact.
 *
 * <p>Usage: {@code LocalTranslator.withEmbeddings().translate("cap embb at 60% in cell 2", NetworkContext.lab())}.
 */
public final class LocalTranslator implements Translator {

    /** Below this the answer is a question, not a guess. */
    public static final double DEFAULT_THRESHOLD = 0.6;
    static final double BASE_CONFIDENCE = 0.95;

    private final IntentClassifier classifier;
    private final double threshold;

    public LocalTranslator(IntentClassifier classifier, double threshold) {
        this.classifier = classifier;
        this.threshold = threshold;
    }

    /**
     * Grammar plus the all-MiniLM-L6-v2 classifier. The model (a few seconds to load) is loaded on the
     * first intent that needs it, so intents the grammar settles alone start fast.
     */
    public static LocalTranslator withEmbeddings() {
        return new LocalTranslator(new LazyClassifier(EmbeddingIntentClassifier::allMiniLm), DEFAULT_THRESHOLD);
    }

    /** Loads the model now rather than on first use (servers, benchmarks). */
    public LocalTranslator warmUp() {
        if (classifier != null) {
            classifier.rank("warm up");
        }
        return this;
    }

    /** Grammar only: what the classifier would settle becomes a clarification. */
    public static LocalTranslator grammarOnly() {
        return new LocalTranslator(null, DEFAULT_THRESHOLD);
    }

    @Override
    public String id() {
        return "local";
    }

    @Override
    public Translation translate(String text, NetworkContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        String intentId = intentId(text == null ? "" : text, ctx);
        if (text == null || text.isBlank()) {
            return Translation.clarify(intentId, text == null ? "" : text, id(), 0, "The intent is empty. What should the network do?", List.of());
        }
        Extraction x = Extraction.of(text, ctx);
        if (isQuestion(x) || x.size() == 0) {
            return Translation.clarify(intentId, text, id(), 0, Questions.notAnIntent(), List.of());
        }
        // one embedding per distinct text and call; no cache across calls (that would flatter benchmarks
        // and grow without bound)
        IntentClassifier memo = classifier == null ? null : new Memo(classifier);
        FrameBuilder builder = new FrameBuilder(ctx, memo);
        if (x.unsupportedTime != null && ClauseSplitter.hasPredicate(x, 0, x.size())) {
            return Translation.clarify(intentId, text, id(), 0.4, "A policy's validity is an interval plus one daily"
                    + " time window; \"" + x.unsupportedTime + "\" cannot be expressed. Should it apply every day, and"
                    + " between which hours (for example 08:00-18:00)?", List.of());
        }
        List<Frame> frames = new ArrayList<>();
        for (Clause c : ClauseSplitter.split(x)) {
            frames.add(builder.build(c));
        }
        List<String> assumptions = new ArrayList<>();
        frames.forEach(f -> assumptions.addAll(f.assumptions()));

        List<String> questions = new ArrayList<>();
        for (Frame f : frames) {
            if (f.question() != null) {
                questions.add(f.question());
            }
        }
        // the out-of-domain check embeds the normalised text, which for one clause is what the frame
        // builder may already have embedded (the memo then answers)
        String normalised = frames.size() == 1 ? frames.get(0).clause().text() : text;
        if (frames.stream().allMatch(f -> f.drafts().isEmpty()) && questions.isEmpty()) {
            questions.add(outOfDomain(memo, normalised) ? Questions.vague() : Questions.generic(frames.get(0).clause()));
        }
        if (!questions.isEmpty()) {
            if (frames.stream().allMatch(f -> f.drafts().isEmpty() && f.question() != null && f.question().startsWith("I could not"))
                    && outOfDomain(memo, normalised)) {
                questions = List.of(Questions.vague());
            }
            return Translation.clarify(intentId, text, id(), 0.3, String.join(" ", new LinkedHashSet<>(questions)), assumptions);
        }

        List<Draft> drafts = new ArrayList<>();
        String question = resolveReferences(frames, drafts, assumptions);
        if (question != null) {
            return Translation.clarify(intentId, text, id(), 0.4, question, assumptions);
        }
        drafts = merge(drafts);
        for (Draft d : drafts) {
            if (d.statement().type().isCellLevel() && d.statement().type() != PolicyType.ENERGY_SAVING
                    && d.cellKind() == null && d.nodes().isEmpty()) {
                assumptions.add(d.statement().type().wireName() + " applies to every cell: none was named");
            }
        }

        double confidence = BASE_CONFIDENCE;
        for (Frame f : frames) {
            confidence = Math.min(confidence, BASE_CONFIDENCE * f.confidence());
        }
        List<Policy> proposals = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Scope scope = new Scope(d.nodes(), d.cellKind() == Mentions.CellKind.LIST ? d.cells() : List.of(), d.slice(), d.ues());
            proposals.add(new Policy(IntentIds.policyId(intentId, i + 1), d.statement(), scope,
                    x.priority != null ? x.priority : Policy.DEFAULT_PRIORITY, d.validity(), intentId, PolicyStatus.PROPOSED, 1));
        }
        if (confidence < threshold) {
            return Translation.clarify(intentId, text, id(), confidence,
                    "Did you mean: " + proposals.stream().map(LocalTranslator::describe).collect(Collectors.joining("; "))
                            + "? Please confirm or rephrase with the values you want.", assumptions);
        }
        PolicyValidator validator = ctx.validator();
        List<Policy> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (Policy p : proposals) {
            List<Policy> inForce = new ArrayList<>(ctx.inForce());
            inForce.addAll(accepted);
            List<Violation> violations = validator.validate(p, inForce);
            if (violations.isEmpty()) {
                accepted.add(p);
            } else {
                rejected.add(new Rejection(p, violations.stream().map(Violation::message).collect(Collectors.joining("; ")), violations));
            }
        }
        ConflictDetector detector = new ConflictDetector(ctx.inventory());
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            List<Policy> others = new ArrayList<>(ctx.inForce());
            others.addAll(accepted.subList(0, i));
            conflicts.addAll(detector.detect(accepted.get(i), others));
        }
        return new Translation(intentId, text, id(), round(confidence), accepted, rejected, null, assumptions, conflicts);
    }

    // ================================================================ across clauses

    /**
     * Fills what a clause leaves to its neighbours: "there"/"it" are the cells last named; a clause
     * without cells shares the previous clause's (or, for the first clause, the next one's); a slice
     * target without a slice takes the previous clause's slice.
     */
    private static String resolveReferences(List<Frame> frames, List<Draft> out, List<String> assumptions) {
        List<String> lastMentioned = List.of();
        List<String> lastScope = null;
        String lastSlice = null;
        for (int fi = 0; fi < frames.size(); fi++) {
            Frame f = frames.get(fi);
            for (Draft d : f.drafts()) {
                Draft r = d;
                boolean steering = d.statement() instanceof TrafficSteering;
                if (d.cellKind() == Mentions.CellKind.BACKREF) {
                    if (lastMentioned.isEmpty()) {
                        if (!steering) {
                            r = r.withCells(List.of(), null);
                        }
                    } else {
                        r = r.withCells(lastMentioned, Mentions.CellKind.LIST);
                    }
                } else if (d.cellKind() == null && !steering && fi > 0 && lastScope != null) {
                    r = r.withCells(lastScope, Mentions.CellKind.LIST);
                } else if (d.cellKind() == null && !steering && fi == 0) {
                    List<String> next = nextScope(frames, 1);
                    if (next != null) {
                        r = r.withCells(next, Mentions.CellKind.LIST);
                        assumptions.add("cells " + String.join(", ", next) + " named later also apply to the first part");
                    }
                }
                if (d.targetBackRef()) {
                    if (lastMentioned.isEmpty()) {
                        return "Which cell should traffic be steered to or away from?";
                    }
                    TrafficSteering ts = (TrafficSteering) d.statement();
                    r = r.withStatement(new TrafficSteering(ts.preference(), lastMentioned));
                }
                PolicyType t = d.statement().type();
                if ((t == PolicyType.PRB_QUOTA || t == PolicyType.SLICE_SLA) && r.slice() == null) {
                    String slice = lastSlice;
                    if (slice == null) {
                        // "guarantee 10 Mbps uplink and 50 Mbps downlink to embb": named in a later part
                        slice = nextSlice(frames, fi + 1);
                        if (slice != null) {
                            assumptions.add("slice " + slice + " named later also applies to the first part");
                        }
                    }
                    if (slice == null) {
                        return Questions.missingSlice(t, r.cells());
                    }
                    r = r.withSlice(slice);
                }
                out.add(r);
                if (r.cellKind() == Mentions.CellKind.LIST && !r.cells().isEmpty()) {
                    lastScope = r.cells();
                }
                if (r.slice() != null) {
                    lastSlice = r.slice();
                }
            }
            if (!f.mentionedCells().isEmpty()) {
                lastMentioned = f.mentionedCells();
            }
        }
        return null;
    }

    private static String nextSlice(List<Frame> frames, int from) {
        for (int i = from; i < frames.size(); i++) {
            for (Draft d : frames.get(i).drafts()) {
                if (d.slice() != null) {
                    return d.slice();
                }
            }
        }
        return null;
    }

    private static List<String> nextScope(List<Frame> frames, int from) {
        for (int i = from; i < frames.size(); i++) {
            for (Draft d : frames.get(i).drafts()) {
                if (d.cellKind() == Mentions.CellKind.LIST && !(d.statement() instanceof TrafficSteering)) {
                    return d.cells();
                }
            }
        }
        return null;
    }

    /**
     * "50 Mbps down and 10 Mbps up in cell 1" arrives as two SLA drafts for one slice: one policy.
     * Drafts merge when type, slice and time agree, their fields do not overlap and their cells agree
     * (or one names none).
     */
    private static List<Draft> merge(List<Draft> drafts) {
        List<Draft> out = new ArrayList<>();
        for (Draft d : drafts) {
            boolean merged = false;
            for (int i = 0; i < out.size() && !merged; i++) {
                Draft o = out.get(i);
                Statement m = mergeStatements(o.statement(), d.statement());
                if (m == null || !Objects.equals(o.slice(), d.slice()) || !o.validity().equals(d.validity())
                        || !o.nodes().equals(d.nodes()) || !o.ues().equals(d.ues())) {
                    continue;
                }
                boolean oCells = o.cellKind() == Mentions.CellKind.LIST;
                boolean dCells = d.cellKind() == Mentions.CellKind.LIST;
                if (oCells && dCells && !o.cells().equals(d.cells())) {
                    continue;
                }
                if (oCells != dCells && (o.cellKind() == Mentions.CellKind.ALL || d.cellKind() == Mentions.CellKind.ALL)) {
                    continue;
                }
                Draft base = oCells ? o : d;
                out.set(i, base.withStatement(m));
                merged = true;
            }
            if (!merged) {
                out.add(d);
            }
        }
        return out;
    }

    private static Statement mergeStatements(Statement a, Statement b) {
        if (a instanceof SliceSla x && b instanceof SliceSla y) {
            if (overlap(x.guaranteedDlMbps(), y.guaranteedDlMbps()) || overlap(x.guaranteedUlMbps(), y.guaranteedUlMbps())
                    || overlap(x.maxDlLatencyMs(), y.maxDlLatencyMs()) || overlap(x.maxPacketLossPct(), y.maxPacketLossPct())) {
                return null;
            }
            return new SliceSla(or(x.guaranteedDlMbps(), y.guaranteedDlMbps()), or(x.guaranteedUlMbps(), y.guaranteedUlMbps()),
                    or(x.maxDlLatencyMs(), y.maxDlLatencyMs()), or(x.maxPacketLossPct(), y.maxPacketLossPct()));
        }
        if (a instanceof PrbQuota x && b instanceof PrbQuota y) {
            if (overlap(x.minPrbPct(), y.minPrbPct()) || overlap(x.maxPrbPct(), y.maxPrbPct())
                    || overlap(x.dedicatedPrbPct(), y.dedicatedPrbPct())) {
                return null;
            }
            return new PrbQuota(or(x.minPrbPct(), y.minPrbPct()), or(x.maxPrbPct(), y.maxPrbPct()),
                    or(x.dedicatedPrbPct(), y.dedicatedPrbPct()));
        }
        if (a instanceof Spectrum x && b instanceof Spectrum y) {
            if (overlap(x.bandwidthMHz(), y.bandwidthMHz()) || overlap(x.arfcnDl(), y.arfcnDl()) || overlap(x.bwpId(), y.bwpId())) {
                return null;
            }
            return new Spectrum(or(x.bandwidthMHz(), y.bandwidthMHz()), or(x.arfcnDl(), y.arfcnDl()), or(x.bwpId(), y.bwpId()));
        }
        return null;
    }

    /** Both set and different: "let's say 25%" after "at least 25%" repeats, it does not contradict. */
    private static boolean overlap(Object a, Object b) {
        return a != null && b != null && !a.equals(b);
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    // ================================================================ helpers

    /** A wh-question, or an auxiliary-first sentence ending in "?" ("can you ..." is a request, not a question). */
    private static boolean isQuestion(Extraction x) {
        String first = x.w(0);
        boolean mark = x.w(x.size() - 1).equals("?");
        if (Set.of("what", "how", "why", "who", "whom", "which", "whats").contains(first)) {
            return true;
        }
        if (mark && Lexicon.QUESTION_START.contains(first) && !x.at(1, "you") && !x.at(1, "we")) {
            return true;
        }
        return false;
    }

    private static final class Memo implements IntentClassifier {
        private final IntentClassifier delegate;
        private final java.util.Map<String, List<Scored>> seen = new java.util.HashMap<>();

        Memo(IntentClassifier delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Scored> rank(String text) {
            return seen.computeIfAbsent(text, delegate::rank);
        }
    }

    private static boolean outOfDomain(IntentClassifier classifier, String text) {
        if (classifier == null) {
            return false;
        }
        List<IntentClassifier.Scored> ranked = classifier.rank(text);
        return !ranked.isEmpty() && ranked.get(0).label() == IntentClassifier.Label.NOT_AN_INTENT;
    }

    static String describe(Policy p) {
        StringBuilder b = new StringBuilder(p.type().wireName()).append(' ')
                .append(io.oranric.policies.json.PolicyJson.statementNode(p.statement()));
        if (!p.scope().isWholeNetwork()) {
            b.append(" on ").append(io.oranric.policies.json.PolicyJson.scopeNode(p.scope()));
        }
        return b.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String intentId(String text, NetworkContext ctx) {
        return IntentIds.intentId(text, ctx.clock().instant());
    }
}
