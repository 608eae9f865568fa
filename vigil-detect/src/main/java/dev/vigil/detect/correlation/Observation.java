package dev.vigil.detect.correlation;

import dev.vigil.detect.event.EventOrigin;
import java.util.List;

/**
 * What one correlation needs from one base match, extracted so the event itself can be dropped: offline hunts buffer
 * and sort these by time before feeding them.
 *
 * @param correlationKey the correlation this feeds
 * @param ruleKey the base rule (or inner correlation) that matched
 * @param group the group-by values, in the correlation's group-by order (null entries for missing fields)
 * @param value the {@code condition.field} value(s) as text (value_count) or null
 * @param number the {@code condition.field} value as a number (value_sum/avg/percentile) or NaN
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
