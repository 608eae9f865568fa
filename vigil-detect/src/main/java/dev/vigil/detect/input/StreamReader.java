package dev.vigil.detect.input;

import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.event.JsonTape;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.MalformedRecordException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads one decompressed input: JSON lines, or one JSON document (CloudTrail {@code {"Records":[…]}}, CloudWatch Logs
 * payload, top-level array, pretty-printed record). Lines are cut from chunks that are never reused once a record
 * points into them, so records are zero-copy slices. Only lines that may be containers (first key {@code Records},
 * {@code messageType}, {@code awslogs}…, or a top-level array) are parsed here; plain records are left to the worker.
 */
final class StreamReader {
    private static final int CHUNK = 256 * 1024;
    private static final int FIRST_CHUNK = 16 * 1024;
    private static final int CONTINUE = 0;
    private static final int RESTART = 1;
    private static final int DONE = 2;

    private static final String[] CONTAINER_KEYS = {
        "Records",
        "messageType",
        "owner",
        "logGroup",
        "logStream",
        "subscriptionFilters",
        "logEvents",
        "awslogs",
        "awsAccountId",
        "digestStartTime"
    };

    private final String name;
    private final InputStream in;
    private final ReadOptions options;
    private final RecordSink sink;
    private final BiConsumer<EventOrigin, String> notes;
    private final ReadCounters counters;
    private final LogSource forced;

    private byte[] buf = new byte[0];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean shared;
    private long line = 1;
    private boolean sawContent;
    private boolean allowDocument = true;

    StreamReader(
            String name,
            InputStream in,
            ReadOptions options,
            RecordSink sink,
            BiConsumer<EventOrigin, String> notes,
            ReadCounters counters) {
        this.name = name;
        this.in = in;
        this.options = options;
        this.sink = sink;
        this.notes = notes;
        this.counters = counters;
        this.forced = options.forcedLogSource();
    }

    /** The line being read, for problems raised by the stream. */
    long line() {
        return line;
    }

    void run() throws IOException {
        int scan = pos;
        while (true) {
            int nl = indexOfNewline(scan);
            if (nl >= 0) {
                int outcome = line(pos, nl);
                if (outcome == DONE) {
                    return;
                }
                if (outcome == RESTART) {
                    scan = pos;
                    continue;
                }
                pos = nl + 1;
                scan = pos;
                line++;
                continue;
            }
            if (eof) {
                if (pos < limit && line(pos, limit) == RESTART) {
                    scan = pos;
                    continue;
                }
                return;
            }
            if (limit - pos > allowance(pos)) {
                skipLongLine();
                scan = pos;
                continue;
            }
            int done = limit - pos;
            fill();
            scan = pos + done;
        }
    }

    private int indexOfNewline(int from) {
        byte[] b = buf;
        for (int i = from; i < limit; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads more input, keeping the pending partial line at the start of the (possibly new) buffer. */
    private void fill() throws IOException {
        int pending = limit - pos;
        if (!shared && buf.length > 0 && buf.length - pending >= Math.max(1, buf.length / 4)) {
            System.arraycopy(buf, pos, buf, 0, pending);
        } else {
            int size = (int)
                    Math.min(Integer.MAX_VALUE - 16, Math.max(buf.length == 0 ? FIRST_CHUNK : CHUNK, pending * 2L));
            byte[] next = new byte[size];
            System.arraycopy(buf, pos, next, 0, pending);
            buf = next;
            shared = false;
        }
        pos = 0;
        limit = pending;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** The longest line allowed for the pending bytes: containers may be long, plain records may not. */
    private long allowance(int from) {
        int p = skipSpace(from, limit);
        if (p < limit && buf[p] == '[') {
            return options.maxDocumentBytes();
        }
        return p < limit && buf[p] == '{' && containerKey(p, limit)
                ? options.maxDocumentBytes()
                : options.maxLineBytes();
    }

    private void skipLongLine() throws IOException {
        long at = line;
        long max = allowance(pos);
        problem(new EventOrigin(name, at, -1), "line longer than " + max + " bytes; skipped");
        while (true) {
            int nl = indexOfNewline(pos);
            if (nl >= 0) {
                pos = nl + 1;
                line++;
                return;
            }
            pos = limit;
            if (eof) {
                return;
            }
            fill();
        }
    }

    /** Handles the line {@code buf[start, end)}. */
    private int line(int start, int end) throws IOException {
        int s = start;
        if (!sawContent
                && end - s >= 3
                && buf[s] == (byte) 0xEF
                && buf[s + 1] == (byte) 0xBB
                && buf[s + 2] == (byte) 0xBF) {
            s += 3;
        }
        s = skipSpace(s, end);
        int e = end;
        while (e > s && isSpace(buf[e - 1])) {
            e--;
        }
        if (s == e) {
            return CONTINUE;
        }
        EventOrigin origin = new EventOrigin(name, line, -1);
        if (e - s > options.maxLineBytes() && !(buf[s] == '[' || (buf[s] == '{' && containerKey(s, e)))) {
            problem(origin, "line longer than " + options.maxLineBytes() + " bytes; skipped");
            return CONTINUE;
        }
        boolean first = !sawContent;
        sawContent = true;
        byte b = buf[s];
        if (b != '{' && b != '[') {
            if (first) {
                problem(origin, "does not start like JSON; input skipped");
                return DONE;
            }
            problem(origin, "not a JSON object");
            return CONTINUE;
        }
        if (!first && b == '{' && !containerKey(s, e)) {
            emit(buf, s, e - s, origin, forced);
            return CONTINUE;
        }
        JsonTape tape;
        try {
            tape = JsonTape.parse(buf, s, e - s, JsonTape.DEFAULT_MAX_DEPTH);
        } catch (MalformedRecordException bad) {
            if (first && allowDocument && bad.offset() == e - s) {
                return document(start);
            }
            problem(origin, bad.getMessage());
            return CONTINUE;
        }
        container(tape, s, line);
        return CONTINUE;
    }

    /** Reads the rest of the input from {@code start} as one document (pretty-printed JSON). */
    private int document(int start) throws IOException {
        long firstLine = line;
        int max = options.maxDocumentBytes();
        byte[] doc = new byte[Math.max(FIRST_CHUNK, 2 * (limit - start))];
        int n = limit - start;
        System.arraycopy(buf, start, doc, 0, n);
        while (true) {
            if (n == doc.length) {
                if (doc.length >= max) {
                    problem(
                            new EventOrigin(name, firstLine, -1),
                            "document larger than " + max + " bytes; rest of the input skipped");
                    return DONE;
                }
                doc = java.util.Arrays.copyOf(doc, (int) Math.min(max + 1L, doc.length * 2L));
            }
            int r = in.read(doc, n, doc.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (n > max) {
            problem(
                    new EventOrigin(name, firstLine, -1),
                    "document larger than " + max + " bytes; rest of the input skipped");
            return DONE;
        }
        JsonTape tape;
        try {
            tape = JsonTape.parse(doc, 0, n, JsonTape.DEFAULT_MAX_DEPTH);
        } catch (MalformedRecordException notOneDocument) {
            // Not one document after all: read the same bytes as JSON lines.
            buf = doc;
            pos = 0;
            limit = n;
            eof = true;
            shared = false;
            allowDocument = false;
            sawContent = false;
            return RESTART;
        }
        buf = doc;
        shared = false;
        container(tape, 0, firstLine);
        return DONE;
    }

    /** Emits the records a parsed line or document holds. Offsets in {@code tape} are into its own bytes. */
    private void container(JsonTape tape, int start, long firstLine) throws IOException {
        byte[] bytes = tape.bytes();
        LineCounter lines = new LineCounter(bytes, start, firstLine);
        if (tape.kind(0) == JsonTape.ARRAY) {
            elements(tape, 0, lines, forced);
            return;
        }
        EventOrigin origin = new EventOrigin(name, firstLine, -1);
        int records = tape.find(0, "Records");
        if (records >= 0 && tape.kind(records) == JsonTape.ARRAY) {
            elements(tape, records, lines, forced.isUnset() ? LogSource.AWS_CLOUDTRAIL : forced);
            return;
        }
        if (tape.find(0, "digestStartTime") >= 0 && tape.find(0, "digestS3Object") >= 0) {
            counters.skipped.incrementAndGet();
            notes.accept(origin, "CloudTrail digest file skipped");
            return;
        }
        int logEvents = tape.find(0, "logEvents");
        int messageType = tape.find(0, "messageType");
        if (logEvents >= 0 && messageType >= 0) {
            logEvents(tape, origin);
            return;
        }
        int awslogs = tape.find(0, "awslogs");
        int data = awslogs >= 0 && tape.kind(awslogs) == JsonTape.OBJECT ? tape.find(awslogs, "data") : -1;
        if (data >= 0 && tape.kind(data) == JsonTape.STRING) {
            awslogs(tape.string(data), origin);
            return;
        }
        emit(bytes, tape.start(0), tape.end(0) - tape.start(0), origin, forced);
    }

    private void elements(JsonTape tape, int array, LineCounter lines, LogSource hint) {
        int end = tape.next(array);
        int index = 0;
        for (int e = array + 1; e < end; e = tape.next(e), index++) {
            EventOrigin origin = new EventOrigin(name, lines.lineAt(tape.start(e)), index);
            if (tape.kind(e) != JsonTape.OBJECT) {
                problem(origin, "array element is not a JSON object");
                continue;
            }
            emit(tape.bytes(), tape.start(e), tape.end(e) - tape.start(e), origin, hint);
        }
    }

    /** A decoded CloudWatch Logs subscription payload: each JSON message is a record. */
    private void logEvents(JsonTape tape, EventOrigin origin) {
        int messageType = tape.find(0, "messageType");
        if (tape.kind(messageType) == JsonTape.STRING && tape.keyEquals(messageType, "CONTROL_MESSAGE")) {
            counters.skipped.incrementAndGet();
            return;
        }
        int logEvents = tape.find(0, "logEvents");
        if (tape.kind(logEvents) != JsonTape.ARRAY) {
            problem(origin, "logEvents is not an array");
            return;
        }
        int end = tape.next(logEvents);
        int index = 0;
        for (int e = logEvents + 1; e < end; e = tape.next(e), index++) {
            EventOrigin at = new EventOrigin(origin.file(), origin.line(), index);
            int message = tape.kind(e) == JsonTape.OBJECT ? tape.find(e, "message") : -1;
            if (message < 0 || tape.kind(message) != JsonTape.STRING) {
                problem(at, "log event without a message string");
                continue;
            }
            String text = tape.string(message).strip();
            if (text.isEmpty() || text.charAt(0) != '{') {
                counters.skipped.incrementAndGet();
                continue;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            emit(bytes, 0, bytes.length, at, forced);
        }
    }

    /** The raw form a Lambda subscriber receives: {@code {"awslogs":{"data":"<base64 of gzip>"}}}. */
    private void awslogs(String data, EventOrigin origin) {
        byte[] compressed;
        try {
            compressed = Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            problem(origin, "awslogs.data is not base64: " + e.getMessage());
            return;
        }
        byte[] payload;
        try (InputStream gz = new BombGuardInputStream(
                new GZIPInputStream(new ByteArrayInputStream(compressed)),
                () -> compressed.length,
                options.maxDocumentBytes(),
                options.maxGzipRatio(),
                options.gzipRatioGraceBytes())) {
            payload = gz.readAllBytes();
        } catch (IOException | RuntimeException e) {
            problem(origin, "awslogs.data is not a readable gzip payload: " + e.getMessage());
            return;
        }
        JsonTape tape;
        try {
            tape = JsonTape.parse(payload, 0, payload.length, JsonTape.DEFAULT_MAX_DEPTH);
        } catch (MalformedRecordException e) {
            problem(origin, "awslogs.data payload: " + e.getMessage());
            return;
        }
        if (tape.kind(0) != JsonTape.OBJECT || tape.find(0, "logEvents") < 0 || tape.find(0, "messageType") < 0) {
            problem(origin, "awslogs.data is not a CloudWatch Logs payload");
            return;
        }
        logEvents(tape, origin);
    }

    private void emit(byte[] bytes, int offset, int length, EventOrigin origin, LogSource hint) {
        if (bytes == buf) {
            shared = true;
        }
        sink.record(new RawRecord(bytes, offset, length, origin, hint));
    }

    private void problem(EventOrigin origin, String reason) {
        sink.problem(origin, reason);
    }

    /** Whether the object starting at {@code p} has a first key that only containers start with. */
    private boolean containerKey(int p, int end) {
        int q = skipSpace(p + 1, end);
        if (q >= end || buf[q] != '"') {
            return false;
        }
        q++;
        for (String key : CONTAINER_KEYS) {
            int n = key.length();
            if (q + n < end && buf[q + n] == '"' && matches(q, key)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(int p, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (buf[p + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int skipSpace(int p, int end) {
        while (p < end && isSpace(buf[p])) {
            p++;
        }
        return p;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** 1-based line numbers of offsets visited in increasing order. */
    private static final class LineCounter {
        private final byte[] bytes;
        private int at;
        private long line;

        LineCounter(byte[] bytes, int start, long firstLine) {
            this.bytes = bytes;
            this.at = start;
            this.line = firstLine;
        }

        long lineAt(int offset) {
            for (; at < offset; at++) {
                if (bytes[at] == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
