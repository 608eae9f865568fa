package dev.vigil.posture.format;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standalone IAM policy document (JSON, as {@code aws iam get-policy-version} prints it or as written for
 * Terraform; also wrapped as {@code {"PolicyDocument": …}} or {@code {"PolicyVersion": {"Document": …}}}) becomes one
 * {@code AWS::IAM::ManagedPolicy} resource named after the file, located at the document, so every IAM check
 * applies.
 */
final class PolicyFile {
    private PolicyFile() {}

    static CfnTemplate lower(String file, MapNode root) {
        MapNode document = FormatDetector.policyDocument(root);
        if (document == null) {
            document = root;
        }
        Location at = document.location();
        String id = logicalId(file);
        MapNode props = new MapNode(List.of(new MapNode.Entry("PolicyDocument", at, document)), at);
        MapNode raw = new MapNode(
                List.of(
                        new MapNode.Entry(
                                "Type", at, new ScalarNode("AWS::IAM::ManagedPolicy", ScalarNode.Kind.STRING, at)),
                        new MapNode.Entry("Properties", at, props)),
                at);
        Map<String, CfnResource> resources = new LinkedHashMap<>();
        resources.put(id, new CfnResource(id, "AWS::IAM::ManagedPolicy", props, at, "IAM policy file", raw));
        return new CfnTemplate(file, new MapNode(List.of(), root.location()), resources, List.of());
    }

    private static String logicalId(String file) {
        String name = file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
