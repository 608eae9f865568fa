package dev.vigil.posture.format.sam;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.List;

/** Small constructors for generated nodes. */
public final class Nodes {
    private Nodes() {}

    /** A string scalar. */
    public static ScalarNode str(String value, Location at) {
        return new ScalarNode(value, ScalarNode.Kind.STRING, at);
    }

    /** A boolean scalar. */
    public static ScalarNode bool(boolean value, Location at) {
        return new ScalarNode(Boolean.toString(value), ScalarNode.Kind.BOOL, at);
    }

    /** A sequence of nodes. */
    public static SeqNode seq(Location at, Node... items) {
        return new SeqNode(List.of(items), at);
    }

    /** A sequence of nodes. */
    public static SeqNode seq(Location at, List<Node> items) {
        return new SeqNode(items, at);
    }

    /** A sequence of string scalars. */
    public static SeqNode strings(Location at, String... values) {
        List<Node> items = new ArrayList<>(values.length);
        for (String v : values) {
            items.add(str(v, at));
        }
        return new SeqNode(items, at);
    }

    /** A one-entry map {@code {key: value}}. */
    public static MapNode single(String key, Node value, Location at) {
        return new MapNode(List.of(new MapNode.Entry(key, at, value)), at);
    }

    /** {@code {Ref: id}}. */
    public static MapNode ref(String id, Location at) {
        return single("Ref", str(id, at), at);
    }

    /** {@code {Fn::GetAtt: [id, attribute]}}. */
    public static MapNode getAtt(String id, String attribute, Location at) {
        return single("Fn::GetAtt", strings(at, id, attribute), at);
    }

    /** {@code {Fn::Sub: pattern}}. */
    public static MapNode sub(String pattern, Location at) {
        return single("Fn::Sub", str(pattern, at), at);
    }

    /** {@code {Fn::Sub: [pattern, variables]}}. */
    public static MapNode sub(String pattern, MapNode variables, Location at) {
        return single("Fn::Sub", seq(at, str(pattern, at), variables), at);
    }

    /** {@code {Fn::Join: ["", parts]}}. */
    public static MapNode join(Location at, Node... parts) {
        return single("Fn::Join", seq(at, str("", at), seq(at, parts)), at);
    }

    /** Vigil's marker for a value Vigil cannot know, with a readable reason. */
    public static MapNode unresolved(String why, Location at) {
        return single(Intrinsic.UNRESOLVED, str(why, at), at);
    }

    /** True for a one-entry map whose key is an intrinsic function. */
    public static boolean isIntrinsic(Node node) {
        return Intrinsic.isIntrinsic(node);
    }

    /** A scalar's text or null. */
    public static String text(Node node) {
        return node == null ? null : node.text();
    }

    /** The node as a list: a sequence's items, a single non-null node as one item, nothing for null. */
    public static List<Node> items(Node node) {
        if (node == null || (node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL)) {
            return List.of();
        }
        return node instanceof SeqNode s ? s.items() : List.of(node);
    }

    /** The letters and digits of {@code text} (CloudFormation logical ids are alphanumeric). */
    public static String alnum(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
