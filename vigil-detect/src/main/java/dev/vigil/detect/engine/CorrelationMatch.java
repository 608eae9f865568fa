package dev.vigil.detect.engine;

import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.rule.CorrelationRule;
import dev.vigil.detect.rule.RuleInfo;
import java.util.Map;

/**
 * A correlation whose condition became true for one group.
 *
 * @param rule the correlation
 * @param group group-by field (or alias) → value; empty for a rule without group-by
 * @param aggregate the value the condition was tested on (a count, distinct count, sum, …)
 * @param windowStartMillis time of the earliest event in the window that fired
 * @param timeMillis time of the event that made the condition true
 * @param origin where that event was read
 * @param events how many base events were in the window
 */
public record CorrelationMatch(
        CorrelationRule rule,
        Map<String, String> group,
        double aggregate,
        long windowStartMillis,
        long timeMillis,
        EventOrigin origin,
        int events)
        implements Match {

    /** Copies the group. */
    public CorrelationMatch {
        group = Map.copyOf(group);
    }

    @Override
    public RuleInfo info() {
        return rule.info();
    }
}
