package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;

/**
 * A deployed stage of an API (or a deployment that creates one).
 *
 * @param id logical id of the stage or deployment
 * @param apiId the API it belongs to
 * @param location where declared
 * @param accessLogDestination access-log destination, or null when access logging is off
 * @param tracingEnabled X-Ray tracing
 * @param cacheEnabled cache cluster enabled
 * @param cacheEncrypted cache data encrypted
 * @param clientCertificate client certificate id, or null
 * @param usagePlan true when a usage plan (throttle/quota) covers this stage
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
        boolean usagePlan) {}
