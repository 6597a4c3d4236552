package io.oranric.policies.conflict;

import io.oranric.policies.model.Policy;

/**
 * Two policies that cannot both be honoured.
 *
 * @param kind      DIRECT when both set the same parameter of the same cell/slice differently;
 *                  INDIRECT when they set different parameters that interact (a PRB cap that starves
 *                  an SLA, a sleeping cell that steering prefers)
 * @param parameter what they disagree on ("statement.maxPrbPct", "cell-3 sleep vs PREFER")
 * @param where     the cell (and slice) where the disagreement shows
 */
public record Conflict(Kind kind, String parameter, String where, Policy candidate, Policy other, String description) {

    public enum Kind { DIRECT, INDIRECT }

    @Override
    public String toString() {
        return kind + " conflict on " + parameter + " at " + where + ": " + description;
    }
}
