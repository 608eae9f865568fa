package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.Map;

/**
 * A resource that holds or carries data: bucket, queue, topic, table, key, stream, secret, log group, GraphQL API,
 * identity pool. Security-relevant settings are normalised into {@code settings} under documented names (see
 * {@link Setting}), so a check never reads CloudFormation property names.
 *
 * @param id logical id
 * @param kind what it is
 * @param cfnType the CloudFormation type it was declared as
 * @param location where declared
 * @param settings normalised settings by name
 */
public record DataResource(String id, Kind kind, String cfnType, Location location, Map<String, Value> settings) {

    /** Data resource kinds. */
    public enum Kind {
        BUCKET,
        QUEUE,
        TOPIC,
        TABLE,
        KEY,
        STREAM,
        SECRET,
        LOG_GROUP,
        GRAPHQL_API,
        IDENTITY_POOL,
        STATE_MACHINE,
        EVENT_BUS,
        FUNCTION,
        OTHER
    }

    /** Names of normalised settings. The data extractor documents each in its Javadoc. */
    public static final class Setting {
        private Setting() {}
    }

    public DataResource {
        settings = Map.copyOf(settings);
    }

    /** A setting, or null. */
    public Value setting(String name) {
        return settings.get(name);
    }
}
