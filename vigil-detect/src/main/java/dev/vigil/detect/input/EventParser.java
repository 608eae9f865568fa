package dev.vigil.detect.input;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.JsonTape;
import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.event.MalformedRecordException;
import dev.vigil.detect.event.TapeEvent;

/**
 * Turns a {@link RawRecord} into the fast {@link Event}: validates and indexes its JSON, then decides its log source
 * (forced, else the container's hint, else {@link LogSources#classify by shape}). A record must be a JSON object no
 * larger than the size limit and no deeper than the depth limit. Stateless and thread-safe.
 */
public final class EventParser {
    /** The default size limit of one record: 1 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    private static final EventParser DEFAULT = new EventParser(DEFAULT_MAX_RECORD_BYTES, JsonTape.DEFAULT_MAX_DEPTH);

    private final int maxRecordBytes;
    private final int maxDepth;

    /** A parser with the given limits. */
    public EventParser(int maxRecordBytes, int maxDepth) {
        if (maxRecordBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxRecordBytes = maxRecordBytes;
        this.maxDepth = maxDepth;
    }

    /** The parser with default limits. */
    public static EventParser defaults() {
        return DEFAULT;
    }

    /**
     * Parses with default limits; {@code forced} (null or unset for none) overrides any hint and classification.
     *
     * @throws MalformedRecordException with the reason when the record is not acceptable
     */
    public static TapeEvent parse(RawRecord record, LogSource forced) {
        return DEFAULT.event(record, forced);
    }

    /**
     * Parses one record.
     *
     * @throws MalformedRecordException with the reason when the record is not acceptable
     */
    public TapeEvent event(RawRecord record, LogSource forced) {
        if (record.length() > maxRecordBytes) {
            throw new MalformedRecordException(
                    "record of " + record.length() + " bytes is larger than the limit of " + maxRecordBytes, -1);
        }
        JsonTape tape = JsonTape.parse(record.bytes(), record.offset(), record.length(), maxDepth);
        if (tape.kind(0) != JsonTape.OBJECT) {
            throw new MalformedRecordException("record is not a JSON object", 0);
        }
        if (forced != null && !forced.isUnset()) {
            return new TapeEvent(tape, forced, record.origin());
        }
        if (record.hint() != null && !record.hint().isUnset()) {
            return new TapeEvent(tape, record.hint(), record.origin());
        }
        TapeEvent event = new TapeEvent(tape, LogSource.UNKNOWN, record.origin());
        LogSource source = LogSources.classify(event);
        return source.isUnset() ? event : event.withLogSource(source);
    }
}
