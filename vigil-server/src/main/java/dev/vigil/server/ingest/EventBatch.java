package dev.vigil.server.ingest;

import dev.vigil.detect.event.JsonTape;
import dev.vigil.detect.event.MalformedRecordException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The events found in one request: the JSON objects accepted (their original bytes) and a reason for each one
 * refused. A refused event never fails the others.
 */
final class EventBatch {
    /** At most this many rejection reasons are kept for the response; the count stays exact. */
    static final int MAX_REASONS = 100;

    private final int maxDepth;
    private int maxEventBytes;
    private final List<byte[]> events = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private int rejectedCount;
    private int skippedCount;
    private String origin;

    EventBatch(int maxEventBytes, int maxDepth) {
        this.maxEventBytes = maxEventBytes;
        this.maxDepth = maxDepth;
    }

    /**
     * Checks {@code buf[from, to)} (one event) and keeps a copy when it is a JSON object within the limits; otherwise
     * records {@code label: reason}.
     */
    void offer(String label, byte[] buf, int from, int to) {
        int length = to - from;
        if (length > maxEventBytes) {
            reject(label, "event of " + length + " bytes is over the limit of " + maxEventBytes + " bytes");
            return;
        }
        JsonTape tape;
        try {
            tape = JsonTape.parse(buf, from, length, maxDepth);
        } catch (MalformedRecordException e) {
            reject(label, e.getMessage());
            return;
        }
        if (tape.kind(0) != JsonTape.OBJECT) {
            reject(label, "not a JSON object");
            return;
        }
        events.add(Arrays.copyOfRange(buf, from, to));
    }

    /** Adds an event already checked as a JSON object within the limits (a slice of a validated document). */
    void acceptChecked(String label, byte[] buf, int from, int to) {
        if (to - from > maxEventBytes) {
            reject(label, "event of " + (to - from) + " bytes is over the limit of " + maxEventBytes + " bytes");
            return;
        }
        events.add(Arrays.copyOfRange(buf, from, to));
    }

    /** Records that the event labelled {@code label} was refused. */
    void reject(String label, String reason) {
        rejectedCount++;
        if (reasons.size() < MAX_REASONS) {
            reasons.add(label + ": " + reason);
        }
    }

    /** Counts an entry that is not an event and not an error (a CloudWatch log line that is not JSON). */
    void skip() {
        skippedCount++;
    }

    /** Sets the origin of every event; its envelope bytes come out of the room left for each event. */
    void origin(String origin) {
        this.origin = origin;
        maxEventBytes -= origin.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    String origin() {
        return origin;
    }

    List<byte[]> events() {
        return events;
    }

    List<String> reasons() {
        return reasons;
    }

    int rejectedCount() {
        return rejectedCount;
    }

    int skippedCount() {
        return skippedCount;
    }
}
