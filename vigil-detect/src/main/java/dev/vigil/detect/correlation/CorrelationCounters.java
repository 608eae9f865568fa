package dev.vigil.detect.correlation;

/**
 * What a {@link CorrelationEngine} dropped or evicted so far, for run statistics. Names in parentheses are the keys
 * reports use.
 *
 * @param droppedLate observations older than their group's newest time minus the timespan, or older than the group's
 *     last firing ({@code dropped_late})
 * @param droppedNoTime observations whose event time is unknown ({@code dropped_no_time})
 * @param droppedMissingGroup observations missing a group-by field ({@code dropped_missing_group})
 * @param droppedMissingValue {@code value_*} observations missing {@code condition.field} or, for sum/avg/percentile,
 *     whose value is not a finite number ({@code dropped_missing_value})
 * @param evictedGroups groups evicted because their correlation held the maximum number of groups ({@code
 *     evicted_groups})
 * @param expiredGroups groups removed because their window expired ({@code expired_groups})
 * @param trimmedObservations observations removed from a full group before leaving its window ({@code
 *     trimmed_observations})
 * @param droppedChainDepth correlation matches not fed to outer correlations because the chain was too deep ({@code
 *     dropped_chain_depth})
 */
public record CorrelationCounters(
        long droppedLate,
        long droppedNoTime,
        long droppedMissingGroup,
        long droppedMissingValue,
        long evictedGroups,
        long expiredGroups,
        long trimmedObservations,
        long droppedChainDepth) {}
