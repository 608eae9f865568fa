/**
 * Log readers: CloudTrail files, JSON lines, CloudWatch Logs subscription payloads and Shield telemetry, plain or
 * gzip, from files, directories and standard input; the fast event parser.
 */
package dev.vigil.detect.input;
