package dev.vigil.shield.detect;

import dev.vigil.shield.inspect.InspectedValue;

/**
 * Recognises one family of attacks in a single value. A detector sees each extracted value together with the decoded
 * variants the Shield computed once for all detectors, and reports what it finds to the sink.
 *
 * <p>Contract: run in time linear in the input (no backtracking regular expressions on input; use RE2J where a regex
 * is needed), keep no per-invocation state, and never block. The Shield checks its per-event time budget between
 * detectors and fails open when it is spent; an exception from a detector is caught, reported as a
 * {@code vigil_error}, and the function runs.
 */
public interface Detector {

    /** The detector's stable id, e.g. {@code sqli}. */
    String id();

    /** The attack category it reports, e.g. {@code sqli}; the policy's per-category overrides use it. */
    String category();

    /** Inspects one value and reports findings. */
    void inspect(InspectedValue value, DetectionSink sink);
}
