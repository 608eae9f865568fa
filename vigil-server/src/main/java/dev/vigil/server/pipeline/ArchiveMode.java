package dev.vigil.server.pipeline;

/** Which raw events the pipeline keeps in the {@link dev.vigil.server.store.EventArchive}. */
public enum ArchiveMode {
    /** Every parsed event. */
    ALL,
    /** Only events that raised a detection (the alert's raw event). */
    MATCHED,
    /** None. */
    NONE
}
