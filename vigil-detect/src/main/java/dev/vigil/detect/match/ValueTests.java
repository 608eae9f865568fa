package dev.vigil.detect.match;

import com.google.re2j.Pattern;
import dev.vigil.detect.event.EventTime;
import dev.vigil.detect.event.FieldValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The non-glob value tests: numbers, booleans, regexes, networks, comparisons, time parts, and OR groups. */
final class ValueTests {
    private ValueTests() {}

    /**
     * A rule number: equal to a numeric field, or a string field whose whole text is that number ({@link
     * FieldValue#number()}), or a field whose text is exactly the number as the rule wrote it.
     */
    record NumberEquals(double value, String text) implements ValueTest {
        @Override
        public boolean test(FieldValue v) {
            FieldValue.Kind k = v.kind();
            if (k != FieldValue.Kind.NUMBER && k != FieldValue.Kind.STRING) {
                return false;
            }
            return v.number() == value || v.text().equals(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A rule boolean: equal to a boolean field or the string true/false in any case. */
    record BooleanEquals(boolean value) implements ValueTest {
        @Override
        public boolean test(FieldValue v) {
            FieldValue.Kind k = v.kind();
            return (k == FieldValue.Kind.BOOLEAN || k == FieldValue.Kind.STRING)
                    && v.lowerText().equals(value ? "true" : "false");
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /** {@code re}: an unanchored RE2J search over the value's text. */
    record Regex(Pattern pattern, RegexLiteral literal, Memo[] memo) implements ValueTest {
        /** Memoised values are at most this long, so the memo's memory stays small. */
        static final int MEMO_MAX_LENGTH = 512;

        private static final int MEMO_SLOTS = 1024;

        /**
         * A search with the literal prefilter found in {@code pattern}, if any, and a memo of recent results: log
         * fields such as user agents and ARNs repeat, and RE2J's linear-time search costs microseconds.
         */
        Regex(Pattern pattern) {
            this(
                    pattern,
                    RegexLiteral.of(pattern.pattern(), (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0),
                    new Memo[MEMO_SLOTS]);
        }

        @Override
        public boolean test(FieldValue v) {
            if (v.kind() == FieldValue.Kind.NULL) {
                return false;
            }
            if (literal != null && !literal.mayMatch(v)) {
                return false;
            }
            String text = v.text();
            if (text.length() > MEMO_MAX_LENGTH) {
                return pattern.matcher(text).find();
            }
            int slot = text.hashCode() & (MEMO_SLOTS - 1);
            Memo m = memo[slot];
            if (m != null && m.text().equals(text)) {
                return m.found();
            }
            boolean found = pattern.matcher(text).find();
            // Racy but safe: a Memo is immutable (final fields), so a reader sees a whole entry or an older one.
            memo[slot] = new Memo(text, found);
            return found;
        }

        @Override
        public String toString() {
            return "/" + pattern.pattern() + "/";
        }
    }

    /** One remembered regex result. */
    record Memo(String text, boolean found) {}

    /** {@code cidr}: the value's text is an IP address inside the network. */
    record InNetwork(Cidr network) implements ValueTest {
        @Override
        public boolean test(FieldValue v) {
            FieldValue.Kind k = v.kind();
            return k == FieldValue.Kind.STRING && network.contains(v.text());
        }

        @Override
        public String toString() {
            return network.toString();
        }
    }

    /** How a number is compared: {@code =}, {@code lt}, {@code lte}, {@code gt}, {@code gte}. */
    enum Comparison {
        EQ,
        LT,
        LTE,
        GT,
        GTE;

        boolean holds(double field, double rule) {
            switch (this) {
                case LT:
                    return field < rule;
                case LTE:
                    return field <= rule;
                case GT:
                    return field > rule;
                case GTE:
                    return field >= rule;
                default:
                    return field == rule;
            }
        }
    }

    /** {@code lt/lte/gt/gte}: the value's number against the rule's; a value that is not a number never matches. */
    record Compare(Comparison op, double value) implements ValueTest {
        @Override
        public boolean test(FieldValue v) {
            double d = v.number();
            return !Double.isNaN(d) && op.holds(d, value);
        }

        @Override
        public String toString() {
            return op + " " + value;
        }
    }

    /** The time parts {@code minute} … {@code year}, read in UTC. */
    enum TimePart {
        MINUTE,
        HOUR,
        DAY,
        WEEK,
        MONTH,
        YEAR;

        int of(long epochMillis) {
            ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
            switch (this) {
                case MINUTE:
                    return t.getMinute();
                case HOUR:
                    return t.getHour();
                case DAY:
                    return t.getDayOfMonth();
                case WEEK:
                    return t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                case MONTH:
                    return t.getMonthValue();
                default:
                    return t.getYear();
            }
        }
    }

    /** A time part of the field's timestamp ({@link EventTime#parse(FieldValue)}) compared with a number. */
    record TimePartCompare(TimePart part, Comparison op, double value) implements ValueTest {
        @Override
        public boolean test(FieldValue v) {
            long t = EventTime.parse(v);
            return t != EventTime.UNKNOWN && op.holds(part.of(t), value);
        }

        @Override
        public String toString() {
            return part + " " + op + " " + value;
        }
    }

    /**
     * Any of several tests on one value. Case-insensitive equalities are answered by one hash lookup of the value's
     * lower-case text; the rest are tried in order.
     */
    static final class AnyOf implements ValueTest {
        private final Set<String> lowerExact;
        private final ValueTest[] others;
        private final List<ValueTest> all;

        private AnyOf(Set<String> lowerExact, ValueTest[] others, List<ValueTest> all) {
            this.lowerExact = lowerExact;
            this.others = others;
            this.all = all;
        }

        /** The OR of {@code tests}; the test itself when there is one. */
        static ValueTest of(List<ValueTest> tests) {
            if (tests.size() == 1) {
                return tests.get(0);
            }
            Set<String> exact = new HashSet<>();
            List<ValueTest> others = new ArrayList<>();
            List<String> needles = new ArrayList<>();
            List<ValueTest> needleTests = new ArrayList<>();
            for (ValueTest t : tests) {
                if (t instanceof StringTests.Exact e && !e.cased()) {
                    exact.add(e.lowerLiteral());
                } else if (t instanceof StringTests.Contains c && !c.cased && isAscii(c.literal)) {
                    needles.add(c.literal);
                    needleTests.add(t);
                } else {
                    others.add(t);
                }
            }
            MultiContains multi = MultiContains.of(needles);
            if (multi != null) {
                List<ValueTest> rest = new ArrayList<>();
                rest.add(multi);
                rest.addAll(others);
                if (exact.size() < 4) {
                    rest.addAll(tests.stream()
                            .filter(t -> t instanceof StringTests.Exact e && !e.cased())
                            .toList());
                    exact.clear();
                }
                return new AnyOf(Set.copyOf(exact), rest.toArray(ValueTest[]::new), List.copyOf(tests));
            }
            others.addAll(needleTests);
            if (exact.size() < 4) {
                // a few equals() calls beat hashing the value text
                return new AnyOf(Set.of(), tests.toArray(ValueTest[]::new), List.copyOf(tests));
            }
            return new AnyOf(Set.copyOf(exact), others.toArray(ValueTest[]::new), List.copyOf(tests));
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 128) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean test(FieldValue v) {
            if (!lowerExact.isEmpty() && v.kind() != FieldValue.Kind.NULL && lowerExact.contains(v.lowerText())) {
                return true;
            }
            for (ValueTest t : others) {
                if (t.test(v)) {
                    return true;
                }
            }
            return false;
        }

        /** The tests OR-ed here. */
        List<ValueTest> tests() {
            return all;
        }

        @Override
        public String toString() {
            return "any" + all;
        }
    }
}
