package dev.vigil.shield.policy;

/** What the Shield does about what it finds. */
public enum Mode {
    /** Refuse the invocation (or drop/report the batch record) and report. */
    BLOCK,
    /** Report only; the function runs as if the Shield were not there. */
    MONITOR,
    /** Do not inspect at all. */
    OFF
}
