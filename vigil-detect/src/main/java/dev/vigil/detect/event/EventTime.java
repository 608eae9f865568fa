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
        long fast = utcSeconds(text);
        if (fast != UNKNOWN) {
            return fast;
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

    /**
     * {@code YYYY-MM-DDTHH:MM:SSZ}, CloudTrail's own form, without the general parser (which costs about half a
     * microsecond); anything else, or an impossible date, is left to {@link Instant#parse}.
     */
    private static long utcSeconds(String t) {
        if (t.length() != 20
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':'
                || t.charAt(19) != 'Z') {
            return UNKNOWN;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59) {
            return UNKNOWN; // days 29-31 go through the full parser, which knows month lengths
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
    }

    private static int digits(String t, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static long epoch(double number) {
        if (Double.isNaN(number) || number < 0 || number > 1e16) {
            return UNKNOWN;
        }
        return number < 1e11 ? (long) (number * 1000) : (long) number;
    }
}
