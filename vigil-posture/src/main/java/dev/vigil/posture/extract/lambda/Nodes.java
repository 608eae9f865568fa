package dev.vigil.posture.extract.lambda;

import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.Resolver;
import java.util.ArrayList;
import java.util.List;

/** Small readers over property nodes that may be wrapped in {@code Fn::If}. */
final class Nodes {
    private Nodes() {}

    /**
     * The map a property holds: the node itself, or under {@code Fn::If} the first branch that is a map (so an
     * optional setting written as {@code !If [HasVpc, {...}, !Ref AWS::NoValue]} counts as set); null otherwise.
     */
    static MapNode map(Node node, Resolver resolver) {
        if (node == null) {
            return null;
        }
        for (Node alt : resolver.alternatives(node)) {
            if (alt instanceof MapNode m && !dev.vigil.posture.source.Intrinsic.isIntrinsic(m)) {
                return m;
            }
        }
        return null;
    }

    /** The property under {@code key} of a map-valued property, or null. */
    static Node get(MapNode map, String key) {
        return map == null ? null : map.get(key);
    }

    /** The first alternative of a scalar-ish property that is not {@code AWS::NoValue}, or null. */
    static Node present(Node node, Resolver resolver) {
        if (node == null) {
            return null;
        }
        List<Node> alts = resolver.alternatives(node);
        return alts.isEmpty() ? null : alts.get(0);
    }

    /** The values of a list property; a non-list value (e.g. {@code !Ref SubnetList}) gives one value. */
    static List<Value> values(Node node, Resolver resolver) {
        List<Value> out = new ArrayList<>();
        Node n = present(node, resolver);
        if (n instanceof SeqNode s) {
            for (Node item : s.items()) {
                if (!Resolver.isNoValue(item)) {
                    out.add(Value.of(item, resolver));
                }
            }
        } else if (n != null) {
            out.add(Value.of(n, resolver));
        }
        return out;
    }

    /** True when the property is a literal list (its size is known). */
    static boolean isLiteralList(Node node, Resolver resolver) {
        return present(node, resolver) instanceof SeqNode;
    }
}
