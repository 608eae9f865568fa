package dev.vigil.posture.format.sam;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lowers one {@code AWS::Serverless::Function} to its function, role, URL, invoke config, alias and events. */
final class FunctionLowering {
    private static final String[] COPIED = {
        "Handler",
        "Runtime",
        "MemorySize",
        "Timeout",
        "Environment",
        "KmsKeyArn",
        "Layers",
        "VpcConfig",
        "ReservedConcurrentExecutions",
        "CodeSigningConfigArn",
        "FunctionName",
        "Architectures",
        "PackageType",
        "Description",
        "FileSystemConfigs",
        "EphemeralStorage",
        "SnapStart",
        "RuntimeManagementConfig",
        "LoggingConfig",
        "ImageConfig",
        "RecursiveLoop",
        "DurableConfig"
    };

    private final SamLowering sam;
    private final String id;
    private final MapNode props;
    private final MapNode body;
    private final Location at;
    private final String origin;
    final List<Node> managed = new ArrayList<>();
    final List<Node> inline = new ArrayList<>();

    FunctionLowering(SamLowering sam, String id, MapNode props, MapNode body, Location at) {
        this.sam = sam;
        this.id = id;
        this.props = props;
        this.body = body;
        this.at = at;
        this.origin = sam.origin(id);
    }

    void lower() {
        Obj fn = new Obj(props.location());
        fn.copyAll(props, COPIED);
        code(fn);
        MapNode.Entry tracing = props.entry("Tracing");
        if (tracing != null) {
            fn.put(
                    "TracingConfig",
                    tracing.keyLocation(),
                    Nodes.single("Mode", tracing.value(), tracing.keyLocation()));
        }
        MapNode dlq = props.map("DeadLetterQueue");
        if (dlq != null) {
            Location dlqAt = props.keyLocation("DeadLetterQueue");
            fn.put(
                    "DeadLetterConfig",
                    dlqAt,
                    new Obj(dlqAt).copy(dlq, "TargetArn").build());
            Node target = dlq.get("TargetArn");
            String type = dlq.text("Type");
            if (target != null && type != null) {
                String action = type.equalsIgnoreCase("SNS") ? "sns:Publish" : "sqs:SendMessage";
                inline.add(SamLowering.inlinePolicy(
                        id + "DeadLetterQueuePolicy",
                        SamLowering.document(dlqAt, List.of(SamLowering.allow(dlqAt, target, action))),
                        dlqAt));
            }
        }
        if (props.has("Tags")) {
            fn.put("Tags", props.keyLocation("Tags"), SamLowering.tagList(props.get("Tags")));
        }
        // Lenient: the CloudFormation spelling written in a SAM function (which SAM itself would reject) is read as
        // meant, the way other scanners read it, unless the SAM spelling is there too.
        if (!fn.has("DeadLetterConfig")) {
            fn.copy(props, "DeadLetterConfig");
        }
        if (!fn.has("TracingConfig")) {
            fn.copy(props, "TracingConfig");
        }
        Out.Res fnRes = sam.out.own(id, "AWS::Lambda::Function", fn, at, origin);
        SamLowering.keepAttributes(fnRes, body);

        MapNode.Entry role = props.entry("Role");
        Out.Res roleRes = null;
        if (role != null) {
            fn.put("Role", role.keyLocation(), role.value());
        } else {
            roleRes = sam.out.generated(id + "Role", "AWS::IAM::Role", new Obj(at), at, origin, body);
            fn.put("Role", Nodes.getAtt(roleRes.id, "Arn", at));
        }
        functionUrl();
        eventInvokeConfig();
        alias();
        MapNode eventMap = props.map("Events");
        if (eventMap != null) {
            for (MapNode.Entry e : eventMap.entries()) {
                sam.events.functionEvent(this, id, e, body);
            }
        }
        if (roleRes != null) {
            role(roleRes.props);
        }
    }

    private void code(Obj fn) {
        MapNode.Entry inlineCode = props.entry("InlineCode");
        MapNode.Entry codeUri = props.entry("CodeUri");
        MapNode.Entry image = props.entry("ImageUri");
        if (inlineCode != null) {
            fn.put(
                    "Code",
                    inlineCode.keyLocation(),
                    Nodes.single("ZipFile", inlineCode.value(), inlineCode.keyLocation()));
        } else if (image != null) {
            fn.put("Code", image.keyLocation(), Nodes.single("ImageUri", image.value(), image.keyLocation()));
        } else if (codeUri != null) {
            Location c = codeUri.keyLocation();
            Obj code = new Obj(c);
            if (codeUri.value() instanceof MapNode m && !Nodes.isIntrinsic(m)) {
                code.copy(m, "Bucket", "S3Bucket").copy(m, "Key", "S3Key").copy(m, "Version", "S3ObjectVersion");
            } else {
                code.put("S3Bucket", Nodes.unresolved("bucket chosen by sam package", c))
                        .put("S3Key", codeUri.value());
            }
            fn.put("Code", c, code.build());
        }
    }

    /** The generated execution role, as the SAM translator builds it. */
    private void role(Obj role) {
        Node assume = props.get("AssumeRolePolicyDocument");
        role.put("AssumeRolePolicyDocument", assume != null ? assume : SamLowering.trust("lambda.amazonaws.com", at));
        List<Node> arns = new ArrayList<>();
        arns.add(SamLowering.managedArn("AWSLambdaBasicExecutionRole", at));
        String tracing = props.text("Tracing");
        if (tracing != null && tracing.toLowerCase(Locale.ROOT).equals("active")) {
            arns.add(SamLowering.managedArn("AWSXrayWriteOnlyAccess", props.keyLocation("Tracing")));
        }
        if (props.has("VpcConfig")) {
            arns.add(SamLowering.managedArn("AWSLambdaVPCAccessExecutionRole", props.keyLocation("VpcConfig")));
        }
        List<Node> fromPolicies = new ArrayList<>();
        sam.policies(props.get("Policies"), id, fromPolicies, inline);
        arns.addAll(fromPolicies);
        arns.addAll(managed);
        role.put("ManagedPolicyArns", Nodes.seq(at, dedupe(arns)));
        if (!inline.isEmpty()) {
            role.put("Policies", Nodes.seq(at, inline));
        }
        role.copy(props, "PermissionsBoundary");
        role.copy(props, "RolePath", "Path");
        if (props.has("Tags")) {
            role.put("Tags", props.keyLocation("Tags"), SamLowering.tagList(props.get("Tags")));
        }
    }

    private static List<Node> dedupe(List<Node> arns) {
        List<Node> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Node n : arns) {
            String t = n.text();
            if (t == null || seen.add(t)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Adds a managed policy an event source needs (e.g. the SQS poller policy). */
    void needsManagedPolicy(String name, Location where) {
        managed.add(SamLowering.managedArn(name, where));
    }

    /** Adds an inline policy an event source needs. */
    void needsInline(String name, Location where, MapNode statement) {
        inline.add(SamLowering.inlinePolicy(name, SamLowering.document(where, List.of(statement)), where));
    }

    private void functionUrl() {
        MapNode url = props.map("FunctionUrlConfig");
        if (url == null) {
            return;
        }
        Location u = props.keyLocation("FunctionUrlConfig");
        Obj p = new Obj(u).copyAll(url, "AuthType", "Cors", "InvokeMode");
        p.put("TargetFunctionArn", Nodes.getAtt(id, "Arn", u));
        String aliasName = props.text("AutoPublishAlias");
        if (aliasName != null) {
            p.put("Qualifier", aliasName);
        }
        sam.out.generated(id + "Url", "AWS::Lambda::Url", p, at, origin, body);
        String auth = url.text("AuthType");
        if (auth != null && auth.trim().equalsIgnoreCase("NONE")) {
            Obj perm = new Obj(u)
                    .put("Action", "lambda:InvokeFunctionUrl")
                    .put("FunctionName", Nodes.ref(id, u))
                    .put("Principal", "*")
                    .put("FunctionUrlAuthType", url.get("AuthType"));
            sam.out.generated(id + "UrlPublicPermissions", "AWS::Lambda::Permission", perm, at, origin, body);
        }
    }

    private void eventInvokeConfig() {
        MapNode cfg = props.map("EventInvokeConfig");
        if (cfg == null) {
            return;
        }
        Location c = props.keyLocation("EventInvokeConfig");
        Obj p = new Obj(c)
                .put("FunctionName", Nodes.ref(id, c))
                .put("Qualifier", props.text("AutoPublishAlias") != null ? props.text("AutoPublishAlias") : "$LATEST")
                .copyAll(cfg, "MaximumEventAgeInSeconds", "MaximumRetryAttempts");
        MapNode dest = cfg.map("DestinationConfig");
        if (dest != null) {
            Obj d = new Obj(cfg.keyLocation("DestinationConfig"));
            for (String side : new String[] {"OnSuccess", "OnFailure"}) {
                MapNode s = dest.map(side);
                if (s == null) {
                    continue;
                }
                Location sAt = dest.keyLocation(side);
                d.put(side, sAt, new Obj(sAt).copy(s, "Destination").build());
                String type = s.text("Type");
                Node target = s.get("Destination");
                if (type != null && target != null) {
                    String action = switch (type.toUpperCase(Locale.ROOT)) {
                        case "SNS" -> "sns:Publish";
                        case "LAMBDA" -> "lambda:InvokeFunction";
                        case "EVENTBRIDGE" -> "events:PutEvents";
                        case "S3BUCKET" -> "s3:PutObject";
                        default -> "sqs:SendMessage";
                    };
                    needsInline(
                            id + "EventInvokeConfig" + side + "Policy", sAt, SamLowering.allow(sAt, target, action));
                }
            }
            p.put("DestinationConfig", cfg.keyLocation("DestinationConfig"), d.build());
        }
        sam.out.generated(id + "EventInvokeConfig", "AWS::Lambda::EventInvokeConfig", p, at, origin, body);
    }

    private void alias() {
        String name = props.text("AutoPublishAlias");
        if (name == null) {
            return;
        }
        Location a = props.keyLocation("AutoPublishAlias");
        Out.Res version = sam.out.generated(
                id + "Version",
                "AWS::Lambda::Version",
                new Obj(a).put("FunctionName", Nodes.ref(id, a)),
                at,
                origin,
                body);
        Obj p = new Obj(a)
                .put("Name", props.get("AutoPublishAlias"))
                .put("FunctionName", Nodes.ref(id, a))
                .put("FunctionVersion", Nodes.getAtt(version.id, "Version", a))
                .copy(props, "ProvisionedConcurrencyConfig");
        sam.out.generated(id + "Alias" + Nodes.alnum(name), "AWS::Lambda::Alias", p, at, origin, body);
    }

    Location location() {
        return at;
    }

    String origin() {
        return origin;
    }
}
