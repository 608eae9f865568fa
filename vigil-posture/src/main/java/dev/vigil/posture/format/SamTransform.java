package dev.vigil.posture.format;

import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.template.CfnTemplate;

/** Placeholder: lowers AWS SAM to CloudFormation (filled by the formats work package). */
final class SamTransform {
    private SamTransform() {}

    static CfnTemplate lower(String file, MapNode root) {
        return CfnTemplate.of(file, root, null);
    }
}
