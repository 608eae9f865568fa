package dev.vigil.cli.hunt;

import dev.vigil.detect.correlation.Observation;
import dev.vigil.detect.engine.CorrelationMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds correlation observations until the input ends, then feeds them to the correlator sorted by (event time,
 * arrival), since log files are rarely in time order. Bounded: once {@code capacity} are held, the held ones are
 * sorted and fed, a warning is given, and later ones are fed as they arrive (unsorted), so correlations may then miss
 * or misplace windows.
 */
public final class ObservationBuffer {
    static final Comparator<Observation> ORDER =
            Comparator.comparingLong(Observation::timeMillis).thenComparingLong(Observation::sequence);

    private final Correlator correlator;
    private final int capacity;
    private final Consumer<CorrelationMatch> out;
    private final Consumer<String> warn;
    private final List<Observation> held = new ArrayList<>();
    private boolean overflowed;
    private long fed;

    /**
     * @param correlator where observations go
     * @param capacity most observations held for sorting
     * @param out receives correlation matches
     * @param warn receives the overflow warning
     */
    public ObservationBuffer(
            Correlator correlator, int capacity, Consumer<CorrelationMatch> out, Consumer<String> warn) {
        this.correlator = correlator;
        this.capacity = capacity;
        this.out = out;
        this.warn = warn;
    }

    /** Adds observations in arrival order. */
    public void add(List<Observation> observations) {
        for (Observation o : observations) {
            if (overflowed) {
                feed(o);
                continue;
            }
            held.add(o);
            if (held.size() >= capacity) {
                overflowed = true;
                warn.accept(String.format(
                        "more than %,d correlation observations: the rest are correlated in input order, not time"
                                + " order (results may be incomplete)",
                        capacity));
                flush();
            }
        }
    }

    /** Sorts and feeds what is held. */
    public void finish() {
        flush();
    }

    /** How many observations were fed. */
    public long fed() {
        return fed;
    }

    /** Whether the capacity was exceeded. */
    public boolean overflowed() {
        return overflowed;
    }

    private void flush() {
        held.sort(ORDER);
        for (Observation o : held) {
            feed(o);
        }
        held.clear();
    }

    private void feed(Observation o) {
        fed++;
        correlator.accept(o, out);
    }
}
