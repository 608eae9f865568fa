package dev.vigil.posture.format;

import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.template.CfnTemplate;
import java.util.List;

/** Placeholder: lowers a serverless.yml to CloudFormation (filled by the formats work package). */
final class ServerlessTransform {
    private ServerlessTransform() {}

    static CfnTemplate lower(String file, MapNode root, LoweringContext context) {
        MapNode resources = root.map("resources");
        return resources == null
                ? CfnTemplate.of(file, new MapNode(List.of(), root.location()), "serverless.yml")
                : CfnTemplate.of(file, resources, "serverless.yml resources");
    }
}
