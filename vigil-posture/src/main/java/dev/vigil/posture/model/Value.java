package dev.vigil.posture.model;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.template.Resolver;

/**
 * A setting's value as the deployment states it: a literal ({@code python3.12}, {@code NONE}), or a symbolic value
 * known only at deploy time ({@code !Ref Runtime} without a default, {@code ${ssm:/x}}), with where it was written.
 *
 * @param text the literal, or for a symbolic value a readable rendering such as {@code !Ref Runtime}
 * @param literal true when {@code text} is the actual value
 * @param location where the value was written
 */
public record Value(String text, boolean literal, Location location) {

    /** A literal value. */
    public static Value literal(String text, Location location) {
        return new Value(text, true, location);
    }

    /** A value known only at deploy time. */
    public static Value symbolic(String rendering, Location location) {
        return new Value(rendering, false, location);
    }

    /** The value of {@code node}, resolved through {@code resolver} where possible; null when node is null. */
    public static Value of(Node node, Resolver resolver) {
        if (node == null) {
            return null;
        }
        String t = resolver == null ? node.text() : resolver.text(node);
        if (t != null) {
            return literal(t, node.location());
        }
        return symbolic(render(node), node.location());
    }

    /** True when the value is literally {@code expected}, ignoring case. */
    public boolean is(String expected) {
        return literal && text.equalsIgnoreCase(expected);
    }

    /** A short rendering of an unresolved node, e.g. {@code !Ref Name} or {@code !GetAtt Role.Arn}. */
    static String render(Node node) {
        if (Intrinsic.isIntrinsic(node)) {
            MapNode.Entry e = ((MapNode) node).entries().get(0);
            if (e.key().equals(Intrinsic.UNRESOLVED) && e.value().text() != null) {
                return e.value().text();
            }
            String name = e.key().startsWith("Fn::") ? e.key().substring(4) : e.key();
            String arg = e.value().text();
            if (arg == null && e.value().asSeq() != null) {
                StringBuilder b = new StringBuilder();
                for (Node n : e.value().asSeq().items()) {
                    if (b.length() > 0) {
                        b.append('.');
                    }
                    b.append(n.text() == null ? "…" : n.text());
                }
                arg = b.toString();
            }
            return "!" + name + " " + (arg == null ? "…" : arg);
        }
        String t = node.text();
        return t != null ? t : node instanceof MapNode ? "{…}" : "[…]";
    }
}
