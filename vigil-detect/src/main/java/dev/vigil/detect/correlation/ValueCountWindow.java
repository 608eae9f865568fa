package dev.vigil.detect.correlation;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code value_count}: the number of distinct values in the window, from a multiset (value → occurrences) updated as
 * observations enter and leave.
 */
final class ValueCountWindow extends TimedValuesWindow {
    private final Map<String, Integer> occurrences = new HashMap<>();

    ValueCountWindow() {
        super(true);
    }

    @Override
    void add(Observation observation, int slot) {
        values.add(observation.timeMillis(), observation.value(), Double.NaN);
        occurrences.merge(observation.value(), 1, Integer::sum);
    }

    @Override
    int removeOldest() {
        String v = values.firstText();
        occurrences.computeIfPresent(v, (k, n) -> n == 1 ? null : n - 1);
        values.removeFirst();
        return 1;
    }

    @Override
    double aggregate() {
        return occurrences.size();
    }

    @Override
    void clear() {
        values.clear();
        occurrences.clear();
    }
}
