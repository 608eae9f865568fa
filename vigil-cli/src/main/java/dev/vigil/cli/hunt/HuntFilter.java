package dev.vigil.cli.hunt;

import dev.vigil.detect.event.EventTime;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleInfo;

/**
 * Which matches a hunt keeps and reports.
 *
 * <p>The time bounds decide which base matches count at all (reported and fed to correlations): a match whose event
 * time is before {@code fromMillis} or at/after {@code toMillisExclusive} is dropped, and when either bound is set a
 * match without an event time is dropped too (it cannot be shown to be in range). The level threshold and {@code
 * allMatches} only decide what is printed: suppressed matches still feed correlations.
 *
 * @param fromMillis inclusive lower bound, or {@link Long#MIN_VALUE} for none
 * @param toMillisExclusive exclusive upper bound, or {@link Long#MAX_VALUE} for none
 * @param minLevel lowest level printed
 * @param allMatches print base matches even of rules whose correlations all say {@code generate: false}
 */
public record HuntFilter(long fromMillis, long toMillisExclusive, Level minLevel, boolean allMatches) {

    /** Everything kept and printed except matches hidden by {@code generate: false}. */
    public static final HuntFilter NONE = new HuntFilter(Long.MIN_VALUE, Long.MAX_VALUE, Level.INFORMATIONAL, false);

    /** Whether a time bound is set. */
    public boolean bounded() {
        return fromMillis != Long.MIN_VALUE || toMillisExclusive != Long.MAX_VALUE;
    }

    /** Whether a match at {@code timeMillis} is within the bounds. */
    public boolean inRange(long timeMillis) {
        if (timeMillis == EventTime.UNKNOWN) {
            return !bounded();
        }
        return timeMillis >= fromMillis && timeMillis < toMillisExclusive;
    }

    /** Whether a match of the rule described by {@code info} is printed. */
    public boolean reports(RuleInfo info, boolean generatesAlerts) {
        return (allMatches || generatesAlerts) && info.level().compareTo(minLevel) >= 0;
    }
}
