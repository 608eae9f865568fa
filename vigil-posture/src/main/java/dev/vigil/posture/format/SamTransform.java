package dev.vigil.posture.format;

import dev.vigil.posture.format.sam.SamLowering;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.template.CfnTemplate;

/** Lowers AWS SAM to CloudFormation the way the SAM translator does (see {@link SamLowering}). */
final class SamTransform {
    private SamTransform() {}

    static CfnTemplate lower(String file, MapNode root) {
        return SamLowering.lower(file, root);
    }
}
