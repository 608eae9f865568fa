package dev.vigil.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A streaming JSON writer over a {@link StringBuilder}: the caller opens and closes containers and writes names and
 * values in order, and the writer adds the commas and colons.
 *
 * <p>Strings are escaped per RFC 8259 ({@code "}, {@code \}, control characters), and additionally U+2028, U+2029,
 * lone surrogates, {@code <}, {@code >} and {@code &} are written as {@code \}{@code uXXXX}, so the output is valid
 * UTF-8 once encoded and safe to embed in HTML or a script. Other non-ASCII characters are kept as they are.
 *
 * <p>Misuse (a value where a name is due, a name outside an object, unbalanced containers, nesting deeper than the
 * limit, a second top-level value) throws {@link IllegalStateException}. Non-finite doubles throw
 * {@link IllegalArgumentException}: JSON has no NaN or Infinity, and writing {@code null} instead would hide a bug.
 *
 * <p>Not thread-safe; one writer per document.
 */
public final class JsonWriter {

    /** Default deepest nesting of objects and arrays. */
    public static final int DEFAULT_MAX_DEPTH = 256;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** ASCII characters written as escapes: controls, the quote, the backslash, and the HTML-significant ones. */
    private static final boolean[] ESCAPED_ASCII = new boolean[0x80];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPED_ASCII[c] = true;
        }
        for (char c : new char[] {'"', '\\', '<', '>', '&'}) {
            ESCAPED_ASCII[c] = true;
        }
    }

    private static final byte OBJECT_EXPECT_NAME = 1;
    private static final byte OBJECT_EXPECT_VALUE = 2;
    private static final byte ARRAY = 3;

    private final StringBuilder out;
    private final byte[] stack;
    /** Whether the current container (or the top level, at depth 0) already holds an element. */
    private final boolean[] hasElement;

    private int depth;

    /** A writer into a new builder, nesting at most {@link #DEFAULT_MAX_DEPTH} deep. */
    public JsonWriter() {
        this(new StringBuilder(256), DEFAULT_MAX_DEPTH);
    }

    /** A writer appending to {@code out}, nesting at most {@link #DEFAULT_MAX_DEPTH} deep. */
    public JsonWriter(StringBuilder out) {
        this(out, DEFAULT_MAX_DEPTH);
    }

    /** A writer appending to {@code out}, nesting at most {@code maxDepth} objects and arrays deep. */
    public JsonWriter(StringBuilder out, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive");
        }
        this.out = out;
        this.stack = new byte[maxDepth + 1];
        this.hasElement = new boolean[maxDepth + 1];
    }

    /** Opens an object. */
    public JsonWriter beginObject() {
        open(OBJECT_EXPECT_NAME, '{');
        return this;
    }

    /** Closes the innermost object. */
    public JsonWriter endObject() {
        if (depth == 0 || stack[depth] != OBJECT_EXPECT_NAME) {
            throw new IllegalStateException(
                    depth > 0 && stack[depth] == OBJECT_EXPECT_VALUE
                            ? "a value is due after the name"
                            : "no object to close");
        }
        depth--;
        out.append('}');
        return this;
    }

    /** Opens an array. */
    public JsonWriter beginArray() {
        open(ARRAY, '[');
        return this;
    }

    /** Closes the innermost array. */
    public JsonWriter endArray() {
        if (depth == 0 || stack[depth] != ARRAY) {
            throw new IllegalStateException("no array to close");
        }
        depth--;
        out.append(']');
        return this;
    }

    /** Writes a member name in the current object; a value must follow. */
    public JsonWriter name(String name) {
        if (depth == 0 || stack[depth] != OBJECT_EXPECT_NAME) {
            throw new IllegalStateException("a name is only allowed in an object, before its value");
        }
        if (hasElement[depth]) {
            out.append(',');
        }
        hasElement[depth] = true;
        stack[depth] = OBJECT_EXPECT_VALUE;
        string(name);
        out.append(':');
        return this;
    }

    /** Writes a string, or {@code null} if {@code value} is null. */
    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        string(value);
        return this;
    }

    /** Writes an integer. */
    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** Writes {@code true} or {@code false}. */
    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value ? "true" : "false");
        return this;
    }

    /**
     * Writes a finite double in Java's shortest round-trip form (e.g. {@code 1.5}, {@code 1.0E10}).
     *
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public JsonWriter value(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no representation for NaN or infinity");
        }
        beforeValue();
        out.append(value);
        return this;
    }

    /** Writes an integer, or {@code null} if {@code value} is null. */
    public JsonWriter value(BigInteger value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        out.append(value);
        return this;
    }

    /** Writes a decimal in its {@link BigDecimal#toString()} form (e.g. {@code 1E+3}), or {@code null}. */
    public JsonWriter value(BigDecimal value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        out.append(value);
        return this;
    }

    /**
     * Writes pre-rendered JSON as the next value, as it is: one complete, valid JSON value (for example a fragment
     * written once by another {@code JsonWriter} and reused). The text is not checked.
     */
    public JsonWriter rawValue(String json) {
        beforeValue();
        out.append(json);
        return this;
    }

    /**
     * Writes pre-rendered members into the current object, as they are: {@code "a":1,"b":"c"}, without braces or a
     * leading comma (at least one complete, valid member). The text is not checked.
     */
    public JsonWriter rawMembers(String members) {
        if (depth == 0 || stack[depth] != OBJECT_EXPECT_NAME) {
            throw new IllegalStateException("members are only allowed in an object, where a name is due");
        }
        if (hasElement[depth]) {
            out.append(',');
        }
        hasElement[depth] = true;
        out.append(members);
        return this;
    }

    /** Writes {@code null}. */
    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** Writes a member with a string value ({@code null} if the value is null). */
    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    /** Writes a member with an integer value. */
    public JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    /** Writes a member with a boolean value. */
    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** The current nesting depth: 0 at the top level. */
    public int depth() {
        return depth;
    }

    /** The JSON written so far (the whole builder's content). */
    @Override
    public String toString() {
        return out.toString();
    }

    private void open(byte kind, char bracket) {
        if (depth + 1 >= stack.length) {
            throw new IllegalStateException("JSON nested deeper than " + (stack.length - 1));
        }
        beforeValue();
        depth++;
        stack[depth] = kind;
        hasElement[depth] = false;
        out.append(bracket);
    }

    private void beforeValue() {
        if (depth == 0) {
            if (hasElement[0]) {
                throw new IllegalStateException("only one top-level value is allowed");
            }
            hasElement[0] = true;
            return;
        }
        switch (stack[depth]) {
            case OBJECT_EXPECT_VALUE -> stack[depth] = OBJECT_EXPECT_NAME;
            case ARRAY -> {
                if (hasElement[depth]) {
                    out.append(',');
                }
                hasElement[depth] = true;
            }
            default -> throw new IllegalStateException("a name is due before a value in an object");
        }
    }

    private void string(String s) {
        StringBuilder b = out;
        b.append('"');
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (!ESCAPED_ASCII[c]) {
                    continue;
                }
            } else if (c < 0x2028 || (c > 0x2029 && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE))) {
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            b.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default ->
                    b.append("\\u")
                            .append(HEX[c >> 12])
                            .append(HEX[(c >> 8) & 0xF])
                            .append(HEX[(c >> 4) & 0xF])
                            .append(HEX[c & 0xF]);
            }
        }
        if (run == 0) {
            b.append(s);
        } else {
            b.append(s, run, n);
        }
        b.append('"');
    }
}
