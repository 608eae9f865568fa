package dev.vigil.server.ingest;

import dev.vigil.detect.event.JsonTape;
import dev.vigil.detect.event.MalformedRecordException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a CloudWatch Logs subscription payload ({@code {"messageType":"DATA_MESSAGE","logGroup":…,"logEvents":[{"id",
 * "timestamp","message"}…]}}), plain, gzipped (as Firehose and subscription filters deliver it, with or without a
 * {@code Content-Encoding} header) or wrapped the way a Lambda subscriber receives it ({@code {"awslogs":{"data":
 * "<base64 of gzip>"}}}). Each log event whose message is a JSON object becomes an event; other messages (plain log
 * lines such as {@code START RequestId…}) are skipped and counted; {@code CONTROL_MESSAGE} payloads hold nothing.
 */
final class CloudWatchFormat {
    /** Log group names are at most 512 characters in AWS; longer values are cut. */
    private static final int MAX_ORIGIN_CHARS = 512;

    private static final int ENVELOPE_DEPTH = 8;

    private CloudWatchFormat() {}

    static void split(byte[] body, EventBatch batch, IngestLimits limits) {
        byte[] payload = gunzipIfGzip(body, limits);
        JsonTape tape = parse(payload, "CloudWatch Logs payload");
        int awslogs = tape.kind(0) == JsonTape.OBJECT ? tape.find(0, "awslogs") : -1;
        if (awslogs >= 0) {
            int data = tape.kind(awslogs) == JsonTape.OBJECT ? tape.find(awslogs, "data") : -1;
            if (data < 0 || tape.kind(data) != JsonTape.STRING) {
                throw IngestException.badRequest("awslogs.data must be a base64 string");
            }
            byte[] compressed;
            try {
                compressed = Base64.getMimeDecoder().decode(tape.string(data));
            } catch (IllegalArgumentException e) {
                throw IngestException.badRequest("awslogs.data is not valid base64");
            }
            payload = BoundedBody.gunzip(compressed, limits.maxDecodedBytes());
            tape = parse(payload, "awslogs.data");
        }
        readMessages(tape, batch);
    }

    private static void readMessages(JsonTape tape, EventBatch batch) {
        if (tape.kind(0) != JsonTape.OBJECT) {
            throw IngestException.badRequest("CloudWatch Logs payload must be a JSON object");
        }
        int type = tape.find(0, "messageType");
        if (type >= 0 && tape.kind(type) == JsonTape.STRING && tape.keyEquals(type, "CONTROL_MESSAGE")) {
            return;
        }
        int group = tape.find(0, "logGroup");
        if (group >= 0 && tape.kind(group) == JsonTape.STRING) {
            String name = tape.string(group);
            batch.origin(name.length() > MAX_ORIGIN_CHARS ? name.substring(0, MAX_ORIGIN_CHARS) : name);
        }
        int events = tape.find(0, "logEvents");
        if (events < 0 || tape.kind(events) != JsonTape.ARRAY) {
            throw IngestException.badRequest("CloudWatch Logs payload has no logEvents array");
        }
        int index = 0;
        for (int i = events + 1; i < tape.next(events); i = tape.next(i), index++) {
            String label = "logEvents[" + index + "]";
            int message = tape.kind(i) == JsonTape.OBJECT ? tape.find(i, "message") : -1;
            if (message < 0 || tape.kind(message) != JsonTape.STRING) {
                batch.reject(label, "no message string");
                continue;
            }
            byte[] text = tape.string(message).getBytes(StandardCharsets.UTF_8);
            int from = EventsFormat.firstNonSpace(text, 0, text.length);
            if (from == text.length || text[from] != '{') {
                batch.skip();
            } else {
                int to = text.length;
                while (to > from && Character.isWhitespace(text[to - 1])) {
                    to--;
                }
                batch.offer(label, text, from, to);
            }
        }
    }

    private static byte[] gunzipIfGzip(byte[] body, IngestLimits limits) {
        boolean gzip = body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B;
        return gzip ? BoundedBody.gunzip(body, limits.maxDecodedBytes()) : body;
    }

    private static JsonTape parse(byte[] payload, String what) {
        try {
            return JsonTape.parse(payload, 0, payload.length, ENVELOPE_DEPTH);
        } catch (MalformedRecordException e) {
            throw IngestException.badRequest(what + " is not valid JSON: " + e.getMessage());
        }
    }
}
