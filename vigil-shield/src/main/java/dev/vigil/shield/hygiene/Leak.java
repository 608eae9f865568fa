package dev.vigil.shield.hygiene;

/**
 * One leak found in a response: its kind and where it is, never its text.
 *
 * @param kind one of {@link LeakKinds#STACK_TRACE}, {@link LeakKinds#AWS_ACCESS_KEY_ID},
 *     {@link LeakKinds#AWS_SECRET_ACCESS_KEY}, {@link LeakKinds#AWS_SESSION_TOKEN}, {@link LeakKinds#PRIVATE_KEY}
 * @param start start index in the response text
 * @param end end index (exclusive)
 */
public record Leak(String kind, int start, int end) {}
