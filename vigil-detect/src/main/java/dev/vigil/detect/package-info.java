/**
 * Vigil's detection engine: Sigma detection rules, filters and correlations evaluated natively, one event at a time,
 * over CloudTrail, other cloud audit logs and Shield telemetry.
 *
 * <p>The pieces: {@link dev.vigil.detect.event} (what a log record looks like to a rule), {@link
 * dev.vigil.detect.rule} (loading and validating Sigma files), {@link dev.vigil.detect.match} (compiled value
 * matchers), {@link dev.vigil.detect.condition} (the condition grammar), {@link dev.vigil.detect.engine} (the rule
 * index and the engine), {@link dev.vigil.detect.correlation} (windows and correlation state) and {@link
 * dev.vigil.detect.input} (log readers).
 */
package dev.vigil.detect;
