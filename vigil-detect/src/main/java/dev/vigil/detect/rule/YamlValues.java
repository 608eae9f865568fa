package dev.vigil.detect.rule;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Converts YAML nodes to plain Java values: String, Integer/Long/Double, Boolean, null, List, LinkedHashMap. Counts
 * every value produced against a per-document budget, so aliases cannot expand a small file into a huge tree, and
 * bounds depth, so a self-referencing anchor cannot recurse forever.
 */
final class YamlValues {
    private int remaining = YamlLimits.MAX_VALUES_PER_DOCUMENT;

    /** The Java value of {@code node}. */
    Object toJava(Node node) {
        return toJava(node, 0);
    }

    private Object toJava(Node node, int depth) {
        if (--remaining < 0) {
            throw new DocumentException(
                    YamlDocuments.line(node),
                    "document expands to more than " + YamlLimits.MAX_VALUES_PER_DOCUMENT
                            + " values (too many aliases?)");
        }
        if (depth > YamlLimits.MAX_DEPTH) {
            throw new DocumentException(
                    YamlDocuments.line(node),
                    "YAML nested deeper than " + YamlLimits.MAX_DEPTH + " levels (a recursive alias?)");
        }
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>(seq.getValue().size());
            for (Node n : seq.getValue()) {
                out.add(toJava(n, depth + 1));
            }
            return out;
        }
        MappingNode map = (MappingNode) node;
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) {
                throw new DocumentException(YamlDocuments.line(k), "map keys must be plain strings");
            }
            out.put(ks.getValue(), toJava(t.getValueNode(), depth + 1));
        }
        return out;
    }

    /**
     * A scalar by its resolved tag: plain {@code 50126} is a number, quoted {@code '50126'} a string, {@code
     * null}/{@code ~}/empty is null.
     */
    static Object scalar(ScalarNode s) {
        Tag tag = s.getTag();
        String v = s.getValue();
        if (tag.equals(Tag.STR)) {
            return v;
        }
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return v.equalsIgnoreCase("true");
        }
        if (tag.equals(Tag.INT)) {
            return integer(s, v);
        }
        if (tag.equals(Tag.FLOAT)) {
            return floating(v);
        }
        throw new DocumentException(YamlDocuments.line(s), "unsupported YAML tag " + tag + " (rules use plain values)");
    }

    private static Object integer(ScalarNode s, String v) {
        String t = v;
        boolean negative = false;
        if (t.startsWith("+") || t.startsWith("-")) {
            negative = t.startsWith("-");
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        }
        try {
            BigInteger big = new BigInteger(t, radix);
            if (negative) {
                big = big.negate();
            }
            if (big.bitLength() < 32) {
                return big.intValue();
            }
            if (big.bitLength() < 64) {
                return big.longValue();
            }
            return big.doubleValue();
        } catch (NumberFormatException e) {
            throw new DocumentException(YamlDocuments.line(s), "invalid integer '" + v + "'");
        }
    }

    private static Double floating(String v) {
        String t = v.toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case ".inf":
            case "+.inf":
                return Double.POSITIVE_INFINITY;
            case "-.inf":
                return Double.NEGATIVE_INFINITY;
            case ".nan":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }
}
