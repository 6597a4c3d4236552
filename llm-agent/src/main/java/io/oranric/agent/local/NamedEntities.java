package io.oranric.agent.local;

import io.oranric.agent.api.NetworkContext;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The cells, nodes and slices an intent names, read with the offline translator's extractor (lists,
 * ranges, "all cells", slice aliases). The guard uses it to tell a model's proposal about a cell the
 * operator never mentioned from one that follows the words.
 *
 * @param cellsOpen  true when the text does not restrict cells (names none, "all cells", "all but ...")
 * @param slicesOpen true when the text names no slice
 */
public record NamedEntities(Set<String> cells, Set<String> nodes, Set<String> slices, boolean cellsOpen, boolean slicesOpen) {

    public NamedEntities {
        cells = Set.copyOf(cells);
        nodes = Set.copyOf(nodes);
        slices = Set.copyOf(slices);
    }

    public static NamedEntities of(String text, NetworkContext ctx) {
        Extraction x = Extraction.of(text == null ? "" : text, ctx);
        Set<String> cells = new LinkedHashSet<>();
        boolean open = false;
        boolean any = false;
        for (Mentions.Cells c : x.cells) {
            any = true;
            switch (c.kind()) {
                case LIST -> cells.addAll(c.cells());
                case ALL, ALL_IMPLICIT, EXCEPT -> {
                    cells.addAll(c.cells());
                    open = true;
                }
                default -> {
                    // a back reference names what was named before
                }
            }
        }
        Set<String> nodes = new LinkedHashSet<>();
        x.nodes.forEach(n -> nodes.addAll(n.nodes()));
        for (String node : nodes) {
            cells.addAll(ctx.inventory().cellsOfNode(node));
        }
        if (!any && nodes.isEmpty()) {
            open = true;
        }
        Set<String> slices = new LinkedHashSet<>();
        x.slices.forEach(s -> slices.add(s.slice()));
        return new NamedEntities(cells, nodes, slices, open || cells.isEmpty(), slices.isEmpty());
    }
}
