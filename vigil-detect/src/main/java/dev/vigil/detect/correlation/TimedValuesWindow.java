package dev.vigil.detect.correlation;

/**
 * A window that keeps each observation in time order ({@link TimedValues}), so eviction, size and start time come
 * from that queue; subclasses keep their aggregate up to date in {@link #add} and {@link #removeOldest}.
 */
abstract class TimedValuesWindow extends GroupWindow {
    final TimedValues values;

    TimedValuesWindow(boolean texts) {
        this.values = new TimedValues(texts);
    }

    @Override
    final void evictBefore(long minTime) {
        while (!values.isEmpty() && values.firstTime() < minTime) {
            removeOldest();
        }
    }

    @Override
    final int entries() {
        return values.size();
    }

    @Override
    final long events() {
        return values.size();
    }

    @Override
    final long startMillis() {
        return values.firstTime();
    }
}
