package dev.vigil.posture.format;

import dev.vigil.posture.model.Format;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;

/**
 * Tells the format of a document from its content (the file name is not trusted): {@code service} with
 * {@code provider} or {@code functions} is a serverless.yml; the SAM transform or any {@code AWS::Serverless::*} type
 * is SAM; {@code Resources} or {@code AWSTemplateFormatVersion} is CloudFormation; an IAM policy document (a
 * {@code Statement} list or object whose statements carry {@code Effect}/{@code Action}, or such a document under
 * {@code PolicyDocument} or {@code PolicyVersion.Document}) is an IAM policy. Anything else is not a deployment
 * descriptor.
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
        if (hasSamTransform(m)) {
            return Format.SAM;
        }
        if (policyDocument(m) != null) {
            return Format.IAM_POLICY;
        }
        return null;
    }

    /**
     * The IAM policy document {@code root} is or wraps ({@code {"PolicyDocument": …}}, or
     * {@code aws iam get-policy-version} output {@code {"PolicyVersion": {"Document": …}}}), or null.
     */
    public static MapNode policyDocument(MapNode root) {
        if (isPolicy(root)) {
            return root;
        }
        MapNode wrapped = root.map("PolicyDocument");
        if (wrapped != null && isPolicy(wrapped)) {
            return wrapped;
        }
        MapNode version = root.map("PolicyVersion");
        MapNode document = version == null ? null : version.map("Document");
        return document != null && isPolicy(document) ? document : null;
    }

    private static boolean isPolicy(MapNode m) {
        Node statement = m.get("Statement");
        if (statement instanceof MapNode s) {
            return isStatement(s) || m.has("Version");
        }
        if (statement instanceof SeqNode seq) {
            if (m.has("Version")) {
                return true;
            }
            for (Node n : seq.items()) {
                if (n instanceof MapNode s && isStatement(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isStatement(MapNode s) {
        return s.has("Effect") || s.has("Action") || s.has("NotAction");
    }

    private static boolean hasSamTransform(MapNode m) {
        Node transform = m.get("Transform");
        if (transform == null) {
            return false;
        }
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
        return false;
    }

    private static boolean isSam(MapNode m) {
        if (hasSamTransform(m)) {
            return true;
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
