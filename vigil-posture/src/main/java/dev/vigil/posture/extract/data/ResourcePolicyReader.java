package dev.vigil.posture.extract.data;

import dev.vigil.posture.extract.iam.PolicyParser;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.PolicyDocument;
import dev.vigil.posture.model.ResourcePolicy;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.Resolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Resource-based policies: {@code AWS::S3::BucketPolicy}, {@code AWS::SQS::QueuePolicy}, {@code AWS::SNS::TopicPolicy},
 * {@code AWS::SecretsManager::ResourcePolicy}, {@code AWS::Events::EventBusPolicy} and the {@code KeyPolicy} of an
 * {@code AWS::KMS::Key}. Targets are linked to logical ids through references, or through the physical name a
 * resource of this template declares; otherwise the reference is kept as written.
 */
final class ResourcePolicyReader {
    private final Resolver resolver;
    private final List<DataResource> data;

    ResourcePolicyReader(Resolver resolver, List<DataResource> data) {
        this.resolver = resolver;
        this.data = data;
    }

    /** The policy declared by {@code r}, or null when {@code r} declares none. */
    ResourcePolicy read(CfnResource r) {
        Props p = new Props(r, resolver);
        return switch (r.type()) {
            case "AWS::S3::BucketPolicy" -> policy(r, p, DataResource.Kind.BUCKET, "Bucket", "PolicyDocument");
            case "AWS::SQS::QueuePolicy" -> policy(r, p, DataResource.Kind.QUEUE, "Queues", "PolicyDocument");
            case "AWS::SNS::TopicPolicy" -> policy(r, p, DataResource.Kind.TOPIC, "Topics", "PolicyDocument");
            case "AWS::SecretsManager::ResourcePolicy" ->
                policy(r, p, DataResource.Kind.SECRET, "SecretId", "ResourcePolicy");
            case "AWS::KMS::Key" -> keyPolicy(r, p);
            case "AWS::Events::EventBusPolicy" -> eventBusPolicy(r, p);
            default -> null;
        };
    }

    private ResourcePolicy policy(CfnResource r, Props p, DataResource.Kind kind, String targetKey, String docKey) {
        PolicyDocument doc = policy(r.logicalId(), p.get(docKey), resolver);
        if (doc == null) {
            return null;
        }
        return new ResourcePolicy(r.logicalId(), kind, targets(p.get(targetKey), kind), doc, r.location());
    }

    private ResourcePolicy keyPolicy(CfnResource r, Props p) {
        Node node = p.get("KeyPolicy");
        PolicyDocument doc = policy(r.logicalId(), node, resolver);
        if (doc == null) {
            return null;
        }
        return new ResourcePolicy(
                r.logicalId(), DataResource.Kind.KEY, List.of(r.logicalId()), doc, p.keyLocation("KeyPolicy"));
    }

    /** Either a {@code Statement} object, or the legacy {@code Action}/{@code Principal}/{@code Condition} form. */
    private ResourcePolicy eventBusPolicy(CfnResource r, Props p) {
        List<String> bus = p.get("EventBusName") == null
                ? List.of("default")
                : targets(p.get("EventBusName"), DataResource.Kind.EVENT_BUS);
        Node statement = p.map("Statement");
        if (statement == null) {
            Node principal = p.get("Principal");
            if (principal == null) {
                return null;
            }
            List<MapNode.Entry> legacy = new ArrayList<>();
            Location at = p.keyLocation("Principal");
            legacy.add(new MapNode.Entry("Effect", at, new ScalarNode("Allow", ScalarNode.Kind.STRING, at)));
            legacy.add(new MapNode.Entry("Principal", at, principal));
            if (p.get("Action") != null) {
                legacy.add(new MapNode.Entry("Action", p.keyLocation("Action"), p.get("Action")));
            }
            Node condition = legacyCondition(p.map("Condition"));
            if (condition != null) {
                legacy.add(new MapNode.Entry("Condition", p.keyLocation("Condition"), condition));
            }
            statement = new MapNode(legacy, at);
        }
        Node document =
                new MapNode(List.of(new MapNode.Entry("Statement", statement.location(), statement)), r.location());
        PolicyDocument doc = policy(r.logicalId(), document, resolver);
        return new ResourcePolicy(r.logicalId(), DataResource.Kind.EVENT_BUS, bus, doc, r.location());
    }

    /** {@code {Type: StringEquals, Key: aws:PrincipalOrgID, Value: o-…}} as a policy condition block. */
    private static Node legacyCondition(MapNode c) {
        if (c == null || c.text("Type") == null || c.text("Key") == null || c.get("Value") == null) {
            return null;
        }
        MapNode inner = new MapNode(
                List.of(new MapNode.Entry(c.text("Key"), c.keyLocation("Key"), c.get("Value"))), c.location());
        return new MapNode(List.of(new MapNode.Entry(c.text("Type"), c.keyLocation("Type"), inner)), c.location());
    }

    private List<String> targets(Node node, DataResource.Kind kind) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (Value v : new PolicyParser(resolver).values(node)) {
            out.add(v.text());
        }
        // Resolve references to logical ids (values() renders them; re-read the nodes for the ids).
        List<Node> nodes = new ArrayList<>();
        for (Node alt : resolver.alternatives(node)) {
            if (alt.asSeq() != null) {
                nodes.addAll(alt.asSeq().items());
            } else {
                nodes.add(alt);
            }
        }
        List<String> ids = new ArrayList<>();
        for (Node n : nodes) {
            String id = resolver.resourceRef(n);
            ids.add(id != null ? id : byName(Value.of(n, resolver), kind));
        }
        return ids.isEmpty() ? out : ids;
    }

    /**
     * The logical id of the resource of {@code kind} whose physical name is {@code name} (or whose ARN/URL ends with
     * it); a name only known at deploy time matches the same expression written as the resource's name. Otherwise
     * the name as written.
     */
    private String byName(Value name, DataResource.Kind kind) {
        String text = name.text();
        for (DataResource d : data) {
            Value n = d.setting(Setting.NAME);
            if (d.kind() != kind || n == null || n.text().isEmpty() || n.literal() != name.literal()) {
                continue;
            }
            if (text.equals(n.text())
                    || name.literal() && (text.endsWith(":" + n.text()) || text.endsWith("/" + n.text()))) {
                return d.id();
            }
        }
        return text;
    }

    /** The policy document under {@code node}, read by the shared IAM policy parser; null when there is none. */
    private static PolicyDocument policy(String name, Node node, Resolver resolver) {
        return node == null ? null : new PolicyParser(resolver).document(name, node, node.location());
    }
}
