package dev.vigil.cli.hunt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses {@code --from}/{@code --to} values: ISO-8601 instants, date-times (UTC unless an offset is given) or dates. */
public final class TimeBound {
    private TimeBound() {}

    /** The inclusive lower bound {@code text} names: a date means its start (00:00 UTC). */
    public static long from(String text) {
        return parse(text, false);
    }

    /** The exclusive upper bound {@code text} names: a date includes that whole day, an instant that millisecond. */
    public static long toExclusive(String text) {
        return parse(text, true);
    }

    private static long parse(String text, boolean upper) {
        String t = text.trim();
        try {
            return Instant.parse(t).toEpochMilli() + (upper ? 1 : 0);
        } catch (DateTimeParseException notInstant) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli() + (upper ? 1 : 0);
        } catch (DateTimeParseException notOffset) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli() + (upper ? 1 : 0);
        } catch (DateTimeParseException notLocal) {
            // try the other forms
        }
        try {
            LocalDate d = LocalDate.parse(t);
            return (upper ? d.plusDays(1) : d)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an ISO-8601 instant or date (e.g." + " 2023-07-10T12:00:00Z or 2023-07-10)");
        }
    }
}
