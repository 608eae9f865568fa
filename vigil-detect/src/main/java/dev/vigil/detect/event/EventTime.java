package dev.vigil.detect.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * Finds an event's time: the first of a list of fields that holds a parsable timestamp.
 *
 * <p>The default list covers CloudTrail ({@code eventTime}), Shield telemetry and OCSF ({@code time}, epoch
 * milliseconds), Logstash exports ({@code @timestamp}), GCP ({@code timestamp}), Azure ({@code time}, {@code
 * eventTimestamp}, {@code TimeGenerated}) and M365 ({@code CreationTime}). Accepted forms: ISO-8601 with or without
 * an offset (no offset means UTC), and epoch numbers (seconds below 10^11, milliseconds above).
 */
public final class EventTime {
    /** {@link #of} returns this when no field holds a timestamp. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    /** The default field list, in order of preference. */
    public static final List<String> DEFAULT_FIELDS =
            List.of("eventTime", "time", "@timestamp", "timestamp", "eventTimestamp", "TimeGenerated", "CreationTime");

    private static final EventTime DEFAULT = new EventTime(DEFAULT_FIELDS);

    private final FieldPath[] fields;

    /** Looks for a time in {@code fields}, in order. */
    public EventTime(List<String> fields) {
        this.fields = fields.stream().map(FieldPath::of).toArray(FieldPath[]::new);
    }

    /** The default field list. */
    public static EventTime defaults() {
        return DEFAULT;
    }

    /** Epoch milliseconds of {@code event}, or {@link #UNKNOWN}. */
    public long of(Event event) {
        Objects.requireNonNull(event, "event");
        for (FieldPath field : fields) {
            long[] found = {UNKNOWN};
            event.anyValue(field, v -> {
                found[0] = parse(v);
                return found[0] != UNKNOWN;
            });
            if (found[0] != UNKNOWN) {
                return found[0];
            }
        }
        return UNKNOWN;
    }

    /** Parses one value as a timestamp, or {@link #UNKNOWN}. */
    public static long parse(FieldValue value) {
        switch (value.kind()) {
            case NUMBER:
                return epoch(value.number());
            case STRING:
                return parse(value.text());
            default:
                return UNKNOWN;
        }
    }

    /** Parses ISO-8601 text or an epoch number written as text, or {@link #UNKNOWN}. */
    public static long parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return UNKNOWN;
        }
        char first = text.charAt(0);
        if (first < '0' || first > '9') {
            return UNKNOWN;
        }
        if (text.indexOf('-') < 0) {
            return epoch(Text.number(text));
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException notLocal) {
                    return UNKNOWN;
                }
            }
        }
    }

    private static long epoch(double number) {
        if (Double.isNaN(number) || number < 0 || number > 1e16) {
            return UNKNOWN;
        }
        return number < 1e11 ? (long) (number * 1000) : (long) number;
    }
}
