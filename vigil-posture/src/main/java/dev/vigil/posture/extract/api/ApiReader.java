package dev.vigil.posture.extract.api;

import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.HttpRoute;
import dev.vigil.posture.model.Trigger;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the API part of the model from a (lowered) CloudFormation template.
 *
 * <ul>
 *   <li>{@code AWS::ApiGateway::RestApi} and {@code AWS::ApiGatewayV2::Api} become {@link Api}s; an API that stages
 *       or routes refer to but the template does not declare becomes an {@link Api} with {@code declared = false},
 *       so its stages and routes are still checked.
 *   <li>{@code AWS::ApiGateway::Method}, {@code AWS::ApiGatewayV2::Route}, inline OpenAPI bodies and quick-create
 *       HTTP APIs become {@link HttpRoute}s, and a route whose integration calls a function becomes an HTTP
 *       {@link Trigger} of that function.
 *   <li>Stages and deployments become {@link ApiStage}s (see {@link StageReader}), with their usage-plan and WAF
 *       coverage (see {@link StageCoverage}).
 *   <li>{@code AWS::ApiGateway::DomainName}/{@code AWS::ApiGatewayV2::DomainName}, {@code AWS::AppSync::GraphQLApi}
 *       and {@code AWS::Cognito::IdentityPool} become {@link Api}s of kind DOMAIN_NAME, GRAPHQL and IDENTITY_POOL.
 * </ul>
 */
public final class ApiReader {
    private final CfnTemplate template;
    private final Refs refs;
    private final RouteReader routes;

    /**
     * @param template the lowered template
     * @param functions functions already extracted, to link routes to them
     */
    public ApiReader(CfnTemplate template, List<Function> functions) {
        this.template = template;
        this.refs = new Refs(template);
        this.routes = new RouteReader(refs, new FunctionLinks(refs, functions));
    }

    /** Adds APIs, routes and HTTP triggers to {@code out}. */
    public void read(Deployment.Builder out) {
        Map<String, ApiDraft> apis = new LinkedHashMap<>();
        List<HttpRoute> allRoutes = new ArrayList<>();
        for (CfnResource r : template.resources("AWS::ApiGateway::RestApi")) {
            ApiDraft a = declared(apis, r, Api.Kind.REST);
            RouteReader.BodyRoutes body = routes.bodyRoutes(r);
            allRoutes.addAll(body.routes());
            a.authorizers.addAll(body.authorizers());
        }
        for (CfnResource r : template.resources("AWS::ApiGatewayV2::Api")) {
            String protocol = refs.resolver().text(r.property("ProtocolType"));
            Api.Kind kind = "WEBSOCKET".equalsIgnoreCase(protocol) ? Api.Kind.WEBSOCKET : Api.Kind.HTTP;
            ApiDraft a = declared(apis, r, kind);
            RouteReader.BodyRoutes body = routes.bodyRoutes(r);
            allRoutes.addAll(body.routes());
            a.authorizers.addAll(body.authorizers());
            HttpRoute quick = routes.quickCreateRoute(r);
            if (quick != null && kind == Api.Kind.HTTP) {
                allRoutes.add(quick);
            }
        }
        for (CfnResource r : template.resources("AWS::ApiGateway::Method")) {
            HttpRoute route = routes.restMethod(r);
            referenced(apis, route.apiId(), Api.Kind.REST, r.location());
            allRoutes.add(route);
        }
        for (CfnResource r : template.resources("AWS::ApiGatewayV2::Route")) {
            HttpRoute route = routes.v2Route(r);
            boolean websocket = route.method() != null && route.method().startsWith("$") && route.path() == null;
            referenced(apis, route.apiId(), websocket ? Api.Kind.WEBSOCKET : Api.Kind.HTTP, r.location());
            allRoutes.add(route);
        }
        authorizers(apis, "AWS::ApiGateway::Authorizer", "RestApiId");
        authorizers(apis, "AWS::ApiGatewayV2::Authorizer", "ApiId");

        StageCoverage coverage = new StageCoverage(refs, template);
        for (StageReader.Draft s : new StageReader(refs).read(template)) {
            Api.Kind kind = s.kind() == ApiStage.Kind.V2_STAGE ? Api.Kind.HTTP : Api.Kind.REST;
            referenced(apis, s.apiKey(), kind, s.location());
            apis.get(Objects.toString(s.apiKey(), "")).stages.add(s.toStage(coverage.usagePlan(s), coverage.webAcl(s)));
        }

        for (ApiDraft a : apis.values()) {
            out.add(a.build());
        }
        for (HttpRoute route : withoutBodyDuplicates(allRoutes)) {
            out.add(route);
            if (route.functionId() != null) {
                ApiDraft api = apis.get(Objects.toString(route.apiId(), ""));
                Api.Kind kind = api == null ? Api.Kind.REST : api.kind;
                out.add(new Trigger(
                        triggerKind(kind),
                        route.functionId(),
                        Value.literal(Objects.toString(route.apiId(), "?"), route.location()),
                        route,
                        route.location()));
            }
        }
        domains(out);
        graphQlApis(out);
        identityPools(out);
    }

    /**
     * Routes with body routes dropped where a method or route resource declares the same method and path of the same
     * API (SAM merges its events into a DefinitionBody; lowered templates carry both).
     */
    private static List<HttpRoute> withoutBodyDuplicates(List<HttpRoute> routes) {
        Set<String> explicit = new HashSet<>();
        for (HttpRoute r : routes) {
            if (!Objects.equals(r.id(), r.apiId())) {
                explicit.add(r.apiId() + " " + r.method() + " " + r.path());
            }
        }
        List<HttpRoute> out = new ArrayList<>();
        for (HttpRoute r : routes) {
            boolean fromBody = Objects.equals(r.id(), r.apiId());
            if (!fromBody || !explicit.contains(r.apiId() + " " + r.method() + " " + r.path())) {
                out.add(r);
            }
        }
        return out;
    }

    private static Trigger.Kind triggerKind(Api.Kind kind) {
        return switch (kind) {
            case HTTP -> Trigger.Kind.HTTP_API;
            case WEBSOCKET -> Trigger.Kind.WEBSOCKET;
            default -> Trigger.Kind.HTTP_REST;
        };
    }

    /** An API under construction. */
    private static final class ApiDraft {
        final String id;
        final Api.Kind kind;
        final Location location;
        final CfnResource resource;
        final Value endpointType;
        final Value compression;
        final Value policy;
        final List<Value> cors;
        final List<String> authorizers = new ArrayList<>();
        final List<ApiStage> stages = new ArrayList<>();

        ApiDraft(
                String id,
                Api.Kind kind,
                Location location,
                CfnResource resource,
                Value endpointType,
                Value compression,
                Value policy,
                List<Value> cors) {
            this.id = id;
            this.kind = kind;
            this.location = location;
            this.resource = resource;
            this.endpointType = endpointType;
            this.compression = compression;
            this.policy = policy;
            this.cors = cors;
        }

        Api build() {
            return new Api(
                    id,
                    kind,
                    location,
                    endpointType,
                    compression,
                    stages,
                    resource == null ? null : resource.type(),
                    policy,
                    authorizers,
                    cors,
                    null,
                    null,
                    null,
                    resource != null);
        }
    }

    private ApiDraft declared(Map<String, ApiDraft> apis, CfnResource r, Api.Kind kind) {
        MapNode p = r.properties();
        Value policy = refs.value(p, "Policy");
        MapNode body = p.map("Body");
        if (policy == null && body != null) {
            policy = refs.value(body, "x-amazon-apigateway-policy");
        }
        List<Value> cors = new ArrayList<>();
        MapNode corsConfig = p.map("CorsConfiguration");
        if (corsConfig != null) {
            values(corsConfig.get("AllowOrigins"), cors);
        }
        ApiDraft a = new ApiDraft(
                r.logicalId(),
                kind,
                r.location(),
                r,
                endpointType(p.map("EndpointConfiguration")),
                refs.value(p, "MinimumCompressionSize"),
                policy,
                cors);
        apis.put(r.logicalId(), a);
        return a;
    }

    /** Makes sure an API that something refers to exists in the model (undeclared when not in the template). */
    private void referenced(Map<String, ApiDraft> apis, String key, Api.Kind kind, Location at) {
        apis.computeIfAbsent(
                Objects.toString(key, ""), k -> new ApiDraft(key, kind, at, null, null, null, null, List.of()));
    }

    private void authorizers(Map<String, ApiDraft> apis, String type, String apiProperty) {
        for (CfnResource r : template.resources(type)) {
            String key = refs.key(r.property(apiProperty));
            ApiDraft a = key == null ? null : apis.get(key);
            if (a != null) {
                a.authorizers.add(r.logicalId());
            }
        }
    }

    /** {@code PRIVATE} when the types include it, else the first type; null when no types are declared. */
    private Value endpointType(MapNode config) {
        if (config == null) {
            return null;
        }
        List<Value> types = new ArrayList<>();
        values(config.get("Types"), types);
        for (Value v : types) {
            if (v.is("PRIVATE")) {
                return v;
            }
        }
        return types.isEmpty() ? null : types.get(0);
    }

    /** A list property's values (a single value counts as a one-element list), both branches of Fn::If. */
    private void values(Node node, List<Value> out) {
        for (Node alt : refs.resolver().alternatives(node)) {
            if (alt instanceof SeqNode s) {
                for (Node item : s.items()) {
                    for (Node a : refs.resolver().alternatives(item)) {
                        Value v = refs.value(a);
                        if (v != null) {
                            out.add(v);
                        }
                    }
                }
            } else {
                Value v = refs.value(alt);
                if (v != null) {
                    out.add(v);
                }
            }
        }
    }

    private void domains(Deployment.Builder out) {
        for (CfnResource r : template.resources("AWS::ApiGateway::DomainName")) {
            MapNode p = r.properties();
            out.add(other(
                    r,
                    Api.Kind.DOMAIN_NAME,
                    endpointType(p.map("EndpointConfiguration")),
                    null,
                    refs.value(p, "SecurityPolicy"),
                    null));
        }
        for (CfnResource r : template.resources("AWS::ApiGatewayV2::DomainName")) {
            Value policy = null;
            Value endpoint = null;
            SeqNode configs = r.properties().seq("DomainNameConfigurations");
            if (configs != null) {
                for (Node n : configs.items()) {
                    if (n instanceof MapNode m) {
                        Value v = refs.value(m, "SecurityPolicy");
                        if (policy == null || (v != null && !v.is("TLS_1_2"))) {
                            policy = v == null ? policy : v;
                        }
                        if (endpoint == null) {
                            endpoint = refs.value(m, "EndpointType");
                        }
                    }
                }
            }
            if (policy == null) {
                // Regional V2 domains only offer TLS 1.2, which is also their default.
                policy = Value.literal("TLS_1_2", r.location());
            }
            out.add(other(r, Api.Kind.DOMAIN_NAME, endpoint, null, policy, null));
        }
    }

    private void graphQlApis(Deployment.Builder out) {
        for (CfnResource r : template.resources("AWS::AppSync::GraphQLApi")) {
            MapNode p = r.properties();
            List<Value> auth = new ArrayList<>();
            Value main = refs.value(p, "AuthenticationType");
            if (main != null) {
                auth.add(main);
            }
            SeqNode extra = p.seq("AdditionalAuthenticationProviders");
            if (extra != null) {
                for (Node n : extra.items()) {
                    if (n instanceof MapNode m && refs.value(m, "AuthenticationType") != null) {
                        auth.add(refs.value(m, "AuthenticationType"));
                    }
                }
            }
            MapNode log = p.map("LogConfig");
            Api.GraphQl g = new Api.GraphQl(
                    auth,
                    log == null ? null : p.keyLocation("LogConfig"),
                    refs.value(log, "FieldLogLevel"),
                    refs.value(log, "CloudWatchLogsRoleArn"));
            out.add(other(r, Api.Kind.GRAPHQL, null, g, null, null));
        }
    }

    private void identityPools(Deployment.Builder out) {
        for (CfnResource r : template.resources("AWS::Cognito::IdentityPool")) {
            out.add(other(
                    r,
                    Api.Kind.IDENTITY_POOL,
                    null,
                    null,
                    null,
                    refs.value(r.properties(), "AllowUnauthenticatedIdentities")));
        }
    }

    private Api other(CfnResource r, Api.Kind kind, Value endpoint, Api.GraphQl g, Value tls, Value unauth) {
        return new Api(
                r.logicalId(),
                kind,
                r.location(),
                endpoint,
                null,
                List.of(),
                r.type(),
                null,
                List.of(),
                List.of(),
                g,
                tls,
                unauth,
                true);
    }
}
