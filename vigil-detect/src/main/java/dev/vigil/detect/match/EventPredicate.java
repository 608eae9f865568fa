package dev.vigil.detect.match;

import dev.vigil.detect.event.Event;

/** A compiled test on one event: a detection item, a search identifier, or a whole rule condition. */
public interface EventPredicate {

    /** Whether {@code event} satisfies this predicate. Must not throw on any event. */
    boolean test(Event event);

    /**
     * What every event satisfying this predicate is known to carry, for the rule index. {@link Witness#NONE} when
     * nothing can be promised (the safe answer).
     */
    default Witness witness() {
        return Witness.NONE;
    }

    /**
     * Every promise this predicate can make, one per field, for the rule index to choose the most selective. The
     * default is {@link #witness()} alone; conjunctions offer one per part.
     */
    default java.util.List<Witness> witnessOptions() {
        Witness w = witness();
        return w.isNone() ? java.util.List.of() : java.util.List.of(w);
    }
}
