package dev.vigil.server.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A durable append-only log of opaque records in one directory, written by one process at a time.
 *
 * <p>{@link #append(List)} returns a future that completes only after the batch is forced to disk; many appenders
 * share each {@code fsync} (group commit). Accepted-but-not-durable bytes are bounded: past {@link
 * EventLogOptions#maxPendingBytes()} an append throws {@link LogBehindException}, which ingest turns into {@code 429}.
 * Readers ({@link #reader(long)}) see only durable records. {@link #open} recovers from a crash by truncating the torn
 * tail of the last segment, which holds nothing that was acknowledged.
 *
 * <p>Thread-safe. Futures complete on the writer thread: callbacks attached with {@code thenApply} and friends run
 * there and hold up the next commit, so keep them short or use the {@code …Async} variants.
 */
public final class EventLog implements AutoCloseable {
    private final Path directory;
    private final EventLogOptions options;
    private final DirectoryLock lock;
    private final SegmentSet segments;
    private final GroupCommitWriter writer;
    private final RecoveryReport recovery;
    private final Object closeLock = new Object();
    private boolean closed;

    private EventLog(
            Path directory,
            EventLogOptions options,
            DirectoryLock lock,
            SegmentSet segments,
            ActiveSegment active,
            RecoveryReport recovery) {
        this.directory = directory;
        this.options = options;
        this.lock = lock;
        this.segments = segments;
        this.recovery = recovery;
        this.writer = new GroupCommitWriter(options, segments, active);
    }

    /** Opens (creating if needed) the log in {@code directory} with {@link EventLogOptions#defaults()}. */
    public static EventLog open(Path directory) throws IOException {
        return open(directory, EventLogOptions.defaults());
    }

    /**
     * Opens (creating if needed) the log in {@code directory}, locks the directory against other processes and
     * recovers the last segment; see {@link #recovery()} for what was dropped.
     *
     * @throws LogLockedException another process, or another open {@code EventLog}, holds the directory
     * @throws LogCorruptedException the last segment is not a Vigil log segment
     */
    public static EventLog open(Path directory, EventLogOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        Files.createDirectories(directory);
        DirectoryLock lock = DirectoryLock.acquire(directory);
        try {
            SegmentSet segments = SegmentSet.scan(directory);
            ActiveSegment active;
            RecoveryReport recovery;
            if (segments.isEmpty()) {
                active = ActiveSegment.create(segments, 0);
                recovery = new RecoveryReport(active.file(), active.bytes(), 0, null);
            } else {
                ActiveSegment.Recovered recovered =
                        ActiveSegment.recover(segments.last().getValue(), options.maxRecordBytes());
                active = recovered.segment();
                recovery = recovered.report();
            }
            return new EventLog(directory, options, lock, segments, active, recovery);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The log's directory. */
    public Path directory() {
        return directory;
    }

    /** The options the log was opened with. */
    public EventLogOptions options() {
        return options;
    }

    /** What opening found at the end of the last segment. */
    public RecoveryReport recovery() {
        return recovery;
    }

    /**
     * Appends {@code records} as one batch with consecutive offsets. The future completes once every record of the
     * batch is on disk, or exceptionally (with an {@link IOException}) if writing failed, after which the log accepts
     * nothing more until reopened. The arrays are written as they are when the writer gets to them: don't change them
     * before the future completes.
     *
     * @throws RecordTooLargeException a record is longer than {@link EventLogOptions#maxRecordBytes()}
     * @throws LogBehindException accepting the batch would put more than {@link EventLogOptions#maxPendingBytes()}
     *     bytes in front of the disk
     * @throws IllegalArgumentException the batch alone is larger than {@link EventLogOptions#maxPendingBytes()}
     * @throws IllegalStateException the log is closed or stopped after a write error
     */
    public CompletableFuture<AppendResult> append(List<byte[]> records) {
        byte[][] batch = records.toArray(new byte[0][]);
        long frameBytes = 0;
        for (int i = 0; i < batch.length; i++) {
            int length = batch[i].length;
            if (length > options.maxRecordBytes()) {
                throw new RecordTooLargeException(i, length, options.maxRecordBytes());
            }
            frameBytes += Frame.size(length);
        }
        if (frameBytes > options.maxPendingBytes()) {
            throw new IllegalArgumentException("a batch of " + frameBytes
                    + " bytes can never fit under maxPendingBytes " + options.maxPendingBytes() + "; split it");
        }
        return writer.enqueue(batch, frameBytes);
    }

    /** Appends one record; see {@link #append(List)}. */
    public CompletableFuture<AppendResult> append(byte[] record) {
        return append(List.of(record));
    }

    /** The offset of the oldest record still kept (retention deletes from the front). */
    public long startOffset() {
        return segments.firstBaseOffset();
    }

    /** The offset the next record will get once durable: every record below it is on disk and readable. */
    public long endOffset() {
        return writer.durable().nextOffset();
    }

    /** How many group commits (one {@code fsync} each) the log has done since it was opened. */
    public long commitCount() {
        return writer.commitCount();
    }

    /** Bytes accepted by {@link #append} and not yet on disk. */
    public long pendingBytes() {
        return writer.pendingBytes();
    }

    /**
     * Whether the disk is falling behind: more than half of {@link EventLogOptions#maxPendingBytes()} waits for
     * {@code fsync}. An early signal for health checks and metrics; appends are refused only at the limit.
     */
    public boolean isBehind() {
        return writer.pendingBytes() > options.maxPendingBytes() / 2;
    }

    /**
     * Waits until the record at {@code offset} is durable (so a reader at {@code offset} gets it).
     *
     * @return false if {@code timeout} passed first or the log stopped after a write error
     */
    public boolean awaitRecord(long offset, Duration timeout) throws InterruptedException {
        return writer.awaitDurable(offset, timeout);
    }

    /**
     * A reader positioned at {@code offset}, between {@link #startOffset()} and {@link #endOffset()} inclusive. Close
     * it when done.
     *
     * @throws IllegalArgumentException the offset is outside that range
     */
    public LogReader reader(long offset) throws IOException {
        return new LogReader(segments, writer::durable, options.maxRecordBytes(), offset);
    }

    /**
     * Deletes whole segments, oldest first, whose records all lie below {@code committedOffset} (the consumer's
     * committed next offset), while the log is larger than {@link RetentionPolicy#maxBytes()} or the segment was last
     * written before {@link RetentionPolicy#maxAge()} ago. The segment being written is never deleted.
     *
     * @return the deleted files, oldest first
     */
    public synchronized List<Path> retain(RetentionPolicy policy, long committedOffset) throws IOException {
        if (committedOffset > endOffset()) {
            throw new IllegalArgumentException(
                    "committed offset " + committedOffset + " is past the log's end " + endOffset());
        }
        List<Map.Entry<Long, Path>> all = segments.snapshot();
        long totalBytes = 0;
        for (Map.Entry<Long, Path> segment : all) {
            totalBytes += Files.size(segment.getValue());
        }
        Instant cutoff = Instant.now().minus(policy.maxAge());
        List<Path> deleted = new ArrayList<>();
        for (int i = 0; i < all.size() - 1; i++) {
            long nextBase = all.get(i + 1).getKey();
            Path file = all.get(i).getValue();
            boolean consumed = nextBase <= committedOffset;
            long bytes = Files.size(file);
            boolean beyondBound = totalBytes > policy.maxBytes()
                    || Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
            if (!consumed || !beyondBound) {
                break;
            }
            segments.remove(all.get(i).getKey());
            Files.delete(file);
            totalBytes -= bytes;
            deleted.add(file);
        }
        if (!deleted.isEmpty()) {
            Fsync.directory(directory);
        }
        return deleted;
    }

    /** Forces everything accepted to disk, completes its futures, and releases the directory. Idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            writer.close();
        } finally {
            lock.close();
        }
    }
}
