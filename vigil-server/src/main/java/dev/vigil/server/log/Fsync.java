package dev.vigil.server.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forcing directories to disk, so that created, renamed and deleted names survive a crash. */
final class Fsync {
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");

    private Fsync() {}

    /** Forces the directory entry changes of {@code directory}; a no-op where the platform cannot open directories. */
    static void directory(Path directory) throws IOException {
        if (WINDOWS) {
            return; // NTFS journals metadata; directories cannot be opened as channels there
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
