package io.oranric.agent.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One predicate of an intent: the tokens [start, end) of the sentence and the entities found there.
 * "give urllc 30% ... on cell 2 and cap embb at 60% there" has two clauses.
 */
final class Clause {

    final Extraction x;
    final int start;
    final int end;
    /** The clause before, whose verb a verbless clause shares ("cap embb at 60% and urllc at 40%"). */
    final Clause prev;

    Clause(Extraction x, int start, int end) {
        this(x, start, end, null);
    }

    Clause(Extraction x, int start, int end, Clause prev) {
        this.x = x;
        this.start = start;
        this.end = end;
        this.prev = prev;
    }

    /** Whether the clause has a verb of its own. */
    boolean hasOwnVerb() {
        for (int i = start; i < end; i++) {
            if (!x.consumed[i] && Lexicon.ACTION_VERBS.contains(x.w(i))) {
                return true;
            }
        }
        return false;
    }

    /** Like {@link #has}, but a clause without a verb also looks at the verb of the clause it continues. */
    boolean verb(Set<String> verbs) {
        if (has(verbs)) {
            return true;
        }
        return !hasOwnVerb() && prev != null && prev.verb(verbs);
    }

    boolean contains(Mentions.Span s) {
        return s.start() >= start && s.start() < end;
    }

    <T extends Mentions.Span> List<T> in(List<T> all) {
        List<T> out = new ArrayList<>();
        for (T t : all) {
            if (contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    List<Mentions.Cells> cells() {
        return in(x.cells);
    }

    List<Mentions.Slice> slices() {
        return in(x.slices);
    }

    List<Mentions.Quantity> quantities() {
        return in(x.quantities);
    }

    List<Mentions.Range> ranges() {
        return in(x.ranges);
    }

    List<Mentions.Window> windows() {
        return in(x.windows);
    }

    List<Mentions.Nodes> nodes() {
        return in(x.nodes);
    }

    List<Mentions.Ues> ues() {
        return in(x.ues);
    }

    /** Any word of the set in the clause, entity tokens excluded. */
    boolean has(Set<String> words) {
        return indexOf(words, start) >= 0;
    }

    int indexOf(Set<String> words, int from) {
        for (int i = Math.max(from, start); i < end; i++) {
            if (!x.consumed[i] && words.contains(x.w(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Like {@link #has} but entity tokens count too ("low latency" is a slice alias and a topic). */
    boolean hasAny(Set<String> words) {
        for (int i = start; i < end; i++) {
            if (words.contains(x.w(i))) {
                return true;
            }
        }
        return false;
    }

    /** The phrase occurs in the clause (entity tokens excluded from matching positions' starts). */
    boolean phrase(String... words) {
        for (int i = start; i + words.length <= end; i++) {
            if (x.at(i, words)) {
                return true;
            }
        }
        return false;
    }

    String text() {
        StringBuilder b = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(x.w(i));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
