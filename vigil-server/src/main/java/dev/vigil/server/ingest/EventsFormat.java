package dev.vigil.server.ingest;

import dev.vigil.detect.event.JsonTape;
import dev.vigil.detect.event.MalformedRecordException;

/**
 * Splits the body of {@code POST /api/v1/events}: either a JSON array of objects or JSON lines (one object per line,
 * {@code \n} or {@code \r\n}, blank lines ignored). Lines are numbered from 1, array elements from 0.
 */
final class EventsFormat {
    private EventsFormat() {}

    static void split(byte[] body, EventBatch batch, IngestLimits limits) {
        int first = firstNonSpace(body, 0, body.length);
        if (first == body.length) {
            throw IngestException.badRequest("empty body: expected JSON lines or a JSON array of objects");
        }
        if (body[first] == '[') {
            splitArray(body, batch, limits);
        } else {
            splitLines(body, batch);
        }
    }

    private static void splitArray(byte[] body, EventBatch batch, IngestLimits limits) {
        JsonTape tape;
        try {
            tape = JsonTape.parse(body, 0, body.length, limits.maxDepth() + 1);
        } catch (MalformedRecordException e) {
            throw IngestException.badRequest("body is not a valid JSON array: " + e.getMessage());
        }
        int element = 0;
        for (int i = 1; i < tape.count(); i = tape.next(i), element++) {
            String label = "element " + element;
            if (tape.kind(i) != JsonTape.OBJECT) {
                batch.reject(label, "not a JSON object");
            } else {
                batch.acceptChecked(label, body, tape.start(i), tape.end(i));
            }
        }
    }

    private static void splitLines(byte[] body, EventBatch batch) {
        int line = 0;
        int start = 0;
        while (start < body.length) {
            line++;
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            int from = firstNonSpace(body, start, end);
            int to = end;
            while (to > from && isSpace(body[to - 1])) {
                to--;
            }
            if (to > from) {
                batch.offer("line " + line, body, from, to);
            }
            start = end + 1;
        }
    }

    static int firstNonSpace(byte[] buf, int from, int to) {
        while (from < to && isSpace(buf[from])) {
            from++;
        }
        return from;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
