package dev.vigil.posture.source;

import java.util.List;

/** A sequence (YAML) or array (JSON). */
public record SeqNode(List<Node> items, Location location) implements Node {

    public SeqNode {
        items = List.copyOf(items);
    }

    /** Number of items. */
    public int size() {
        return items.size();
    }
}
