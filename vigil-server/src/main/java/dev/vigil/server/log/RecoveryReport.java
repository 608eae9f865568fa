package dev.vigil.server.log;

import java.nio.file.Path;

/**
 * What {@link EventLog#open} found at the end of the last segment.
 *
 * @param segment the last segment file
 * @param validBytes the segment's length after recovery
 * @param droppedBytes bytes truncated from its tail: a torn or corrupt frame and everything after it. They were never
 *     acknowledged, because an append is acknowledged only after the {@code fsync} that covers it.
 * @param reason why the tail was dropped, or {@code null} when nothing was
 */
public record RecoveryReport(Path segment, long validBytes, long droppedBytes, String reason) {

    /** Whether the log was closed cleanly or crashed between appends: nothing was dropped. */
    public boolean clean() {
        return droppedBytes == 0;
    }
}
