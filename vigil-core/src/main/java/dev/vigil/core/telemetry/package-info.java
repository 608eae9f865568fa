/**
 * The telemetry model: what the Shield reports (invocation summaries, security findings, policy violations and
 * Vigil's own errors) and its one JSON-lines form, shaped after OCSF classes. See {@code docs/telemetry.md}.
 */
package dev.vigil.core.telemetry;
