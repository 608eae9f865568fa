package dev.vigil.detect.correlation;

import dev.vigil.detect.event.EventOrigin;
import java.util.List;

/**
 * What one correlation needs from one base match, extracted so the event itself can be dropped: offline hunts buffer
 * and sort these by time before feeding them.
 *
 * @param correlationKey the correlation this feeds
 * @param ruleKey the base rule (or inner correlation) that matched
 * @param group the group-by values, in the correlation's group-by order (null entries for missing fields; such
 *     observations are dropped by {@link CorrelationEngine#accept}); texts longer than 512 characters are replaced by
 *     a prefix and their SHA-256
 * @param value the {@code condition.field} value as text (value_count; with several fields, one text encoding the
 *     tuple, {@code length:text} per field, null when any field is missing), or null
 * @param number the first {@code condition.field} value as a number (value_sum/avg/percentile) or NaN
 * @param timeMillis event time
 * @param origin where the event was read
 * @param sequence arrival order, to break ties between equal times
 */
public record Observation(
        String correlationKey,
        String ruleKey,
        List<String> group,
        String value,
        double number,
        long timeMillis,
        EventOrigin origin,
        long sequence) {}
