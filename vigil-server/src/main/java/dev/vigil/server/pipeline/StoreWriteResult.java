package dev.vigil.server.pipeline;

/**
 * What storing one batch did to the alerts.
 *
 * @param created detections that opened a new alert
 * @param updated detections added to an existing alert
 * @param replayed detections that were already stored
 */
public record StoreWriteResult(int created, int updated, int replayed) {}
