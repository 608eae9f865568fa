package dev.vigil.posture.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree the way IAM policies are usually shown: two-space indentation, {@code "key": value}, one array
 * element per line. Field order is the tree's, so output is deterministic.
 */
final class PolicyJson {

    private PolicyJson() {}

    static String write(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(node, b, 0);
        return b.toString();
    }

    private static void write(JsonNode n, StringBuilder b, int indent) {
        if (n.isObject()) {
            if (n.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                pad(b, indent + 1).append(new TextNode(e.getKey())).append(": ");
                write(e.getValue(), b, indent + 1);
                b.append(it.hasNext() ? ",\n" : "\n");
            }
            pad(b, indent).append('}');
        } else if (n.isArray()) {
            if (n.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            for (int i = 0; i < n.size(); i++) {
                pad(b, indent + 1);
                write(n.get(i), b, indent + 1);
                b.append(i + 1 < n.size() ? ",\n" : "\n");
            }
            pad(b, indent).append(']');
        } else {
            b.append(n.toString());
        }
    }

    private static StringBuilder pad(StringBuilder b, int indent) {
        return b.append("  ".repeat(indent));
    }
}
