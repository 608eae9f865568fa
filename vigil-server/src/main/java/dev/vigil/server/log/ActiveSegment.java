package dev.vigil.server.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The one segment being written: the last of the log. Used by the writer thread only. */
final class ActiveSegment implements AutoCloseable {
    private final Path file;
    private final long baseOffset;
    private final FileChannel channel;
    private long bytes;
    private long recordCount;

    private ActiveSegment(Path file, long baseOffset, FileChannel channel, long bytes, long recordCount) {
        this.file = file;
        this.baseOffset = baseOffset;
        this.channel = channel;
        this.bytes = bytes;
        this.recordCount = recordCount;
    }

    /** Creates the segment for {@code baseOffset}, with its header and directory entry forced to disk. */
    static ActiveSegment create(SegmentSet segments, long baseOffset) throws IOException {
        Path file = segments.pathFor(baseOffset);
        FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            writeHeader(channel, baseOffset);
            Fsync.directory(segments.directory());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        segments.add(baseOffset, file);
        return new ActiveSegment(file, baseOffset, channel, Segment.HEADER_BYTES, 0);
    }

    /** The last segment of an existing log, reopened for appending. */
    record Recovered(ActiveSegment segment, RecoveryReport report) {}

    /**
     * Reopens {@code file} for appending after checking every frame, and truncates a torn or corrupt tail: the first
     * frame that is cut off, too long or fails its checksum, and everything after it.
     */
    static Recovered recover(Path file, int maxRecordBytes) throws IOException {
        long baseOffset = Segment.baseOffset(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            if (size < Segment.HEADER_BYTES || isZeroHeader(channel)) {
                // created but its header never reached the disk: no record in it was acknowledged
                channel.truncate(0);
                writeHeader(channel, baseOffset);
                RecoveryReport report = new RecoveryReport(
                        file, Segment.HEADER_BYTES, size, size == 0 ? null : "segment header is torn");
                return new Recovered(new ActiveSegment(file, baseOffset, channel, Segment.HEADER_BYTES, 0), report);
            }
            Segment.checkHeader(file, channel);
            FrameReader frames = new FrameReader(file, channel, Segment.HEADER_BYTES, maxRecordBytes);
            long records = 0;
            String reason = null;
            try {
                while (frames.next(Long.MAX_VALUE) != null) {
                    records++;
                }
            } catch (LogCorruptedException e) {
                reason = e.reason() + " at byte " + e.position();
            }
            long valid = frames.position();
            if (valid < size) {
                channel.truncate(valid);
                channel.force(true);
            }
            RecoveryReport report = new RecoveryReport(file, valid, size - valid, reason);
            return new Recovered(new ActiveSegment(file, baseOffset, channel, valid, records), report);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static boolean isZeroHeader(FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(Segment.HEADER_BYTES);
        channel.read(header, 0);
        for (int i = 0; i < header.position(); i++) {
            if (header.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static void writeHeader(FileChannel channel, long baseOffset) throws IOException {
        ByteBuffer header = Segment.header(baseOffset);
        while (header.hasRemaining()) {
            channel.write(header, header.position());
        }
        channel.force(true);
    }

    Path file() {
        return file;
    }

    long baseOffset() {
        return baseOffset;
    }

    /** Bytes written so far, forced or not. */
    long bytes() {
        return bytes;
    }

    long recordCount() {
        return recordCount;
    }

    /** Writes whole frames holding {@code records} records at the end of the segment (not yet forced). */
    void write(ByteBuffer frames, int records) throws IOException {
        while (frames.hasRemaining()) {
            bytes += channel.write(frames, bytes);
        }
        recordCount += records;
    }

    /** Forces everything written to disk (data and the file length). */
    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
