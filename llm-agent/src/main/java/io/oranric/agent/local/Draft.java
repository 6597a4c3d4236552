package io.oranric.agent.local;

import io.oranric.policies.model.Statement;
import io.oranric.policies.model.Validity;
import java.util.List;

/**
 * A policy as one clause understood it, before scope inheritance between clauses and validation.
 *
 * @param cellKind   how the clause named its cells (null when it did not)
 * @param targetBackRef a steering clause whose targets are "there"/"it": filled from earlier clauses
 */
record Draft(Statement statement, List<String> cells, Mentions.CellKind cellKind, String slice, boolean sliceExplicit,
             List<String> nodes, List<String> ues, Validity validity, boolean targetBackRef) {

    Draft withStatement(Statement s) {
        return new Draft(s, cells, cellKind, slice, sliceExplicit, nodes, ues, validity, targetBackRef);
    }

    Draft withCells(List<String> c, Mentions.CellKind kind) {
        return new Draft(statement, c, kind, slice, sliceExplicit, nodes, ues, validity, targetBackRef);
    }

    Draft withSlice(String s) {
        return new Draft(statement, cells, cellKind, s, sliceExplicit, nodes, ues, validity, targetBackRef);
    }

    Draft withValidity(Validity v) {
        return new Draft(statement, cells, cellKind, slice, sliceExplicit, nodes, ues, v, targetBackRef);
    }
}
