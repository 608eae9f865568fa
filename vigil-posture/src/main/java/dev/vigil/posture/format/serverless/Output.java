package dev.vigil.posture.format.serverless;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.template.CfnResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CloudFormation resources being generated, in the order the framework adds them; mutable until built. */
public final class Output {

    /** One generated resource. */
    public static final class Res {
        final String id;
        final String type;
        final Location at;
        final String origin;
        final Nodes.MapBuilder props;
        final Nodes.MapBuilder attributes;

        Res(String id, String type, Location at, String origin) {
            this.id = id;
            this.type = type;
            this.at = at;
            this.origin = origin;
            this.props = new Nodes.MapBuilder(at);
            this.attributes = new Nodes.MapBuilder(at);
        }

        /** Sets a property; a null value is skipped. */
        public Res put(String key, Location keyAt, Node value) {
            props.put(key, keyAt, value);
            return this;
        }

        /** Sets a property with its key at the resource. */
        public Res put(String key, Node value) {
            props.put(key, at, value);
            return this;
        }

        /** Sets a resource attribute such as {@code DependsOn}, {@code Condition} or {@code Metadata}. */
        public Res attribute(String key, Node value) {
            attributes.put(key, at, value);
            return this;
        }

        public Node property(String key) {
            return props.get(key);
        }

        public String id() {
            return id;
        }

        public Location location() {
            return at;
        }
    }

    private final Map<String, Res> resources = new LinkedHashMap<>();

    /** Adds (or replaces) a resource. */
    public Res add(String id, String type, Location at, String origin) {
        Res r = new Res(id, type, at, origin);
        resources.remove(id);
        resources.put(id, r);
        return r;
    }

    /** The generated resource, or null. */
    public Res get(String id) {
        return resources.get(id);
    }

    public boolean has(String id) {
        return resources.containsKey(id);
    }

    /** Every resource as a {@code LogicalId: {Type, Properties, …}} entry plus its {@link CfnResource}. */
    List<Built> build() {
        List<Built> out = new ArrayList<>();
        for (Res r : resources.values()) {
            MapNode props = r.props.build();
            List<MapNode.Entry> body = new ArrayList<>();
            body.add(new MapNode.Entry("Type", r.at, Nodes.str(r.type, r.at)));
            body.add(new MapNode.Entry("Properties", r.at, props));
            body.addAll(r.attributes.build().entries());
            MapNode raw = new MapNode(body, r.at);
            out.add(new Built(
                    new MapNode.Entry(r.id, r.at, raw), new CfnResource(r.id, r.type, props, r.at, r.origin, raw)));
        }
        return out;
    }

    record Built(MapNode.Entry entry, CfnResource resource) {}
}
