package dev.vigil.shield.detect;

/** Where a detector reports what it found. */
@FunctionalInterface
public interface DetectionSink {

    /** Reports one detection. */
    void report(Detection detection);
}
