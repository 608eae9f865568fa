package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * An API Gateway API (REST v1, HTTP v2 or WebSocket) and its stages. Owned by the API extractor; fields grow with the
 * checks that need them.
 *
 * @param id logical id
 * @param kind REST, HTTP or WEBSOCKET
 * @param location where declared
 * @param endpointType {@code EDGE}, {@code REGIONAL}, {@code PRIVATE}
 * @param minimumCompressionSize bytes, or null
 * @param stages stages with their settings
 */
public record Api(
        String id,
        Kind kind,
        Location location,
        Value endpointType,
        Value minimumCompressionSize,
        List<ApiStage> stages) {

    /** API flavours. */
    public enum Kind {
        REST,
        HTTP,
        WEBSOCKET
    }

    public Api {
        stages = List.copyOf(stages);
    }
}
