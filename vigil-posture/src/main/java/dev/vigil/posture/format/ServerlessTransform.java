package dev.vigil.posture.format;

import dev.vigil.posture.format.serverless.ServerlessCompiler;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.template.CfnTemplate;

/**
 * Lowers a serverless.yml to the CloudFormation the Serverless Framework compiles (see
 * {@link ServerlessCompiler} and {@code docs/posture/formats-serverless.md}).
 */
final class ServerlessTransform {
    private ServerlessTransform() {}

    static CfnTemplate lower(String file, MapNode root, LoweringContext context) {
        return ServerlessCompiler.compile(file, root, context);
    }
}
