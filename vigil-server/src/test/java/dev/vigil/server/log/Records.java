package dev.vigil.server.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test payloads that say which record they are, and reading a whole log back. */
final class Records {
    private Records() {}

    /** A payload of about {@code size} bytes naming {@code id}. */
    static byte[] payload(String id, int size) {
        StringBuilder text = new StringBuilder(id).append('|');
        while (text.length() < size) {
            text.append((char) ('a' + text.length() % 26));
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String text(LogRecord record) {
        return text(record.payload());
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.US_ASCII);
    }

    /** Every durable record from {@code offset} on. */
    static List<LogRecord> readAll(EventLog log, long offset) throws IOException {
        List<LogRecord> all = new ArrayList<>();
        try (LogReader reader = log.reader(offset)) {
            List<LogRecord> batch;
            while (!(batch = reader.poll(1000, 1 << 20)).isEmpty()) {
                all.addAll(batch);
            }
        }
        return all;
    }
}
