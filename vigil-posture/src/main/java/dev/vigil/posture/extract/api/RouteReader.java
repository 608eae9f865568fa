package dev.vigil.posture.extract.api;

import dev.vigil.posture.model.HttpRoute;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the routes of APIs: {@code AWS::ApiGateway::Method} (with its path from the {@code AWS::ApiGateway::Resource}
 * chain), {@code AWS::ApiGatewayV2::Route} (with the function behind its integration), the routes of an inline
 * OpenAPI/Swagger {@code Body}, and the {@code $default} route of a quick-create HTTP API.
 */
public final class RouteReader {
    private static final int MAX_PATH_DEPTH = 32;

    private final Refs refs;
    private final FunctionLinks links;

    public RouteReader(Refs refs, FunctionLinks links) {
        this.refs = refs;
        this.links = links;
    }

    /** One {@code AWS::ApiGateway::Method}. */
    public HttpRoute restMethod(CfnResource r) {
        Value method = refs.value(r.property("HttpMethod"));
        Value apiKey = refs.value(r.property("ApiKeyRequired"));
        MapNode integration = r.properties().map("Integration");
        return new HttpRoute(
                refs.key(r.property("RestApiId")),
                method != null && method.literal() ? method.text().trim().toUpperCase(Locale.ROOT) : null,
                path(r.property("ResourceId"), 0),
                refs.value(r.property("AuthorizationType")),
                apiKey != null && apiKey.is("true"),
                integration == null ? null : links.functionIn(integration.get("Uri")),
                r.location(),
                r.logicalId(),
                refs.key(r.property("AuthorizerId")),
                apiKey,
                refs.value(r.property("RequestValidatorId")));
    }

    /** The path of an API Gateway resource id: {@code /} for the root, the joined PathParts of a resource chain. */
    private String path(Node resourceId, int depth) {
        if (resourceId == null || depth > MAX_PATH_DEPTH) {
            return null;
        }
        if (isRootResourceId(resourceId)) {
            return "/";
        }
        CfnResource res = refs.resource(refs.target(resourceId), "AWS::ApiGateway::Resource");
        if (res == null) {
            return null;
        }
        String part = refs.resolver().text(res.property("PathPart"));
        String parent = path(res.property("ParentId"), depth + 1);
        if (part == null || parent == null) {
            return null;
        }
        return parent.endsWith("/") ? parent + part : parent + "/" + part;
    }

    private static boolean isRootResourceId(Node node) {
        if (!Intrinsic.isIntrinsic(node)) {
            return false;
        }
        MapNode.Entry fn = ((MapNode) node).entries().get(0);
        if (!fn.key().equals("Fn::GetAtt")) {
            return false;
        }
        SeqNode s = fn.value().asSeq();
        String attr =
                s != null && s.size() > 1 ? s.items().get(1).text() : fn.value().text();
        return attr != null && attr.endsWith("RootResourceId");
    }

    /** One {@code AWS::ApiGatewayV2::Route}. */
    public HttpRoute v2Route(CfnResource r) {
        String routeKey = refs.resolver().text(r.property("RouteKey"));
        String method = null;
        String path = null;
        if (routeKey != null) {
            int space = routeKey.indexOf(' ');
            if (space > 0) {
                method = routeKey.substring(0, space).trim().toUpperCase(Locale.ROOT);
                path = routeKey.substring(space + 1).trim();
            } else {
                method = routeKey.equals("$default") ? "ANY" : routeKey;
                path = routeKey.equals("$default") ? "$default" : null;
            }
        }
        Value apiKey = refs.value(r.property("ApiKeyRequired"));
        return new HttpRoute(
                refs.key(r.property("ApiId")),
                method,
                path,
                refs.value(r.property("AuthorizationType")),
                apiKey != null && apiKey.is("true"),
                targetFunction(r.property("Target")),
                r.location(),
                r.logicalId(),
                refs.key(r.property("AuthorizerId")),
                apiKey,
                null);
    }

    /** The function behind a V2 route target ({@code integrations/<id>}) or a quick-create target (function ARN). */
    private String targetFunction(Node target) {
        for (String id : refs.referenced(target)) {
            CfnResource integ = refs.resource(id, "AWS::ApiGatewayV2::Integration");
            if (integ != null) {
                return links.functionIn(integ.property("IntegrationUri"));
            }
        }
        return links.functionIn(target);
    }

    /** The {@code $default} route a quick-create HTTP API ({@code Target} on the API) gets, or null. */
    public HttpRoute quickCreateRoute(CfnResource api) {
        Node target = api.property("Target");
        if (target == null) {
            return null;
        }
        Value none = Value.literal("NONE", api.locationOf("Target"));
        return new HttpRoute(
                api.logicalId(),
                "ANY",
                "$default",
                none,
                false,
                links.functionIn(target),
                api.locationOf("Target"),
                api.logicalId(),
                null,
                null,
                null);
    }

    /** The routes of an inline OpenAPI/Swagger body and the authorizers it defines. */
    public record BodyRoutes(List<HttpRoute> routes, List<String> authorizers) {}

    private static final List<String> OPERATIONS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "x-amazon-apigateway-any-method");

    /** Reads the inline {@code Body} of API {@code api}; empty when the body is absent or not inline. */
    public BodyRoutes bodyRoutes(CfnResource api) {
        List<HttpRoute> routes = new ArrayList<>();
        List<String> authorizers = new ArrayList<>();
        MapNode body = api.properties().map("Body");
        if (body == null || Intrinsic.isIntrinsic(body)) {
            return new BodyRoutes(routes, authorizers);
        }
        MapNode schemes = securitySchemes(body);
        if (schemes != null) {
            for (MapNode.Entry e : schemes.entries()) {
                if (e.value() instanceof MapNode def && def.has("x-amazon-apigateway-authorizer")) {
                    authorizers.add(e.key());
                }
            }
        }
        Node globalSecurity = body.get("security");
        Value globalValidator = refs.value(body, "x-amazon-apigateway-request-validator");
        MapNode paths = body.map("paths");
        if (paths == null) {
            return new BodyRoutes(routes, authorizers);
        }
        for (MapNode.Entry p : paths.entries()) {
            if (!(p.value() instanceof MapNode ops)) {
                continue;
            }
            for (MapNode.Entry op : ops.entries()) {
                String name = op.key().toLowerCase(Locale.ROOT);
                if (!OPERATIONS.contains(name) || !(op.value() instanceof MapNode operation)) {
                    continue;
                }
                Node security = operation.has("security") ? operation.get("security") : globalSecurity;
                Auth auth = auth(security, schemes, op);
                MapNode integration = operation.map("x-amazon-apigateway-integration");
                Value validator = refs.value(operation, "x-amazon-apigateway-request-validator");
                routes.add(new HttpRoute(
                        api.logicalId(),
                        name.equals("x-amazon-apigateway-any-method") ? "ANY" : name.toUpperCase(Locale.ROOT),
                        p.key(),
                        auth.authorization(),
                        auth.apiKey(),
                        integration == null ? null : links.functionIn(integration.get("uri")),
                        op.keyLocation(),
                        api.logicalId(),
                        auth.authorizer(),
                        null,
                        validator != null ? validator : globalValidator));
            }
        }
        return new BodyRoutes(routes, authorizers);
    }

    private static MapNode securitySchemes(MapNode body) {
        MapNode defs = body.map("securityDefinitions");
        if (defs != null) {
            return defs;
        }
        MapNode components = body.map("components");
        return components == null ? null : components.map("securitySchemes");
    }

    private record Auth(Value authorization, boolean apiKey, String authorizer) {}

    /** What an OpenAPI security requirement list asks for, in API Gateway's terms. */
    private Auth auth(Node security, MapNode schemes, MapNode.Entry op) {
        String authorization = "NONE";
        String authorizer = null;
        boolean apiKey = false;
        if (security instanceof SeqNode reqs) {
            for (Node req : reqs.items()) {
                if (!(req instanceof MapNode m)) {
                    continue;
                }
                for (MapNode.Entry e : m.entries()) {
                    MapNode def = schemes == null ? null : schemes.map(e.key());
                    String type = schemeType(def);
                    if (type.equals("API_KEY")) {
                        apiKey = true;
                    } else if (authorization.equals("NONE")) {
                        authorization = type;
                        authorizer = e.key();
                    }
                }
            }
        }
        return new Auth(Value.literal(authorization, op.keyLocation()), apiKey, authorizer);
    }

    private String schemeType(MapNode def) {
        if (def == null) {
            return "CUSTOM";
        }
        String authType = refs.resolver().text(def.get("x-amazon-apigateway-authtype"));
        MapNode authorizer = def.map("x-amazon-apigateway-authorizer");
        String authorizerType = authorizer == null ? null : refs.resolver().text(authorizer.get("type"));
        if (authType != null) {
            String t = authType.toLowerCase(Locale.ROOT);
            if (t.equals("awssigv4")) {
                return "AWS_IAM";
            }
            if (t.equals("cognito_user_pools")) {
                return "COGNITO_USER_POOLS";
            }
        }
        if (authorizerType != null) {
            String t = authorizerType.toLowerCase(Locale.ROOT);
            if (t.equals("jwt")) {
                return "JWT";
            }
            if (t.equals("cognito_user_pools")) {
                return "COGNITO_USER_POOLS";
            }
            return "CUSTOM";
        }
        String type = refs.resolver().text(def.get("type"));
        if ("apiKey".equals(type) && authorizer == null) {
            return "API_KEY";
        }
        if ("oauth2".equals(type) || "openIdConnect".equals(type)) {
            return "JWT";
        }
        return "CUSTOM";
    }
}
