package dev.vigil.server.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads durable records of an {@link EventLog} in offset order, from a starting offset, in batches. Each record's
 * checksum is verified. Not thread-safe: one reader per consumer thread. Obtain one from {@link EventLog#reader(long)}.
 */
public final class LogReader implements AutoCloseable {
    private final SegmentSet segments;
    private final Supplier<DurablePosition> durable;
    private final int maxRecordBytes;
    private long nextOffset;

    private Path file;
    private long baseOffset;
    private FileChannel channel;
    private FrameReader frames;

    LogReader(SegmentSet segments, Supplier<DurablePosition> durable, int maxRecordBytes, long offset)
            throws IOException {
        this.segments = segments;
        this.durable = durable;
        this.maxRecordBytes = maxRecordBytes;
        seek(offset);
    }

    /** The offset of the next record {@link #poll} returns. Commit this once the records before it are processed. */
    public long nextOffset() {
        return nextOffset;
    }

    /**
     * The next durable records, at most {@code maxRecords}, stopping after the one that brings the payload total to
     * {@code maxBytes} or more (so at least one record comes back when any is available). Empty when the reader has
     * caught up; {@link EventLog#awaitRecord} waits for more.
     *
     * @throws LogCorruptedException a record on disk fails its checks (names the file and byte position)
     */
    public List<LogRecord> poll(int maxRecords, long maxBytes) throws IOException {
        if (maxRecords <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("maxRecords and maxBytes must be positive");
        }
        DurablePosition end = durable.get();
        List<LogRecord> records = new ArrayList<>(Math.min(maxRecords, 1024));
        long bytes = 0;
        while (records.size() < maxRecords && bytes < maxBytes && nextOffset < end.nextOffset()) {
            if (frames == null) {
                Path next = segments.startingAt(nextOffset);
                if (next == null) {
                    throw new LogCorruptedException(
                            file, position(), "segment ends at offset " + nextOffset + " but no segment starts there");
                }
                open(next, nextOffset);
            }
            byte[] payload = nextPayload(end);
            if (payload == null) {
                if (baseOffset == end.segmentBaseOffset()) {
                    throw new LogCorruptedException(
                            file, position(), "durable data ends before offset " + end.nextOffset());
                }
                closeSegment();
                continue;
            }
            records.add(new LogRecord(nextOffset++, payload));
            bytes += payload.length;
        }
        return records;
    }

    private void seek(long offset) throws IOException {
        DurablePosition end = durable.get();
        long start = segments.firstBaseOffset();
        if (offset < start || offset > end.nextOffset()) {
            throw new IllegalArgumentException(
                    "offset " + offset + " is outside the log's records " + start + ".." + end.nextOffset());
        }
        Map.Entry<Long, Path> segment = segments.containing(offset);
        open(segment.getValue(), segment.getKey());
        nextOffset = segment.getKey();
        while (nextOffset < offset) {
            if (nextPayload(end) == null) {
                throw new LogCorruptedException(
                        file, position(), "segment ends at offset " + nextOffset + ", before offset " + offset);
            }
            nextOffset++;
        }
    }

    /** The next frame of the current segment, with errors naming the record offset as well as the byte position. */
    private byte[] nextPayload(DurablePosition end) throws IOException {
        try {
            return frames.next(limit(end));
        } catch (LogCorruptedException e) {
            throw new LogCorruptedException(e.file(), e.position(), e.reason() + " (record offset " + nextOffset + ")");
        }
    }

    /** Bytes of the current segment that are safe to read: all of a sealed one, the durable part of the active one. */
    private long limit(DurablePosition end) {
        return baseOffset == end.segmentBaseOffset() ? end.segmentBytes() : Long.MAX_VALUE;
    }

    private void open(Path segment, long base) throws IOException {
        FileChannel opened = FileChannel.open(segment, StandardOpenOption.READ);
        try {
            Segment.checkHeader(segment, opened);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        file = segment;
        baseOffset = base;
        channel = opened;
        frames = new FrameReader(segment, opened, Segment.HEADER_BYTES, maxRecordBytes);
    }

    private long position() {
        return frames == null ? 0 : frames.position();
    }

    private void closeSegment() throws IOException {
        frames = null;
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeSegment();
    }
}
