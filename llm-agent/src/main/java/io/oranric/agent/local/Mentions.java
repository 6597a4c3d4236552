package io.oranric.agent.local;

import io.oranric.policies.model.Validity;
import java.math.BigDecimal;
import java.util.List;

/** The entities the extractor finds, each with the token span [start, end) it covers. */
final class Mentions {

    private Mentions() {
    }

    interface Span {
        int start();

        int end();
    }

    /** EXCEPT: cells named to be left out ("all cells except cell 3"). */
    enum CellKind { LIST, ALL, ALL_IMPLICIT, BACKREF, EXCEPT }

    /**
     * @param prep the preposition before the mention ("to", "from", "away from", "in"...), or ""
     */
    record Cells(int start, int end, List<String> cells, CellKind kind, String prep) implements Span {
    }

    record Nodes(int start, int end, List<String> nodes) implements Span {
    }

    record Ues(int start, int end, List<String> ues) implements Span {
    }

    /** @param explicit named by its own name (embb, urllc, miot, SST n) rather than an alias */
    record Slice(int start, int end, String slice, boolean explicit) implements Span {
    }

    record Quantity(int start, int end, BigDecimal value, Unit unit) implements Span {
    }

    /**
     * @param fromTo written "from X to Y" or "X to Y": for a share a range, for power or bandwidth a
     *               change from X to the target Y
     */
    record Range(int start, int end, BigDecimal low, BigDecimal high, Unit unit, boolean fromTo) implements Span {
    }

    /**
     * @param leading the window opens its clause ("tonight, ...", "from 22h to 6h put ..."): it then
     *                applies to every clause of the intent
     */
    record Window(int start, int end, Validity validity, String description, boolean leading) implements Span {
    }
}
