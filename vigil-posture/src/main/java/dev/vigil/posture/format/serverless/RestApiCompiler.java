package dev.vigil.posture.format.serverless;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code http} events to the REST API the framework generates: {@code ApiGatewayRestApi}, one
 * {@code AWS::ApiGateway::Resource} per path segment, one {@code AWS::ApiGateway::Method} per event (and an OPTIONS
 * method for {@code cors}), authorizers, the deployment, a stage ({@code ApiGatewayStage}, always emitted so missing
 * access logging and tracing are visible), usage plans and API keys, and one invoke permission per function.
 *
 * <p>Each method carries {@code Metadata: {Vigil: {Path: /users/{id}, Function: key}}} so extractors need not walk
 * the resource chain. A file without functions whose provider configures a REST API ({@code apiGateway},
 * {@code endpointType}, {@code logs.restApi}, {@code tracing.apiGateway}, usage plans or keys) also gets the API.
 */
final class RestApiCompiler {
    static final String API = "ApiGatewayRestApi";
    static final String DEPLOYMENT = "ApiGatewayDeployment";
    static final String STAGE = "ApiGatewayStage";

    private final Service s;
    private final Map<String, String> resourceIds = new LinkedHashMap<>();
    private final List<Node> methods = new ArrayList<>();
    private final Set<String> permitted = new LinkedHashSet<>();
    private final Set<String> corsPaths = new LinkedHashSet<>();
    private Node apiId;
    private Node rootId;
    private boolean created;

    RestApiCompiler(Service s) {
        this.s = s;
    }

    /**
     * True when a file without functions configures a REST API at the provider: the settings are all the file says,
     * so they are modelled and checked. With functions but no http event the framework creates no API and neither
     * does this.
     */
    boolean configured() {
        if (!s.functions.isEmpty()) {
            return false;
        }
        MapNode apiGw = s.providerMap("apiGateway");
        if (apiGw != null && (apiGw.has("restApiId") || apiGw.has("httpApiId"))) {
            return false;
        }
        return s.provider.has("apiGateway")
                || s.provider.has("endpointType")
                || s.provider.has("usagePlan")
                || s.provider.has("apiKeys")
                || s.provider.has("resourcePolicy")
                || s.providerPath("logs", "restApi") != null
                || s.providerPath("tracing") instanceof MapNode t && t.has("apiGateway");
    }

    /** The API's own location: {@code provider.apiGateway} when written, else {@code provider}. */
    private Location apiLocation() {
        return s.provider.has("apiGateway") ? s.providerKey("apiGateway") : s.providerAt;
    }

    private void ensureApi() {
        if (apiId != null) {
            return;
        }
        Location at = apiLocation();
        MapNode apiGw = s.providerMap("apiGateway");
        Node external = apiGw == null ? null : apiGw.get("restApiId");
        if (external != null && !Nodes.isNull(external)) {
            apiId = external;
            Node root = apiGw.get("restApiRootResourceId");
            rootId = root != null ? root : Nodes.unresolved("root resource of an existing REST API", at);
            return;
        }
        created = true;
        apiId = Nodes.ref(API, at);
        rootId = Nodes.getAtt(API, "RootResourceId", at);
        Output.Res api = s.out.add(API, "AWS::ApiGateway::RestApi", at, "serverless.yml provider");
        Node apiName = s.provider("apiName");
        if (apiName == null && apiGw != null) {
            apiName = apiGw.get("apiName");
        }
        api.put("Name", apiName != null ? apiName : Nodes.str(s.stage + "-" + s.name, at));
        MapNode.Entry endpoint = s.providerEntry("endpointType");
        Location epAt = endpoint != null ? endpoint.keyLocation() : at;
        Node type = endpoint != null && endpoint.value().text() != null
                ? Nodes.str(
                        endpoint.value().text().toUpperCase(Locale.ROOT),
                        endpoint.value().location())
                : endpoint != null ? endpoint.value() : Nodes.str("EDGE", at);
        Nodes.MapBuilder ep = new Nodes.MapBuilder(epAt).put("Types", epAt, Nodes.seq(type.location(), type));
        MapNode.Entry vpce = s.providerEntry("vpcEndpointIds");
        if (vpce != null) {
            ep.put("VpcEndpointIds", vpce.keyLocation(), vpce.value());
        }
        api.put("EndpointConfiguration", epAt, ep.build());
        if (apiGw != null) {
            MapNode.Entry mcs = apiGw.entry("minimumCompressionSize");
            if (mcs != null && !Nodes.isNull(mcs.value())) {
                api.put("MinimumCompressionSize", mcs.keyLocation(), mcs.value());
            }
            MapNode.Entry bin = apiGw.entry("binaryMediaTypes");
            if (bin != null) {
                api.put("BinaryMediaTypes", bin.keyLocation(), bin.value());
            }
            MapNode.Entry disable = apiGw.entry("disableDefaultEndpoint");
            if (disable != null) {
                api.put("DisableExecuteApiEndpoint", disable.keyLocation(), disable.value());
            }
            MapNode.Entry source = apiGw.entry("apiKeySourceType");
            if (source != null && source.value().text() != null) {
                api.put(
                        "ApiKeySourceType",
                        source.keyLocation(),
                        Nodes.str(
                                source.value().text().toUpperCase(Locale.ROOT),
                                source.value().location()));
            }
        }
        MapNode.Entry policy = apiGw != null && apiGw.has("resourcePolicy")
                ? apiGw.entry("resourcePolicy")
                : s.providerEntry("resourcePolicy");
        if (policy != null && !Nodes.isNull(policy.value())) {
            Location pAt = policy.keyLocation();
            api.put(
                    "Policy",
                    pAt,
                    new Nodes.MapBuilder(pAt)
                            .put("Version", Nodes.str("2012-10-17", pAt))
                            .put("Statement", pAt, policy.value())
                            .build());
        }
        if (s.provider("tags") instanceof MapNode tags && tags.size() > 0) {
            api.put("Tags", s.providerKey("tags"), FunctionCompiler.tagList(tags, List.of()));
        }
    }

    /** One {@code http} event of a function. */
    void event(Service.Function f, Node event, Location at) {
        String method;
        String path;
        MapNode cfg = Service.EMPTY;
        if (event instanceof MapNode m) {
            cfg = m;
            method = m.text("method");
            path = m.text("path");
        } else if (event.text() != null) {
            String[] parts = event.text().strip().split("\\s+", 2);
            method = parts[0];
            path = parts.length > 1 ? parts[1] : null;
        } else {
            s.problem(at, "http event of " + f.key() + " is not a map or 'METHOD path'; skipped");
            return;
        }
        if (method == null || path == null) {
            s.problem(at, "http event of " + f.key() + " has no method or path; skipped");
            return;
        }
        ensureApi();
        String clean = "/" + trimSlashes(path);
        String resourceKey = resource(clean, at);
        Node resourceRef = resourceKey.isEmpty() ? rootId : Nodes.ref("ApiGatewayResource" + resourceKey, at);
        String verb = method.toUpperCase(Locale.ROOT).equals("*") ? "ANY" : method.toUpperCase(Locale.ROOT);
        String id = "ApiGatewayMethod" + resourceKey + Names.method(verb);
        Output.Res m = s.out.add(id, "AWS::ApiGateway::Method", at, f.origin());
        m.put("HttpMethod", cfg.has("method") ? cfg.keyLocation("method") : at, Nodes.str(verb, at));
        m.put("RequestParameters", new Nodes.MapBuilder(at).build());
        m.put("ResourceId", resourceRef);
        m.put("RestApiId", apiId);
        Node priv = cfg.get("private");
        m.put(
                "ApiKeyRequired",
                cfg.has("private") ? cfg.keyLocation("private") : at,
                Nodes.bool(Nodes.isTrue(priv), priv != null ? priv.location() : at));
        authorization(m, f, cfg, at);
        String integration = cfg.text("integration");
        String type = integration == null
                ? "AWS_PROXY"
                : switch (integration.toLowerCase(Locale.ROOT)) {
                    case "lambda" -> "AWS";
                    case "http" -> "HTTP";
                    case "http-proxy", "http_proxy" -> "HTTP_PROXY";
                    case "mock" -> "MOCK";
                    default -> "AWS_PROXY";
                };
        Nodes.MapBuilder integ = new Nodes.MapBuilder(at).put("Type", Nodes.str(type, at));
        if (type.startsWith("AWS")) {
            integ.put("IntegrationHttpMethod", Nodes.str("POST", at));
            integ.put("Uri", Service.invocationUri(f, at));
            permission(f, at);
        } else if (cfg.map("request") != null && cfg.map("request").get("uri") != null) {
            integ.put("Uri", cfg.map("request").get("uri"));
        }
        m.put("Integration", integ.build());
        m.put("MethodResponses", Nodes.seq(at, List.of()));
        m.attribute("Metadata", metadata(at, clean, verb, f.key()));
        methods.add(Nodes.str(id, at));
        Node cors = cfg.get("cors");
        if (cors != null && !Nodes.isNull(cors) && !Nodes.isFalse(cors) && corsPaths.add(resourceKey)) {
            Output.Res o = s.out.add(
                    "ApiGatewayMethod" + resourceKey + "Options",
                    "AWS::ApiGateway::Method",
                    cfg.keyLocation("cors"),
                    f.origin());
            o.put("AuthorizationType", Nodes.str("NONE", at));
            o.put("HttpMethod", Nodes.str("OPTIONS", at));
            o.put("ResourceId", resourceRef);
            o.put("RestApiId", apiId);
            o.put(
                    "Integration",
                    new Nodes.MapBuilder(at).put("Type", Nodes.str("MOCK", at)).build());
            o.attribute("Metadata", metadata(at, clean, "OPTIONS", null));
            methods.add(Nodes.str(o.id(), at));
        }
    }

    private static MapNode metadata(Location at, String path, String method, String function) {
        Nodes.MapBuilder v =
                new Nodes.MapBuilder(at).put("Path", Nodes.str(path, at)).put("Method", Nodes.str(method, at));
        if (function != null) {
            v.put("Function", Nodes.str(function, at));
        } else {
            v.put("Cors", Nodes.bool(true, at));
        }
        return new Nodes.MapBuilder(at).put("Vigil", v.build()).build();
    }

    private static String trimSlashes(String p) {
        int a = 0;
        int b = p.length();
        while (a < b && p.charAt(a) == '/') {
            a++;
        }
        while (b > a && p.charAt(b - 1) == '/') {
            b--;
        }
        return p.substring(a, b);
    }

    /** Creates the resource chain of a path; returns the last resource's id fragment ("" for the root). */
    private String resource(String path, Location at) {
        String key = "";
        Node parent = rootId;
        for (String seg : path.substring(1).split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            key = key + Names.pathPart(seg);
            String id = "ApiGatewayResource" + key;
            if (!resourceIds.containsKey(id)) {
                resourceIds.put(id, seg);
                Output.Res r = s.out.add(id, "AWS::ApiGateway::Resource", at, "serverless.yml functions");
                r.put("ParentId", parent);
                r.put("PathPart", Nodes.str(seg, at));
                r.put("RestApiId", apiId);
            }
            parent = Nodes.ref(id, at);
        }
        return key;
    }

    private void authorization(Output.Res m, Service.Function f, MapNode cfg, Location at) {
        Node auth = cfg.get("authorizer");
        if (auth == null || Nodes.isNull(auth)) {
            m.put("AuthorizationType", Nodes.str("NONE", at));
            return;
        }
        Location authAt = cfg.keyLocation("authorizer");
        MapNode a = auth instanceof MapNode am ? am : Service.EMPTY;
        String text = auth.text();
        String type = a.text("type");
        String arn = text != null ? text : a.text("arn");
        String name = text != null ? text : a.text("name");
        if ("aws_iam".equalsIgnoreCase(text) || "aws_iam".equalsIgnoreCase(type)) {
            m.put("AuthorizationType", authAt, Nodes.str("AWS_IAM", authAt));
            return;
        }
        boolean cognito = "COGNITO_USER_POOLS".equalsIgnoreCase(type) || arn != null && arn.contains(":cognito-idp:");
        m.put("AuthorizationType", authAt, Nodes.str(cognito ? "COGNITO_USER_POOLS" : "CUSTOM", authAt));
        Node scopes = a.get("scopes");
        if (scopes != null) {
            m.put("AuthorizationScopes", a.keyLocation("scopes"), scopes);
        }
        Node existing = a.get("authorizerId");
        if (existing != null) {
            m.put("AuthorizerId", a.keyLocation("authorizerId"), existing);
            return;
        }
        if (name == null && arn != null) {
            name = arn.substring(arn.lastIndexOf(':') + 1);
        }
        if (name == null) {
            name = "Authorizer";
        }
        if (name.contains(":")) {
            name = name.substring(name.lastIndexOf(':') + 1);
        }
        String id = Names.function(name) + "ApiGatewayAuthorizer";
        m.put("AuthorizerId", authAt, Nodes.ref(id, authAt));
        if (!s.out.has(id)) {
            Output.Res r = s.out.add(id, "AWS::ApiGateway::Authorizer", authAt, f.origin());
            r.put("Name", Nodes.str(name, authAt));
            r.put("RestApiId", apiId);
            String t = type == null ? null : type.toUpperCase(Locale.ROOT);
            r.put(
                    "Type",
                    Nodes.str(cognito ? "COGNITO_USER_POOLS" : "REQUEST".equals(t) ? "REQUEST" : "TOKEN", authAt));
            Node identity = a.get("identitySource");
            r.put(
                    "IdentitySource",
                    identity != null ? identity : Nodes.str("method.request.header.Authorization", authAt));
            if (cognito) {
                Node arnNode = auth.text() != null ? auth : a.get("arn");
                r.put(
                        "ProviderARNs",
                        Nodes.seq(authAt, arnNode != null ? arnNode : Nodes.unresolved("user pool", authAt)));
            } else {
                Node fnArn = arn != null && arn.startsWith("arn:")
                        ? Nodes.str(arn, authAt)
                        : a.get("arn") != null ? a.get("arn") : authorizerFunction(name, authAt);
                r.put(
                        "AuthorizerUri",
                        Nodes.join(
                                "",
                                authAt,
                                Nodes.str("arn:", authAt),
                                Nodes.ref("AWS::Partition", authAt),
                                Nodes.str(":apigateway:", authAt),
                                Nodes.ref("AWS::Region", authAt),
                                Nodes.str(":lambda:path/2015-03-31/functions/", authAt),
                                fnArn,
                                Nodes.str("/invocations", authAt)));
            }
        }
    }

    private Node authorizerFunction(String name, Location at) {
        for (Service.Function other : s.functions) {
            if (other.key().equals(name)) {
                return Service.functionArn(other, at);
            }
        }
        return Nodes.unresolved("authorizer function " + name, at);
    }

    private void permission(Service.Function f, Location at) {
        if (!permitted.add(f.key())) {
            return;
        }
        Output.Res p = s.invokePermission(
                f, Names.function(f.key()) + "LambdaPermissionApiGateway", "apigateway.amazonaws.com", at);
        p.put("SourceArn", Nodes.regionalArn("execute-api", at, apiId, Nodes.str("/*/*", at)));
    }

    /** Emits the deployment, stage and usage plans once every event has been seen. */
    void finish() {
        if (apiId == null && configured()) {
            ensureApi();
        }
        if (apiId == null) {
            return;
        }
        Location at = apiLocation();
        Output.Res d = s.out.add(DEPLOYMENT, "AWS::ApiGateway::Deployment", at, "serverless.yml provider");
        d.put("RestApiId", apiId);
        if (!methods.isEmpty()) {
            d.attribute("DependsOn", Nodes.seq(at, methods));
        }
        if (created) {
            stage(at);
        }
        usagePlans(at);
    }

    private void stage(Location apiAt) {
        MapNode.Entry logs = s.providerEntry("logs", "restApi");
        Node logsValue = logs == null ? null : logs.value();
        MapNode logCfg = logsValue instanceof MapNode m ? m : Service.EMPTY;
        boolean logging = logsValue != null && !Nodes.isNull(logsValue) && !Nodes.isFalse(logsValue);
        MapNode.Entry accessEntry = logCfg.entry("accessLogging");
        boolean access = logging && (accessEntry == null || !Nodes.isFalse(accessEntry.value()));
        MapNode.Entry tracingEntry = s.providerEntry("tracing", "apiGateway");
        MapNode.Entry tracingKey = s.providerEntry("tracing");
        // Placed at the setting that decides the stage's logging and tracing, where a reader would fix it.
        Location at = accessEntry != null && Nodes.isFalse(accessEntry.value())
                ? accessEntry.keyLocation()
                : logs != null ? logs.keyLocation() : tracingKey != null ? tracingKey.keyLocation() : apiAt;
        Output.Res st = s.out.add(STAGE, "AWS::ApiGateway::Stage", at, "serverless.yml provider");
        st.put("RestApiId", apiId);
        st.put("DeploymentId", Nodes.ref(DEPLOYMENT, at));
        st.put("StageName", Nodes.str(s.stage, at));
        if (tracingEntry != null && !Nodes.isNull(tracingEntry.value())) {
            Node v = tracingEntry.value();
            st.put(
                    "TracingEnabled",
                    tracingEntry.keyLocation(),
                    Nodes.isTrue(v) || Nodes.isFalse(v) ? Nodes.bool(Nodes.isTrue(v), v.location()) : v);
        }
        if (access) {
            Location lAt = logs.keyLocation();
            Output.Res lg = s.out.add("ApiGatewayLogGroup", "AWS::Logs::LogGroup", lAt, "serverless.yml provider");
            lg.put("LogGroupName", Nodes.str("/aws/api-gateway/" + s.name + "-" + s.stage, lAt));
            Node retention = s.provider("logRetentionInDays");
            if (retention != null) {
                lg.put("RetentionInDays", s.providerKey("logRetentionInDays"), retention);
            }
            Node format = logCfg.get("format");
            st.put(
                    "AccessLogSetting",
                    lAt,
                    new Nodes.MapBuilder(lAt)
                            .put("DestinationArn", Nodes.getAtt("ApiGatewayLogGroup", "Arn", lAt))
                            .put(
                                    "Format",
                                    format != null
                                            ? format
                                            : Nodes.str(
                                                    "requestId: $context.requestId, ip: $context.identity.sourceIp, caller: $context.identity.caller,"
                                                            + " user: $context.identity.user, requestTime: $context.requestTime, httpMethod:"
                                                            + " $context.httpMethod, resourcePath: $context.resourcePath, status: $context.status,"
                                                            + " protocol: $context.protocol, responseLength: $context.responseLength",
                                                    lAt))
                            .build());
        }
        if (logging && !Nodes.isFalse(logCfg.get("executionLogging"))) {
            Location lAt = logs.keyLocation();
            Node level = logCfg.get("level");
            Node full = logCfg.get("fullExecutionData");
            st.put(
                    "MethodSettings",
                    lAt,
                    Nodes.seq(
                            lAt,
                            new Nodes.MapBuilder(lAt)
                                    .put("DataTraceEnabled", full != null ? full : Nodes.bool(true, lAt))
                                    .put("HttpMethod", Nodes.str("*", lAt))
                                    .put("LoggingLevel", level != null ? level : Nodes.str("INFO", lAt))
                                    .put("ResourcePath", Nodes.str("/*", lAt))
                                    .build()));
        }
        if (s.provider("tags") instanceof MapNode tags && tags.size() > 0) {
            st.put("Tags", s.providerKey("tags"), FunctionCompiler.tagList(tags, List.of()));
        }
    }

    /** {@code provider.apiGateway.usagePlan} / legacy {@code provider.usagePlan}, and API keys. */
    private void usagePlans(Location apiAt) {
        MapNode apiGw = s.providerMap("apiGateway");
        MapNode.Entry plan =
                apiGw != null && apiGw.has("usagePlan") ? apiGw.entry("usagePlan") : s.providerEntry("usagePlan");
        MapNode.Entry keys =
                apiGw != null && apiGw.has("apiKeys") ? apiGw.entry("apiKeys") : s.providerEntry("apiKeys");
        if (plan == null && keys == null) {
            return;
        }
        List<Map.Entry<String, MapNode>> plans = new ArrayList<>();
        if (plan != null && plan.value() instanceof SeqNode q) {
            for (Node item : q.items()) {
                if (item instanceof MapNode m) {
                    for (MapNode.Entry e : m.entries()) {
                        plans.add(Map.entry(e.key(), e.value() instanceof MapNode pm ? pm : Service.EMPTY));
                    }
                }
            }
        } else {
            plans.add(Map.entry("", plan != null && plan.value() instanceof MapNode pm ? pm : Service.EMPTY));
        }
        Location at = plan != null ? plan.keyLocation() : keys.keyLocation();
        for (Map.Entry<String, MapNode> p : plans) {
            String id = "ApiGatewayUsagePlan" + Names.alphaNumeric(p.getKey());
            Output.Res r = s.out.add(id, "AWS::ApiGateway::UsagePlan", at, "serverless.yml provider");
            r.put(
                    "ApiStages",
                    Nodes.seq(
                            at,
                            new Nodes.MapBuilder(at)
                                    .put("ApiId", apiId)
                                    .put("Stage", Nodes.str(s.stage, at))
                                    .build()));
            r.put(
                    "UsagePlanName",
                    Nodes.str(s.name + "-" + s.stage + (p.getKey().isEmpty() ? "" : "-" + p.getKey()), at));
            MapNode cfg = p.getValue();
            if (cfg.get("quota") instanceof MapNode q) {
                r.put(
                        "Quota",
                        cfg.keyLocation("quota"),
                        new Nodes.MapBuilder(cfg.keyLocation("quota"))
                                .put("Limit", q.get("limit"))
                                .put("Offset", q.get("offset"))
                                .put("Period", q.get("period"))
                                .build());
            }
            if (cfg.get("throttle") instanceof MapNode t) {
                r.put(
                        "Throttle",
                        cfg.keyLocation("throttle"),
                        new Nodes.MapBuilder(cfg.keyLocation("throttle"))
                                .put("BurstLimit", t.get("burstLimit"))
                                .put("RateLimit", t.get("rateLimit"))
                                .build());
            }
            r.attribute("DependsOn", Nodes.seq(at, Nodes.str(DEPLOYMENT, at)));
        }
        if (keys != null && keys.value() instanceof SeqNode kq) {
            int n = 0;
            for (Node k : kq.items()) {
                n++;
                Location kAt = k.location();
                Output.Res key =
                        s.out.add("ApiGatewayApiKey" + n, "AWS::ApiGateway::ApiKey", kAt, "serverless.yml provider");
                key.put("Enabled", Nodes.bool(true, kAt));
                String kn = k.text() != null ? k.text() : k instanceof MapNode km ? km.text("name") : null;
                if (kn != null) {
                    key.put("Name", Nodes.str(kn, kAt));
                }
                key.put(
                        "StageKeys",
                        Nodes.seq(
                                kAt,
                                new Nodes.MapBuilder(kAt)
                                        .put("RestApiId", apiId)
                                        .put("StageName", Nodes.str(s.stage, kAt))
                                        .build()));
                Output.Res upk = s.out.add(
                        "ApiGatewayUsagePlanKey" + n, "AWS::ApiGateway::UsagePlanKey", kAt, "serverless.yml provider");
                upk.put("KeyId", Nodes.ref(key.id(), kAt));
                upk.put("KeyType", Nodes.str("API_KEY", kAt));
                upk.put(
                        "UsagePlanId",
                        Nodes.ref(
                                "ApiGatewayUsagePlan"
                                        + Names.alphaNumeric(plans.get(0).getKey()),
                                kAt));
            }
        }
    }
}
