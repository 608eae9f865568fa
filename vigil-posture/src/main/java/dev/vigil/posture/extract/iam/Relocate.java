package dev.vigil.posture.extract.iam;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Pins every location of a tree parsed from an embedded string (a policy written as a JSON string) to where the
 * string is in the file, since positions inside the string do not map back to file lines after YAML folding.
 */
final class Relocate {
    private static final int MAX_DEPTH = 64;

    private Relocate() {}

    static Node at(Node node, Location at, int depth) {
        if (depth > MAX_DEPTH) {
            return new ScalarNode("", ScalarNode.Kind.NULL, at);
        }
        if (node instanceof MapNode m) {
            List<MapNode.Entry> entries = new ArrayList<>(m.size());
            for (MapNode.Entry e : m.entries()) {
                entries.add(new MapNode.Entry(e.key(), at, at(e.value(), at, depth + 1)));
            }
            return new MapNode(entries, at);
        }
        if (node instanceof SeqNode s) {
            List<Node> items = new ArrayList<>(s.size());
            for (Node n : s.items()) {
                items.add(at(n, at, depth + 1));
            }
            return new SeqNode(items, at);
        }
        ScalarNode s = (ScalarNode) node;
        return new ScalarNode(s.value(), s.kind(), at);
    }
}
