package dev.vigil.server.log;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (or another {@link EventLog} in this one) holds the log directory's lock file. */
public final class LogLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    LogLockedException(Path lockFile, String holder) {
        super("event log " + lockFile.getParent() + " is already open" + (holder.isBlank() ? "" : " by " + holder)
                + " (lock file " + lockFile + "); two servers must not share a data directory");
    }
}
