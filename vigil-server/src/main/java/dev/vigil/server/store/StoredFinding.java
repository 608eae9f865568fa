package dev.vigil.server.store;

/**
 * A finding as stored, with its ids.
 *
 * @param id stable id
 * @param runId the scan run it belongs to
 * @param finding the finding
 */
public record StoredFinding(long id, long runId, Finding finding) {}
