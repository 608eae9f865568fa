package dev.vigil.server.store;

/**
 * What {@link AlertStore#record} did with a detection.
 *
 * @param alertId the alert the detection belongs to
 * @param created whether this detection opened a new alert
 * @param replayed whether the detection had been recorded before (same event offset and rule): nothing changed
 */
public record RecordedDetection(long alertId, boolean created, boolean replayed) {}
