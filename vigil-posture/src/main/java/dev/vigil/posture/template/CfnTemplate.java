package dev.vigil.posture.template;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CloudFormation template: parameters, mappings, conditions and resources. Every deployment format is lowered to
 * this shape before the model is extracted (SAM and serverless.yml the way their own tools compile them), so
 * extraction is written once.
 */
public final class CfnTemplate {
    private final String file;
    private final MapNode root;
    private final Map<String, CfnResource> resources;
    private final MapNode parameters;
    private final MapNode mappings;
    private final MapNode conditions;
    private final List<String> problems;

    /**
     * @param file the file name for locations
     * @param root the template document (may be an empty map)
     * @param resources resources by logical id, in template order
     * @param problems non-fatal problems found while reading (e.g. a resource without {@code Type})
     */
    public CfnTemplate(String file, MapNode root, Map<String, CfnResource> resources, List<String> problems) {
        this.file = file;
        this.root = root;
        this.resources = new LinkedHashMap<>(resources);
        this.parameters = mapOrEmpty(root, "Parameters");
        this.mappings = mapOrEmpty(root, "Mappings");
        this.conditions = mapOrEmpty(root, "Conditions");
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads the {@code Resources} section of a CloudFormation document as written (no transform).
     *
     * @param origin the origin recorded on each resource (null for plain CloudFormation)
     */
    public static CfnTemplate of(String file, MapNode root, String origin) {
        Map<String, CfnResource> resources = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        MapNode section = root.map("Resources");
        if (section != null) {
            for (MapNode.Entry e : section.entries()) {
                CfnResource r = resource(e, origin, problems);
                if (r != null) {
                    resources.put(r.logicalId(), r);
                }
            }
        }
        return new CfnTemplate(file, root, resources, problems);
    }

    /** Reads one {@code LogicalId: {Type, Properties}} entry; null (with a problem recorded) when malformed. */
    public static CfnResource resource(MapNode.Entry e, String origin, List<String> problems) {
        if (!(e.value() instanceof MapNode body)) {
            problems.add(e.keyLocation() + ": resource " + e.key() + " is not a map");
            return null;
        }
        String type = body.text("Type");
        if (type == null) {
            problems.add(e.keyLocation() + ": resource " + e.key() + " has no Type");
            return null;
        }
        Node props = body.get("Properties");
        MapNode properties = props instanceof MapNode m ? m : new MapNode(List.of(), e.keyLocation());
        return new CfnResource(e.key(), type, properties, e.keyLocation(), origin, body);
    }

    private static MapNode mapOrEmpty(MapNode root, String key) {
        MapNode m = root.map(key);
        return m == null ? new MapNode(List.of(), root.location()) : m;
    }

    public String file() {
        return file;
    }

    public MapNode root() {
        return root;
    }

    /** Resources in template order. */
    public List<CfnResource> resources() {
        return List.copyOf(resources.values());
    }

    /** Resources of one type, in template order. */
    public List<CfnResource> resources(String type) {
        List<CfnResource> out = new ArrayList<>();
        for (CfnResource r : resources.values()) {
            if (r.type().equals(type)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The resource with this logical id, or null. */
    public CfnResource resource(String logicalId) {
        return resources.get(logicalId);
    }

    public MapNode parameters() {
        return parameters;
    }

    public MapNode mappings() {
        return mappings;
    }

    public MapNode conditions() {
        return conditions;
    }

    /** Non-fatal problems found while reading, each {@code file:line:col: reason}. */
    public List<String> problems() {
        return problems;
    }

    /** A resolver over this template's parameters and mappings. */
    public Resolver resolver() {
        return new Resolver(this);
    }

    /** Location of the template start. */
    public Location location() {
        return root.location();
    }
}
