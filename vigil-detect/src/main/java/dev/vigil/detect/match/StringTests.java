package dev.vigil.detect.match;

import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.event.Text;
import java.util.List;

/**
 * Compiles a {@link SigmaString} into the cheapest test that decides it: equality, prefix, suffix, substring, "any
 * value" or a general {@link Glob}. Case-insensitive tests compare {@link FieldValue#lowerText()} with a literal
 * folded once at compile time; {@code cased} tests compare {@link FieldValue#text()}. JSON {@code null} never matches
 * a string pattern (not even {@code *}); numbers, booleans and containers match through their text.
 */
final class StringTests {
    private StringTests() {}

    static ValueTest compile(SigmaString value, boolean cased) {
        List<Object> parts = value.parts();
        int n = parts.size();
        if (n == 0) {
            return new Exact("", cased);
        }
        if (!value.hasWildcards()) {
            return new Exact((String) parts.get(0), cased);
        }
        boolean manyFirst = parts.get(0) == SigmaString.Wild.MANY;
        boolean manyLast = parts.get(n - 1) == SigmaString.Wild.MANY;
        if (n == 1 && manyFirst) {
            return ANY_TEXT;
        }
        if (n == 2 && manyLast && parts.get(0) instanceof String s) {
            return new Prefix(s, cased);
        }
        if (n == 2 && manyFirst && parts.get(1) instanceof String s) {
            return new Suffix(s, cased);
        }
        if (n == 3 && manyFirst && manyLast && parts.get(1) instanceof String s) {
            return new Contains(s, cased);
        }
        String leading = parts.get(0) instanceof String s ? Text.lower(s) : null;
        return new GlobTest(new Glob(parts, !cased), cased, value.toString(), leading);
    }

    /** Any non-null value: {@code *}. */
    static final ValueTest ANY_TEXT = new ValueTest() {
        @Override
        public boolean test(FieldValue v) {
            return v.kind() != FieldValue.Kind.NULL;
        }

        @Override
        public String toString() {
            return "*";
        }
    };

    abstract static class Literal implements ValueTest {
        final String literal;
        final boolean cased;

        Literal(String literal, boolean cased) {
            this.literal = cased ? literal : Text.lower(literal);
            this.cased = cased;
        }

        @Override
        public final boolean test(FieldValue v) {
            return v.kind() != FieldValue.Kind.NULL && test(cased ? v.text() : v.lowerText());
        }

        abstract boolean test(String text);
    }

    static final class Exact extends Literal {
        Exact(String literal, boolean cased) {
            super(literal, cased);
        }

        @Override
        boolean test(String text) {
            return text.equals(literal);
        }

        /** The folded literal; a cased equality also implies equality of the folded texts. */
        @Override
        public String witnessExact() {
            return Text.lower(literal);
        }

        String lowerLiteral() {
            return literal;
        }

        boolean cased() {
            return cased;
        }

        @Override
        public String toString() {
            return "=" + literal;
        }
    }

    static final class Prefix extends Literal {
        Prefix(String literal, boolean cased) {
            super(literal, cased);
        }

        @Override
        boolean test(String text) {
            return text.startsWith(literal);
        }

        @Override
        public String witnessPrefix() {
            return Text.lower(literal);
        }

        @Override
        public String toString() {
            return literal + "*";
        }
    }

    static final class Suffix extends Literal {
        Suffix(String literal, boolean cased) {
            super(literal, cased);
        }

        @Override
        boolean test(String text) {
            return text.endsWith(literal);
        }

        @Override
        public String toString() {
            return "*" + literal;
        }
    }

    static final class Contains extends Literal {
        Contains(String literal, boolean cased) {
            super(literal, cased);
        }

        @Override
        boolean test(String text) {
            return text.contains(literal);
        }

        @Override
        public String toString() {
            return "*" + literal + "*";
        }
    }

    static final class GlobTest implements ValueTest {
        private final Glob glob;
        private final boolean cased;
        private final String source;
        private final String leading;

        GlobTest(Glob glob, boolean cased, String source, String leading) {
            this.glob = glob;
            this.cased = cased;
            this.source = source;
            this.leading = leading;
        }

        @Override
        public boolean test(FieldValue v) {
            return v.kind() != FieldValue.Kind.NULL && glob.matches(cased ? v.text() : v.lowerText());
        }

        /** The literal before the first wildcard: every match starts with it. */
        @Override
        public String witnessPrefix() {
            return leading;
        }

        @Override
        public String toString() {
            return source;
        }
    }
}
