package dev.vigil.detect.correlation;

/** {@code event_count}: the number of observations in the window, kept as counts per distinct time. */
final class EventCountWindow extends GroupWindow {
    private final TimeCounts counts = new TimeCounts();

    @Override
    void add(Observation observation, int slot) {
        counts.add(observation.timeMillis());
    }

    @Override
    void evictBefore(long minTime) {
        counts.evictBefore(minTime);
    }

    @Override
    int entries() {
        return counts.entries();
    }

    @Override
    int removeOldest() {
        return counts.removeFirst();
    }

    @Override
    double aggregate() {
        return counts.total();
    }

    @Override
    long events() {
        return counts.total();
    }

    @Override
    long startMillis() {
        return counts.first();
    }

    @Override
    void clear() {
        counts.clear();
    }
}
