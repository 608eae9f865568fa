/**
 * Hygiene checks: plaintext secrets in environment variables, files left in {@code /tmp} by a previous invocation,
 * and stack traces or credentials leaking out in responses. Every check reports names, kinds, counts and positions,
 * never secret values, and is bounded in size and time.
 */
package dev.vigil.shield.hygiene;
