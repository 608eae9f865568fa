/**
 * Ingest over HTTP: {@code POST /api/v1/events} (JSON lines or a JSON array), {@code /api/v1/ingest/cloudwatch}
 * (CloudWatch Logs subscription payloads) and {@code /api/v1/ingest/cloudtrail} (CloudTrail files), authenticated with
 * bearer ingest tokens and bounded in size, inflation and nesting. Every valid event becomes one {@link
 * dev.vigil.server.ingest.IngestRecord} in the {@link dev.vigil.server.log.EventLog}; a request is acknowledged only
 * after the log has forced its records to disk, and refused with {@code 429} when the log is behind.
 */
package dev.vigil.server.ingest;
