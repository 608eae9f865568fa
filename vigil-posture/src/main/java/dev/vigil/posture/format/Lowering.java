package dev.vigil.posture.format;

import dev.vigil.posture.model.Format;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.template.CfnTemplate;

/** Lowers each format to CloudFormation, the way the format's own tooling would compile it. */
public final class Lowering {
    private Lowering() {}

    /** The CloudFormation equivalent of {@code root}, read from {@code file} in {@code format}. */
    public static CfnTemplate lower(Format format, String file, MapNode root, LoweringContext context) {
        return switch (format) {
            case SERVERLESS -> ServerlessTransform.lower(file, root, context);
            case SAM -> SamTransform.lower(file, root);
            case CLOUDFORMATION -> CfnTemplate.of(file, root, null);
            case IAM_POLICY -> PolicyFile.lower(file, root);
        };
    }
}
