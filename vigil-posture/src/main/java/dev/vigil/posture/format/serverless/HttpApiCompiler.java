package dev.vigil.posture.format.serverless;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code httpApi} events to the API Gateway v2 HTTP API ({@code HttpApi}, its {@code $default} stage with access
 * logs when {@code provider.logs.httpApi}, one integration and permission per function, one route per event with its
 * authorizer from {@code provider.httpApi.authorizers}); {@code websocket} events to the WebSocket API.
 */
final class HttpApiCompiler {
    static final String API = "HttpApi";
    static final String WS_API = "WebsocketsApi";

    private final Service s;
    private final Set<String> integrated = new LinkedHashSet<>();
    private final Set<String> wsIntegrated = new LinkedHashSet<>();
    private Node apiId;
    private boolean created;
    private Node wsApiId;

    HttpApiCompiler(Service s) {
        this.s = s;
    }

    private Location apiLocation() {
        return s.provider.has("httpApi") ? s.providerKey("httpApi") : s.providerAt;
    }

    private void ensureApi() {
        if (apiId != null) {
            return;
        }
        MapNode cfg = s.providerMap("httpApi");
        Location at = apiLocation();
        if (cfg != null && cfg.get("id") != null && !Nodes.isNull(cfg.get("id"))) {
            apiId = cfg.get("id");
            return;
        }
        created = true;
        apiId = Nodes.ref(API, at);
        Output.Res api = s.out.add(API, "AWS::ApiGatewayV2::Api", at, "serverless.yml provider");
        Node name = cfg == null ? null : cfg.get("name");
        api.put("Name", name != null ? name : Nodes.str(s.stage + "-" + s.name, at));
        api.put("ProtocolType", Nodes.str("HTTP", at));
        if (cfg != null && cfg.has("disableDefaultEndpoint")) {
            api.put(
                    "DisableExecuteApiEndpoint",
                    cfg.keyLocation("disableDefaultEndpoint"),
                    cfg.get("disableDefaultEndpoint"));
        }
        Node cors = cfg == null ? null : cfg.get("cors");
        if (cors != null && !Nodes.isNull(cors) && !Nodes.isFalse(cors)) {
            Location cAt = cfg.keyLocation("cors");
            MapNode c = cors instanceof MapNode m ? m : Service.EMPTY;
            Nodes.MapBuilder b = new Nodes.MapBuilder(cAt);
            field(b, c, "allowedOrigins", "AllowOrigins", List.of("*"), cAt);
            field(
                    b,
                    c,
                    "allowedHeaders",
                    "AllowHeaders",
                    List.of(
                            "Content-Type",
                            "X-Amz-Date",
                            "Authorization",
                            "X-Api-Key",
                            "X-Amz-Security-Token",
                            "X-Amz-User-Agent",
                            "X-Amzn-Trace-Id"),
                    cAt);
            field(b, c, "allowedMethods", "AllowMethods", List.of("*"), cAt);
            field(b, c, "allowCredentials", "AllowCredentials", null, cAt);
            field(b, c, "exposedResponseHeaders", "ExposeHeaders", null, cAt);
            field(b, c, "maxAge", "MaxAge", null, cAt);
            api.put("CorsConfiguration", cAt, b.build());
        }
        if (s.provider("tags") instanceof MapNode tags && tags.size() > 0) {
            Nodes.MapBuilder t = new Nodes.MapBuilder(s.providerKey("tags"));
            for (MapNode.Entry e : tags.entries()) {
                t.put(e.key(), e.keyLocation(), e.value());
            }
            api.put("Tags", s.providerKey("tags"), t.build());
        }
    }

    private static void field(
            Nodes.MapBuilder b, MapNode c, String key, String property, List<String> def, Location at) {
        if (c.has(key)) {
            if (!Nodes.isNull(c.get(key))) {
                b.put(property, c.keyLocation(key), c.get(key));
            }
        } else if (def != null) {
            b.put(
                    property,
                    at,
                    Nodes.seq(at, def.stream().map(d -> (Node) Nodes.str(d, at)).toList()));
        }
    }

    /** One {@code httpApi} event: {@code '*'}, {@code 'GET /path'} or a map with method, path and authorizer. */
    void event(Service.Function f, Node event, Location at) {
        String method;
        String path;
        MapNode cfg = Service.EMPTY;
        if (event instanceof MapNode m) {
            cfg = m;
            method = m.text("method");
            path = m.text("path");
        } else if (event.text() != null) {
            String t = event.text().strip();
            String[] parts = t.split("\\s+", 2);
            method = t.equals("*") ? "*" : parts[0];
            path = t.equals("*") ? null : parts.length > 1 ? parts[1] : null;
        } else {
            s.problem(at, "httpApi event of " + f.key() + " is not a map or 'METHOD path'; skipped");
            return;
        }
        ensureApi();
        String routeKey = "*".equals(method) && path == null
                ? "$default"
                : (method == null ? "ANY" : method.equals("*") ? "ANY" : method.toUpperCase(Locale.ROOT)) + " "
                        + (path == null ? "/" : path);
        String integration = "HttpApiIntegration" + Names.function(f.key());
        if (integrated.add(f.key())) {
            Output.Res i = s.out.add(integration, "AWS::ApiGatewayV2::Integration", at, f.origin());
            i.put("ApiId", apiId);
            i.put("IntegrationType", Nodes.str("AWS_PROXY", at));
            i.put("IntegrationUri", Service.functionArn(f, at));
            MapNode pcfg = s.providerMap("httpApi");
            Node payload = pcfg == null ? null : pcfg.get("payload");
            i.put("PayloadFormatVersion", payload != null ? payload : Nodes.str("2.0", at));
            Output.Res p = s.invokePermission(
                    f, Names.function(f.key()) + "LambdaPermissionHttpApi", "apigateway.amazonaws.com", at);
            p.put("SourceArn", Nodes.regionalArn("execute-api", at, apiId, Nodes.str("/*", at)));
        }
        String id = "HttpApiRoute" + routeId(routeKey);
        Output.Res r = s.out.add(id, "AWS::ApiGatewayV2::Route", at, f.origin());
        r.put("ApiId", apiId);
        r.put("RouteKey", Nodes.str(routeKey, at));
        r.put("Target", Nodes.join("/", at, Nodes.str("integrations", at), Nodes.ref(integration, at)));
        authorizer(r, f, cfg.get("authorizer"), cfg.keyLocation("authorizer"));
        r.attribute("DependsOn", Nodes.str(integration, at));
    }

    static String routeId(String routeKey) {
        if (routeKey.equals("$default")) {
            return "Default";
        }
        int sp = routeKey.indexOf(' ');
        String method = routeKey.substring(0, sp);
        StringBuilder b = new StringBuilder(Names.method(method));
        for (String seg : routeKey.substring(sp + 1).split("/")) {
            if (!seg.isEmpty()) {
                b.append(Names.pathPart(seg));
            }
        }
        return b.toString();
    }

    private void authorizer(Output.Res r, Service.Function f, Node auth, Location at) {
        if (auth == null || Nodes.isNull(auth)) {
            return;
        }
        MapNode a = auth instanceof MapNode m ? m : Service.EMPTY;
        String name = auth.text() != null ? auth.text() : a.text("name");
        String type = a.text("type");
        Node id = a.get("id");
        if ("aws_iam".equalsIgnoreCase(type) || "aws_iam".equalsIgnoreCase(auth.text())) {
            r.put("AuthorizationType", at, Nodes.str("AWS_IAM", at));
            return;
        }
        MapNode defined = name == null ? null : (MapNode) nullSafe(s.providerPath("httpApi", "authorizers", name));
        String definedType = defined == null ? type : defined.text("type");
        if (definedType == null) {
            definedType =
                    defined != null && (defined.has("functionName") || defined.has("functionArn")) ? "request" : "jwt";
        }
        boolean custom = definedType.equalsIgnoreCase("request") || definedType.equalsIgnoreCase("lambda");
        r.put("AuthorizationType", at, Nodes.str(custom ? "CUSTOM" : "JWT", at));
        if (id != null) {
            r.put("AuthorizerId", a.keyLocation("id"), id);
        } else if (name != null) {
            String aid = "HttpApiAuthorizer" + Names.alphaNumeric(name);
            r.put("AuthorizerId", at, Nodes.ref(aid, at));
            if (!s.out.has(aid)) {
                Location dAt = defined != null ? defined.location() : at;
                Output.Res ar = s.out.add(aid, "AWS::ApiGatewayV2::Authorizer", dAt, "serverless.yml provider");
                ar.put("ApiId", apiId);
                ar.put("Name", Nodes.str(name, dAt));
                ar.put("AuthorizerType", Nodes.str(custom ? "REQUEST" : "JWT", dAt));
                if (defined != null) {
                    Node identity = defined.get("identitySource");
                    if (identity != null) {
                        ar.put(
                                "IdentitySource",
                                defined.keyLocation("identitySource"),
                                FunctionCompiler.items(identity).isEmpty()
                                        ? identity
                                        : Nodes.seq(identity.location(), FunctionCompiler.items(identity)));
                    }
                    if (!custom) {
                        ar.put(
                                "JwtConfiguration",
                                dAt,
                                new Nodes.MapBuilder(dAt)
                                        .put("Audience", defined.get("audience"))
                                        .put("Issuer", defined.get("issuerUrl"))
                                        .build());
                    }
                }
            }
        }
        Node scopes = a.get("scopes");
        if (scopes != null) {
            r.put("AuthorizationScopes", a.keyLocation("scopes"), scopes);
        }
    }

    private static Node nullSafe(Node n) {
        return n instanceof MapNode ? n : null;
    }

    /** One {@code websocket} event: a route key (string) or {@code {route, authorizer}}. */
    void websocket(Service.Function f, Node event, Location at) {
        String route = event.text() != null ? event.text() : event instanceof MapNode m ? m.text("route") : null;
        if (route == null) {
            s.problem(at, "websocket event of " + f.key() + " has no route; skipped");
            return;
        }
        if (wsApiId == null) {
            Location apiAt = s.providerAt;
            wsApiId = Nodes.ref(WS_API, apiAt);
            Output.Res api = s.out.add(WS_API, "AWS::ApiGatewayV2::Api", apiAt, "serverless.yml provider");
            Node name = s.provider("websocketsApiName");
            api.put("Name", name != null ? name : Nodes.str(s.stage + "-" + s.name + "-websockets", apiAt));
            Node sel = s.provider("websocketsApiRouteSelectionExpression");
            api.put("RouteSelectionExpression", sel != null ? sel : Nodes.str("$request.body.action", apiAt));
            api.put("ProtocolType", Nodes.str("WEBSOCKET", apiAt));
            Output.Res dep = s.out.add(
                    "WebsocketsDeployment", "AWS::ApiGatewayV2::Deployment", apiAt, "serverless.yml provider");
            dep.put("ApiId", wsApiId);
            MapNode.Entry logs = s.providerEntry("logs", "websocket");
            Location stAt = logs != null ? logs.keyLocation() : apiAt;
            Output.Res st =
                    s.out.add("WebsocketsDeploymentStage", "AWS::ApiGatewayV2::Stage", stAt, "serverless.yml provider");
            st.put("ApiId", wsApiId);
            st.put("DeploymentId", Nodes.ref("WebsocketsDeployment", stAt));
            st.put("StageName", Nodes.str(s.stage, stAt));
            if (logs != null
                    && !Nodes.isNull(logs.value())
                    && !Nodes.isFalse(logs.value())
                    && !(logs.value() instanceof MapNode lm && Nodes.isFalse(lm.get("accessLogging")))) {
                Output.Res lg = s.out.add("WebsocketsLogGroup", "AWS::Logs::LogGroup", stAt, "serverless.yml provider");
                lg.put("LogGroupName", Nodes.str("/aws/websocket/" + s.name + "-" + s.stage, stAt));
                st.put(
                        "AccessLogSettings",
                        stAt,
                        new Nodes.MapBuilder(stAt)
                                .put("DestinationArn", Nodes.getAtt("WebsocketsLogGroup", "Arn", stAt))
                                .put(
                                        "Format",
                                        logs.value() instanceof MapNode lm && lm.get("format") != null
                                                ? lm.get("format")
                                                : Nodes.str("$context.requestId", stAt))
                                .build());
            }
        }
        String integration = Names.function(f.key()) + "WebsocketsIntegration";
        if (wsIntegrated.add(f.key())) {
            Output.Res i = s.out.add(integration, "AWS::ApiGatewayV2::Integration", at, f.origin());
            i.put("ApiId", wsApiId);
            i.put("IntegrationType", Nodes.str("AWS_PROXY", at));
            i.put("IntegrationUri", Service.invocationUri(f, at));
            s.invokePermission(
                    f, Names.function(f.key()) + "LambdaPermissionWebsockets", "apigateway.amazonaws.com", at);
        }
        String id = Names.alphaNumeric(route.replace("$", "S")) + "WebsocketsRoute";
        Output.Res r = s.out.add(id, "AWS::ApiGatewayV2::Route", at, f.origin());
        r.put("ApiId", wsApiId);
        r.put("RouteKey", Nodes.str(route, at));
        Node auth = event instanceof MapNode m ? m.get("authorizer") : null;
        Location authAt = event instanceof MapNode m2 ? m2.keyLocation("authorizer") : at;
        r.put(
                "AuthorizationType",
                authAt,
                Nodes.str(
                        auth == null || Nodes.isNull(auth)
                                ? "NONE"
                                : "aws_iam".equalsIgnoreCase(auth.text()) ? "AWS_IAM" : "CUSTOM",
                        authAt));
        r.put("Target", Nodes.join("/", at, Nodes.str("integrations", at), Nodes.ref(integration, at)));
    }

    /** Emits the HTTP API's {@code $default} stage once every event has been seen. */
    void finish() {
        if (apiId == null || !created) {
            return;
        }
        MapNode.Entry logs = s.providerEntry("logs", "httpApi");
        Location at = logs != null ? logs.keyLocation() : apiLocation();
        Output.Res st = s.out.add("HttpApiStage", "AWS::ApiGatewayV2::Stage", at, "serverless.yml provider");
        st.put("ApiId", apiId);
        st.put("StageName", Nodes.str("$default", at));
        st.put("AutoDeploy", Nodes.bool(true, at));
        MapNode cfg = s.providerMap("httpApi");
        Node metrics = cfg == null ? null : cfg.get("metrics");
        st.put(
                "DefaultRouteSettings",
                new Nodes.MapBuilder(at)
                        .put("DetailedMetricsEnabled", metrics != null ? metrics : Nodes.bool(false, at))
                        .build());
        if (logs != null && !Nodes.isNull(logs.value()) && !Nodes.isFalse(logs.value())) {
            Output.Res lg = s.out.add("HttpApiLogGroup", "AWS::Logs::LogGroup", at, "serverless.yml provider");
            lg.put("LogGroupName", Nodes.str("/aws/http-api/" + s.name + "-" + s.stage, at));
            Node retention = s.provider("logRetentionInDays");
            if (retention != null) {
                lg.put("RetentionInDays", s.providerKey("logRetentionInDays"), retention);
            }
            Node format = logs.value() instanceof MapNode lm ? lm.get("format") : null;
            st.put(
                    "AccessLogSettings",
                    at,
                    new Nodes.MapBuilder(at)
                            .put("DestinationArn", Nodes.getAtt("HttpApiLogGroup", "Arn", at))
                            .put(
                                    "Format",
                                    format != null
                                            ? format
                                            : Nodes.str(
                                                    "{\"requestId\":\"$context.requestId\","
                                                            + "\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\","
                                                            + "\"httpMethod\":\"$context.httpMethod\",\"routeKey\":\"$context.routeKey\","
                                                            + "\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
                                                            + "\"responseLength\":\"$context.responseLength\"}",
                                                    at))
                            .build());
        }
    }
}
