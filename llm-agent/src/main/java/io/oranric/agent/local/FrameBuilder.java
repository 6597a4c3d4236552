package io.oranric.agent.local;

import io.oranric.agent.api.NetworkContext;
import io.oranric.policies.model.EnergySaving;
import io.oranric.policies.model.PolicyType;
import io.oranric.policies.model.PrbQuota;
import io.oranric.policies.model.SliceSla;
import io.oranric.policies.model.Spectrum;
import io.oranric.policies.model.Statement;
import io.oranric.policies.model.TrafficSteering;
import io.oranric.policies.model.TxPower;
import io.oranric.policies.model.Validity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one clause into policy drafts. Units decide most of it (dBm and dB are power, MHz bandwidth,
 * Mbps and ms slice targets); a percentage is a load threshold, a loss target or a PRB share by the
 * words around it; comparators and verbs decide which field a number fills; steering and sleeping are
 * recognised by their verbs. The embedding classifier only settles what these rules leave open.
 */
final class FrameBuilder {

    private enum Cmp { AT_LEAST, AT_MOST, BY, TO, NONE }

    private enum Pct { SHARE, LOAD, LOSS }

    private final NetworkContext ctx;
    private final IntentClassifier classifier;

    FrameBuilder(NetworkContext ctx, IntentClassifier classifier) {
        this.ctx = ctx;
        this.classifier = classifier;
    }

    /** Mutable state of one clause's interpretation. */
    private final class Work {
        final Clause c;
        final Extraction x;
        final List<String> assumptions = new ArrayList<>();
        double confidence = 1.0;
        String question;
        final List<Draft> drafts = new ArrayList<>();

        Work(Clause c) {
            this.c = c;
            this.x = c.x;
        }

        void assume(String what, double factor) {
            assumptions.add(what);
            confidence *= factor;
        }

        void ask(String q) {
            if (question == null) {
                question = q;
            }
        }
    }

    Frame build(Clause c) {
        Work k = new Work(c);
        interpret(k);
        if (k.question == null && !k.drafts.isEmpty()) {
            hedges(k);
        }
        List<String> mentioned = new ArrayList<>();
        for (Mentions.Cells m : c.cells()) {
            if (m.kind() == Mentions.CellKind.LIST) {
                mentioned = m.cells();
            }
        }
        return new Frame(c, k.question == null ? List.copyOf(k.drafts) : List.of(), k.confidence,
                List.copyOf(k.assumptions), k.question, mentioned);
    }

    // ================================================================ the clause

    private void interpret(Work k) {
        Clause c = k.c;
        boolean sleep = sleepCue(c);
        boolean dec = c.verb(Lexicon.DECREASE) || (c.has(Lexicon.DOWN) && !sleep);
        boolean inc = c.verb(Lexicon.INCREASE) || (c.has(Lexicon.UP) && !c.phrase("up", "to"));
        if (dec && inc && c.has(Lexicon.DECREASE) != c.has(Lexicon.INCREASE)) {
            // the clause's own verb wins over the one it might share
            dec = c.has(Lexicon.DECREASE);
            inc = c.has(Lexicon.INCREASE);
        }
        boolean powerNoun = c.has(Lexicon.POWER) && !c.phrase("power", "down") && !c.phrase("power", "off")
                && !c.phrase("power", "saving") && !c.phrase("save", "power") && !c.phrase("saving", "power");
        boolean energy = c.has(Lexicon.ENERGY) || c.has(Lexicon.SAVE) || c.phrase("power", "saving");
        Steering steering = steering(c);

        List<Mentions.Quantity> dbm = new ArrayList<>();
        List<Mentions.Quantity> db = new ArrayList<>();
        List<Mentions.Quantity> mhz = new ArrayList<>();
        List<Mentions.Quantity> mbps = new ArrayList<>();
        List<Mentions.Quantity> ms = new ArrayList<>();
        List<Mentions.Quantity> share = new ArrayList<>();
        List<Mentions.Quantity> load = new ArrayList<>();
        List<Mentions.Quantity> loss = new ArrayList<>();
        List<Mentions.Quantity> bare = new ArrayList<>();
        boolean loadContext = sleep || energy || (dec && powerNoun && hasLoadWord(c));
        for (Mentions.Quantity q : c.quantities()) {
            switch (q.unit()) {
                case DBM -> dbm.add(q);
                case DB -> db.add(q);
                case MHZ -> mhz.add(q);
                case MBPS -> mbps.add(q);
                case MS -> ms.add(q);
                case PERCENT -> {
                    switch (percentKind(c, q, loadContext)) {
                        case LOAD -> load.add(q);
                        case LOSS -> loss.add(q);
                        default -> share.add(q);
                    }
                }
                case NONE -> bare.add(q);
                default -> { }
            }
        }
        List<Mentions.Range> shareRanges = new ArrayList<>();
        List<Mentions.Range> otherRanges = new ArrayList<>();
        for (Mentions.Range r : c.ranges()) {
            (r.unit() == Unit.PERCENT ? shareRanges : otherRanges).add(r);
        }

        Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
        if (!dbm.isEmpty() || !db.isEmpty() || hasRange(otherRanges, Unit.DBM)) {
            types.add(PolicyType.TX_POWER);
        }
        if (!mhz.isEmpty() || hasRange(otherRanges, Unit.MHZ) || arfcnOrBwp(k, bare, false)) {
            types.add(PolicyType.SPECTRUM);
        }
        if (!mbps.isEmpty() || !ms.isEmpty() || !loss.isEmpty() || hasRange(otherRanges, Unit.MBPS)) {
            types.add(PolicyType.SLICE_SLA);
        }
        if (!share.isEmpty() || !shareRanges.isEmpty()) {
            types.add(PolicyType.PRB_QUOTA);
        }
        if (sleep || energy || !load.isEmpty() && dec && powerNoun) {
            types.add(PolicyType.ENERGY_SAVING);
        }
        if (steering.cued) {
            types.add(PolicyType.TRAFFIC_STEERING);
        }
        // energy as the motive of an explicit power change ("lower power by 3 dB to save energy")
        if (types.contains(PolicyType.TX_POWER) && types.contains(PolicyType.ENERGY_SAVING) && !sleep) {
            if (!load.isEmpty()) {
                k.ask("A power change in dB cannot depend on load. Should cells below " + plain(load.get(0).value())
                        + " % load reduce power as energy saving (no fixed dB), or should the power change apply always?");
                return;
            }
            types.remove(PolicyType.ENERGY_SAVING);
        }
        if (types.contains(PolicyType.TRAFFIC_STEERING) && types.contains(PolicyType.PRB_QUOTA) && !c.hasAny(Lexicon.PRB)) {
            // "move 20% of the traffic to cell 3": a steering split the contract cannot express
            types.remove(PolicyType.PRB_QUOTA);
            k.assume("the percentage of traffic to move is not expressible; only the steering preference is kept", 0.8);
        }
        if (types.contains(PolicyType.PRB_QUOTA) && types.contains(PolicyType.ENERGY_SAVING) && share.isEmpty() && shareRanges.isEmpty()) {
            types.remove(PolicyType.PRB_QUOTA);
        }

        if (types.isEmpty()) {
            undetermined(k, bare, powerNoun);
            return;
        }
        if (negatedAction(c) && !types.contains(PolicyType.TRAFFIC_STEERING)
                && (types.contains(PolicyType.ENERGY_SAVING) || types.contains(PolicyType.TX_POWER)
                || types.contains(PolicyType.SPECTRUM))) {
            // "don't put cell 3 to sleep": turning this into the policy it negates would invert it
            k.ask("Policies say what the network should do, and this says what it must not do. What should happen"
                    + " instead: for example a different power or bandwidth, or energy saving only below a load threshold?");
            return;
        }
        for (PolicyType t : types) {
            switch (t) {
                case SLICE_SLA -> sla(k, mbps, ms, loss, otherRanges);
                case PRB_QUOTA -> prb(k, share, shareRanges);
                case TX_POWER -> power(k, dbm, db, otherRanges, dec, inc);
                case SPECTRUM -> spectrum(k, mhz, bare, otherRanges);
                case ENERGY_SAVING -> energy(k, sleep, dec, powerNoun, load);
                case TRAFFIC_STEERING -> steer(k, steering);
                default -> { }
            }
        }
    }

    /** No unit, cue or share: topic words, then the classifier, decide what is missing. */
    private void undetermined(Work k, List<Mentions.Quantity> bare, boolean powerNoun) {
        Clause c = k.c;
        Set<PolicyType> topics = new LinkedHashSet<>();
        if (powerNoun) {
            topics.add(PolicyType.TX_POWER);
        }
        if (c.hasAny(Lexicon.BANDWIDTH)) {
            topics.add(PolicyType.SPECTRUM);
        }
        if (c.hasAny(Lexicon.PRB)) {
            topics.add(PolicyType.PRB_QUOTA);
        }
        if (c.hasAny(Lexicon.LATENCY) || c.has(Lexicon.THROUGHPUT) || c.has(Lexicon.LOSS)) {
            topics.add(PolicyType.SLICE_SLA);
        }
        PolicyType type = null;
        double factor = 1.0;
        double score = 1.0;
        if (topics.size() == 1) {
            type = topics.iterator().next();
        } else if (classifier != null) {
            List<IntentClassifier.Scored> ranked = classifier.rank(c.text());
            for (IntentClassifier.Scored s : ranked) {
                if (s.label() == IntentClassifier.Label.NOT_AN_INTENT) {
                    if (topics.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (topics.isEmpty() || topics.contains(s.label().type())) {
                    if (s.score() >= 0.45) {
                        type = s.label().type();
                        factor = Math.min(1.0, 0.5 + s.score() / 2);
                        score = s.score();
                    }
                    break;
                }
            }
        }
        if (type == null) {
            k.ask(Questions.generic(c));
            return;
        }
        if (bare.isEmpty()) {
            // a type-specific question only when the topic is clear; otherwise list the options
            k.ask(topics.isEmpty() && score < 0.6 ? Questions.generic(c) : Questions.missingValue(type, c));
            return;
        }
        // a number without unit: read it in the unit the topic implies, and say so
        Mentions.Quantity q = bare.get(0);
        k.confidence *= factor;
        switch (type) {
            case TX_POWER -> {
                Cmp cmp = cmp(k, q);
                Unit u = cmp == Cmp.BY ? Unit.DB : Unit.DBM;
                k.assume("\"" + plain(q.value()) + "\" read as " + (u == Unit.DB ? "dB" : "dBm"), 0.85);
                Mentions.Quantity typed = new Mentions.Quantity(q.start(), q.end(), q.value(), u);
                power(k, u == Unit.DBM ? List.of(typed) : List.of(), u == Unit.DB ? List.of(typed) : List.of(), List.of(),
                        c.has(Lexicon.DECREASE) || c.has(Lexicon.DOWN), c.has(Lexicon.INCREASE) || c.has(Lexicon.UP));
            }
            case SPECTRUM -> {
                if (arfcnOrBwp(k, bare, true)) {
                    return;
                }
                k.assume("\"" + plain(q.value()) + "\" read as MHz", 0.85);
                spectrum(k, List.of(new Mentions.Quantity(q.start(), q.end(), q.value(), Unit.MHZ)), List.of(), List.of());
            }
            case PRB_QUOTA -> {
                k.assume("\"" + plain(q.value()) + "\" read as a percentage of PRBs", 0.85);
                prb(k, List.of(new Mentions.Quantity(q.start(), q.end(), q.value(), Unit.PERCENT)), List.of());
            }
            case SLICE_SLA -> {
                // an upper bound on a bare number is a latency; throughput is only ever guaranteed
                if (c.hasAny(Lexicon.LATENCY) || (cmp(k, q) == Cmp.AT_MOST && !c.has(Lexicon.THROUGHPUT))) {
                    k.assume("\"" + plain(q.value()) + "\" read as milliseconds", 0.85);
                    sla(k, List.of(), List.of(new Mentions.Quantity(q.start(), q.end(), q.value(), Unit.MS)), List.of(), List.of());
                } else if (c.has(Lexicon.LOSS)) {
                    k.assume("\"" + plain(q.value()) + "\" read as percent", 0.85);
                    sla(k, List.of(), List.of(), List.of(new Mentions.Quantity(q.start(), q.end(), q.value(), Unit.PERCENT)), List.of());
                } else {
                    k.assume("\"" + plain(q.value()) + "\" read as Mbps", 0.85);
                    sla(k, List.of(new Mentions.Quantity(q.start(), q.end(), q.value(), Unit.MBPS)), List.of(), List.of(), List.of());
                }
            }
            default -> k.ask(Questions.missingValue(type, c));
        }
    }

    // ================================================================ per type

    private void sla(Work k, List<Mentions.Quantity> mbps, List<Mentions.Quantity> ms, List<Mentions.Quantity> loss,
                     List<Mentions.Range> ranges) {
        Double dl = null;
        Double ul = null;
        Double lat = null;
        Double lossPct = null;
        List<Mentions.Quantity> rates = new ArrayList<>(mbps);
        for (Mentions.Range r : ranges) {
            if (r.unit() == Unit.MBPS) {
                k.assume("throughput range " + plain(r.low()) + "-" + plain(r.high()) + " Mbps: the lower end is guaranteed", 0.9);
                rates.add(new Mentions.Quantity(r.start(), r.end(), r.low(), Unit.MBPS));
            }
        }
        for (Mentions.Quantity q : rates) {
            Cmp cmp = cmp(k, q);
            if (cmp == Cmp.BY) {
                k.ask("Throughput targets are absolute: what guaranteed rate (Mbps) should the slice get, rather than "
                        + plain(q.value()) + " Mbps more or less?");
                return;
            }
            if (cmp == Cmp.AT_MOST) {
                k.ask("Slice SLAs guarantee throughput; they cannot cap it at " + plain(q.value())
                        + " Mbps. Should the slice's PRB share be capped instead (what percentage)?");
                return;
            }
            int dir = direction(k.c, q);
            if (dir == 0) {
                dir = 1;
                k.assume("downlink assumed for " + plain(q.value()) + " Mbps", 0.9);
            }
            if (dir > 0) {
                dl = q.value().doubleValue();
            } else {
                ul = q.value().doubleValue();
            }
        }
        for (Mentions.Quantity q : ms) {
            Cmp cmp = cmp(k, q);
            if (cmp == Cmp.BY) {
                k.ask("Latency targets are absolute: below how many ms should downlink latency stay, rather than "
                        + plain(q.value()) + " ms less?");
                return;
            }
            if (cmp == Cmp.AT_LEAST) {
                k.ask("Latency targets are upper bounds. Should downlink latency stay below " + plain(q.value()) + " ms?");
                return;
            }
            if (direction(k.c, q) < 0) {
                k.assume("the latency target is applied to the downlink (the contract has no uplink latency target)", 0.85);
            }
            lat = q.value().doubleValue();
        }
        for (Mentions.Quantity q : loss) {
            BigDecimal v = q.value();
            boolean reliability = k.c.hasAny(Set.of("reliability", "reliable", "success", "delivery"));
            if (reliability && v.compareTo(BigDecimal.valueOf(50)) > 0) {
                v = BigDecimal.valueOf(100).subtract(v);
                k.assumptions.add(plain(q.value()) + " % reliability read as at most " + plain(v) + " % packet loss");
            }
            lossPct = v.doubleValue();
        }
        if (dl == null && ul == null && lat == null && lossPct == null) {
            k.ask(Questions.missingValue(PolicyType.SLICE_SLA, k.c));
            return;
        }
        add(k, new SliceSla(dl, ul, lat, lossPct));
    }

    private enum Field { MIN, MAX, DEDICATED, EXACT }

    private void prb(Work k, List<Mentions.Quantity> share, List<Mentions.Range> ranges) {
        Double min = null;
        Double max = null;
        Double ded = null;
        for (Mentions.Range r : ranges) {
            min = r.low().doubleValue();
            max = r.high().doubleValue();
            if (min > max) {
                double t = min;
                min = max;
                max = t;
            }
        }
        for (Mentions.Quantity q : share) {
            double v = q.value().doubleValue();
            if (cmp(k, q) == Cmp.BY) {
                k.ask("PRB shares are set as absolute percentages, not changed by " + plain(q.value())
                        + " %: what share (minimum, maximum or dedicated) should the slice have?");
                return;
            }
            Field f = field(k, q);
            switch (f) {
                case MIN -> min = pick(k, "minPrbPct", min, v);
                case MAX -> max = pick(k, "maxPrbPct", max, v);
                case DEDICATED -> ded = pick(k, "dedicatedPrbPct", ded, v);
                case EXACT -> {
                    min = pick(k, "minPrbPct", min, v);
                    max = pick(k, "maxPrbPct", max, v);
                }
            }
        }
        if (k.question != null) {
            return;
        }
        if (min == null && max == null && ded == null) {
            k.ask(Questions.missingValue(PolicyType.PRB_QUOTA, k.c));
            return;
        }
        add(k, new PrbQuota(min, max, ded));
    }

    private Double pick(Work k, String field, Double current, double v) {
        if (current != null && current != v) {
            k.ask("Two values for " + field + " (" + plain(current) + " and " + plain(v) + "): which one applies?");
        }
        return v;
    }

    private Field field(Work k, Mentions.Quantity q) {
        Clause c = k.c;
        for (int i = Math.max(c.start, q.start() - 4); i < Math.min(c.end, q.end() + 4); i++) {
            if (Lexicon.DEDICATED.contains(c.x.w(i))) {
                return Field.DEDICATED;
            }
        }
        Cmp cmp = cmp(k, q);
        if (cmp == Cmp.AT_LEAST) {
            return Field.MIN;
        }
        if (cmp == Cmp.AT_MOST) {
            return Field.MAX;
        }
        if (c.hasAny(Set.of("maximum", "max")) && !c.hasAny(Set.of("minimum", "min"))) {
            return Field.MAX;
        }
        if (c.hasAny(Set.of("minimum", "min")) && !c.hasAny(Set.of("maximum", "max"))) {
            return Field.MIN;
        }
        if (c.verb(Lexicon.CAP)) {
            return Field.MAX;
        }
        // "reduce embb to 50%" lowers its ceiling, "increase urllc to 40%" raises its floor
        if (c.verb(Lexicon.DECREASE) && !c.verb(Lexicon.INCREASE)) {
            return Field.MAX;
        }
        if (c.verb(Lexicon.INCREASE) && !c.verb(Lexicon.DECREASE)) {
            return Field.MIN;
        }
        if (c.verb(Lexicon.USE) && !c.verb(Lexicon.GUARANTEE)) {
            return Field.MAX;
        }
        if (c.verb(Lexicon.GUARANTEE) || c.phrase("at", "least") || c.hasAny(Set.of("guaranteed"))) {
            return Field.MIN;
        }
        if (c.hasAny(Set.of("most"))) {
            return Field.MAX;
        }
        if (c.verb(Lexicon.SET)) {
            k.assume("\"" + plain(q.value()) + " %\" read as an exact share (minimum and maximum)", 0.85);
            return Field.EXACT;
        }
        k.assume("\"" + plain(q.value()) + " %\" read as a guaranteed minimum share", 0.8);
        return Field.MIN;
    }

    private void power(Work k, List<Mentions.Quantity> dbm, List<Mentions.Quantity> db, List<Mentions.Range> ranges,
                       boolean dec, boolean inc) {
        Double abs = null;
        Double delta = null;
        for (Mentions.Range r : ranges) {
            if (r.unit() == Unit.DBM) {
                abs = r.high().doubleValue();
            }
        }
        for (Mentions.Quantity q : dbm) {
            Cmp cmp = cmp(k, q);
            if (cmp == Cmp.BY) {
                delta = signed(k, q, dec, inc);
                if (delta == null) {
                    return;
                }
                k.assume("\"by " + plain(q.value()) + " dBm\" read as a change of " + plain(q.value()) + " dB", 0.9);
            } else {
                abs = q.value().doubleValue();
            }
        }
        for (Mentions.Quantity q : db) {
            Cmp cmp = cmp(k, q);
            if (cmp == Cmp.TO && !dec && !inc) {
                k.ask("dB is a relative unit: should the maximum TX power be " + plain(q.value()) + " dBm, or change by "
                        + plain(q.value()) + " dB (up or down)?");
                return;
            }
            delta = signed(k, q, dec, inc);
            if (delta == null) {
                return;
            }
        }
        if (abs != null && delta != null) {
            k.ask("Both an absolute power (" + plain(abs) + " dBm) and a change (" + plain(delta)
                    + " dB) were given; which one should apply?");
            return;
        }
        if (abs == null && delta == null) {
            k.ask(Questions.missingValue(PolicyType.TX_POWER, k.c));
            return;
        }
        add(k, abs != null ? TxPower.absolute(abs) : TxPower.delta(delta));
    }

    private Double signed(Work k, Mentions.Quantity q, boolean dec, boolean inc) {
        double v = q.value().doubleValue();
        if (q.value().signum() < 0 || k.x.w(q.start()).startsWith("+")) {
            return v;
        }
        // "3 dB less", "2 dB stronger"
        if (k.x.at(q.end(), "less|lower|weaker|down|quieter|softer|below")) {
            return -Math.abs(v);
        }
        if (k.x.at(q.end(), "more|higher|stronger|up|louder|extra|above")) {
            return Math.abs(v);
        }
        if (k.x.at(q.start() - 1, "minus")) {
            return -Math.abs(v);
        }
        if (k.x.at(q.start() - 1, "plus")) {
            return Math.abs(v);
        }
        if (dec && !inc) {
            return -v;
        }
        if (inc && !dec) {
            return v;
        }
        k.ask("Should the power go up or down by " + plain(q.value()) + " dB?");
        return null;
    }

    private void spectrum(Work k, List<Mentions.Quantity> mhz, List<Mentions.Quantity> bare, List<Mentions.Range> ranges) {
        Double bw = null;
        for (Mentions.Range r : ranges) {
            if (r.unit() == Unit.MHZ) {
                bw = r.high().doubleValue();
            }
        }
        for (Mentions.Quantity q : mhz) {
            if (cmp(k, q) == Cmp.BY) {
                k.ask("Bandwidth is set as an absolute value: which channel bandwidth (MHz) should the cell use?");
                return;
            }
            if (bw != null && bw != q.value().doubleValue()) {
                k.ask("Two bandwidths were given (" + plain(bw) + " and " + plain(q.value()) + " MHz); which one applies?");
                return;
            }
            bw = q.value().doubleValue();
        }
        Long arfcn = null;
        Integer bwp = null;
        for (Mentions.Quantity q : bare) {
            int i = q.start();
            if (k.c.x.at(i - 1, "arfcn") || k.c.x.at(i - 2, "arfcn")) {
                arfcn = q.value().longValue();
            } else if (k.c.x.at(i - 1, "bwp") || k.c.x.at(i - 2, "bwp") || k.c.x.at(i - 2, "bandwidth", "part")
                    || k.c.x.at(i - 3, "bandwidth", "part")) {
                bwp = q.value().intValue();
            }
        }
        if (bw == null && arfcn == null && bwp == null) {
            k.ask(Questions.missingValue(PolicyType.SPECTRUM, k.c));
            return;
        }
        add(k, new Spectrum(bw, arfcn, bwp));
    }

    private boolean arfcnOrBwp(Work k, List<Mentions.Quantity> bare, boolean build) {
        for (Mentions.Quantity q : bare) {
            int i = q.start();
            Extraction x = k.c.x;
            if (x.at(i - 1, "arfcn|bwp") || x.at(i - 2, "arfcn|bwp") || x.at(i - 2, "bandwidth", "part")) {
                if (build) {
                    spectrum(k, List.of(), bare, List.of());
                }
                return true;
            }
        }
        return false;
    }

    private void energy(Work k, boolean sleep, boolean dec, boolean powerNoun, List<Mentions.Quantity> load) {
        EnergySaving.Mode mode;
        if (sleep) {
            mode = EnergySaving.Mode.SLEEP;
        } else if ((dec && powerNoun) || k.c.phrase("reduced", "power") || k.c.phrase("low", "power")
                || k.c.phrase("power", "saving") || k.c.hasAny(Set.of("dim", "dimmed", "dimming"))) {
            mode = EnergySaving.Mode.REDUCE_POWER;
        } else {
            mode = EnergySaving.Mode.REDUCE_POWER;
            k.assume("energy saving by reduced power (REDUCE_POWER) assumed: no sleep or switch-off was asked", 0.9);
        }
        Double threshold = null;
        for (Mentions.Quantity q : load) {
            Cmp cmp = cmp(k, q);
            if (cmp == Cmp.AT_LEAST) {
                k.ask("Energy saving applies below a load threshold; should it apply when load is below "
                        + plain(q.value()) + " %?");
                return;
            }
            if (threshold != null && threshold != q.value().doubleValue()) {
                k.ask("Two load thresholds were given (" + plain(threshold) + " and " + plain(q.value()) + " %); which one applies?");
                return;
            }
            threshold = q.value().doubleValue();
        }
        boolean keepCoverage = !(k.c.phrase("even", "if") && k.c.hasAny(Set.of("coverage", "holes", "hole"))
                || k.c.phrase("regardless", "of", "coverage") || k.c.phrase("ignore", "coverage")
                || k.c.phrase("ignoring", "coverage"));
        add(k, new EnergySaving(mode, threshold, keepCoverage));
    }

    // ================================================================ steering

    private static final class Steering {
        boolean cued;
        TrafficSteering.Preference preference;
        final List<String> targets = new ArrayList<>();
        final List<String> sources = new ArrayList<>();
        boolean targetBackRef;
    }

    private Steering steering(Clause c) {
        Steering s = new Steering();
        Extraction x = c.x;
        boolean forbid = c.has(Lexicon.FORBID) && !forbidIsNoun(c) || c.has(Lexicon.FORBID_FORMS)
                || c.phrase("not", "allowed") || c.phrase("not", "allow");
        boolean avoid = c.has(Lexicon.AVOID) || c.phrase("away", "from") || c.phrase("keep", "away")
                || c.phrase("stay", "away") || c.phrase("out", "of");
        boolean prefer = c.has(Lexicon.PREFER);
        boolean handover = c.has(Lexicon.HANDOVER);
        boolean trafficNoun = c.hasAny(Lexicon.TRAFFIC_NOUNS) || !c.slices().isEmpty();
        boolean move = c.has(Lexicon.STEER) && (trafficNoun || c.has(Set.of("steer", "steering", "offload", "redirect",
                "offloading", "steered", "redirected", "offloaded", "steers", "divert", "reroute")))
                // "send cells to sleep" moves no traffic
                && !(sleepCue(c) && !c.has(Set.of("steer", "steering", "offload", "handover", "redirect")));
        boolean negated = c.has(Lexicon.NEGATION);
        boolean anyCellTarget = false;
        List<Mentions.Cells> mentions = c.cells();
        for (Mentions.Cells m : mentions) {
            if (m.kind() == Mentions.CellKind.LIST) {
                anyCellTarget = true;
            }
        }
        boolean offFromCell = false;
        for (Mentions.Cells m : mentions) {
            // "move traffic off cell 3", "get users off cell 6", but not the particle of "turn off cell 5"
            if (m.prep().equals("off") && m.kind() != Mentions.CellKind.ALL_IMPLICIT
                    && (move || c.hasAny(Lexicon.TRAFFIC_NOUNS) && !sleepCue(c))) {
                offFromCell = true;
            }
        }
        // "cell 6 should receive less traffic", "more users on cell 2", "iot devices should use cell 2"
        boolean less = anyCellTarget && (c.phrase("less") || c.phrase("fewer")) && c.hasAny(Lexicon.TRAFFIC_NOUNS)
                && c.quantities().isEmpty();
        boolean more = anyCellTarget && c.phrase("more") && c.hasAny(Lexicon.TRAFFIC_NOUNS) && c.quantities().isEmpty();
        boolean use = anyCellTarget && c.has(Set.of("use", "uses", "using", "join", "camp")) && trafficNoun
                && c.quantities().isEmpty() && c.ranges().isEmpty();
        avoid = avoid || less;
        prefer = prefer || more || use;
        s.cued = forbid || ((avoid || prefer) && (anyCellTarget || hasBackRef(c))) || move || (handover && anyCellTarget)
                || offFromCell || (c.has(Lexicon.DECREASE) && c.hasAny(Set.of("traffic", "load")) && anyCellTarget
                && !c.has(Lexicon.POWER) && c.quantities().isEmpty());
        if (!s.cued) {
            return s;
        }
        boolean hasTo = false;
        for (Mentions.Cells m : mentions) {
            if (m.kind() != Mentions.CellKind.LIST && m.kind() != Mentions.CellKind.BACKREF) {
                continue;
            }
            String p = m.prep();
            if (p.equals("to") || p.equals("towards") || p.equals("toward") || p.equals("into") || p.equals("onto")) {
                hasTo = true;
            }
        }
        for (Mentions.Cells m : mentions) {
            if (m.kind() == Mentions.CellKind.BACKREF) {
                if (s.targets.isEmpty()) {
                    s.targetBackRef = true;
                }
                continue;
            }
            if (m.kind() != Mentions.CellKind.LIST) {
                continue;
            }
            String p = m.prep();
            boolean source = switch (p) {
                case "in", "on", "at", "within", "across", "of", "under", "inside", "by" -> true;
                case "from" -> hasTo;
                default -> false;
            };
            for (String cell : m.cells()) {
                List<String> into = source ? s.sources : s.targets;
                if (!into.contains(cell)) {
                    into.add(cell);
                }
            }
        }
        if (s.targets.isEmpty() && !s.sources.isEmpty() && !s.targetBackRef) {
            s.targets.addAll(s.sources);
            s.sources.clear();
        }
        if (!s.targets.isEmpty()) {
            s.targetBackRef = false;
        }
        boolean softNegation = c.phrase("rather", "not") || c.phrase("try", "not") || c.phrase("preferably", "not");
        if (forbid || (negated && !softNegation && (handover || hasTo || c.phrase("never")))) {
            s.preference = TrafficSteering.Preference.FORBID;
        } else if (negated && (prefer || move)) {
            s.preference = TrafficSteering.Preference.AVOID;
        } else if (hasTo && !c.phrase("away", "from")) {
            s.preference = TrafficSteering.Preference.PREFER;
        } else if (avoid || offFromCell || c.has(Lexicon.DECREASE) || fromOnly(mentions)) {
            s.preference = TrafficSteering.Preference.AVOID;
        } else {
            s.preference = TrafficSteering.Preference.PREFER;
        }
        return s;
    }

    private static boolean fromOnly(List<Mentions.Cells> mentions) {
        for (Mentions.Cells m : mentions) {
            if (m.kind() == Mentions.CellKind.LIST && m.prep().equals("from")) {
                return true;
            }
        }
        return false;
    }

    /** "resource blocks" is a noun, not a verb of forbidding. */
    private static boolean forbidIsNoun(Clause c) {
        int i = c.indexOf(Lexicon.FORBID, c.start);
        while (i >= 0) {
            String w = c.x.w(i);
            boolean noun = (w.equals("block") || w.equals("blocks")) && (c.x.at(i - 1, "resource|prb|rb|radio")
                    || c.x.at(i + 1, "of"));
            if (!noun) {
                return false;
            }
            i = c.indexOf(Lexicon.FORBID, i + 1);
        }
        return true;
    }

    private static boolean hasBackRef(Clause c) {
        for (Mentions.Cells m : c.cells()) {
            if (m.kind() == Mentions.CellKind.BACKREF) {
                return true;
            }
        }
        return false;
    }

    private void steer(Work k, Steering s) {
        if (s.targets.isEmpty() && !s.targetBackRef) {
            k.ask(Questions.missingValue(PolicyType.TRAFFIC_STEERING, k.c));
            return;
        }
        Statement st = new TrafficSteering(s.preference, s.targets.isEmpty() ? List.of("?") : s.targets);
        for (Draft d : scoped(k, st)) {
            k.drafts.add(new Draft(d.statement(), s.sources, s.sources.isEmpty() ? null : Mentions.CellKind.LIST,
                    d.slice(), d.sliceExplicit(), d.nodes(), d.ues(), d.validity(), s.targetBackRef));
        }
    }

    // ================================================================ scope and windows

    private void add(Work k, Statement s) {
        k.drafts.addAll(scoped(k, s));
    }

    /** The clause's scope around a statement; one draft per slice when several are coordinated. */
    private List<Draft> scoped(Work k, Statement s) {
        Clause c = k.c;
        List<String> cells = new ArrayList<>();
        Mentions.CellKind kind = null;
        for (Mentions.Cells m : c.cells()) {
            if (m.kind() == Mentions.CellKind.LIST) {
                for (String cell : m.cells()) {
                    if (!cells.contains(cell)) {
                        cells.add(cell);
                    }
                }
                kind = Mentions.CellKind.LIST;
            } else if (kind != Mentions.CellKind.LIST && (m.kind() == Mentions.CellKind.ALL || m.kind() == Mentions.CellKind.ALL_IMPLICIT)) {
                kind = Mentions.CellKind.ALL;
            } else if (kind == null && m.kind() == Mentions.CellKind.BACKREF) {
                kind = Mentions.CellKind.BACKREF;
            }
        }
        List<String> excluded = new ArrayList<>();
        for (Mentions.Cells m : c.cells()) {
            if (m.kind() == Mentions.CellKind.EXCEPT) {
                excluded.addAll(m.cells());
            }
        }
        if (!excluded.isEmpty()) {
            // "all cells except cell 3": the complement, named explicitly so that validation sees it
            List<String> base = kind == Mentions.CellKind.LIST ? cells : ctx.inventory().cellNames();
            cells = new ArrayList<>(base);
            cells.removeAll(excluded);
            kind = Mentions.CellKind.LIST;
            k.assumptions.add("every cell except " + String.join(", ", excluded) + ": " + String.join(", ", cells));
        }
        List<String> nodes = new ArrayList<>();
        for (Mentions.Nodes n : c.nodes()) {
            nodes.addAll(n.nodes());
        }
        List<String> ues = new ArrayList<>();
        for (Mentions.Ues u : c.ues()) {
            ues.addAll(u.ues());
        }
        List<Mentions.Slice> slices = c.slices();
        boolean anyExplicit = slices.stream().anyMatch(Mentions.Slice::explicit);
        List<String> names = new ArrayList<>();
        for (Mentions.Slice sl : slices) {
            if ((sl.explicit() || !anyExplicit) && !names.contains(sl.slice())) {
                names.add(sl.slice());
            }
        }
        Validity validity = validity(c);
        List<Draft> out = new ArrayList<>();
        if (names.isEmpty() || s.type().isCellLevel() && !anyExplicit) {
            out.add(new Draft(s, cells, kind, null, false, nodes, ues, validity, false));
        } else {
            for (String name : names) {
                out.add(new Draft(s, cells, kind, name, anyExplicit, nodes, ues, validity, false));
            }
        }
        return out;
    }

    /** The windows of the clause and the leading windows of the intent, intersected. */
    private Validity validity(Clause c) {
        List<Mentions.Window> ws = new ArrayList<>(c.windows());
        for (Mentions.Window w : c.x.windows) {
            if (w.leading() && !ws.contains(w)) {
                ws.add(w);
            }
        }
        Validity v = Validity.ALWAYS;
        for (Mentions.Window w : ws) {
            Validity o = w.validity();
            v = new Validity(later(v.from(), o.from()), earlier(v.until(), o.until()), v.daily() != null ? v.daily() : o.daily());
        }
        return v;
    }

    private static java.time.Instant later(java.time.Instant a, java.time.Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static java.time.Instant earlier(java.time.Instant a, java.time.Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /**
     * "some cells", "a few cells" name no cells; "maybe", "perhaps" make the operator unsure: the first
     * is asked about, the second lowers the confidence (below the threshold the answer is a question).
     */
    private void hedges(Work k) {
        Clause c = k.c;
        for (Mentions.Cells m : c.cells()) {
            if (m.kind() == Mentions.CellKind.ALL_IMPLICIT
                    && (c.x.at(m.start() - 1, "some|several|certain|few|selected|particular|specific")
                    || c.x.at(m.start() - 2, "some|a", "few|couple|number") || c.x.at(m.start() - 3, "a", "couple", "of"))) {
                k.ask("Which cells: please name them (for example cells 2 and 4), or say \"all cells\".");
                return;
            }
        }
        if (c.hasAny(Set.of("maybe", "perhaps", "possibly", "somehow", "probably", "might"))) {
            k.assume("the request is hedged (\"maybe\"): please confirm", 0.6);
        }
    }

    // ================================================================ cues and comparators

    /** Sleep verbs, "switch/turn/shut/power ... off/down" (a cell or pronoun may sit in between), dormancy words. */
    private static boolean sleepCue(Clause c) {
        Extraction x = c.x;
        if (c.has(Lexicon.SLEEP) && !c.phrase("sleep", "mode", "off")) {
            return true;
        }
        if (c.hasAny(Set.of("asleep", "dormant", "standby", "hibernation", "dormancy"))) {
            return true;
        }
        for (int i = c.start; i < c.end; i++) {
            if (!Lexicon.OFF_VERBS.contains(x.w(i))) {
                continue;
            }
            int j = i + 1;
            for (Mentions.Cells m : x.cells) {
                if (m.start() == j) {
                    j = m.end();
                }
            }
            // "power down 1 dB", "turn down by 3 dB" change power; "power down cell 6" sleeps it
            boolean amount = x.at(j, "down") && (x.at(j + 1, "by|to|the|a|its|their") || x.isNum(j + 1)
                    || Lexicon.POWER.contains(x.w(j + 1)));
            if (x.at(j, "off|down|offline") && !amount) {
                return true;
            }
            if (x.at(j, "out", "of", "service")) {
                return true;
            }
        }
        return c.phrase("sleep", "mode") || c.phrase("power", "off");
    }

    /**
     * A negation right before the clause's action verb ("don't put", "never reduce", "do not change").
     * Negated comparators ("no more than", "never exceed") and "don't let ... more than" are bounds,
     * handled by {@link #cmp}, not negated actions.
     */
    private static boolean negatedAction(Clause c) {
        Extraction x = c.x;
        for (int i = c.start; i < c.end; i++) {
            if (!x.at(i, "not|never") && !x.at(i, "no", "longer")) {
                continue;
            }
            int j = i + 1;
            if (x.at(j, "longer|ever|to|be")) {
                j++;
            }
            String verb = x.w(j);
            if (x.at(j, "let|allow|exceed|exceeds|exceeding|more|less|go|drop|fall|get|fewer|above|below|over|under")) {
                continue;
            }
            if (Lexicon.SLEEP.contains(verb) || Lexicon.OFF_VERBS.contains(verb) || Lexicon.DECREASE.contains(verb)
                    || Lexicon.INCREASE.contains(verb) || Lexicon.SET.contains(verb) || Lexicon.CAP.contains(verb)
                    || Lexicon.SAVE.contains(verb)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLoadWord(Clause c) {
        return c.hasAny(Set.of("load", "loaded", "utilisation", "utilization", "busy", "occupancy", "idle", "quiet"));
    }

    private Pct percentKind(Clause c, Mentions.Quantity q, boolean loadContext) {
        Extraction x = c.x;
        // "lose at most 0.05% of packets", "packet drops below 1%"
        boolean lossWord = c.has(Lexicon.LOSS) || c.hasAny(Set.of("packet", "packets", "lose", "loses", "lost", "losing"));
        boolean prbNear = false;
        for (int i = q.end(); i < Math.min(c.end, q.end() + 4); i++) {
            if (Lexicon.PRB.contains(x.w(i))) {
                prbNear = true;
            }
        }
        boolean loadNear = false;
        for (int i = Math.max(c.start, q.start() - 6); i < Math.min(c.end, q.end() + 2); i++) {
            if (i >= q.start() && i < q.end()) {
                continue;
            }
            if (Set.of("load", "loaded", "utilisation", "utilization", "busy", "occupancy", "traffic", "usage")
                    .contains(x.w(i))) {
                loadNear = true;
            }
        }
        if (lossWord && !prbNear) {
            return Pct.LOSS;
        }
        if (loadContext && (loadNear || !c.hasAny(Lexicon.PRB))) {
            return Pct.LOAD;
        }
        boolean belowish = false;
        for (int i = Math.max(c.start, q.start() - 3); i < q.start(); i++) {
            if (x.at(i, "below|under|less|beneath|drops|falls|lower")) {
                belowish = true;
            }
        }
        if (loadNear && belowish && !c.hasAny(Lexicon.PRB) && c.slices().isEmpty()) {
            return Pct.LOAD;
        }
        return Pct.SHARE;
    }

    private static boolean hasRange(List<Mentions.Range> rs, Unit u) {
        for (Mentions.Range r : rs) {
            if (r.unit() == u) {
                return true;
            }
        }
        return false;
    }

    /** +1 downlink, -1 uplink, 0 unknown: the nearest direction word around the quantity, else the clause's only one. */
    private static int direction(Clause c, Mentions.Quantity q) {
        Extraction x = c.x;
        for (int d = 1; d <= 4; d++) {
            for (int i : new int[] {q.end() - 1 + d, q.start() - d}) {
                if (i < c.start || i >= c.end) {
                    continue;
                }
                if (Lexicon.DOWNLINK.contains(x.w(i))) {
                    return 1;
                }
                if (Lexicon.UPLINK.contains(x.w(i)) && !x.at(i + 1, "to")) {
                    return -1;
                }
            }
        }
        boolean down = c.hasAny(Set.of("downlink", "dl", "download", "downloads", "downstream"));
        boolean up = c.hasAny(Set.of("uplink", "ul", "upload", "uploads", "upstream"));
        return down == up ? 0 : down ? 1 : -1;
    }

    /** The comparator governing a quantity: the words just before it (or "or more" just after), negation flipping bounds. */
    private Cmp cmp(Work k, Mentions.Quantity q) {
        Extraction x = k.x;
        int s = q.start();
        int lo = k.c.start;
        // words before the quantity, skipping articles
        int i = s - 1;
        while (i >= lo && x.at(i, "a|an|the|of|only|just|approximately|about|around|roughly")) {
            if (x.at(i, "of") && (x.at(i - 1, "minimum|maximum|max|min|most|least|total"))) {
                break;
            }
            i--;
        }
        Cmp found = Cmp.NONE;
        boolean phraseNegated = false;
        int phraseStart = i;
        if (i >= lo) {
            if (x.at(i - 1, "at", "least") || x.at(i, "minimum|min|least|beyond|over|above|>|>=|exceeding|exceed|exceeds|guaranteed")
                    || x.at(i - 1, "more|greater|higher", "than") || x.at(i - 1, "upwards", "of") || x.at(i - 2, "a", "minimum", "of")
                    || x.at(i - 1, "minimum", "of")) {
                found = Cmp.AT_LEAST;
                phraseStart = x.at(i - 1, "at|more|greater|higher|upwards|minimum") ? i - 1 : i;
                if (x.at(phraseStart - 1, "no|not")) {
                    found = Cmp.AT_MOST;
                    phraseNegated = true;
                    phraseStart--;
                }
                if (x.at(i, "exceeding|exceed|exceeds") && x.at(i - 1, "not|never")) {
                    found = Cmp.AT_MOST;
                    phraseNegated = true;
                    phraseStart = i - 1;
                }
            } else if (x.at(i - 1, "at", "most") || x.at(i, "maximum|max|most|under|below|within|beneath|<|<=|tops|underneath")
                    || x.at(i - 1, "less|lower|fewer|smaller", "than") || x.at(i - 1, "up", "to") || x.at(i - 1, "capped|limited", "at|to")
                    || x.at(i - 2, "a", "maximum", "of") || x.at(i - 1, "maximum", "of")) {
                found = Cmp.AT_MOST;
                phraseStart = x.at(i - 1, "at|less|lower|fewer|smaller|up|capped|limited|maximum") ? i - 1 : i;
                if (x.at(phraseStart - 1, "no|not")) {
                    found = Cmp.AT_LEAST;
                    phraseNegated = true;
                    phraseStart--;
                }
            } else if (x.at(i, "by")) {
                found = Cmp.BY;
            } else if (x.at(i, "to|at|=|of") ) {
                found = Cmp.TO;
            }
        }
        // "20 % or more", "5 ms or less", "30% minimum"
        int after = q.end();
        if (found == Cmp.NONE || found == Cmp.TO) {
            if (x.at(after, "or", "more|higher|above|greater|better") || x.at(after, "minimum|min|at", "least")
                    || x.at(after, "minimum|min")) {
                found = Cmp.AT_LEAST;
            } else if (x.at(after, "or", "less|lower|below|fewer") || x.at(after, "maximum|max|tops") || x.at(after, "at", "most")) {
                found = Cmp.AT_MOST;
            }
        }
        if ((found == Cmp.AT_LEAST || found == Cmp.AT_MOST) && !phraseNegated) {
            for (int n = lo; n < Math.max(lo, phraseStart); n++) {
                if (Lexicon.NEGATION.contains(x.w(n)) && !x.at(n, "no", "more|less|longer")) {
                    found = found == Cmp.AT_LEAST ? Cmp.AT_MOST : Cmp.AT_LEAST;
                    break;
                }
            }
        }
        return found;
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static String plain(double v) {
        return plain(BigDecimal.valueOf(v));
    }
}
