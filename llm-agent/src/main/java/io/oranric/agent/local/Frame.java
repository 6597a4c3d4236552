package io.oranric.agent.local;

import java.util.List;

/**
 * What one clause yields: drafts, or a question when something needed is missing or ambiguous.
 *
 * @param mentionedCells the last explicit cells the clause named (scope or target): what a later
 *                       "there" or "it" refers to
 */
record Frame(Clause clause, List<Draft> drafts, double confidence, List<String> assumptions, String question,
             List<String> mentionedCells) {
}
