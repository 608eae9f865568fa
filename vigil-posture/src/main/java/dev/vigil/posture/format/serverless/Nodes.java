package dev.vigil.posture.format.serverless;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.List;

/** Small builders for the generated CloudFormation nodes; every node is placed at a source location. */
public final class Nodes {
    private Nodes() {}

    /** A string scalar. */
    public static ScalarNode str(String value, Location at) {
        return new ScalarNode(value == null ? "" : value, ScalarNode.Kind.STRING, at);
    }

    /** An integer scalar. */
    public static ScalarNode num(long value, Location at) {
        return new ScalarNode(Long.toString(value), ScalarNode.Kind.INT, at);
    }

    /** A boolean scalar. */
    public static ScalarNode bool(boolean value, Location at) {
        return new ScalarNode(Boolean.toString(value), ScalarNode.Kind.BOOL, at);
    }

    /** A sequence. */
    public static SeqNode seq(Location at, List<? extends Node> items) {
        return new SeqNode(new ArrayList<>(items), at);
    }

    /** A sequence of the given items. */
    public static SeqNode seq(Location at, Node... items) {
        return new SeqNode(List.of(items), at);
    }

    /** {@code {Ref: id}}. */
    public static MapNode ref(String id, Location at) {
        return fn("Ref", str(id, at), at);
    }

    /** {@code {Fn::GetAtt: [id, attribute]}}. */
    public static MapNode getAtt(String id, String attribute, Location at) {
        return fn("Fn::GetAtt", seq(at, str(id, at), str(attribute, at)), at);
    }

    /** {@code {Fn::Join: [separator, parts]}}. */
    public static MapNode join(String separator, Location at, Node... parts) {
        return fn("Fn::Join", seq(at, str(separator, at), seq(at, parts)), at);
    }

    /**
     * {@code arn:${Partition}:<service>:${Region}:${AccountId}:<tail…>} as a {@code Fn::Join} of pseudo-parameter
     * references, the way the framework writes the ARNs of resources in the stack's own account and region.
     */
    public static MapNode regionalArn(String service, Location at, Node... tail) {
        Node[] parts = new Node[7 + tail.length];
        parts[0] = str("arn:", at);
        parts[1] = ref("AWS::Partition", at);
        parts[2] = str(":" + service + ":", at);
        parts[3] = ref("AWS::Region", at);
        parts[4] = str(":", at);
        parts[5] = ref("AWS::AccountId", at);
        parts[6] = str(":", at);
        System.arraycopy(tail, 0, parts, 7, tail.length);
        return join("", at, parts);
    }

    /** {@code {Fn::Sub: pattern}}. */
    public static MapNode sub(String pattern, Location at) {
        return fn("Fn::Sub", str(pattern, at), at);
    }

    /** A one-entry intrinsic map. */
    public static MapNode fn(String name, Node argument, Location at) {
        return new MapNode(List.of(new MapNode.Entry(name, at, argument)), at);
    }

    /** Vigil's marker for a value that cannot be known locally ({@link Intrinsic#UNRESOLVED}). */
    public static MapNode unresolved(String text, Location at) {
        return fn(Intrinsic.UNRESOLVED, str(text, at), at);
    }

    /** True for the {@link Intrinsic#UNRESOLVED} marker. */
    public static boolean isUnresolved(Node node) {
        return node instanceof MapNode m && m.size() == 1 && m.has(Intrinsic.UNRESOLVED);
    }

    /** True for a scalar {@code true} (boolean or the string). */
    public static boolean isTrue(Node node) {
        return node instanceof ScalarNode s && s.isTrue();
    }

    /** True for a scalar {@code false} (boolean or the string). */
    public static boolean isFalse(Node node) {
        return node instanceof ScalarNode s && s.isFalse();
    }

    /** True for an absent node or a YAML null. */
    public static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL);
    }

    /** The same scalar or collection placed at another location (children keep theirs). */
    public static Node relocate(Node node, Location at) {
        if (node.location().equals(at)) {
            return node;
        }
        if (node instanceof ScalarNode s) {
            return new ScalarNode(s.value(), s.kind(), at);
        }
        if (node instanceof MapNode m) {
            return new MapNode(m.entries(), at);
        }
        SeqNode q = (SeqNode) node;
        return new SeqNode(q.items(), at);
    }

    /** An ordered, replaceable set of map entries, built into a {@link MapNode}. */
    public static final class MapBuilder {
        private final Location at;
        private final List<MapNode.Entry> entries = new ArrayList<>();

        public MapBuilder(Location at) {
            this.at = at;
        }

        /** Sets {@code key} (replacing an earlier value); a null value is skipped. */
        public MapBuilder put(String key, Location keyAt, Node value) {
            if (value == null) {
                return this;
            }
            remove(key);
            entries.add(new MapNode.Entry(key, keyAt == null ? at : keyAt, value));
            return this;
        }

        /** Sets {@code key} with the key placed where the value is. */
        public MapBuilder put(String key, Node value) {
            return value == null ? this : put(key, value.location(), value);
        }

        /** Removes {@code key} when present. */
        public MapBuilder remove(String key) {
            entries.removeIf(e -> e.key().equals(key));
            return this;
        }

        /** The value under key, or null. */
        public Node get(String key) {
            for (MapNode.Entry e : entries) {
                if (e.key().equals(key)) {
                    return e.value();
                }
            }
            return null;
        }

        /** True when nothing was put. */
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        public Location location() {
            return at;
        }

        public MapNode build() {
            return new MapNode(entries, at);
        }
    }
}
