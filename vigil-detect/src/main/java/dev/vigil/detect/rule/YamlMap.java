package dev.vigil.detect.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A YAML mapping whose keys are scalars, in document order, remembering the line of each key. */
final class YamlMap {
    private final Map<String, NodeTuple> entries;
    private final int line;

    private YamlMap(Map<String, NodeTuple> entries, int line) {
        this.entries = entries;
        this.line = line;
    }

    /**
     * Wraps a mapping node.
     *
     * @throws DocumentException for a non-scalar or duplicate key, at its line
     */
    static YamlMap of(MappingNode node) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode s)) {
                throw new DocumentException(YamlDocuments.line(k), "map keys must be plain strings");
            }
            NodeTuple first = entries.putIfAbsent(s.getValue(), t);
            if (first != null) {
                throw new DocumentException(
                        YamlDocuments.line(k),
                        "duplicate key '" + s.getValue() + "' (first at line " + YamlDocuments.line(first.getKeyNode())
                                + ")");
            }
        }
        return new YamlMap(entries, YamlDocuments.line(node));
    }

    /**
     * {@code node} as a map.
     *
     * @throws DocumentException naming {@code what} when it is not a map
     */
    static YamlMap require(Node node, String what, int line) {
        if (node instanceof MappingNode m) {
            return of(m);
        }
        throw new DocumentException(node == null ? line : YamlDocuments.line(node), what + " must be a map");
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value node, or null. */
    Node get(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** The line of {@code key}, or of the map itself when absent. */
    int line(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line : YamlDocuments.line(t.getKeyNode());
    }

    /** The map's own line. */
    int line() {
        return line;
    }

    Set<String> keys() {
        return Collections.unmodifiableSet(entries.keySet());
    }
}
