package dev.vigil.detect.correlation;

/**
 * The sliding window of one group of one correlation: what a {@link CorrelationStore} keeps per group. Created and
 * updated only by the {@link CorrelationEngine}; stores just hold them.
 */
public abstract class GroupWindow {
    private long newestMillis = Long.MIN_VALUE;
    private long floorMillis = Long.MIN_VALUE;

    GroupWindow() {}

    /** The newest event time the group has seen (also across resets); {@link Long#MIN_VALUE} before the first. */
    public long newestMillis() {
        return newestMillis;
    }

    /**
     * Observations older than this are dropped as late: the newest time at the group's last firing (its state was
     * reset then), or {@link Long#MIN_VALUE}.
     */
    public long floorMillis() {
        return floorMillis;
    }

    final void noteTime(long timeMillis) {
        newestMillis = Math.max(newestMillis, timeMillis);
    }

    /** Clears the state after a firing; observations older than the newest time seen are late from now on. */
    final void reset() {
        floorMillis = newestMillis;
        clear();
    }

    /** Adds one observation; {@code slot} is the index of its rule among the correlation's distinct rules. */
    abstract void add(Observation observation, int slot);

    /** Removes everything older than {@code minTime}. */
    abstract void evictBefore(long minTime);

    /** How many entries are kept (distinct times for compact windows, observations otherwise). */
    abstract int entries();

    /** Removes the oldest entry; returns how many observations it held. */
    abstract int removeOldest();

    /** The value the condition is tested on. */
    abstract double aggregate();

    /** The number of observations in the window. */
    abstract long events();

    /** The time of the oldest observation in the window; only when not empty. */
    abstract long startMillis();

    abstract void clear();
}
