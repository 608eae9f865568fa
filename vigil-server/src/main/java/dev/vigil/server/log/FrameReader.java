package dev.vigil.server.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reads frames one after another from a segment through a buffer, checking each length and checksum. Reads never go
 * past a limit, so a reader of the active segment only sees bytes already forced to disk.
 */
final class FrameReader {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final int maxRecordBytes;
    private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).flip();
    /** File position of the byte after the last frame returned (or skipped). */
    private long position;
    /** File position of the buffer's first unread byte's successor in the file, i.e. where the next read starts. */
    private long readPosition;

    FrameReader(Path file, FileChannel channel, long position, int maxRecordBytes) {
        this.file = file;
        this.channel = channel;
        this.position = position;
        this.readPosition = position;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** The file position just after the last frame read. */
    long position() {
        return position;
    }

    /**
     * The next frame's payload, or {@code null} when the frame data ends exactly at {@code limit}.
     *
     * @throws LogCorruptedException a frame is cut off by the limit, has an impossible length, or a wrong checksum
     */
    byte[] next(long limit) throws IOException {
        if (!fill(Frame.HEADER_BYTES, limit)) {
            if (buffer.hasRemaining()) {
                throw torn(Frame.HEADER_BYTES);
            }
            return null;
        }
        int start = buffer.position();
        int length = buffer.getInt(start);
        int storedChecksum = buffer.getInt(start + 4);
        if (length < 0 || length > maxRecordBytes) {
            throw new LogCorruptedException(
                    file, position, "frame length " + length + " is outside 0.." + maxRecordBytes + " bytes");
        }
        if (!fill(Frame.HEADER_BYTES + length, limit)) {
            throw torn(Frame.HEADER_BYTES + length);
        }
        start = buffer.position(); // filling may have moved the frame to the front of the buffer
        int actualChecksum = Frame.checksum(length, buffer.array(), start + Frame.HEADER_BYTES);
        if (actualChecksum != storedChecksum) {
            throw new LogCorruptedException(
                    file,
                    position,
                    String.format(
                            "checksum mismatch in a frame of %d bytes (stored %08x, computed %08x)",
                            length, storedChecksum, actualChecksum));
        }
        byte[] payload = new byte[length];
        buffer.position(start + Frame.HEADER_BYTES);
        buffer.get(payload);
        position += Frame.size(length);
        return payload;
    }

    private LogCorruptedException torn(int frameBytes) {
        return new LogCorruptedException(
                file, position, "torn frame: " + buffer.remaining() + " of at least " + frameBytes + " bytes present");
    }

    /** Makes at least {@code bytes} unread bytes available, reading below {@code limit}; false if the data ends first. */
    private boolean fill(int bytes, long limit) throws IOException {
        if (buffer.remaining() >= bytes) {
            return true;
        }
        if (buffer.capacity() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(bytes, buffer.capacity() * 2));
            larger.put(buffer).flip();
            buffer = larger;
        }
        buffer.compact();
        try {
            while (buffer.position() < bytes && readPosition < limit) {
                int room = (int) Math.min(buffer.remaining(), limit - readPosition);
                int read = channel.read(buffer.slice(buffer.position(), room), readPosition);
                if (read < 0) {
                    break;
                }
                buffer.position(buffer.position() + read);
                readPosition += read;
            }
        } finally {
            buffer.flip();
        }
        return buffer.remaining() >= bytes;
    }
}
