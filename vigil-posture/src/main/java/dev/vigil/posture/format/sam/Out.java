package dev.vigil.posture.format.sam;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CloudFormation resources a lowering produces, in order; properties stay editable until {@link #template}. */
final class Out {
    /** One resource being produced. */
    static final class Res {
        final String id;
        final String type;
        final Obj props;
        final Location location;
        final String origin;
        final List<MapNode.Entry> attributes = new ArrayList<>();
        /** Where the {@code Properties} key of the resource is written (the resource's key when generated). */
        Location propertiesKey;

        Res(String id, String type, Obj props, Location location, String origin) {
            this.id = id;
            this.type = type;
            this.props = props;
            this.location = location;
            this.origin = origin;
            this.propertiesKey = location;
        }

        /** Adds a resource attribute such as {@code Condition} or {@code Metadata}. */
        Res attribute(String key, Location at, Node value) {
            if (value != null) {
                attributes.removeIf(e -> e.key().equals(key));
                attributes.add(new MapNode.Entry(key, at, value));
            }
            return this;
        }
    }

    final Map<String, Res> resources = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    private final java.util.Set<String> reserved;

    /** @param reserved logical ids written in the source template (generated ids never take them) */
    Out(java.util.Set<String> reserved) {
        this.reserved = reserved;
    }

    /** {@code base}, or {@code base2}, {@code base3}… when that logical id is taken. */
    String unique(String base) {
        if (!taken(base)) {
            return base;
        }
        // Remember where the search for a base ended, so many colliding names stay linear, not quadratic.
        int i = nextSuffix.getOrDefault(base, 2);
        while (taken(base + i)) {
            i++;
        }
        nextSuffix.put(base, i + 1);
        return base + i;
    }

    private final Map<String, Integer> nextSuffix = new java.util.HashMap<>();

    private boolean taken(String id) {
        return resources.containsKey(id) || reserved.contains(id);
    }

    /** Adds a resource written in the source template (its id is its own). */
    Res own(String id, String type, Obj props, Location at, String origin) {
        Res r = new Res(id, type, props, at, origin);
        resources.put(id, r);
        return r;
    }

    /**
     * Adds a generated resource under {@code id} made unique, copying {@code Condition} from the resource it was
     * generated from.
     */
    Res generated(String id, String type, Obj props, Location at, String origin, MapNode sourceBody) {
        Res r = new Res(unique(id), type, props, at, origin);
        if (sourceBody != null && sourceBody.entry("Condition") != null) {
            MapNode.Entry c = sourceBody.entry("Condition");
            r.attribute("Condition", c.keyLocation(), c.value());
        }
        resources.put(r.id, r);
        return r;
    }

    void problem(Location at, String message) {
        problems.add(at + ": " + message);
    }

    /** The resulting template; the root keeps every section of {@code root} with {@code Resources} replaced. */
    CfnTemplate template(String file, MapNode root) {
        Map<String, CfnResource> out = new LinkedHashMap<>();
        List<MapNode.Entry> section = new ArrayList<>();
        for (Res r : resources.values()) {
            MapNode props = r.props.build();
            List<MapNode.Entry> body = new ArrayList<>();
            body.add(new MapNode.Entry("Type", r.location, Nodes.str(r.type, r.location)));
            body.add(new MapNode.Entry("Properties", r.propertiesKey, props));
            body.addAll(r.attributes);
            MapNode raw = new MapNode(body, r.location);
            out.put(r.id, new CfnResource(r.id, r.type, props, r.location, r.origin, raw));
            section.add(new MapNode.Entry(r.id, r.location, raw));
        }
        List<MapNode.Entry> rootEntries = new ArrayList<>();
        boolean replaced = false;
        for (MapNode.Entry e : root.entries()) {
            if (e.key().equals("Resources")) {
                rootEntries.add(new MapNode.Entry(
                        e.key(), e.keyLocation(), new MapNode(section, e.value().location())));
                replaced = true;
            } else if (!e.key().equals("Globals")) {
                rootEntries.add(e);
            }
        }
        if (!replaced) {
            rootEntries.add(new MapNode.Entry("Resources", root.location(), new MapNode(section, root.location())));
        }
        return new CfnTemplate(file, new MapNode(rootEntries, root.location()), out, problems);
    }
}
