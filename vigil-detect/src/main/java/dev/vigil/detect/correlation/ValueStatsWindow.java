package dev.vigil.detect.correlation;

import dev.vigil.detect.rule.CorrelationType;

/** {@code value_sum}, {@code value_avg} and {@code value_percentile} over the numbers in the window. */
final class ValueStatsWindow extends TimedValuesWindow {
    private final CorrelationType type;
    private final double percentile;
    private final SortedDoubles sorted;
    private double sum;

    ValueStatsWindow(CorrelationType type, double percentile) {
        super(false);
        this.type = type;
        this.percentile = percentile;
        this.sorted = type == CorrelationType.VALUE_PERCENTILE ? new SortedDoubles() : null;
    }

    @Override
    void add(Observation observation, int slot) {
        double v = observation.number();
        values.add(observation.timeMillis(), null, v);
        sum += v;
        if (sorted != null) {
            sorted.add(v);
        }
    }

    @Override
    int removeOldest() {
        double v = values.firstNumber();
        values.removeFirst();
        // An empty window restarts the running sum, so rounding left by subtractions cannot accumulate forever.
        sum = values.isEmpty() ? 0 : sum - v;
        if (sorted != null) {
            sorted.remove(v);
        }
        return 1;
    }

    @Override
    double aggregate() {
        switch (type) {
            case VALUE_SUM:
                return sum;
            case VALUE_AVG:
                return values.isEmpty() ? Double.NaN : sum / values.size();
            default:
                return sorted.percentile(percentile);
        }
    }

    @Override
    void clear() {
        values.clear();
        sum = 0;
        if (sorted != null) {
            sorted.clear();
        }
    }
}
