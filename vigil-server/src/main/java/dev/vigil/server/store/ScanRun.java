package dev.vigil.server.store;

/**
 * One upload of scan results.
 *
 * @param id stable id, increasing with upload time
 * @param tenant the tenant
 * @param label what was scanned (repository, commit, path), or {@code null}
 * @param uploadedBy who uploaded it (token name or user), or {@code null}
 * @param uploadedAt when it was stored
 * @param findingCount how many findings it holds
 */
public record ScanRun(long id, String tenant, String label, String uploadedBy, long uploadedAt, int findingCount) {}
