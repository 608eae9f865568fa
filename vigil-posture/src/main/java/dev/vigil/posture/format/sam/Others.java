package dev.vigil.posture.format.sam;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lowers {@code SimpleTable}, {@code LayerVersion}, {@code StateMachine} and {@code Application}. */
final class Others {
    private Others() {}

    static void simpleTable(SamLowering sam, String id, MapNode props, MapNode body, Location at) {
        MapNode pk = props.map("PrimaryKey");
        Location pkAt = pk == null ? at : props.keyLocation("PrimaryKey");
        Node name = pk != null && pk.has("Name") ? pk.get("Name") : Nodes.str("id", at);
        String type = pk == null ? null : pk.text("Type");
        String attrType = type == null
                ? "S"
                : switch (type.toLowerCase(Locale.ROOT)) {
                    case "number" -> "N";
                    case "binary" -> "B";
                    default -> "S";
                };
        Obj t = new Obj(props.location())
                .put(
                        "AttributeDefinitions",
                        pkAt,
                        Nodes.seq(
                                pkAt,
                                new Obj(pkAt)
                                        .put("AttributeName", name)
                                        .put("AttributeType", attrType)
                                        .build()))
                .put(
                        "KeySchema",
                        pkAt,
                        Nodes.seq(
                                pkAt,
                                new Obj(pkAt)
                                        .put("AttributeName", name)
                                        .put("KeyType", "HASH")
                                        .build()))
                .copyAll(props, "TableName", "SSESpecification", "PointInTimeRecoverySpecification");
        if (props.has("ProvisionedThroughput")) {
            t.copy(props, "ProvisionedThroughput");
        } else {
            t.put("BillingMode", "PAY_PER_REQUEST");
        }
        if (props.has("Tags")) {
            t.put("Tags", props.keyLocation("Tags"), SamLowering.tagList(props.get("Tags")));
        }
        SamLowering.keepAttributes(sam.out.own(id, "AWS::DynamoDB::Table", t, at, sam.origin(id)), body);
    }

    static void layer(SamLowering sam, String id, MapNode props, MapNode body, Location at) {
        Obj l = new Obj(props.location())
                .copyAll(
                        props,
                        "LayerName",
                        "Description",
                        "CompatibleRuntimes",
                        "CompatibleArchitectures",
                        "LicenseInfo");
        MapNode.Entry content = props.entry("ContentUri");
        if (content != null) {
            Location c = content.keyLocation();
            Obj o = new Obj(c);
            if (content.value() instanceof MapNode m && !Nodes.isIntrinsic(m)) {
                o.copy(m, "Bucket", "S3Bucket").copy(m, "Key", "S3Key").copy(m, "Version", "S3ObjectVersion");
            } else {
                o.put("S3Bucket", Nodes.unresolved("bucket chosen by sam package", c))
                        .put("S3Key", content.value());
            }
            l.put("Content", c, o.build());
        }
        Out.Res r = sam.out.own(id, "AWS::Lambda::LayerVersion", l, at, sam.origin(id));
        SamLowering.keepAttributes(r, body);
        MapNode.Entry retention = props.entry("RetentionPolicy");
        if (retention != null && retention.value().text() != null) {
            r.attribute(
                    "DeletionPolicy",
                    retention.keyLocation(),
                    Nodes.str(
                            retention.value().text().equalsIgnoreCase("Retain") ? "Retain" : "Delete",
                            retention.value().location()));
        }
    }

    static void stateMachine(SamLowering sam, String id, MapNode props, MapNode body, Location at) {
        String origin = sam.origin(id);
        Obj s = new Obj(props.location())
                .copyAll(props, "Definition", "DefinitionSubstitutions", "PermissionsBoundary")
                .copy(props, "DefinitionUri", "DefinitionS3Location")
                .copy(props, "Name", "StateMachineName")
                .copy(props, "Type", "StateMachineType")
                .copy(props, "Logging", "LoggingConfiguration")
                .copy(props, "Tracing", "TracingConfiguration");
        s.remove("PermissionsBoundary");
        if (props.has("Tags")) {
            s.put("Tags", props.keyLocation("Tags"), tagsAsKeyValue(props.get("Tags")));
        }
        Out.Res sm = sam.out.own(id, "AWS::StepFunctions::StateMachine", s, at, origin);
        SamLowering.keepAttributes(sm, body);
        MapNode.Entry role = props.entry("Role");
        if (role != null) {
            s.put("RoleArn", role.keyLocation(), role.value());
        } else {
            List<Node> managed = new ArrayList<>();
            List<Node> inline = new ArrayList<>();
            sam.policies(props.get("Policies"), id, managed, inline);
            Obj r = new Obj(at).put("AssumeRolePolicyDocument", SamLowering.trust("states.amazonaws.com", at));
            if (!managed.isEmpty()) {
                r.put("ManagedPolicyArns", Nodes.seq(at, managed));
            }
            if (!inline.isEmpty()) {
                r.put("Policies", Nodes.seq(at, inline));
            }
            r.copy(props, "PermissionsBoundary").copy(props, "RolePath", "Path");
            Out.Res roleRes = sam.out.generated(id + "Role", "AWS::IAM::Role", r, at, origin, body);
            s.put("RoleArn", Nodes.getAtt(roleRes.id, "Arn", at));
        }
        MapNode events = props.map("Events");
        if (events == null) {
            return;
        }
        for (MapNode.Entry e : events.entries()) {
            if (!(e.value() instanceof MapNode ev)) {
                continue;
            }
            String type = ev.text("Type");
            MapNode p = ev.map("Properties");
            Location eAt = e.keyLocation();
            if (p == null || type == null) {
                continue;
            }
            if (type.equals("Schedule") || type.equals("CloudWatchEvent") || type.equals("EventBridgeRule")) {
                String base = id + e.key();
                Obj r = new Obj(eAt)
                        .put("AssumeRolePolicyDocument", SamLowering.trust("events.amazonaws.com", eAt))
                        .put(
                                "Policies",
                                Nodes.seq(
                                        eAt,
                                        SamLowering.inlinePolicy(
                                                base + "RoleStartExecutionPolicy",
                                                SamLowering.document(
                                                        eAt,
                                                        List.of(SamLowering.allow(
                                                                eAt, Nodes.ref(id, eAt), "states:StartExecution"))),
                                                eAt)));
                Out.Res roleRes = sam.out.generated(base + "Role", "AWS::IAM::Role", r, eAt, origin, body);
                sam.events.rule(
                        type,
                        base,
                        Nodes.ref(id, eAt),
                        Nodes.getAtt(roleRes.id, "Arn", eAt),
                        p,
                        eAt,
                        origin + " event " + e.key(),
                        body);
            } else {
                sam.out.problem(eAt, "state machine event type " + type + " is not lowered");
            }
        }
    }

    private static Node tagsAsKeyValue(Node tags) {
        return SamLowering.tagList(tags);
    }

    static void application(SamLowering sam, String id, MapNode props, MapNode body, Location at) {
        Obj a = new Obj(props.location())
                .copy(props, "Location", "TemplateURL")
                .copyAll(props, "Parameters", "NotificationARNs", "TimeoutInMinutes");
        if (props.has("Tags")) {
            a.put("Tags", props.keyLocation("Tags"), SamLowering.tagList(props.get("Tags")));
        }
        SamLowering.keepAttributes(sam.out.own(id, "AWS::CloudFormation::Stack", a, at, sam.origin(id)), body);
    }
}
