package dev.vigil.detect.match;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.FieldValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The compiled shapes of a detection item, each an {@link EventPredicate} over one field (or all leaves). */
final class ItemPredicates {
    private ItemPredicates() {}

    private static final Predicate<FieldValue> NOT_NULL = v -> v.kind() != FieldValue.Kind.NULL;

    /** Some value of the field passes {@code test} (a value list is one OR-ed test). */
    static final class AnyValue implements EventPredicate {
        private final FieldPath path;
        private final ValueTest test;
        private final Witness witness;
        private final String label;

        AnyValue(FieldPath path, ValueTest test, Witness witness, String label) {
            this.path = path;
            this.test = test;
            this.witness = witness;
            this.label = label;
        }

        @Override
        public boolean test(Event event) {
            return event.anyValue(path, test);
        }

        @Override
        public Witness witness() {
            return witness;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** {@code all}: every group is passed by some value of the field (possibly different values). */
    static final class AllValues implements EventPredicate {
        private final FieldPath path;
        private final ValueTest[] groups;
        private final Witness witness;
        private final String label;

        AllValues(FieldPath path, ValueTest[] groups, Witness witness, String label) {
            this.path = path;
            this.groups = groups;
            this.witness = witness;
            this.label = label;
        }

        @Override
        public boolean test(Event event) {
            for (ValueTest g : groups) {
                if (!event.anyValue(path, g)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Witness witness() {
            return witness;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** {@code null}: the field is missing or every value it has is JSON null. */
    static final class IsNull implements EventPredicate {
        private final FieldPath path;

        IsNull(FieldPath path) {
            this.path = path;
        }

        @Override
        public boolean test(Event event) {
            return !event.anyValue(path, NOT_NULL);
        }

        @Override
        public String toString() {
            return path + "=null";
        }
    }

    /** {@code exists}: presence (JSON null counts as present) or absence. */
    static final class Exists implements EventPredicate {
        private final FieldPath path;
        private final boolean expected;

        Exists(FieldPath path, boolean expected) {
            this.path = path;
            this.expected = expected;
        }

        @Override
        public boolean test(Event event) {
            return event.exists(path) == expected;
        }

        @Override
        public String toString() {
            return path + "|exists=" + expected;
        }
    }

    /** A keyword search: some leaf of the event passes the test (or, with {@code all}, every group does). */
    static final class Keywords implements EventPredicate {
        private final ValueTest[] groups;
        private final String label;

        Keywords(ValueTest[] groups, String label) {
            this.groups = groups;
            this.label = label;
        }

        @Override
        public boolean test(Event event) {
            for (ValueTest g : groups) {
                if (!event.anyLeaf(g)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** How {@code fieldref} compares the two texts. */
    enum RefMode {
        EQUALS,
        CONTAINS,
        STARTSWITH,
        ENDSWITH
    }

    /**
     * {@code fieldref}: some value of the field compares with some value of each referenced field (one referenced
     * field is enough without {@code all}). JSON null and a missing referenced field never match.
     */
    static final class FieldRef implements EventPredicate {
        /** Most values of a referenced field that are compared. */
        private static final int MAX_REF_VALUES = 1024;

        private final FieldPath path;
        private final FieldPath[] refs;
        private final boolean all;
        private final RefMode mode;
        private final boolean cased;
        private final String label;

        FieldRef(FieldPath path, FieldPath[] refs, boolean all, RefMode mode, boolean cased, String label) {
            this.path = path;
            this.refs = refs;
            this.all = all;
            this.mode = mode;
            this.cased = cased;
            this.label = label;
        }

        @Override
        public boolean test(Event event) {
            for (FieldPath ref : refs) {
                boolean ok = matchesRef(event, ref);
                if (ok != all) {
                    return ok;
                }
            }
            return all;
        }

        private boolean matchesRef(Event event, FieldPath ref) {
            // collected first: an Event need not allow a lookup from inside another lookup's callback
            List<String> others = new ArrayList<>(2);
            event.anyValue(ref, b -> {
                if (b.kind() != FieldValue.Kind.NULL) {
                    others.add(cased ? b.text() : b.lowerText());
                }
                return others.size() >= MAX_REF_VALUES;
            });
            if (others.isEmpty()) {
                return false;
            }
            return event.anyValue(path, a -> {
                if (a.kind() == FieldValue.Kind.NULL) {
                    return false;
                }
                String text = cased ? a.text() : a.lowerText();
                for (String other : others) {
                    if (compare(text, other)) {
                        return true;
                    }
                }
                return false;
            });
        }

        private boolean compare(String text, String other) {
            switch (mode) {
                case CONTAINS:
                    return text.contains(other);
                case STARTSWITH:
                    return text.startsWith(other);
                case ENDSWITH:
                    return text.endsWith(other);
                default:
                    return text.equals(other);
            }
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
