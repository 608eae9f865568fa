package dev.vigil.server.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** The on-disk framing of one record: length, CRC32C of length and payload, payload. */
final class Frame {
    /** Length field plus checksum field. */
    static final int HEADER_BYTES = 8;

    private Frame() {}

    /** The bytes a payload of {@code payloadBytes} occupies on disk. */
    static long size(int payloadBytes) {
        return (long) HEADER_BYTES + payloadBytes;
    }

    /** Writes one frame into {@code target}, which must have room for it. */
    static void write(ByteBuffer target, byte[] payload) {
        target.putInt(payload.length);
        target.putInt(checksum(payload.length, payload, 0));
        target.put(payload);
    }

    /** The checksum stored for a payload of {@code length} bytes starting at {@code from} in {@code bytes}. */
    static int checksum(int length, byte[] bytes, int from) {
        CRC32C crc = new CRC32C();
        crc.update((length >>> 24) & 0xff);
        crc.update((length >>> 16) & 0xff);
        crc.update((length >>> 8) & 0xff);
        crc.update(length & 0xff);
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }
}
