package dev.vigil.detect.event;

/**
 * One value found at a field path of an {@link Event}.
 *
 * <p>Every kind has a {@link #text() text form}, so string matchers work on any value: the string itself, the number
 * as written in the log, {@code true}/{@code false}, {@code null}, or the compact JSON text of an object or array.
 * Implementations compute the text forms lazily and cache them, because most values are never compared.
 */
public interface FieldValue {

    /** The JSON type of the value. */
    enum Kind {
        STRING,
        NUMBER,
        BOOLEAN,
        NULL,
        OBJECT,
        ARRAY
    }

    /** The JSON type of the value. */
    Kind kind();

    /** The text that string matchers compare: see the class comment. Never null. */
    String text();

    /**
     * {@link #text()} folded to lower case one UTF-16 unit at a time with {@link Character#toLowerCase(char)}, so
     * the length is unchanged. Case-insensitive matchers compare against this.
     */
    String lowerText();

    /**
     * A lower bound on {@code text().length()} that implementations can give without decoding the value, so an
     * index can skip values too long to equal any of its keys. The default decodes.
     */
    default int minLength() {
        return text().length();
    }

    /** {@code keys.get(lowerText())}; implementations may probe without decoding the value. */
    default <V> V lookupLower(LowerKeys<V> keys) {
        return keys.get(lowerText());
    }

    /** Whether {@link #text()} contains {@code ascii}, an ASCII string; implementations may search the raw bytes. */
    default boolean textContainsAscii(String ascii) {
        return text().contains(ascii);
    }

    /** Whether {@link #lowerText()} starts with {@code lowerPrefix}; implementations may test without decoding. */
    default boolean lowerStartsWith(String lowerPrefix) {
        return lowerText().startsWith(lowerPrefix);
    }

    /**
     * The numeric value: numbers, and strings whose whole text is a decimal number ({@code "42"}, {@code "-1.5"}).
     * {@link Double#NaN} for everything else.
     */
    double number();
}
