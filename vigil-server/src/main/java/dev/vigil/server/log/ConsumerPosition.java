package dev.vigil.server.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consumer's committed position in an {@link EventLog}: the offset of the next record it has not yet finished. Kept
 * in one small text file replaced atomically (write a temporary file, force it, rename it over the old one, force the
 * directory), so after a crash the file holds either the previous or the new position, never a mix.
 *
 * <p>Commit after the records below the position are fully processed (stored). A restart resumes from the committed
 * position and may see records processed after the last commit again: delivery is at-least-once and the store must
 * make processing idempotent.
 */
public final class ConsumerPosition {
    private static final String HEADER = "vigil-event-log-position 1";
    private static final Pattern CONTENT = Pattern.compile(Pattern.quote(HEADER) + "\nnext-offset (\\d{1,19})\n");

    private final Path file;
    private final Path temporary;
    private long committed;
    private boolean present;

    private ConsumerPosition(Path file, OptionalLong committed) {
        this.file = file;
        this.temporary = file.resolveSibling(file.getFileName() + ".tmp");
        this.present = committed.isPresent();
        this.committed = committed.orElse(0);
    }

    /**
     * The position kept in {@code file}, or none yet if the file does not exist. A temporary file left by a crash
     * during a commit is ignored (the commit did not happen) and removed at the next commit.
     *
     * @throws IOException the file exists but is not a position file (names the file)
     */
    public static ConsumerPosition open(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new ConsumerPosition(file, OptionalLong.empty());
        }
        String content = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher matcher = CONTENT.matcher(content);
        if (!matcher.matches()) {
            throw new IOException(
                    file + " is not a consumer position file (expected \"" + HEADER + "\" and a next-offset line)");
        }
        try {
            return new ConsumerPosition(file, OptionalLong.of(Long.parseLong(matcher.group(1))));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": next-offset is out of range", e);
        }
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The committed next offset, or empty if nothing was ever committed. */
    public synchronized OptionalLong committed() {
        return present ? OptionalLong.of(committed) : OptionalLong.empty();
    }

    /** The committed next offset, or {@code fallback} (typically {@link EventLog#startOffset()}) if none. */
    public synchronized long committedOr(long fallback) {
        return present ? committed : fallback;
    }

    /**
     * Durably records that every record below {@code nextOffset} is processed. Positions only move forward.
     *
     * @throws IllegalArgumentException {@code nextOffset} is below the committed position
     */
    public synchronized void commit(long nextOffset) throws IOException {
        if (nextOffset < 0 || (present && nextOffset < committed)) {
            throw new IllegalArgumentException(
                    "position " + nextOffset + " is behind the committed position " + committed + " in " + file);
        }
        if (present && nextOffset == committed) {
            return;
        }
        byte[] content = (HEADER + "\nnext-offset " + nextOffset + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null) {
            Fsync.directory(directory);
        }
        committed = nextOffset;
        present = true;
    }
}
