package dev.vigil.posture.format.sam;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lowers SAM REST APIs ({@code AWS::Serverless::Api} and the implicit {@code ServerlessRestApi}) and HTTP APIs
 * ({@code AWS::Serverless::HttpApi} and the implicit {@code ServerlessHttpApi}). Where SAM writes an OpenAPI body,
 * this emits one explicit {@code AWS::ApiGateway::Method} (with its {@code AWS::ApiGateway::Resource} path chain)
 * or {@code AWS::ApiGatewayV2::Route} + {@code Integration} per route. Each method also carries
 * {@code Metadata: {Vigil: {Path: "/the/path"}}} so readers need not walk the resource chain. A {@code DefinitionBody}
 * written by the user stays the API's {@code Body}, as in the deployed template; the API extractor reads it.
 */
final class Apis {
    static final String IMPLICIT_REST = "ServerlessRestApi";
    static final String IMPLICIT_HTTP = "ServerlessHttpApi";

    private final SamLowering sam;
    /** API logical id to path to the logical id of its AWS::ApiGateway::Resource. */
    private final Map<String, Map<String, String>> paths = new HashMap<>();
    /** Properties (with globals) of every REST or HTTP API lowered so far, implicit ones included. */
    private final Map<String, MapNode> apiProps = new HashMap<>();

    private final Map<String, String> stages = new HashMap<>();
    private Out.Res sharedUsagePlan;
    private final List<Node> sharedStages = new ArrayList<>();

    Apis(SamLowering sam) {
        this.sam = sam;
    }

    // ---------------------------------------------------------------- REST

    void restApi(String id, MapNode props, MapNode body, Location at, boolean implicit) {
        String origin = implicit ? "SAM implicit API (" + id + ")" : sam.origin(id);
        apiProps.put(id, props);
        Obj api = new Obj(props.location())
                .copyAll(
                        props,
                        "Name",
                        "Description",
                        "MinimumCompressionSize",
                        "BinaryMediaTypes",
                        "ApiKeySourceType",
                        "DisableExecuteApiEndpoint",
                        "Mode",
                        "FailOnWarnings")
                .copy(props, "DefinitionBody", "Body")
                .copy(props, "DefinitionUri", "BodyS3Location");
        MapNode.Entry ec = props.entry("EndpointConfiguration");
        if (ec != null) {
            api.put("EndpointConfiguration", ec.keyLocation(), endpointConfiguration(ec.value(), ec.keyLocation()));
        }
        MapNode auth = props.map("Auth");
        MapNode resourcePolicy = auth == null ? null : auth.map("ResourcePolicy");
        if (resourcePolicy != null) {
            Location rp = auth.keyLocation("ResourcePolicy");
            List<Node> statements = new ArrayList<>(Nodes.items(resourcePolicy.get("CustomStatements")));
            for (MapNode.Entry e : resourcePolicy.entries()) {
                if (!e.key().equals("CustomStatements")) {
                    sam.out.problem(e.keyLocation(), "API resource policy option " + e.key() + " is not lowered");
                }
            }
            if (!statements.isEmpty()) {
                api.put("Policy", rp, SamLowering.document(rp, statements));
            }
        }
        Out.Res apiRes = implicit
                ? sam.out.generated(id, "AWS::ApiGateway::RestApi", api, at, origin, null)
                : sam.out.own(id, "AWS::ApiGateway::RestApi", api, at, origin);
        if (!implicit && body != null) {
            SamLowering.keepAttributes(apiRes, body);
        }
        Out.Res deployment = sam.out.generated(
                id + "Deployment",
                "AWS::ApiGateway::Deployment",
                new Obj(at).put("RestApiId", Nodes.ref(id, at)).put("Description", "RestApi deployment of " + id),
                at,
                origin,
                body);
        Node stageName = props.get("StageName");
        if (stageName == null) {
            stageName = Nodes.str(implicit ? "Prod" : "Stage", at);
        }
        String stageText = stageName.text();
        Obj stage = new Obj(at)
                .put("RestApiId", Nodes.ref(id, at))
                .put("DeploymentId", Nodes.ref(deployment.id, at))
                .put("StageName", props.has("StageName") ? props.keyLocation("StageName") : at, stageName)
                .copyAll(
                        props,
                        "AccessLogSetting",
                        "CacheClusterEnabled",
                        "CacheClusterSize",
                        "CanarySetting",
                        "MethodSettings",
                        "TracingEnabled",
                        "Variables");
        if (props.has("Tags")) {
            stage.put("Tags", props.keyLocation("Tags"), SamLowering.tagList(props.get("Tags")));
        }
        Out.Res stageRes = sam.out.generated(
                id + (stageText == null ? "" : Nodes.alnum(stageText)) + "Stage",
                "AWS::ApiGateway::Stage",
                stage,
                at,
                origin,
                body);
        stages.put(id, stageRes.id);
        if (auth != null) {
            restAuthorizers(id, auth, at, origin, body);
            usagePlan(id, stageRes.id, auth, at, origin, body);
        }
        MapNode domain = props.map("Domain");
        if (domain != null) {
            restDomain(id, stageRes.id, domain, props.keyLocation("Domain"), at, origin, body);
        }
    }

    private static Node endpointConfiguration(Node value, Location at) {
        if (value instanceof MapNode m && !Nodes.isIntrinsic(m)) {
            Obj o = new Obj(at);
            if (m.has("Type")) {
                o.put("Types", m.keyLocation("Type"), Nodes.seq(at, m.get("Type")));
            }
            o.copy(m, "VPCEndpointIds", "VpcEndpointIds");
            // Lenient: the CloudFormation spelling (Types, VpcEndpointIds) is read as meant.
            if (!o.has("Types")) {
                o.copy(m, "Types");
            }
            if (!o.has("VpcEndpointIds")) {
                o.copy(m, "VpcEndpointIds");
            }
            return o.build();
        }
        return new Obj(at).put("Types", Nodes.seq(at, value)).build();
    }

    private void restAuthorizers(String apiId, MapNode auth, Location at, String origin, MapNode body) {
        MapNode authorizers = auth.map("Authorizers");
        if (authorizers == null) {
            return;
        }
        for (MapNode.Entry e : authorizers.entries()) {
            if (!(e.value() instanceof MapNode a)) {
                continue;
            }
            Location aAt = e.keyLocation();
            Obj p = new Obj(aAt).put("RestApiId", Nodes.ref(apiId, aAt)).put("Name", e.key());
            MapNode identity = a.map("Identity");
            String header =
                    identity == null || identity.text("Header") == null ? "Authorization" : identity.text("Header");
            if (a.has("UserPoolArn")) {
                p.put("Type", "COGNITO_USER_POOLS");
                p.put("ProviderARNs", a.keyLocation("UserPoolArn"), Nodes.seq(aAt, Nodes.items(a.get("UserPoolArn"))));
                p.put("IdentitySource", "method.request.header." + header);
            } else if (a.has("FunctionArn")) {
                String payload = a.text("FunctionPayloadType");
                boolean request = payload != null && payload.equalsIgnoreCase("REQUEST");
                p.put("Type", request ? "REQUEST" : "TOKEN");
                p.put("AuthorizerUri", invocationUri(a.get("FunctionArn"), aAt));
                p.copy(a, "FunctionInvokeRole", "AuthorizerCredentials");
                if (!request) {
                    p.put("IdentitySource", "method.request.header." + header);
                }
                if (identity != null) {
                    p.copy(identity, "ReauthorizeEvery", "AuthorizerResultTtlInSeconds");
                    p.copy(identity, "ValidationExpression", "IdentityValidationExpression");
                }
                authorizerPermission(
                        apiId, apiId + e.key() + "AuthorizerPermission", a.get("FunctionArn"), aAt, origin, body);
            } else {
                continue;
            }
            sam.out.generated(apiId + e.key() + "Authorizer", "AWS::ApiGateway::Authorizer", p, aAt, origin, body);
        }
    }

    private void usagePlan(String apiId, String stageId, MapNode auth, Location at, String origin, MapNode body) {
        MapNode plan = auth.map("UsagePlan");
        if (plan == null) {
            return;
        }
        Location pAt = auth.keyLocation("UsagePlan");
        String mode = plan.text("CreateUsagePlan");
        mode = mode == null ? "NONE" : mode.toUpperCase(Locale.ROOT);
        Node apiStage = new Obj(pAt)
                .put("ApiId", Nodes.ref(apiId, pAt))
                .put("Stage", Nodes.ref(stageId, pAt))
                .build();
        if (mode.equals("PER_API")) {
            Obj p = new Obj(pAt)
                    .put("ApiStages", Nodes.seq(pAt, apiStage))
                    .copyAll(plan, "Description", "Quota", "Throttle", "UsagePlanName");
            if (plan.has("Tags")) {
                p.put("Tags", plan.keyLocation("Tags"), SamLowering.tagList(plan.get("Tags")));
            }
            Out.Res up = sam.out.generated(apiId + "UsagePlan", "AWS::ApiGateway::UsagePlan", p, pAt, origin, body);
            keyFor(up.id, apiId + "ApiKey", apiId + "UsagePlanKey", stageId, pAt, origin, body, apiId);
        } else if (mode.equals("SHARED")) {
            sharedStages.add(apiStage);
            if (sharedUsagePlan == null) {
                Obj p = new Obj(pAt).copyAll(plan, "Description", "Quota", "Throttle", "UsagePlanName");
                sharedUsagePlan =
                        sam.out.generated("ServerlessUsagePlan", "AWS::ApiGateway::UsagePlan", p, pAt, origin, null);
                keyFor(
                        sharedUsagePlan.id,
                        "ServerlessApiKey",
                        "ServerlessUsagePlanKey",
                        stageId,
                        pAt,
                        origin,
                        null,
                        apiId);
            }
            sharedUsagePlan.props.put("ApiStages", Nodes.seq(pAt, new ArrayList<>(sharedStages)));
        }
    }

    private void keyFor(
            String planId,
            String keyId,
            String planKeyId,
            String stageId,
            Location at,
            String origin,
            MapNode body,
            String apiId) {
        Node stageKey = new Obj(at)
                .put("RestApiId", Nodes.ref(apiId, at))
                .put("StageName", Nodes.ref(stageId, at))
                .build();
        Out.Res key = sam.out.generated(
                keyId,
                "AWS::ApiGateway::ApiKey",
                new Obj(at).put("Enabled", Nodes.bool(true, at)).put("StageKeys", Nodes.seq(at, stageKey)),
                at,
                origin,
                body);
        sam.out.generated(
                planKeyId,
                "AWS::ApiGateway::UsagePlanKey",
                new Obj(at)
                        .put("KeyId", Nodes.ref(key.id, at))
                        .put("KeyType", "API_KEY")
                        .put("UsagePlanId", Nodes.ref(planId, at)),
                at,
                origin,
                body);
    }

    private void restDomain(
            String apiId, String stageId, MapNode domain, Location dAt, Location at, String origin, MapNode body) {
        String endpoint = domain.text("EndpointConfiguration");
        boolean edge = endpoint != null && endpoint.equalsIgnoreCase("EDGE");
        Obj d = new Obj(dAt)
                .copy(domain, "DomainName")
                .put(
                        "EndpointConfiguration",
                        Nodes.single("Types", Nodes.strings(dAt, edge ? "EDGE" : "REGIONAL"), dAt))
                .copy(domain, "CertificateArn", edge ? "CertificateArn" : "RegionalCertificateArn")
                .copyAll(domain, "SecurityPolicy", "MutualTlsAuthentication", "OwnershipVerificationCertificateArn");
        Out.Res dn = sam.out.generated(apiId + "DomainName", "AWS::ApiGateway::DomainName", d, dAt, origin, body);
        List<Node> basePaths = Nodes.items(domain.get("BasePath"));
        if (basePaths.isEmpty()) {
            basePaths = List.of(Nodes.str("", dAt));
        }
        for (Node bp : basePaths) {
            Obj m = new Obj(dAt)
                    .put("DomainName", Nodes.ref(dn.id, dAt))
                    .put("RestApiId", Nodes.ref(apiId, dAt))
                    .put("Stage", Nodes.ref(stageId, dAt));
            String t = bp.text();
            if (t != null && !t.isEmpty() && !t.equals("/")) {
                m.put("BasePath", bp);
            }
            sam.out.generated(
                    apiId + "BasePathMapping" + (t == null ? "" : Nodes.alnum(t)),
                    "AWS::ApiGateway::BasePathMapping",
                    m,
                    dAt,
                    origin,
                    body);
        }
    }

    private static MapNode vigilPath(String path, Location at) {
        return Nodes.single("Vigil", Nodes.single("Path", Nodes.str(path, at), at), at);
    }

    /** The ResourceId of a path: the API's root, or the last {@code AWS::ApiGateway::Resource} of its chain. */
    private Node resourceId(String apiId, String path, Location at, String origin, MapNode body) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return Nodes.getAtt(apiId, "RootResourceId", at);
        }
        Map<String, String> known = paths.computeIfAbsent(apiId, k -> new HashMap<>());
        Node parent = Nodes.getAtt(apiId, "RootResourceId", at);
        StringBuilder prefix = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            prefix.append('/').append(part);
            String key = prefix.toString();
            String id = known.get(key);
            if (id == null) {
                Obj r = new Obj(at)
                        .put("RestApiId", Nodes.ref(apiId, at))
                        .put("ParentId", parent)
                        .put("PathPart", Nodes.str(part, at));
                id = sam.out.generated(
                                apiId + "Resource" + Nodes.alnum(key), "AWS::ApiGateway::Resource", r, at, origin, body)
                        .id;
                known.put(key, id);
            }
            parent = Nodes.ref(id, at);
        }
        return parent;
    }

    private static Node invocationUri(Node functionArn, Location at) {
        return Nodes.join(
                at,
                Nodes.str("arn:", at),
                Nodes.ref("AWS::Partition", at),
                Nodes.str(":apigateway:", at),
                Nodes.ref("AWS::Region", at),
                Nodes.str(":lambda:path/2015-03-31/functions/", at),
                functionArn,
                Nodes.str("/invocations", at));
    }

    /** The API an event's {@code RestApiId}/{@code ApiId} names, creating the implicit API when it names none. */
    private String apiFor(Node given, boolean http, Location at) {
        String target = given == null ? null : sam.refTarget(given);
        if (target != null) {
            return target;
        }
        if (given != null) {
            sam.out.problem(
                    given.location(),
                    "API reference is not a resource of this template; the event is attached" + " to the implicit API");
        }
        String id = http ? IMPLICIT_HTTP : IMPLICIT_REST;
        if (!apiProps.containsKey(id)) {
            String type = http ? SamLowering.HTTP_API : SamLowering.API;
            MapNode global = sam.globals.forType(type);
            MapNode props = global == null ? new MapNode(List.of(), at) : global;
            if (http) {
                httpApi(id, props, null, at, true);
            } else {
                restApi(id, props, null, at, true);
            }
        }
        return id;
    }

    private MapNode propsOf(String apiId) {
        MapNode p = apiProps.get(apiId);
        if (p == null) {
            p = sam.samProps.get(apiId);
        }
        return p == null ? new MapNode(List.of(), sam.root.location()) : p;
    }

    /** A function's {@code Api} event: a method on its REST API and the permission to invoke the function. */
    void restEvent(String fnId, String event, MapNode p, Location at, String origin, MapNode body) {
        String apiId = apiFor(p.get("RestApiId"), false, at);
        MapNode api = propsOf(apiId);
        MapNode apiAuth = api.map("Auth");
        MapNode auth = p.map("Auth");
        String path = p.text("Path");
        String method = SamLowering.method(p.text("Method"));
        Obj m = new Obj(at)
                .put("RestApiId", Nodes.ref(apiId, at))
                .put(
                        "ResourceId",
                        path != null
                                ? resourceId(apiId, path, at, origin, body)
                                : Nodes.unresolved("path not literal", at))
                .put(
                        "HttpMethod",
                        p.has("Method")
                                ? Nodes.str(
                                        method == null ? "ANY" : method,
                                        p.get("Method").location())
                                : Nodes.str("ANY", at));
        putAuthorization(
                m,
                auth,
                apiAuth,
                apiId,
                at,
                def -> def != null && def.has("UserPoolArn") ? "COGNITO_USER_POOLS" : "CUSTOM");
        if (auth != null && auth.has("AuthorizationScopes")) {
            m.copy(auth, "AuthorizationScopes");
        }
        Node apiKey = auth != null && auth.has("ApiKeyRequired")
                ? auth.get("ApiKeyRequired")
                : apiAuth == null ? null : apiAuth.get("ApiKeyRequired");
        m.put("ApiKeyRequired", apiKey != null ? apiKey : Nodes.bool(false, at));
        m.copy(p, "RequestParameters");
        Obj integration = new Obj(at)
                .put("Type", "AWS_PROXY")
                .put("IntegrationHttpMethod", "POST")
                .put("Uri", invocationUri(Nodes.getAtt(fnId, "Arn", at), at));
        m.put("Integration", integration.build());
        Out.Res r = sam.out.generated(fnId + event + "Method", "AWS::ApiGateway::Method", m, at, origin, body);
        r.attribute("Metadata", at, vigilPath(path == null ? "?" : path, at));
        invokePermission(
                fnId + event + "Permission" + (apiId.equals(IMPLICIT_REST) ? "Prod" : ""),
                fnId,
                apiId,
                method,
                path,
                at,
                origin,
                body);
    }

    // ---------------------------------------------------------------- HTTP

    void httpApi(String id, MapNode props, MapNode body, Location at, boolean implicit) {
        String origin = implicit ? "SAM implicit HTTP API (" + id + ")" : sam.origin(id);
        apiProps.put(id, props);
        Obj api = new Obj(props.location())
                .put("ProtocolType", "HTTP")
                .copyAll(props, "Name", "Description", "DisableExecuteApiEndpoint", "FailOnWarnings", "Tags")
                .copy(props, "DefinitionBody", "Body")
                .copy(props, "DefinitionUri", "BodyS3Location");
        MapNode.Entry cors = props.entry("CorsConfiguration");
        if (cors != null) {
            Node value = cors.value();
            if (value instanceof ScalarNode s && s.isTrue()) {
                Location c = cors.keyLocation();
                value = new Obj(c)
                        .put("AllowOrigins", Nodes.strings(c, "*"))
                        .put("AllowHeaders", Nodes.strings(c, "*"))
                        .put("AllowMethods", Nodes.strings(c, "*"))
                        .build();
            }
            if (!(value instanceof ScalarNode)) {
                api.put("CorsConfiguration", cors.keyLocation(), value);
            }
        }
        Out.Res apiRes = implicit
                ? sam.out.generated(id, "AWS::ApiGatewayV2::Api", api, at, origin, null)
                : sam.out.own(id, "AWS::ApiGatewayV2::Api", api, at, origin);
        if (!implicit && body != null) {
            SamLowering.keepAttributes(apiRes, body);
        }
        Node stageName = props.get("StageName");
        String stageText = stageName == null ? "$default" : stageName.text();
        Obj stage = new Obj(at)
                .put("ApiId", Nodes.ref(id, at))
                .put("StageName", stageName == null ? Nodes.str("$default", at) : stageName)
                .put("AutoDeploy", Nodes.bool(true, at))
                .copyAll(props, "AccessLogSettings", "DefaultRouteSettings", "RouteSettings", "StageVariables");
        if (props.has("Tags")) {
            stage.copy(props, "Tags");
        }
        String stageId = "$default".equals(stageText)
                ? id + "ApiGatewayDefaultStage"
                : id + (stageText == null ? "" : Nodes.alnum(stageText)) + "Stage";
        Out.Res stageRes = sam.out.generated(stageId, "AWS::ApiGatewayV2::Stage", stage, at, origin, body);
        stages.put(id, stageRes.id);
        MapNode auth = props.map("Auth");
        MapNode authorizers = auth == null ? null : auth.map("Authorizers");
        if (authorizers != null) {
            for (MapNode.Entry e : authorizers.entries()) {
                if (e.value() instanceof MapNode a) {
                    httpAuthorizer(id, e.key(), a, e.keyLocation(), origin, body);
                }
            }
        }
        MapNode domain = props.map("Domain");
        if (domain != null) {
            Location dAt = props.keyLocation("Domain");
            Obj cfg = new Obj(dAt)
                    .copy(domain, "CertificateArn")
                    .copy(domain, "SecurityPolicy")
                    .copy(domain, "EndpointConfiguration", "EndpointType");
            Obj d = new Obj(dAt)
                    .copy(domain, "DomainName")
                    .put("DomainNameConfigurations", Nodes.seq(dAt, cfg.build()))
                    .copy(domain, "MutualTlsAuthentication");
            Out.Res dn = sam.out.generated(id + "DomainName", "AWS::ApiGatewayV2::DomainName", d, dAt, origin, body);
            sam.out.generated(
                    id + "ApiMapping",
                    "AWS::ApiGatewayV2::ApiMapping",
                    new Obj(dAt)
                            .put("DomainName", Nodes.ref(dn.id, dAt))
                            .put("ApiId", Nodes.ref(id, dAt))
                            .put("Stage", Nodes.ref(stageRes.id, dAt)),
                    dAt,
                    origin,
                    body);
        }
    }

    private void httpAuthorizer(String apiId, String name, MapNode a, Location aAt, String origin, MapNode body) {
        Obj p = new Obj(aAt).put("ApiId", Nodes.ref(apiId, aAt)).put("Name", name);
        if (a.has("JwtConfiguration")) {
            MapNode jwt = a.map("JwtConfiguration");
            Location j = a.keyLocation("JwtConfiguration");
            p.put("AuthorizerType", "JWT");
            Obj cfg = new Obj(j);
            if (jwt != null) {
                cfg.copy(jwt, "issuer", "Issuer")
                        .copy(jwt, "Issuer")
                        .copy(jwt, "audience", "Audience")
                        .copy(jwt, "Audience");
            }
            p.put("JwtConfiguration", j, cfg.build());
            if (a.has("IdentitySource")) {
                p.put(
                        "IdentitySource",
                        a.keyLocation("IdentitySource"),
                        Nodes.seq(aAt, Nodes.items(a.get("IdentitySource"))));
            }
        } else if (a.has("FunctionArn")) {
            p.put("AuthorizerType", "REQUEST")
                    .put("AuthorizerUri", invocationUri(a.get("FunctionArn"), aAt))
                    .copyAll(a, "AuthorizerPayloadFormatVersion", "EnableSimpleResponses")
                    .copy(a, "FunctionInvokeRole", "AuthorizerCredentialsArn");
            MapNode identity = a.map("Identity");
            if (identity != null) {
                List<Node> sources = new ArrayList<>();
                for (Node h : Nodes.items(identity.get("Headers"))) {
                    if (h.text() != null) {
                        sources.add(Nodes.str("$request.header." + h.text(), h.location()));
                    }
                }
                if (!sources.isEmpty()) {
                    p.put("IdentitySource", Nodes.seq(aAt, sources));
                }
                p.copy(identity, "ReauthorizeEvery", "AuthorizerResultTtlInSeconds");
            }
            authorizerPermission(apiId, apiId + name + "AuthorizerPermission", a.get("FunctionArn"), aAt, origin, body);
        } else {
            return;
        }
        sam.out.generated(apiId + name + "Authorizer", "AWS::ApiGatewayV2::Authorizer", p, aAt, origin, body);
    }

    /** A function's {@code HttpApi} event: a route and integration on its HTTP API and the invoke permission. */
    void httpEvent(String fnId, String event, MapNode p, Location at, String origin, MapNode body) {
        String apiId = apiFor(p.get("ApiId"), true, at);
        MapNode api = propsOf(apiId);
        MapNode apiAuth = api.map("Auth");
        MapNode auth = p.map("Auth");
        String path = p.text("Path");
        String method = SamLowering.method(p.text("Method"));
        Location routeAt = p.has("Path") ? p.get("Path").location() : at;
        Node routeKey;
        if (!p.has("Path") && !p.has("Method")) {
            routeKey = Nodes.str("$default", at);
        } else if (path != null) {
            routeKey = Nodes.str((method == null ? "ANY" : method) + " " + path, routeAt);
        } else {
            routeKey = Nodes.unresolved("route path not literal", routeAt);
        }
        Obj integration = new Obj(at)
                .put("ApiId", Nodes.ref(apiId, at))
                .put("IntegrationType", "AWS_PROXY")
                .put("IntegrationMethod", "POST")
                .put("IntegrationUri", Nodes.getAtt(fnId, "Arn", at))
                .put(
                        "PayloadFormatVersion",
                        p.has("PayloadFormatVersion") ? p.get("PayloadFormatVersion") : Nodes.str("2.0", at))
                .copy(p, "TimeoutInMillis");
        Out.Res integ = sam.out.generated(
                fnId + event + "Integration", "AWS::ApiGatewayV2::Integration", integration, at, origin, body);
        Obj route = new Obj(at)
                .put("ApiId", Nodes.ref(apiId, at))
                .put("RouteKey", routeKey)
                .put(
                        "Target",
                        Nodes.single(
                                "Fn::Join",
                                Nodes.seq(
                                        at,
                                        Nodes.str("/", at),
                                        Nodes.seq(at, Nodes.str("integrations", at), Nodes.ref(integ.id, at))),
                                at));
        putAuthorization(
                route,
                auth,
                apiAuth,
                apiId,
                at,
                def -> def != null && def.has("FunctionArn") && !def.has("JwtConfiguration") ? "CUSTOM" : "JWT");
        if (auth != null) {
            route.copy(auth, "AuthorizationScopes");
        }
        Out.Res r = sam.out.generated(fnId + event + "Route", "AWS::ApiGatewayV2::Route", route, at, origin, body);
        r.attribute("Metadata", at, vigilPath(path == null ? "$default" : path, at));
        invokePermission(fnId + event + "Permission", fnId, apiId, method, path, at, origin, body);
    }

    /** A path as execute-api ARNs write it: each {@code {parameter}} (or {@code {proxy+}}) becomes {@code *}. */
    static String wildcardParameters(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            int open = path.indexOf('{', i);
            int close = open < 0 ? -1 : path.indexOf('}', open);
            if (close < 0) {
                out.append(path, i, path.length());
                break;
            }
            out.append(path, i, open).append('*');
            i = close + 1;
        }
        return out.toString();
    }

    void finish() {
        // Nothing deferred today; kept so the lowering order stays explicit.
    }

    /**
     * Puts {@code AuthorizationType} (and {@code AuthorizerId} for a named authorizer) from the event's
     * {@code Auth.Authorizer}, else the API's {@code DefaultAuthorizer}; {@code namedType} gives the type of a named
     * authorizer from its definition under the API's {@code Auth.Authorizers} (null when it is not defined there).
     */
    private static void putAuthorization(
            Obj target,
            MapNode auth,
            MapNode apiAuth,
            String apiId,
            Location at,
            java.util.function.Function<MapNode, String> namedType) {
        Node authorizer = auth != null && auth.has("Authorizer")
                ? auth.get("Authorizer")
                : apiAuth == null ? null : apiAuth.get("DefaultAuthorizer");
        String name = authorizer == null ? null : authorizer.text();
        Location authAt = authorizer == null ? at : authorizer.location();
        String type;
        if (name == null || name.equals("NONE")) {
            type = authorizer != null && name == null ? "CUSTOM" : "NONE";
        } else if (name.equals("AWS_IAM")) {
            type = "AWS_IAM";
        } else {
            MapNode defs = apiAuth == null ? null : apiAuth.map("Authorizers");
            MapNode def = defs == null ? null : defs.map(name);
            type = namedType.apply(def);
            target.put(
                    "AuthorizerId",
                    def != null
                            ? Nodes.ref(apiId + name + "Authorizer", authAt)
                            : Nodes.unresolved("authorizer " + name + " not defined on " + apiId, authAt));
        }
        target.put("AuthorizationType", Nodes.str(type, authAt));
    }

    /** The permission SAM adds so API Gateway may call a Lambda authorizer of {@code apiId}. */
    private void authorizerPermission(
            String apiId, String id, Node functionArn, Location aAt, String origin, MapNode body) {
        Out.Res perm = sam.out.generated(
                id,
                "AWS::Lambda::Permission",
                new Obj(aAt)
                        .put("Action", "lambda:InvokeFunction")
                        .put("FunctionName", functionArn)
                        .put("Principal", "apigateway.amazonaws.com"),
                aAt,
                origin,
                body);
        perm.props.put(
                "SourceArn",
                Nodes.sub(
                        "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",
                        new Obj(aAt).put("__ApiId__", Nodes.ref(apiId, aAt)).build(),
                        aAt));
    }

    /**
     * The permission SAM adds so API Gateway may invoke {@code fnId} for one event: any stage, the event's method
     * ({@code *} for ANY) and path, with path parameters widened to {@code *}.
     */
    private void invokePermission(
            String id,
            String fnId,
            String apiId,
            String method,
            String path,
            Location at,
            String origin,
            MapNode body) {
        String arnPath = (method == null || method.equals("ANY") ? "*" : method) + "/"
                + (path == null ? "*" : path.startsWith("/") ? path.substring(1) : path);
        MapNode vars = new Obj(at)
                .put("__ApiId__", Nodes.ref(apiId, at))
                .put("__Stage__", "*")
                .build();
        sam.permission(
                id,
                fnId,
                "apigateway.amazonaws.com",
                Nodes.sub(
                        "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/"
                                + wildcardParameters(arnPath),
                        vars,
                        at),
                at,
                origin,
                body);
    }
}
