package dev.vigil.posture.format;

import dev.vigil.posture.model.Format;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;

/**
 * Tells the format of a document from its content (the file name is not trusted): {@code service} with
 * {@code provider} or {@code functions} is a serverless.yml; the SAM transform or any {@code AWS::Serverless::*} type
 * is SAM; {@code Resources} or {@code AWSTemplateFormatVersion} is CloudFormation; {@code Statement} with a
 * {@code Version} or an Effect-bearing statement is an IAM policy. Anything else is not a deployment descriptor.
 */
public final class FormatDetector {
    private FormatDetector() {}

    /** The format, or null when the document is not one {@code vigil scan} reads. */
    public static Format detect(Node root) {
        if (!(root instanceof MapNode m)) {
            return null;
        }
        if (m.has("service") && (m.has("provider") || m.has("functions"))) {
            return Format.SERVERLESS;
        }
        if (m.has("Resources") || m.has("AWSTemplateFormatVersion")) {
            return isSam(m) ? Format.SAM : Format.CLOUDFORMATION;
        }
        if (m.has("Statement")) {
            return Format.IAM_POLICY;
        }
        return null;
    }

    private static boolean isSam(MapNode m) {
        Node transform = m.get("Transform");
        if (transform != null) {
            String t = transform.text();
            if (t != null && t.startsWith("AWS::Serverless")) {
                return true;
            }
            if (transform.asSeq() != null) {
                for (Node n : transform.asSeq().items()) {
                    if (n.text() != null && n.text().startsWith("AWS::Serverless")) {
                        return true;
                    }
                }
            }
        }
        MapNode resources = m.map("Resources");
        if (resources != null) {
            for (MapNode.Entry e : resources.entries()) {
                if (e.value() instanceof MapNode r
                        && r.text("Type") != null
                        && r.text("Type").startsWith("AWS::Serverless::")) {
                    return true;
                }
            }
        }
        return false;
    }
}
