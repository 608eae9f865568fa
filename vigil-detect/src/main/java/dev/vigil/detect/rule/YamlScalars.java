package dev.vigil.detect.rule;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reading metadata values (titles, ids, tag lists) from YAML nodes, with the line of what is wrong. */
final class YamlScalars {
    private YamlScalars() {}

    /** The text of a scalar, null for a YAML null or a missing node; rejects maps and lists. */
    static String text(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? null : s.getValue();
        }
        throw new DocumentException(
                YamlDocuments.line(node),
                what + " must be a single value, not a " + (node instanceof SequenceNode ? "list" : "map"));
    }

    /** A required non-empty text. */
    static String requiredText(YamlMap map, String key, String what) {
        String t = text(map.get(key), what);
        if (t == null || t.isBlank()) {
            throw new DocumentException(map.line(key), map.has(key) ? what + " is empty" : "missing " + what);
        }
        return t;
    }

    /** A scalar or a list of scalars as strings (nulls dropped); empty when the node is missing. */
    static List<String> textList(Node node, String what) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                if (!(n instanceof ScalarNode)) {
                    throw new DocumentException(YamlDocuments.line(n), what + " must be a list of plain values");
                }
                String t = text(n, what);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }
        String t = text(node, what);
        if (t != null) {
            out.add(t);
        }
        return out;
    }
}
