package dev.vigil.detect.correlation;

import java.util.List;

/**
 * Where correlation windows live: one {@link GroupWindow} per (correlation, group). In memory for {@code vigil hunt}
 * and {@code vigil serve} ({@link InMemoryCorrelationStore}); a Kafka Streams key-value store later (key = correlation
 * key + group values, value = the serialized window).
 *
 * <p>The engine reads a group's window with {@link #get}, updates it, and writes it back with {@link #put} (a
 * persistent store serializes it then). Implementations bound their memory: at most a fixed number of groups per
 * correlation, evicting the least recently updated group to admit a new one, and they drop groups whose window has
 * expired when asked by {@link #expire}. Not thread-safe unless an implementation says so.
 */
public interface CorrelationStore {

    /** The window of {@code group} of correlation {@code correlationKey}, or null when the store has none. */
    GroupWindow get(String correlationKey, List<String> group);

    /**
     * Stores the window of a group, marking it as the most recently updated. Admitting a new group into a full
     * correlation evicts that correlation's least recently updated group (counted in {@link #evictedGroups()}).
     * {@code group} contains no nulls and is not modified afterwards.
     */
    void put(String correlationKey, List<String> group, GroupWindow window);

    /**
     * Removes groups of {@code correlationKey} whose {@link GroupWindow#newestMillis() newest time} is before {@code
     * horizonMillis}: no observation that can still be accepted shares a window with them. Implementations may remove
     * only some of them per call (the in-memory store scans from the least recently updated group and stops at the
     * first one still live); called on every observation. Returns how many were removed.
     */
    int expire(String correlationKey, long horizonMillis);

    /** Groups evicted so far to make room for new ones. */
    long evictedGroups();

    /** The number of groups held for {@code correlationKey}. */
    int groupCount(String correlationKey);
}
