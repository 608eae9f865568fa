/** Telemetry sinks: standard output (CloudWatch) and a batching HTTP sink to a Vigil collector. */
package dev.vigil.shield.telemetry;
