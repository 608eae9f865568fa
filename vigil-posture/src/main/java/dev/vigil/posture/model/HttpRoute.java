package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;

/**
 * One HTTP method and path of an API.
 *
 * @param apiId the {@link Api#id()} it belongs to (may be an implicit API, e.g. {@code ServerlessRestApi})
 * @param method upper-case HTTP method, {@code ANY} for any
 * @param path e.g. {@code /orders/{id}}
 * @param authorization {@code NONE}, {@code AWS_IAM}, {@code COGNITO_USER_POOLS}, {@code CUSTOM}, {@code JWT}; null
 *     when not set (which API Gateway treats as NONE)
 * @param apiKeyRequired whether an API key is required
 * @param functionId the function it integrates with, or null
 * @param location where the route is declared
 */
public record HttpRoute(
        String apiId,
        String method,
        String path,
        Value authorization,
        boolean apiKeyRequired,
        String functionId,
        Location location) {}
