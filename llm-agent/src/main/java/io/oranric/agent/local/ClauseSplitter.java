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

    private static final Set<String> LEADING_CONDITION = Set.of("when", "whenever", "if", "once", "where",
            "wherever", "while", "unless", "as", "after", "before");

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
        for (int[] f : merged) {
            out.add(new Clause(x, f[0], f[1]));
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
        if (x.w(i).equals(",")) {
            // "when load drops below 12%, send cells to sleep": the comma closes a condition, not a clause
            return verbFirst && !LEADING_CONDITION.contains(x.w(leftStart));
        }
        if (Lexicon.SUBORDINATE.contains(w) && !verbFirst) {
            return false;
        }
        return hasPredicate(x, i + 1, rightEnd);
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
        return false;
    }
}
