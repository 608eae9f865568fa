package dev.vigil.detect.correlation;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CorrelationStore} on hash maps kept in update order, so the least recently updated group is the first one.
 * Not thread-safe.
 */
public final class InMemoryCorrelationStore implements CorrelationStore {
    /** The default maximum number of groups per correlation. */
    public static final int DEFAULT_MAX_GROUPS = 100_000;

    private final int maxGroups;
    private final Map<String, LinkedHashMap<List<String>, GroupWindow>> byCorrelation = new HashMap<>();
    private long evicted;

    /** A store holding at most {@link #DEFAULT_MAX_GROUPS} groups per correlation. */
    public InMemoryCorrelationStore() {
        this(DEFAULT_MAX_GROUPS);
    }

    /** A store holding at most {@code maxGroups} (at least 1) groups per correlation. */
    public InMemoryCorrelationStore(int maxGroups) {
        if (maxGroups < 1) {
            throw new IllegalArgumentException("maxGroups must be at least 1, not " + maxGroups);
        }
        this.maxGroups = maxGroups;
    }

    @Override
    public GroupWindow get(String correlationKey, List<String> group) {
        Map<List<String>, GroupWindow> groups = byCorrelation.get(correlationKey);
        return groups == null ? null : groups.get(group);
    }

    @Override
    public void put(String correlationKey, List<String> group, GroupWindow window) {
        LinkedHashMap<List<String>, GroupWindow> groups =
                byCorrelation.computeIfAbsent(correlationKey, k -> new LinkedHashMap<>());
        // Remove first so that an update moves the group to the end (most recently updated).
        boolean known = groups.remove(group) != null;
        if (!known && groups.size() >= maxGroups) {
            Iterator<?> eldest = groups.values().iterator();
            eldest.next();
            eldest.remove();
            evicted++;
        }
        groups.put(group, window);
    }

    @Override
    public int expire(String correlationKey, long horizonMillis) {
        Map<List<String>, GroupWindow> groups = byCorrelation.get(correlationKey);
        if (groups == null) {
            return 0;
        }
        int removed = 0;
        Iterator<GroupWindow> it = groups.values().iterator();
        while (it.hasNext()) {
            if (it.next().newestMillis() >= horizonMillis) {
                break;
            }
            it.remove();
            removed++;
        }
        return removed;
    }

    @Override
    public long evictedGroups() {
        return evicted;
    }

    @Override
    public int groupCount(String correlationKey) {
        Map<List<String>, GroupWindow> groups = byCorrelation.get(correlationKey);
        return groups == null ? 0 : groups.size();
    }
}
