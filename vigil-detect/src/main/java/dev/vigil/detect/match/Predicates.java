package dev.vigil.detect.match;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Boolean combinations of {@link EventPredicate}s, with the witness each combination can promise. */
public final class Predicates {
    private Predicates() {}

    /** Always true. */
    public static final EventPredicate TRUE = new EventPredicate() {
        @Override
        public boolean test(Event event) {
            return true;
        }

        @Override
        public String toString() {
            return "true";
        }
    };

    /** Always false. */
    public static final EventPredicate FALSE = new EventPredicate() {
        @Override
        public boolean test(Event event) {
            return false;
        }

        @Override
        public String toString() {
            return "false";
        }
    };

    /** All of {@code parts}; true when empty. */
    public static EventPredicate and(List<EventPredicate> parts) {
        if (parts.isEmpty()) {
            return TRUE;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new And(parts.toArray(EventPredicate[]::new));
    }

    /** Any of {@code parts}; false when empty. */
    public static EventPredicate or(List<EventPredicate> parts) {
        if (parts.isEmpty()) {
            return FALSE;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Or(parts.toArray(EventPredicate[]::new));
    }

    /** The negation of {@code part}. */
    public static EventPredicate not(EventPredicate part) {
        return new Not(part);
    }

    private static final class And implements EventPredicate {
        private final EventPredicate[] parts;

        And(EventPredicate[] parts) {
            this.parts = parts;
        }

        @Override
        public boolean test(Event event) {
            for (EventPredicate p : parts) {
                if (!p.test(event)) {
                    return false;
                }
            }
            return true;
        }

        /** The narrowest promise of any part: exact values beat prefixes, fewer values beat more. */
        @Override
        public Witness witness() {
            Witness best = Witness.NONE;
            for (EventPredicate p : parts) {
                Witness w = p.witness();
                if (!w.isNone() && (best.isNone() || narrower(w, best))) {
                    best = w;
                }
            }
            return best;
        }

        private static boolean narrower(Witness a, Witness b) {
            boolean aExact = a.prefixes().isEmpty();
            boolean bExact = b.prefixes().isEmpty();
            if (aExact != bExact) {
                return aExact;
            }
            return a.exact().size() + a.prefixes().size()
                    < b.exact().size() + b.prefixes().size();
        }

        @Override
        public String toString() {
            return "and" + List.of(parts);
        }
    }

    private static final class Or implements EventPredicate {
        private final EventPredicate[] parts;

        Or(EventPredicate[] parts) {
            this.parts = parts;
        }

        @Override
        public boolean test(Event event) {
            for (EventPredicate p : parts) {
                if (p.test(event)) {
                    return true;
                }
            }
            return false;
        }

        /** A promise only when every part promises something about the same field: the union. */
        @Override
        public Witness witness() {
            FieldPath field = null;
            Set<String> exact = new HashSet<>();
            List<String> prefixes = new ArrayList<>();
            for (EventPredicate p : parts) {
                Witness w = p.witness();
                if (w.isNone() || (field != null && !field.equals(w.field()))) {
                    return Witness.NONE;
                }
                field = w.field();
                exact.addAll(w.exact());
                prefixes.addAll(w.prefixes());
            }
            return new Witness(field, exact, prefixes);
        }

        @Override
        public String toString() {
            return "or" + List.of(parts);
        }
    }

    private static final class Not implements EventPredicate {
        private final EventPredicate part;

        Not(EventPredicate part) {
            this.part = part;
        }

        @Override
        public boolean test(Event event) {
            return !part.test(event);
        }

        @Override
        public String toString() {
            return "not(" + part + ")";
        }
    }
}
