package io.oranric.agent.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits an intent into clauses at the conjunctions and punctuation that no entity owns. A comma
 * splits only before a new verb ("in cell 3, keep ..."), "and" also before a new quantity ("50 Mbps
 * down and 10 Mbps up"); fragments without a predicate ("tonight,", "in cell 3,") join a neighbour.
 */
final class ClauseSplitter {

    private static final Set<String> HARD = Set.of(";", ".", "!", "?");
    private static final Set<String> SOFT = Set.of("and", "then", "also", "plus", "but", "while", ",", "additionally");

    /** A leading condition or purpose ends at its comma: "when load drops, ...", "to save energy, ...". */
    private static final Set<String> LEADING_CONDITION = Set.of("when", "whenever", "if", "once", "where",
            "wherever", "while", "unless", "as", "after", "before", "to", "for", "because", "since", "so");

    private ClauseSplitter() {
    }

    static List<Clause> split(Extraction x) {
        List<int[]> frags = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < x.size(); i++) {
            String w = x.w(i);
            if (x.consumed[i]) {
                continue;
            }
            if (HARD.contains(w) || (SOFT.contains(w) && softSplit(x, s, i))) {
                if (i > s) {
                    frags.add(new int[] {s, i});
                }
                s = i + 1;
            }
        }
        if (s < x.size()) {
            frags.add(new int[] {s, x.size()});
        }
        // fragments without a predicate join a neighbour: the first one the next, the others the previous
        List<int[]> merged = new ArrayList<>();
        int[] pending = null;
        for (int[] f : frags) {
            if (pending != null) {
                f = new int[] {pending[0], f[1]};
                pending = null;
            }
            if (!hasPredicate(x, f[0], f[1])) {
                if (merged.isEmpty()) {
                    pending = f;
                } else {
                    int[] last = merged.remove(merged.size() - 1);
                    merged.add(new int[] {last[0], f[1]});
                }
                continue;
            }
            merged.add(f);
        }
        if (pending != null) {
            if (merged.isEmpty()) {
                merged.add(pending);
            } else {
                int[] last = merged.remove(merged.size() - 1);
                merged.add(new int[] {last[0], pending[1]});
            }
        }
        List<Clause> out = new ArrayList<>();
        Clause prev = null;
        for (int[] f : merged) {
            Clause c = new Clause(x, f[0], f[1], prev);
            out.add(c);
            prev = c;
        }
        return out;
    }

    private static boolean softSplit(Extraction x, int leftStart, int i) {
        if (!hasPredicate(x, leftStart, i)) {
            return false;
        }
        // coordinated slices stay together: "urllc and miot"
        if (sliceEndsAt(x, i) && sliceStartsAfter(x, i)) {
            return false;
        }
        int rightEnd = i + 1;
        while (rightEnd < x.size() && !(HARD.contains(x.w(rightEnd)) || (SOFT.contains(x.w(rightEnd)) && !x.consumed[rightEnd]))) {
            rightEnd++;
        }
        int first = i + 1;
        while (first < rightEnd && (Lexicon.FILLER.contains(x.w(first)) || x.consumed[first] && !isEntityHead(x, first))) {
            first++;
        }
        if (first >= rightEnd) {
            return false;
        }
        String w = x.w(first);
        boolean verbFirst = Lexicon.ACTION_VERBS.contains(w) && !x.consumed[first];
        // "..., on cell 6 increase it by 1 dB": a scope phrase, then the verb
        boolean scopedVerb = x.at(first, "in|on|at|for") && entityStartsAt(x, first + 1) && verbWithin(x, first + 1, rightEnd);
        // "urllc min 20%, embb max 60%", "steer miot to cell 4 and embb away from cell 4": a new subject
        // with its own value or steering phrase, the verb left out
        boolean gapped = subjectStartsAt(x, first) && (hasValue(x, i + 1, rightEnd) || steeringPhrase(x, i + 1, rightEnd))
                && (hasValue(x, leftStart, i) || steeringPhrase(x, leftStart, i));
        if (x.w(i).equals(",")) {
            // "by 3 dB, reduce cell 2's power": a verbless fronted phrase belongs to the verb after it
            if ((verbFirst || scopedVerb) && !verbWithin(x, leftStart, i)) {
                return false;
            }
            // "when load drops below 12%, send cells to sleep": the comma closes a condition, not a clause
            return (verbFirst || scopedVerb || gapped) && !LEADING_CONDITION.contains(x.w(leftStart));
        }
        if (scopedVerb || gapped) {
            return true;
        }
        if (Lexicon.SUBORDINATE.contains(w) && !verbFirst) {
            return false;
        }
        return hasPredicate(x, i + 1, rightEnd);
    }

    private static boolean entityStartsAt(Extraction x, int i) {
        for (Mentions.Cells c : x.cells) {
            if (c.start() == i && c.kind() == Mentions.CellKind.LIST) {
                return true;
            }
        }
        for (Mentions.Nodes n : x.nodes) {
            if (n.start() == i) {
                return true;
            }
        }
        return false;
    }

    private static boolean subjectStartsAt(Extraction x, int i) {
        int j = x.at(i, "the|for") ? i + 1 : i;
        for (Mentions.Slice s : x.slices) {
            if (s.start() == j) {
                return true;
            }
        }
        return entityStartsAt(x, j);
    }

    private static boolean verbWithin(Extraction x, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!x.consumed[k] && Lexicon.ACTION_VERBS.contains(x.w(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasValue(Extraction x, int from, int to) {
        for (Mentions.Quantity q : x.quantities) {
            if (q.start() >= from && q.start() < to && q.unit() != Unit.NONE) {
                return true;
            }
        }
        for (Mentions.Range r : x.ranges) {
            if (r.start() >= from && r.start() < to) {
                return true;
            }
        }
        return false;
    }

    private static boolean steeringPhrase(Extraction x, int from, int to) {
        for (Mentions.Cells c : x.cells) {
            if (c.start() >= from && c.start() < to && c.kind() == Mentions.CellKind.LIST
                    && Set.of("to", "towards", "toward", "into", "onto", "away from", "off", "out of").contains(c.prep())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEntityHead(Extraction x, int i) {
        for (Mentions.Quantity q : x.quantities) {
            if (q.start() == i) {
                return true;
            }
        }
        for (Mentions.Slice sl : x.slices) {
            if (sl.start() == i) {
                return true;
            }
        }
        for (Mentions.Cells c : x.cells) {
            if (c.start() == i) {
                return true;
            }
        }
        return false;
    }

    private static boolean sliceEndsAt(Extraction x, int i) {
        for (Mentions.Slice sl : x.slices) {
            if (sl.end() == i) {
                return true;
            }
        }
        return false;
    }

    private static boolean sliceStartsAfter(Extraction x, int i) {
        int j = i + 1;
        if (x.at(j, "the")) {
            j++;
        }
        for (Mentions.Slice sl : x.slices) {
            if (sl.start() == j) {
                return true;
            }
        }
        return false;
    }

    static boolean hasPredicate(Extraction x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!x.consumed[i] && Lexicon.ACTION_VERBS.contains(x.w(i))) {
                return true;
            }
        }
        for (Mentions.Quantity q : x.quantities) {
            if (q.start() >= from && q.start() < to && q.unit() != Unit.NONE) {
                return true;
            }
        }
        for (Mentions.Range r : x.ranges) {
            if (r.start() >= from && r.start() < to) {
                return true;
            }
        }
        // "... and embb away from cell 4": a steering phrase whose verb was left out
        return subjectStartsAt(x, firstWord(x, from, to)) && steeringPhrase(x, from, to);
    }

    private static int firstWord(Extraction x, int from, int to) {
        int i = from;
        while (i < to && (Lexicon.FILLER.contains(x.w(i)) || x.at(i, ","))) {
            i++;
        }
        return i;
    }
}
