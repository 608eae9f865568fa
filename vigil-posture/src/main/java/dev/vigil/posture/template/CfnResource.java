package dev.vigil.posture.template;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;

/**
 * One resource of a CloudFormation template (written by hand, or produced by lowering SAM or a serverless.yml).
 *
 * @param logicalId the key under {@code Resources}
 * @param type e.g. {@code AWS::Lambda::Function}
 * @param properties the {@code Properties} map; an empty map (located at the resource) when absent
 * @param location the logical id's key, which is where findings about a missing property point
 * @param origin the source construct this resource was lowered from (e.g. {@code functions.hello} of a
 *     serverless.yml), or null for a resource written as CloudFormation
 * @param raw the whole resource map (for {@code Condition}, {@code DependsOn}, {@code Metadata})
 */
public record CfnResource(
        String logicalId, String type, MapNode properties, Location location, String origin, MapNode raw) {

    /** The property, or null. */
    public Node property(String name) {
        return properties.get(name);
    }

    /** Where to report about property {@code name}: its key when present, otherwise the resource. */
    public Location locationOf(String name) {
        MapNode.Entry e = properties.entry(name);
        return e == null ? location : e.keyLocation();
    }

    /**
     * Where the resource's {@code Properties} key is written (for a resource lowered from SAM, the SAM resource's
     * {@code Properties} key), or the resource's location when it has none. KICS reports a missing setting there.
     */
    public Location propertiesKeyLocation() {
        MapNode.Entry e = raw == null ? null : raw.entry("Properties");
        return e == null ? location : e.keyLocation();
    }
}
