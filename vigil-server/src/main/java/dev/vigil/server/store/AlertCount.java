package dev.vigil.server.store;

import dev.vigil.core.Severity;

/**
 * How many alerts of one severity were last active in one time bucket (the dashboard's "alerts over time").
 *
 * @param bucketStart start of the bucket, epoch millis (a multiple of the bucket width)
 * @param severity the severity
 * @param alerts how many alerts
 * @param detections how many detections those alerts grouped
 */
public record AlertCount(long bucketStart, Severity severity, long alerts, long detections) {}
