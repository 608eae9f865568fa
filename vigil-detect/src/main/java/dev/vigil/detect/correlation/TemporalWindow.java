package dev.vigil.detect.correlation;

/**
 * {@code temporal} and {@code temporal_ordered}: per referenced rule, counts per distinct time.
 *
 * <p>Unordered, the aggregate is how many of the correlation's rules have a match in the window. Ordered, it is the
 * length of the longest prefix {@code rule1..rulek} of the rule list that has matches at non-decreasing times in the
 * window; found greedily (take the earliest match of rule 1, then the earliest match of rule 2 not before it, …),
 * which finds a chain whenever one exists.
 */
final class TemporalWindow extends GroupWindow {
    private final boolean ordered;
    private final int[] slotOfPosition;
    private final TimeCounts[] bySlot;

    /**
     * @param slotOfPosition for each position of the correlation's rule list, the slot of its rule (a rule listed twice
     *     has one slot)
     * @param slots the number of distinct rules
     */
    TemporalWindow(boolean ordered, int[] slotOfPosition, int slots) {
        this.ordered = ordered;
        this.slotOfPosition = slotOfPosition;
        this.bySlot = new TimeCounts[slots];
    }

    @Override
    void add(Observation observation, int slot) {
        if (bySlot[slot] == null) {
            bySlot[slot] = new TimeCounts();
        }
        bySlot[slot].add(observation.timeMillis());
    }

    @Override
    void evictBefore(long minTime) {
        for (TimeCounts c : bySlot) {
            if (c != null) {
                c.evictBefore(minTime);
            }
        }
    }

    @Override
    int entries() {
        int n = 0;
        for (TimeCounts c : bySlot) {
            n += c == null ? 0 : c.entries();
        }
        return n;
    }

    @Override
    int removeOldest() {
        TimeCounts oldest = null;
        for (TimeCounts c : bySlot) {
            if (c != null && !c.isEmpty() && (oldest == null || c.first() < oldest.first())) {
                oldest = c;
            }
        }
        return oldest == null ? 0 : oldest.removeFirst();
    }

    @Override
    double aggregate() {
        int n = 0;
        if (!ordered) {
            for (int slot : slotOfPosition) {
                if (bySlot[slot] != null && !bySlot[slot].isEmpty()) {
                    n++;
                }
            }
            return n;
        }
        long after = Long.MIN_VALUE;
        for (int slot : slotOfPosition) {
            TimeCounts c = bySlot[slot];
            long next = c == null ? Long.MIN_VALUE : c.ceiling(after);
            if (next == Long.MIN_VALUE) {
                break;
            }
            after = next;
            n++;
        }
        return n;
    }

    @Override
    long events() {
        long n = 0;
        for (TimeCounts c : bySlot) {
            n += c == null ? 0 : c.total();
        }
        return n;
    }

    @Override
    long startMillis() {
        long start = Long.MAX_VALUE;
        for (TimeCounts c : bySlot) {
            if (c != null && !c.isEmpty()) {
                start = Math.min(start, c.first());
            }
        }
        return start;
    }

    @Override
    void clear() {
        for (TimeCounts c : bySlot) {
            if (c != null) {
                c.clear();
            }
        }
    }
}
