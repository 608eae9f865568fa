package dev.vigil.detect.rule;

import java.util.Locale;

/** Sigma correlation types. */
public enum CorrelationType {
    EVENT_COUNT,
    VALUE_COUNT,
    TEMPORAL,
    TEMPORAL_ORDERED,
    VALUE_SUM,
    VALUE_AVG,
    VALUE_PERCENTILE;

    /** The type as Sigma writes it ({@code event_count}, …). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code condition.field} is required. */
    public boolean needsField() {
        return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
    }

    /** Parses a Sigma type name; throws {@link IllegalArgumentException} listing the accepted ones. */
    public static CorrelationType parse(String text) {
        for (CorrelationType t : values()) {
            if (t.id().equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown correlation type '" + text
                + "' (expected event_count, value_count, temporal, temporal_ordered, value_sum, value_avg or"
                + " value_percentile)");
    }
}
