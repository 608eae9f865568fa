package dev.vigil.shield.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of {@link Json#parse}: reads a document that is pure ASCII straight from its bytes, without decoding
 * it to a {@code String} and reading it char by char. Lambda events are nearly always ASCII.
 *
 * <p>It accepts exactly what {@link JsonReader} accepts and builds the same values, except that it gives up
 * ({@link #FALLBACK}) on anything unusual: a byte outside ASCII, a {@code \}{@code u} escape above U+00FF, any syntax
 * error or bound exceeded. {@link Json} then reads the document again with {@link JsonReader}, which has the one
 * definition of the errors and their messages. Maps and lists are built once their size is known, so they are never
 * resized while being filled.
 */
final class AsciiJsonReader {

    /** Returned when this reader gives up; the caller must parse with {@link JsonReader}. */
    static final Object FALLBACK = new Object();

    private static final int MAX_NUMBER_LENGTH = 1000;
    private static final int MAX_SCALE = 100_000;

    /** Thrown (without a stack trace, preallocated) to unwind to {@link #parse} when giving up. */
    private static final GiveUp GIVE_UP = new GiveUp();

    private final byte[] in;
    /**
     * The text {@link #in} was encoded from, or null. Its lone surrogates are encoded as {@code ?}, so a {@code ?} in a
     * string must be checked against it.
     */
    private final String source;

    private final int end;
    private int pos;
    /** Shared by every string with escapes in this document. */
    private byte[] buffer;
    /** Names and values of the containers being read, innermost last. */
    private Object[] stack = new Object[32];

    private int top;

    private AsciiJsonReader(byte[] in, String source, int start, int end) {
        this.in = in;
        this.source = source;
        this.pos = start;
        this.end = end;
    }

    /** The value of the document in {@code in}, or {@link #FALLBACK}. */
    static Object parse(byte[] in) {
        return parse(new AsciiJsonReader(in, null, 0, in.length));
    }

    /** The value of the document {@code text}, or {@link #FALLBACK} (at once when it is not all ASCII). */
    static Object parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != text.length()) {
            return FALLBACK;
        }
        return parse(new AsciiJsonReader(bytes, text, 0, bytes.length));
    }

    private static Object parse(AsciiJsonReader r) {
        try {
            return r.document();
        } catch (GiveUp | StackOverflowError | NumberFormatException | ArithmeticException e) {
            return FALLBACK;
        }
    }

    private Object document() {
        skipWhitespace();
        if (pos >= end) {
            throw GIVE_UP;
        }
        Object value = value(0);
        skipWhitespace();
        if (pos < end) {
            throw GIVE_UP;
        }
        return value;
    }

    private Object value(int depth) {
        if (pos >= end) {
            throw GIVE_UP;
        }
        byte c = in[pos];
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal('t', 'r', 'u', 'e');
                return Boolean.TRUE;
            case 'f':
                if (pos + 4 >= end || in[pos + 4] != 'e') {
                    throw GIVE_UP;
                }
                literal('f', 'a', 'l', 's');
                pos++;
                return Boolean.FALSE;
            case 'n':
                literal('n', 'u', 'l', 'l');
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw GIVE_UP;
        }
    }

    private Map<String, Object> object(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw GIVE_UP;
        }
        pos++;
        skipWhitespace();
        if (pos < end && in[pos] == '}') {
            pos++;
            return new LinkedHashMap<>();
        }
        int mark = top;
        while (true) {
            if (pos >= end || in[pos] != '"') {
                throw GIVE_UP;
            }
            String name = name();
            skipWhitespace();
            if (pos >= end || in[pos] != ':') {
                throw GIVE_UP;
            }
            pos++;
            skipWhitespace();
            Object value = value(depth);
            push(name);
            push(value);
            skipWhitespace();
            if (pos >= end) {
                throw GIVE_UP;
            }
            byte c = in[pos++];
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
            skipWhitespace();
        }
        int n = (top - mark) >> 1;
        // capacity for n entries without a resize at the default load factor of 0.75
        Map<String, Object> map = new LinkedHashMap<>((n * 4 + 2) / 3);
        Object[] s = stack;
        for (int k = mark; k < top; k += 2) {
            map.put((String) s[k], s[k + 1]);
            s[k] = null;
            s[k + 1] = null;
        }
        top = mark;
        return map;
    }

    private List<Object> array(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw GIVE_UP;
        }
        pos++;
        skipWhitespace();
        if (pos < end && in[pos] == ']') {
            pos++;
            return new ArrayList<>();
        }
        int mark = top;
        while (true) {
            push(value(depth));
            skipWhitespace();
            if (pos >= end) {
                throw GIVE_UP;
            }
            byte c = in[pos++];
            if (c == ']') {
                break;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
            skipWhitespace();
        }
        List<Object> list = new ArrayList<>(top - mark);
        Object[] s = stack;
        for (int k = mark; k < top; k++) {
            list.add(s[k]);
            s[k] = null;
        }
        top = mark;
        return list;
    }

    private void push(Object o) {
        if (top == stack.length) {
            Object[] bigger = new Object[top * 2];
            System.arraycopy(stack, 0, bigger, 0, top);
            stack = bigger;
        }
        stack[top++] = o;
    }

    private static final int NAME_SLOT_BITS = 10;

    /** Longest member name remembered in {@link #NAMES}. */
    private static final int MAX_REMEMBERED_NAME = 48;

    /**
     * Member names seen recently: events repeat the same few dozen names ({@code Records}, {@code messageId},
     * {@code body}…) in every record and every invocation, and a remembered name is neither copied nor hashed again
     * when a map takes it. Direct-mapped and fixed in size, so a hostile event can only evict entries. Entries are
     * immutable, so the array is shared between threads without locking.
     */
    private static final Name[] NAMES = new Name[1 << NAME_SLOT_BITS];

    /** A remembered member name and its bytes. */
    private static final class Name {
        final byte[] bytes;
        final String text;

        Name(byte[] bytes, String text) {
            this.bytes = bytes;
            this.text = text;
        }
    }

    /** Reads a member name starting at its opening quote; a short one without escapes may be a remembered string. */
    private String name() {
        byte[] in = this.in;
        int start = pos + 1;
        int end = this.end;
        int i = start;
        while (i < end) {
            byte c = in[i];
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20 || c == '?') {
                return string();
            }
            i++;
        }
        int n = i - start;
        if (i >= end || n == 0 || n > MAX_REMEMBERED_NAME) {
            return string();
        }
        // a multiplicative hash of the length and three bytes; its top bits pick the slot
        int mix = ((n * 31 + in[start]) * 31 + in[start + (n >> 1)]) * 31 + in[i - 1];
        int slot = (mix * 0x9E3779B1) >>> (32 - NAME_SLOT_BITS);
        Name known = NAMES[slot];
        pos = i + 1;
        if (known != null && known.bytes.length == n && Arrays.equals(known.bytes, 0, n, in, start, i)) {
            return known.text;
        }
        String text = new String(in, start, n, StandardCharsets.ISO_8859_1);
        text.hashCode();
        NAMES[slot] = new Name(Arrays.copyOfRange(in, start, i), text);
        return text;
    }

    /** Reads a string starting at its opening quote. */
    private String string() {
        byte[] in = this.in;
        int start = ++pos;
        int i = start;
        int end = this.end;
        while (i < end) {
            byte c = in[i];
            if (c == '"') {
                if (i - start > Json.MAX_STRING) {
                    throw GIVE_UP;
                }
                pos = i + 1;
                return new String(in, start, i - start, StandardCharsets.ISO_8859_1);
            }
            if (c == '\\') {
                return escapedString(start, i);
            }
            if (c < 0x20) { // a control character, or a byte outside ASCII (negative)
                throw GIVE_UP;
            }
            if (c == '?') {
                checkQuestionMark(i);
            }
            i++;
        }
        throw GIVE_UP;
    }

    /** The slow path of {@link #string()}, from the first backslash at {@code i}; builds Latin-1 bytes. */
    private String escapedString(int start, int i) {
        byte[] in = this.in;
        int end = this.end;
        int n = i - start;
        byte[] b = buffer;
        if (b == null || b.length < Math.max(64, n * 2)) {
            b = buffer = new byte[Math.max(64, n * 2)];
        }
        System.arraycopy(in, start, b, 0, n);
        while (true) {
            // in[i] is a backslash
            if (i + 1 >= end) {
                throw GIVE_UP;
            }
            byte e = in[i + 1];
            byte out;
            switch (e) {
                case '"', '\\', '/' -> out = e;
                case 'b' -> out = '\b';
                case 'f' -> out = '\f';
                case 'n' -> out = '\n';
                case 'r' -> out = '\r';
                case 't' -> out = '\t';
                case 'u' -> {
                    int v = hex4(i + 2);
                    if (v > 0xFF) {
                        throw GIVE_UP;
                    }
                    out = (byte) v;
                    i += 4;
                }
                default -> throw GIVE_UP;
            }
            i += 2;
            if (n == b.length) {
                b = grow(b, n + 1);
            }
            b[n++] = out;
            int run = i;
            byte c = 0;
            while (i < end) {
                c = in[i];
                if (c == '"' || c == '\\') {
                    break;
                }
                if (c < 0x20) {
                    throw GIVE_UP;
                }
                if (c == '?') {
                    checkQuestionMark(i);
                }
                i++;
            }
            if (i >= end) {
                throw GIVE_UP;
            }
            int length = i - run;
            if (n + length > b.length) {
                b = grow(b, n + length);
            }
            System.arraycopy(in, run, b, n, length);
            n += length;
            if (c == '"') {
                if (n > Json.MAX_STRING) {
                    throw GIVE_UP;
                }
                pos = i + 1;
                return new String(b, 0, n, StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** {@link #buffer}, copied into one of at least {@code needed} bytes. */
    private byte[] grow(byte[] b, int needed) {
        byte[] bigger = new byte[Math.max(needed, b.length * 2)];
        System.arraycopy(b, 0, bigger, 0, b.length);
        buffer = bigger;
        return bigger;
    }

    /** Gives up when the {@code ?} at {@code i} stands for a lone surrogate of {@link #source}. */
    private void checkQuestionMark(int i) {
        if (source != null && source.charAt(i) != '?') {
            throw GIVE_UP;
        }
    }

    private int hex4(int at) {
        if (at + 4 > end) {
            throw GIVE_UP;
        }
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            byte c = in[k];
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                throw GIVE_UP;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private Object number() {
        byte[] in = this.in;
        int start = pos;
        int i = pos;
        boolean negative = in[i] == '-';
        if (negative) {
            i++;
        }
        if (i >= end) {
            throw GIVE_UP;
        }
        byte c = in[i];
        long value = 0;
        int intDigits = 0;
        if (c == '0') {
            i++;
            intDigits = 1;
            if (i < end && isDigit(in[i])) {
                throw GIVE_UP;
            }
        } else if (isDigit(c)) {
            while (i < end && isDigit(c = in[i])) {
                if (intDigits < 18) {
                    value = value * 10 + (c - '0');
                }
                intDigits++;
                i++;
            }
        } else {
            throw GIVE_UP;
        }
        int fractionDigits = 0;
        boolean decimal = false;
        if (i < end && in[i] == '.') {
            decimal = true;
            i++;
            while (i < end && isDigit(in[i])) {
                fractionDigits++;
                i++;
            }
            if (fractionDigits == 0) {
                throw GIVE_UP;
            }
        }
        long exponent = 0;
        if (i < end && (in[i] == 'e' || in[i] == 'E')) {
            decimal = true;
            i++;
            boolean negativeExponent = false;
            if (i < end && (in[i] == '+' || in[i] == '-')) {
                negativeExponent = in[i] == '-';
                i++;
            }
            int exponentDigits = 0;
            while (i < end && isDigit(c = in[i])) {
                if (exponent <= MAX_SCALE * 10L) {
                    exponent = exponent * 10 + (c - '0');
                }
                exponentDigits++;
                i++;
            }
            if (exponentDigits == 0) {
                throw GIVE_UP;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            throw GIVE_UP;
        }
        pos = i;
        if (!decimal) {
            if (intDigits <= 18) {
                return negative ? -value : value;
            }
            BigInteger big = new BigInteger(new String(in, start, i - start, StandardCharsets.ISO_8859_1));
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        long scale = fractionDigits - exponent;
        if (scale > MAX_SCALE || scale < -MAX_SCALE) {
            throw GIVE_UP;
        }
        return new BigDecimal(new String(in, start, i - start, StandardCharsets.ISO_8859_1));
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Checks four bytes at {@code pos} and moves past them. */
    private void literal(char a, char b, char c, char d) {
        int p = pos;
        if (p + 3 >= end || in[p] != a || in[p + 1] != b || in[p + 2] != c || in[p + 3] != d) {
            throw GIVE_UP;
        }
        pos = p + 4;
    }

    private void skipWhitespace() {
        byte[] in = this.in;
        int p = pos;
        while (p < end) {
            byte c = in[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            p++;
        }
        pos = p;
    }

    /** Unwinds a parse this reader gives up on. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }
}
