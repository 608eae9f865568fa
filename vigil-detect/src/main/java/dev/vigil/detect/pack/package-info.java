/**
 * Vigil's built-in Sigma rule pack ({@code VGL-SH-…} for Shield telemetry, {@code VGL-CT-…} for CloudTrail), shipped
 * as resources in the jar and documented in {@code docs/detect-rules.md}.
 */
package dev.vigil.detect.pack;
