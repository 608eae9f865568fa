package dev.vigil.posture.format.sam;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SAM {@code Globals} section, merged into resources the way the SAM translator does: a resource's scalar wins
 * over the global one, maps merge key by key (recursively), lists are the global items followed by the resource's.
 * An intrinsic function ({@code !If}, {@code !Ref}…) counts as a scalar, so the resource's value replaces it.
 * Merged-in nodes keep their location in {@code Globals}.
 */
public final class Globals {
    private static final int MAX_DEPTH = 32;
    private final MapNode section;

    private Globals(MapNode section) {
        this.section = section;
    }

    /** The globals of a SAM template (empty when it has none). */
    public static Globals of(MapNode root) {
        MapNode g = root.map("Globals");
        return new Globals(g == null ? new MapNode(List.of(), root.location()) : g);
    }

    /** The global properties for a resource type such as {@code AWS::Serverless::Function}, or null. */
    public MapNode forType(String type) {
        if (!type.startsWith("AWS::Serverless::")) {
            return null;
        }
        return section.map(type.substring("AWS::Serverless::".length()));
    }

    /** The properties of a resource of {@code type} with the globals merged in. */
    public MapNode apply(String type, MapNode properties, Location at) {
        MapNode global = forType(type);
        if (global == null) {
            return properties;
        }
        return properties == null ? global : (MapNode) merge(global, properties, 0);
    }

    /** Merges {@code local} over {@code global} by SAM's rules. */
    public static Node merge(Node global, Node local, int depth) {
        if (global == null) {
            return local;
        }
        if (local == null) {
            return global;
        }
        if (depth > MAX_DEPTH) {
            return local;
        }
        boolean gMap = global instanceof MapNode && !Nodes.isIntrinsic(global);
        boolean lMap = local instanceof MapNode && !Nodes.isIntrinsic(local);
        if (gMap && lMap) {
            MapNode g = (MapNode) global;
            MapNode l = (MapNode) local;
            List<MapNode.Entry> out = new ArrayList<>();
            // Indexed by key so that merging stays linear in the size of both maps (the last entry of a key wins).
            Map<String, MapNode.Entry> localByKey = new HashMap<>();
            for (MapNode.Entry e : l.entries()) {
                localByKey.put(e.key(), e);
            }
            Set<String> globalKeys = new HashSet<>();
            for (MapNode.Entry e : g.entries()) {
                globalKeys.add(e.key());
                MapNode.Entry mine = localByKey.get(e.key());
                if (mine == null) {
                    out.add(e);
                } else {
                    out.add(new MapNode.Entry(e.key(), mine.keyLocation(), merge(e.value(), mine.value(), depth + 1)));
                }
            }
            for (MapNode.Entry e : l.entries()) {
                if (!globalKeys.contains(e.key())) {
                    out.add(e);
                }
            }
            return new MapNode(out, l.location());
        }
        if (global instanceof SeqNode g && local instanceof SeqNode l) {
            List<Node> items = new ArrayList<>(g.items());
            items.addAll(l.items());
            return new SeqNode(items, l.location());
        }
        return local;
    }
}
