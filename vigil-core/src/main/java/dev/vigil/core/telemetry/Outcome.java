package dev.vigil.core.telemetry;

/** How an invocation ended, as seen by the Shield. */
public enum Outcome {
    /** The handler ran and returned normally. */
    SUCCESS("success"),
    /** The handler threw. */
    ERROR("error"),
    /** The Shield refused the invocation; the handler did not run. */
    BLOCKED("blocked"),
    /** The handler ran on part of a batch; the rest was dropped or reported as failures. */
    PARTIAL("partial");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    /** The stable identifier used in telemetry. */
    public String id() {
        return id;
    }
}
