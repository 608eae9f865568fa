package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.Resolver;
import java.util.ArrayList;
import java.util.List;

/**
 * The properties of one resource as the data readers see them. When the whole {@code Properties} block is an
 * {@code Fn::If}, a property counts as present only when every branch sets it (a check must not miss the branch that
 * leaves it out); a property whose value is {@code Fn::If} with an {@code AWS::NoValue} branch counts as absent.
 */
final class Props {
    private final CfnResource resource;
    private final Resolver resolver;
    private final List<MapNode> branches;

    Props(CfnResource resource, Resolver resolver) {
        this.resource = resource;
        this.resolver = resolver;
        List<MapNode> maps = new ArrayList<>();
        for (Node n : resolver.alternatives(resource.properties())) {
            if (n instanceof MapNode m) {
                maps.add(m);
            }
        }
        if (maps.isEmpty()) {
            maps.add(new MapNode(List.of(), resource.location()));
        }
        this.branches = maps;
    }

    CfnResource resource() {
        return resource;
    }

    Resolver resolver() {
        return resolver;
    }

    /** The property node, or null when absent in some branch. */
    Node get(String name) {
        Node first = null;
        for (MapNode m : branches) {
            Node n = present(m.get(name));
            if (n == null) {
                return null;
            }
            if (first == null) {
                first = n;
            }
        }
        return first;
    }

    /** The property as a map (absent, or not a map: null). */
    MapNode map(String name) {
        Node n = get(name);
        return n == null ? null : n.asMap();
    }

    /** Where the property's key is written; the resource when absent. */
    Location keyLocation(String name) {
        for (MapNode m : branches) {
            MapNode.Entry e = m.entry(name);
            if (e != null) {
                return e.keyLocation();
            }
        }
        return resource.location();
    }

    /** The property as a value located at its key, or null. */
    Value value(String name) {
        return valueAtKey(get(name), keyLocation(name));
    }

    /** A sub-key of a map property as a value located at its key, or null. */
    Value value(MapNode map, String key) {
        if (map == null) {
            return null;
        }
        MapNode.Entry e = map.entry(key);
        return e == null ? null : valueAtKey(present(e.value()), e.keyLocation());
    }

    /** The node of a sub-key, NoValue-aware. */
    Node node(MapNode map, String key) {
        return map == null ? null : present(map.get(key));
    }

    Value valueAtKey(Node node, Location keyLocation) {
        if (node == null) {
            return null;
        }
        Value v = Value.of(node, resolver);
        return v.literal() ? Value.literal(v.text(), keyLocation) : Value.symbolic(v.text(), keyLocation);
    }

    /** Null for absent, YAML null, {@code Ref AWS::NoValue}, or {@code Fn::If} with a NoValue branch. */
    Node present(Node n) {
        if (n == null || Resolver.isNoValue(n)) {
            return null;
        }
        if (n instanceof dev.vigil.posture.source.ScalarNode s
                && s.kind() == dev.vigil.posture.source.ScalarNode.Kind.NULL) {
            return null;
        }
        if (n instanceof MapNode m && m.size() == 1 && m.has("Fn::If")) {
            List<Node> alts = resolver.alternatives(n);
            if (alts.isEmpty() || hasNoValueBranch(n, 0)) {
                return null;
            }
        }
        return n;
    }

    private static boolean hasNoValueBranch(Node n, int depth) {
        if (depth > 16) {
            return false;
        }
        if (Resolver.isNoValue(n)) {
            return true;
        }
        if (n instanceof MapNode m && m.size() == 1 && m.has("Fn::If")) {
            var a = m.seq("Fn::If");
            if (a != null && a.size() == 3) {
                return hasNoValueBranch(a.items().get(1), depth + 1)
                        || hasNoValueBranch(a.items().get(2), depth + 1);
            }
        }
        return false;
    }

    /** True when the value is present and not blank. */
    static boolean nonBlank(Value v) {
        return v != null && !(v.literal() && v.text().isBlank());
    }
}
