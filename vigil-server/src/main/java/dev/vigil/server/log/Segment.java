package dev.vigil.server.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Naming and the header of segment files. */
final class Segment {
    /** Magic, format version, base offset. */
    static final int HEADER_BYTES = 16;

    static final int MAGIC = 0x56474C47; // "VGLG"
    static final int VERSION = 1;

    private static final String SUFFIX = ".log";
    private static final Pattern NAME = Pattern.compile("\\d{20}\\.log");

    private Segment() {}

    /** The file name of the segment whose first record has {@code baseOffset}. */
    static String fileName(long baseOffset) {
        return String.format("%020d%s", baseOffset, SUFFIX);
    }

    /** Whether {@code fileName} names a segment. */
    static boolean isSegment(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** The base offset in a segment's file name. */
    static long baseOffset(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** The header of a segment starting at {@code baseOffset}, ready to write. */
    static ByteBuffer header(long baseOffset) {
        return ByteBuffer.allocate(HEADER_BYTES)
                .putInt(MAGIC)
                .putInt(VERSION)
                .putLong(baseOffset)
                .flip();
    }

    /** Reads and checks the header of {@code file}, which must be at least {@link #HEADER_BYTES} long. */
    static void checkHeader(Path file, FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (header.hasRemaining()) {
            if (channel.read(header, header.position()) < 0) {
                throw new LogCorruptedException(file, header.position(), "segment header is truncated");
            }
        }
        header.flip();
        int magic = header.getInt();
        int version = header.getInt();
        long base = header.getLong();
        if (magic != MAGIC) {
            throw new LogCorruptedException(file, 0, String.format("not a Vigil log segment (magic 0x%08x)", magic));
        }
        if (version != VERSION) {
            throw new LogCorruptedException(file, 4, "unsupported segment format version " + version);
        }
        if (base != baseOffset(file)) {
            throw new LogCorruptedException(
                    file, 8, "header says base offset " + base + ", file name says " + baseOffset(file));
        }
    }
}
