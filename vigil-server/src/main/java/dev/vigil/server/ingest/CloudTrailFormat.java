package dev.vigil.server.ingest;

import dev.vigil.detect.event.JsonTape;
import dev.vigil.detect.event.MalformedRecordException;

/**
 * Reads a CloudTrail log file as delivered to S3 ({@code {"Records":[…]}}, gzipped or not, with or without a {@code
 * Content-Encoding} header). Each element of {@code Records} becomes an event; elements are numbered from 0.
 */
final class CloudTrailFormat {
    private CloudTrailFormat() {}

    static void split(byte[] body, EventBatch batch, IngestLimits limits) {
        boolean gzip = body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B;
        byte[] file = gzip ? BoundedBody.gunzip(body, limits.maxDecodedBytes()) : body;
        JsonTape tape;
        try {
            tape = JsonTape.parse(file, 0, file.length, limits.maxDepth() + 2);
        } catch (MalformedRecordException e) {
            throw IngestException.badRequest("CloudTrail file is not valid JSON: " + e.getMessage());
        }
        int records = tape.kind(0) == JsonTape.OBJECT ? tape.find(0, "Records") : -1;
        if (records < 0 || tape.kind(records) != JsonTape.ARRAY) {
            throw IngestException.badRequest("CloudTrail file must be an object with a Records array");
        }
        int index = 0;
        for (int i = records + 1; i < tape.next(records); i = tape.next(i), index++) {
            String label = "Records[" + index + "]";
            if (tape.kind(i) != JsonTape.OBJECT) {
                batch.reject(label, "not a JSON object");
            } else {
                batch.acceptChecked(label, file, tape.start(i), tape.end(i));
            }
        }
    }
}
