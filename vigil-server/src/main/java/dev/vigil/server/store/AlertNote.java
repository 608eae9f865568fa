package dev.vigil.server.store;

/**
 * A note an analyst left on an alert.
 *
 * @param id stable id, increasing with creation
 * @param alertId the alert
 * @param author who wrote it
 * @param body the text (untrusted: escape before display)
 * @param createdAt when it was written
 */
public record AlertNote(long id, long alertId, String author, String body, long createdAt) {}
