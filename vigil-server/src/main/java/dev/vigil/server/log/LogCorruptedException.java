package dev.vigil.server.log;

import java.io.IOException;
import java.nio.file.Path;

/** Bytes in a segment that are not a valid frame where one must be; names the file and the byte position. */
public final class LogCorruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long position;
    private final String reason;

    LogCorruptedException(Path file, long position, String reason) {
        super(file + " at byte " + position + ": " + reason);
        this.file = file;
        this.position = position;
        this.reason = reason;
    }

    /** The segment file. */
    public Path file() {
        return file;
    }

    /** The byte position of the bad frame (or header) in the file. */
    public long position() {
        return position;
    }

    /** What is wrong, without the file and position. */
    public String reason() {
        return reason;
    }
}
