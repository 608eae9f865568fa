package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * A deployed stage of an API: an {@code AWS::ApiGateway::Stage}, an {@code AWS::ApiGatewayV2::Stage}, or an
 * {@code AWS::ApiGateway::Deployment} that creates a stage ({@code StageName}) or that no stage of the template
 * deploys (its {@code StageDescription} is then all the template says about the stage it will be deployed to).
 *
 * @param id logical id of the stage or deployment
 * @param apiId the API it belongs to: its logical id when it is in this template, else the id as written (may be null)
 * @param location where declared
 * @param accessLogDestination access-log destination, or null when access logging is off
 * @param tracingEnabled X-Ray tracing
 * @param cacheEnabled cache cluster enabled
 * @param cacheEncrypted cache data encrypted (stage-wide setting of a deployment's StageDescription), or null
 * @param clientCertificate client certificate id, or null
 * @param usagePlan true when a usage plan (throttle/quota) covers this stage
 * @param kind what declared it
 * @param stageName the stage name, or null
 * @param settingsLocation where method settings ({@code MethodSettings}, a deployment's {@code StageDescription},
 *     a V2 {@code DefaultRouteSettings}) are written, or null when none are declared
 * @param methodSettings per-method settings; for a deployment the StageDescription's stage-wide values come first
 *     (as method {@code *} on path {@code /*}); for a V2 stage the default route settings
 * @param webAcl true when a WAF web ACL association targets this stage
 */
public record ApiStage(
        String id,
        String apiId,
        Location location,
        Value accessLogDestination,
        Value tracingEnabled,
        Value cacheEnabled,
        Value cacheEncrypted,
        Value clientCertificate,
        boolean usagePlan,
        Kind kind,
        Value stageName,
        Location settingsLocation,
        List<MethodSetting> methodSettings,
        boolean webAcl) {

    /** What declared a stage. */
    public enum Kind {
        /** {@code AWS::ApiGateway::Stage}. */
        REST_STAGE,
        /** {@code AWS::ApiGateway::Deployment} with its StageDescription. */
        REST_DEPLOYMENT,
        /** {@code AWS::ApiGatewayV2::Stage}. */
        V2_STAGE
    }

    /**
     * One entry of a stage's method settings. Absent values are null.
     *
     * @param httpMethod e.g. {@code GET} or {@code *}
     * @param resourcePath e.g. {@code /orders} or {@code /*}
     * @param cachingEnabled response caching for the methods it covers
     * @param cacheDataEncrypted cache encryption for the methods it covers
     * @param loggingLevel execution logging: {@code OFF}, {@code ERROR}, {@code INFO}
     * @param dataTraceEnabled full request/response logging
     * @param metricsEnabled detailed CloudWatch metrics
     * @param location where the entry is written
     */
    public record MethodSetting(
            Value httpMethod,
            Value resourcePath,
            Value cachingEnabled,
            Value cacheDataEncrypted,
            Value loggingLevel,
            Value dataTraceEnabled,
            Value metricsEnabled,
            Location location) {}

    public ApiStage {
        methodSettings = List.copyOf(methodSettings);
    }

    /** A REST stage with only the original components. */
    public ApiStage(
            String id,
            String apiId,
            Location location,
            Value accessLogDestination,
            Value tracingEnabled,
            Value cacheEnabled,
            Value cacheEncrypted,
            Value clientCertificate,
            boolean usagePlan) {
        this(
                id,
                apiId,
                location,
                accessLogDestination,
                tracingEnabled,
                cacheEnabled,
                cacheEncrypted,
                clientCertificate,
                usagePlan,
                Kind.REST_STAGE,
                null,
                null,
                List.of(),
                false);
    }

    /** True for stages of REST APIs (stages and deployments of {@code AWS::ApiGateway}). */
    public boolean isRest() {
        return kind != Kind.V2_STAGE;
    }
}
