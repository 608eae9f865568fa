package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * A public front door of a serverless application: an API Gateway API (REST v1, HTTP v2 or WebSocket) with its
 * stages, an AppSync GraphQL API, an API Gateway custom domain name, or a Cognito identity pool (which hands out AWS
 * credentials to its callers). They share one record because the deployment model keeps one list of them; the
 * kind-specific settings are null for the other kinds. Owned by the API extractor; fields grow with the checks that
 * need them.
 *
 * @param id logical id
 * @param kind REST, HTTP, WEBSOCKET or GRAPHQL
 * @param location where declared
 * @param endpointType {@code PRIVATE} when the endpoint types include it, else the first declared type ({@code EDGE},
 *     {@code REGIONAL}); null when not declared (API Gateway then creates an edge-optimised endpoint)
 * @param minimumCompressionSize bytes, or null
 * @param stages stages with their settings
 * @param cfnType the CloudFormation type it was declared as
 * @param policy the resource policy, or null
 * @param authorizers logical ids (or names, for authorizers declared in an OpenAPI body) of its authorizers
 * @param corsAllowOrigins CORS allowed origins (HTTP APIs), empty when CORS is not configured
 * @param graphQl AppSync settings, null unless {@code kind} is GRAPHQL
 * @param tlsPolicy the custom domain's {@code SecurityPolicy} (e.g. {@code TLS_1_2}); for an
 *     {@code AWS::ApiGatewayV2::DomainName} without one its default {@code TLS_1_2}; null when not set or not a domain
 * @param allowUnauthenticated an identity pool's {@code AllowUnauthenticatedIdentities}, null when not set or not a
 *     pool
 * @param declared false for an API that the template only refers to (its stages or methods are declared, the API
 *     is not); such an API carries no settings of its own
 */
public record Api(
        String id,
        Kind kind,
        Location location,
        Value endpointType,
        Value minimumCompressionSize,
        List<ApiStage> stages,
        String cfnType,
        Value policy,
        List<String> authorizers,
        List<Value> corsAllowOrigins,
        GraphQl graphQl,
        Value tlsPolicy,
        Value allowUnauthenticated,
        boolean declared) {

    /** API flavours. */
    public enum Kind {
        REST,
        HTTP,
        WEBSOCKET,
        GRAPHQL,
        DOMAIN_NAME,
        IDENTITY_POOL
    }

    /**
     * AppSync settings.
     *
     * @param authenticationTypes the default and additional authentication types ({@code API_KEY}, {@code AWS_IAM},
     *     {@code AMAZON_COGNITO_USER_POOLS}, {@code OPENID_CONNECT}, {@code AWS_LAMBDA})
     * @param logConfig where {@code LogConfig} is written, or null when the API has none
     * @param fieldLogLevel {@code NONE}, {@code ERROR}, {@code INFO}, {@code DEBUG}, {@code ALL}; null when not set
     * @param logRole the CloudWatch Logs role ARN, or null
     */
    public record GraphQl(List<Value> authenticationTypes, Location logConfig, Value fieldLogLevel, Value logRole) {
        public GraphQl {
            authenticationTypes = List.copyOf(authenticationTypes);
        }
    }

    public Api {
        stages = List.copyOf(stages);
        authorizers = List.copyOf(authorizers);
        corsAllowOrigins = List.copyOf(corsAllowOrigins);
    }

    /** An API Gateway API with only the original components, declared in the template. */
    public Api(
            String id,
            Kind kind,
            Location location,
            Value endpointType,
            Value minimumCompressionSize,
            List<ApiStage> stages) {
        this(
                id,
                kind,
                location,
                endpointType,
                minimumCompressionSize,
                stages,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                true);
    }

    /** True for API Gateway REST APIs. */
    public boolean isRest() {
        return kind == Kind.REST;
    }

    /** True for API Gateway APIs (REST, HTTP, WebSocket). */
    public boolean isGateway() {
        return kind == Kind.REST || kind == Kind.HTTP || kind == Kind.WEBSOCKET;
    }
}
