package dev.vigil.posture.format.serverless;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code functions.<key>} to {@code AWS::Lambda::Function} (+ its log group, function URL with its public permission,
 * and event-invoke config), with provider-level settings inherited as the framework inherits them. Each generated
 * property's key sits where the setting was written (the function's or the provider's), so findings about it point
 * there; a property the file does not set stays absent.
 */
final class FunctionCompiler {
    private static final List<String> URL_CORS_HEADERS =
            List.of("Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token");

    private final Service s;
    private final IamCompiler iam;

    FunctionCompiler(Service s, IamCompiler iam) {
        this.s = s;
        this.iam = iam;
    }

    void compile(Service.Function f) {
        MapNode b = f.body();
        Location at = f.at();
        Output.Res fn = s.out.add(f.logicalId(), "AWS::Lambda::Function", at, f.origin());
        Node image = b.get("image");
        if (image != null && !Nodes.isNull(image)) {
            fn.put(
                    "Code",
                    b.keyLocation("image"),
                    new Nodes.MapBuilder(at).put("ImageUri", imageUri(image)).build());
            fn.put("PackageType", b.keyLocation("image"), Nodes.str("Image", at));
        } else {
            fn.put(
                    "Code",
                    new Nodes.MapBuilder(at)
                            .put("S3Bucket", Nodes.ref("ServerlessDeploymentBucket", at))
                            .put("S3Key", Nodes.str("serverless/" + s.name + "/" + s.stage + "/" + s.name + ".zip", at))
                            .build());
        }
        Node name = b.get("name");
        fn.put(
                "FunctionName",
                name != null ? b.keyLocation("name") : at,
                name != null && !Nodes.isNull(name) ? name : Nodes.str(s.name + "-" + s.stage + "-" + f.key(), at));
        copy(fn, b, "handler", "Handler");
        if (image == null || Nodes.isNull(image)) {
            inherit(fn, f, "runtime", "Runtime");
        }
        Node memory = s.inherited(f, "memorySize");
        fn.put("MemorySize", s.inheritedKey(f, "memorySize"), memory != null ? memory : Nodes.num(1024, at));
        Node timeout = s.inherited(f, "timeout");
        fn.put("Timeout", s.inheritedKey(f, "timeout"), timeout != null ? timeout : Nodes.num(6, at));
        copy(fn, b, "description", "Description");
        fn.put("Role", b.has("role") ? b.keyLocation("role") : at, iam.roleFor(f));
        environment(fn, f);
        kms(fn, f);
        Node arch = s.inherited(f, "architecture");
        if (arch != null) {
            fn.put("Architectures", s.inheritedKey(f, "architecture"), Nodes.seq(arch.location(), arch));
        }
        Node reserved = b.get("reservedConcurrency");
        if (reserved != null && !Nodes.isNull(reserved)) {
            fn.put("ReservedConcurrentExecutions", b.keyLocation("reservedConcurrency"), reserved);
        }
        tracing(fn, f);
        deadLetter(fn, f);
        Node layers = s.inherited(f, "layers");
        if (layers != null) {
            fn.put("Layers", s.inheritedKey(f, "layers"), layers);
        }
        vpc(fn, f);
        tags(fn, f);
        Node storage = b.get("ephemeralStorageSize");
        if (storage != null) {
            fn.put(
                    "EphemeralStorage",
                    b.keyLocation("ephemeralStorageSize"),
                    new Nodes.MapBuilder(at).put("Size", storage).build());
        }
        if (b.get("fileSystemConfig") instanceof MapNode fsc) {
            fn.put(
                    "FileSystemConfigs",
                    b.keyLocation("fileSystemConfig"),
                    Nodes.seq(
                            at,
                            new Nodes.MapBuilder(at)
                                    .put("Arn", fsc.get("arn"))
                                    .put("LocalMountPath", fsc.get("localMountPath"))
                                    .build()));
        }
        Node condition = b.get("condition");
        if (condition != null) {
            fn.attribute("Condition", condition);
        }
        Node dependsOn = b.get("dependsOn");
        if (dependsOn != null) {
            fn.attribute("DependsOn", dependsOn);
        }
        if (!Nodes.isTrue(b.get("disableLogs"))) {
            logGroup(f);
        }
        url(f);
        destinations(f);
    }

    private Node imageUri(Node image) {
        if (image instanceof MapNode m) {
            Node uri = m.get("uri");
            if (uri != null) {
                return uri;
            }
            String n = m.text("name");
            Node known = n == null ? null : s.providerPath("ecr", "images", n, "uri");
            return known != null ? known : Nodes.unresolved("image built by the framework", image.location());
        }
        String t = image.text();
        if (t != null && !t.contains(".dkr.ecr.") && !t.contains("@") && !t.contains(":")) {
            Node known = s.providerPath("ecr", "images", t, "uri");
            return known != null ? known : Nodes.unresolved("image " + t + " built by the framework", image.location());
        }
        return image;
    }

    private static void copy(Output.Res fn, MapNode b, String key, String property) {
        Node v = b.get(key);
        if (v != null && !Nodes.isNull(v)) {
            fn.put(property, b.keyLocation(key), v);
        }
    }

    private void inherit(Output.Res fn, Service.Function f, String key, String property) {
        Node v = s.inherited(f, key);
        if (v != null && !Nodes.isNull(v)) {
            fn.put(property, s.inheritedKey(f, key), v);
        }
    }

    /** provider.environment merged with the function's (function wins). */
    private void environment(Output.Res fn, Service.Function f) {
        Node pe = s.provider("environment");
        Node fe = f.body().get("environment");
        Map<String, MapNode.Entry> merged = new LinkedHashMap<>();
        Node opaque = null;
        Location keyAt = null;
        for (Node env : new Node[] {pe, fe}) {
            if (env instanceof MapNode m && !Intrinsic.isIntrinsic(m)) {
                for (MapNode.Entry e : m.entries()) {
                    merged.remove(e.key());
                    merged.put(e.key(), e);
                }
            } else if (env != null && !Nodes.isNull(env)) {
                opaque = env;
            }
        }
        if (fe != null && !Nodes.isNull(fe)) {
            keyAt = f.body().keyLocation("environment");
        } else if (pe != null && !Nodes.isNull(pe)) {
            keyAt = s.providerKey("environment");
        }
        if (keyAt == null) {
            return;
        }
        Node variables =
                merged.isEmpty() && opaque != null ? opaque : new MapNode(new ArrayList<>(merged.values()), keyAt);
        fn.put(
                "Environment",
                keyAt,
                new Nodes.MapBuilder(keyAt).put("Variables", keyAt, variables).build());
    }

    /**
     * As the framework: function {@code kmsKeyArn}, else provider {@code kmsKeyArn}, else function
     * {@code awsKmsKeyArn}, else (v1/v2 service object) {@code service.awsKmsKeyArn}.
     */
    private void kms(Output.Res fn, Service.Function f) {
        MapNode service = s.root.get("service") instanceof MapNode m ? m : Service.EMPTY;
        Object[][] sources = {
            {f.body(), "kmsKeyArn"}, {s.provider, "kmsKeyArn"}, {f.body(), "awsKmsKeyArn"}, {service, "awsKmsKeyArn"}
        };
        for (Object[] src : sources) {
            MapNode m = (MapNode) src[0];
            String key = (String) src[1];
            Node v = m.get(key);
            if (v != null && !Nodes.isNull(v)) {
                fn.put("KmsKeyArn", m.keyLocation(key), v);
                return;
            }
        }
    }

    /** Function {@code tracing}, else {@code provider.tracing.lambda}; {@code true} is Active. */
    private void tracing(Output.Res fn, Service.Function f) {
        Node mode = f.body().get("tracing");
        Location keyAt = f.body().keyLocation("tracing");
        // As the framework's `function.tracing || provider.tracing.lambda`: false falls through to the provider.
        if (mode == null || Nodes.isNull(mode) || Nodes.isFalse(mode)) {
            MapNode.Entry e = s.providerEntry("tracing", "lambda");
            mode = e == null ? null : e.value();
            keyAt = e == null ? null : e.keyLocation();
        }
        if (mode == null || Nodes.isNull(mode) || Nodes.isFalse(mode)) {
            return;
        }
        Node value = Nodes.isTrue(mode) ? Nodes.str("Active", mode.location()) : mode;
        fn.put(
                "TracingConfig",
                keyAt,
                new Nodes.MapBuilder(keyAt).put("Mode", value).build());
        iam.addStatement(f, keyAt, List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), Nodes.str("*", keyAt));
    }

    private void deadLetter(Output.Res fn, Service.Function f) {
        Node onError = f.body().get("onError");
        if (onError == null || Nodes.isNull(onError)) {
            return;
        }
        Location keyAt = f.body().keyLocation("onError");
        fn.put(
                "DeadLetterConfig",
                keyAt,
                new Nodes.MapBuilder(keyAt).put("TargetArn", onError).build());
        String t = onError.text();
        boolean sqs = t != null && t.contains(":sqs:");
        iam.addStatement(f, keyAt, List.of(sqs ? "sqs:SendMessage" : "sns:Publish"), onError);
    }

    private void vpc(Output.Res fn, Service.Function f) {
        Node vpc = s.inherited(f, "vpc");
        if (!(vpc instanceof MapNode m)) {
            return;
        }
        Location keyAt = s.inheritedKey(f, "vpc");
        Nodes.MapBuilder cfg = new Nodes.MapBuilder(keyAt);
        if (m.has("securityGroupIds")) {
            cfg.put("SecurityGroupIds", m.keyLocation("securityGroupIds"), m.get("securityGroupIds"));
        }
        if (m.has("subnetIds")) {
            cfg.put("SubnetIds", m.keyLocation("subnetIds"), m.get("subnetIds"));
        }
        if (m.has("ipv6AllowedForDualStack")) {
            cfg.put("Ipv6AllowedForDualStack", m.get("ipv6AllowedForDualStack"));
        }
        fn.put("VpcConfig", keyAt, cfg.build());
        iam.usesVpc(f);
    }

    /** provider.stackTags, provider.tags and the function's tags (later wins), as a CloudFormation tag list. */
    private void tags(Output.Res fn, Service.Function f) {
        List<MapNode> sources = new ArrayList<>();
        Location keyAt = null;
        for (String key : new String[] {"stackTags", "tags"}) {
            if (s.provider(key) instanceof MapNode m && m.size() > 0) {
                sources.add(m);
                keyAt = s.providerKey(key);
            }
        }
        if (f.body().get("tags") instanceof MapNode m && m.size() > 0) {
            sources.add(m);
            keyAt = f.body().keyLocation("tags");
        }
        if (sources.isEmpty()) {
            return;
        }
        MapNode last = sources.remove(sources.size() - 1);
        fn.put("Tags", keyAt, tagList(last, sources));
    }

    /** {@code {k: v}} maps as {@code [{Key: k, Value: v}]}; entries of {@code last} win over {@code earlier}. */
    static SeqNode tagList(MapNode last, List<MapNode> earlier) {
        Map<String, MapNode.Entry> merged = new LinkedHashMap<>();
        for (MapNode m : earlier) {
            for (MapNode.Entry e : m.entries()) {
                merged.put(e.key(), e);
            }
        }
        for (MapNode.Entry e : last.entries()) {
            merged.remove(e.key());
            merged.put(e.key(), e);
        }
        List<Node> out = new ArrayList<>();
        for (MapNode.Entry e : merged.values()) {
            Location at = e.keyLocation();
            Node v = e.value() instanceof ScalarNode sc && sc.kind() != ScalarNode.Kind.STRING
                    ? Nodes.str(sc.value(), sc.location())
                    : e.value();
            out.add(new Nodes.MapBuilder(at)
                    .put("Key", Nodes.str(e.key(), at))
                    .put("Value", v)
                    .build());
        }
        return Nodes.seq(last.location(), out);
    }

    private void logGroup(Service.Function f) {
        Location at = f.at();
        Output.Res lg = s.out.add(Names.function(f.key()) + "LogGroup", "AWS::Logs::LogGroup", at, f.origin());
        Node name = f.body().get("name");
        String fnName = name != null && name.text() != null ? name.text() : s.name + "-" + s.stage + "-" + f.key();
        lg.put("LogGroupName", Nodes.str("/aws/lambda/" + fnName, at));
        Node retention = s.inherited(f, "logRetentionInDays");
        if (retention != null && !Nodes.isNull(retention)) {
            lg.put("RetentionInDays", s.inheritedKey(f, "logRetentionInDays"), retention);
        }
    }

    /** {@code url: true} or a map: the function URL, AuthType NONE unless {@code authorizer: aws_iam}. */
    private void url(Service.Function f) {
        Node url = f.body().get("url");
        if (url == null || Nodes.isNull(url) || Nodes.isFalse(url)) {
            return;
        }
        Location at = f.body().keyLocation("url");
        MapNode cfg = url instanceof MapNode m ? m : Service.EMPTY;
        Node authorizer = cfg.get("authorizer");
        boolean iamAuth = authorizer != null && "aws_iam".equalsIgnoreCase(authorizer.text());
        Location authAt = authorizer != null ? cfg.keyLocation("authorizer") : at;
        Output.Res res = s.out.add(Names.function(f.key()) + "LambdaFunctionUrl", "AWS::Lambda::Url", at, f.origin());
        res.put("AuthType", authAt, Nodes.str(iamAuth ? "AWS_IAM" : "NONE", authAt));
        res.put("TargetFunctionArn", Service.functionArn(f, at));
        Node invokeMode = cfg.get("invokeMode");
        if (invokeMode != null) {
            res.put("InvokeMode", cfg.keyLocation("invokeMode"), invokeMode);
        }
        Node cors = cfg.get("cors");
        if (cors != null && !Nodes.isNull(cors) && !Nodes.isFalse(cors)) {
            res.put("Cors", cfg.keyLocation("cors"), urlCors(cors, cfg.keyLocation("cors")));
        }
        if (!iamAuth) {
            Output.Res p = s.out.add(
                    Names.function(f.key()) + "LambdaPermissionFnUrl", "AWS::Lambda::Permission", at, f.origin());
            p.put("FunctionName", Service.functionArn(f, at));
            p.put("Action", Nodes.str("lambda:InvokeFunctionUrl", at));
            p.put("Principal", Nodes.str("*", at));
            p.put("FunctionUrlAuthType", Nodes.str("NONE", at));
        }
    }

    private static MapNode urlCors(Node cors, Location at) {
        MapNode m = cors instanceof MapNode mm ? mm : Service.EMPTY;
        Nodes.MapBuilder b = new Nodes.MapBuilder(at);
        corsField(b, m, "allowCredentials", "AllowCredentials", null, at);
        corsField(b, m, "allowedHeaders", "AllowHeaders", URL_CORS_HEADERS, at);
        corsField(b, m, "allowedMethods", "AllowMethods", List.of("*"), at);
        corsField(b, m, "allowedOrigins", "AllowOrigins", List.of("*"), at);
        corsField(b, m, "exposedResponseHeaders", "ExposeHeaders", null, at);
        corsField(b, m, "maxAge", "MaxAge", null, at);
        return b.build();
    }

    private static void corsField(
            Nodes.MapBuilder b, MapNode m, String key, String property, List<String> defaults, Location at) {
        if (m.has(key)) {
            Node v = m.get(key);
            if (!Nodes.isNull(v)) {
                b.put(
                        property,
                        m.keyLocation(key),
                        v instanceof ScalarNode && defaults != null ? Nodes.seq(v.location(), v) : v);
            }
        } else if (defaults != null) {
            List<Node> items = new ArrayList<>();
            for (String d : defaults) {
                items.add(Nodes.str(d, at));
            }
            b.put(property, at, Nodes.seq(at, items));
        }
    }

    /** {@code destinations} and async retry settings to {@code AWS::Lambda::EventInvokeConfig}. */
    private void destinations(Service.Function f) {
        MapNode b = f.body();
        MapNode dest = b.map("destinations");
        Node retries = b.get("maximumRetryAttempts");
        Node age = b.get("maximumEventAge");
        if (dest == null && retries == null && age == null) {
            return;
        }
        Location at = dest != null ? b.keyLocation("destinations") : f.at();
        Output.Res r =
                s.out.add(Names.function(f.key()) + "LambdaEvConf", "AWS::Lambda::EventInvokeConfig", at, f.origin());
        r.put("FunctionName", Nodes.ref(f.logicalId(), at));
        r.put("Qualifier", Nodes.str("$LATEST", at));
        if (dest != null) {
            Nodes.MapBuilder cfg = new Nodes.MapBuilder(at);
            for (String[] k : new String[][] {{"onSuccess", "OnSuccess"}, {"onFailure", "OnFailure"}}) {
                Node d = dest.get(k[0]);
                if (d instanceof MapNode dm && dm.has("arn")) {
                    d = dm.get("arn");
                }
                if (d != null && !Nodes.isNull(d)) {
                    Location dAt = dest.keyLocation(k[0]);
                    cfg.put(
                            k[1],
                            dAt,
                            new Nodes.MapBuilder(dAt)
                                    .put("Destination", destinationArn(d))
                                    .build());
                }
            }
            r.put("DestinationConfig", at, cfg.build());
        }
        if (retries != null) {
            r.put("MaximumRetryAttempts", b.keyLocation("maximumRetryAttempts"), retries);
        }
        if (age != null) {
            r.put("MaximumEventAgeInSeconds", b.keyLocation("maximumEventAge"), age);
        }
    }

    /** A destination given as another function's key becomes that function's ARN. */
    private Node destinationArn(Node d) {
        String t = d.text();
        if (t != null && !t.startsWith("arn:")) {
            for (Service.Function other : s.functions) {
                if (other.key().equals(t)) {
                    return Service.functionArn(other, d.location());
                }
            }
        }
        return d;
    }

    static List<Node> items(Node n) {
        return n instanceof SeqNode q ? q.items() : n == null ? List.of() : List.of(n);
    }
}
