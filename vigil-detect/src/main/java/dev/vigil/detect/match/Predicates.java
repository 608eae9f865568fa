package dev.vigil.detect.match;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                if (!w.isNone() && (best.isNone() || w.narrowerThan(best))) {
                    best = w;
                }
            }
            return best;
        }

        @Override
        public List<Witness> witnessOptions() {
            List<Witness> out = new ArrayList<>();
            for (EventPredicate p : parts) {
                out.addAll(p.witnessOptions());
            }
            return out;
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
            List<Witness> options = witnessOptions();
            return options.isEmpty() ? Witness.NONE : options.get(0);
        }

        /** One union per field that every part promises something about. */
        @Override
        public List<Witness> witnessOptions() {
            Map<FieldPath, Witness> common = null;
            for (EventPredicate p : parts) {
                Map<FieldPath, Witness> mine = new LinkedHashMap<>();
                for (Witness w : p.witnessOptions()) {
                    mine.merge(w.field(), w, Predicates::union);
                }
                if (common == null) {
                    common = mine;
                } else {
                    Map<FieldPath, Witness> next = new LinkedHashMap<>();
                    for (Map.Entry<FieldPath, Witness> e : common.entrySet()) {
                        Witness w = mine.get(e.getKey());
                        if (w != null) {
                            next.put(e.getKey(), union(e.getValue(), w));
                        }
                    }
                    common = next;
                }
                if (common.isEmpty()) {
                    return List.of();
                }
            }
            return common == null ? List.of() : List.copyOf(common.values());
        }

        @Override
        public String toString() {
            return "or" + List.of(parts);
        }
    }

    /**
     * Two promises about the same field, where either may hold: the union of their values. (Within a conjunction
     * both hold, so either alone is also a valid promise; the union is the safe choice for both cases.)
     */
    static Witness union(Witness a, Witness b) {
        Set<String> exact = new HashSet<>(a.exact());
        exact.addAll(b.exact());
        List<String> prefixes = new ArrayList<>(a.prefixes());
        prefixes.addAll(b.prefixes());
        return new Witness(a.field(), exact, prefixes);
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
