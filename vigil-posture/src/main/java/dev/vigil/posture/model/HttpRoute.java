package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;

/**
 * One HTTP method and path (or WebSocket route) of an API.
 *
 * @param apiId the {@link Api#id()} it belongs to (may be an implicit API, e.g. {@code ServerlessRestApi}); the id as
 *     written when the API is not in the template; null when unknown
 * @param method upper-case HTTP method, {@code ANY} for any; for WebSocket routes the route key (e.g.
 *     {@code $connect}); null when not knowable from the template
 * @param path e.g. {@code /orders/{id}}; null when the resource chain is not in the template
 * @param authorization {@code NONE}, {@code AWS_IAM}, {@code COGNITO_USER_POOLS}, {@code CUSTOM}, {@code JWT}; null
 *     when not set (which API Gateway treats as NONE)
 * @param apiKeyRequired whether an API key is required
 * @param functionId the function it integrates with, or null
 * @param location where the route is declared
 * @param id logical id of the method or route resource (for a route of an OpenAPI body: the API's id)
 * @param authorizerId the authorizer it uses: logical id when in the template, else as written; null when none
 * @param apiKey the {@code ApiKeyRequired} value as written, or null when not set
 * @param requestValidator the request validator (REST {@code RequestValidatorId}, OpenAPI
 *     {@code x-amazon-apigateway-request-validator}), or null when requests are not validated
 */
public record HttpRoute(
        String apiId,
        String method,
        String path,
        Value authorization,
        boolean apiKeyRequired,
        String functionId,
        Location location,
        String id,
        String authorizerId,
        Value apiKey,
        Value requestValidator) {

    /** A route with only the original components (no id, authorizer, API-key value or validator). */
    public HttpRoute(
            String apiId,
            String method,
            String path,
            Value authorization,
            boolean apiKeyRequired,
            String functionId,
            Location location) {
        this(apiId, method, path, authorization, apiKeyRequired, functionId, location, null, null, null, null);
    }

    /** True when the authorization is literally {@code NONE} or not set. */
    public boolean isOpen() {
        return authorization == null || authorization.is("NONE");
    }

    /** True for CORS preflight ({@code OPTIONS}) methods, which browsers call without credentials. */
    public boolean isPreflight() {
        return "OPTIONS".equals(method);
    }
}
