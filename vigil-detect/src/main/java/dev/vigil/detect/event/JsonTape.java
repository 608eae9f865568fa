package dev.vigil.detect.event;

import java.nio.charset.StandardCharsets;

/**
 * A validated structural index ("tape") of one JSON text held as UTF-8 bytes: one entry of four ints per token
 * (kind and flags, start offset, end offset, index of the next sibling token), built in a single strict pass and
 * without any per-token object. Strings are decoded, numbers parsed and containers serialised only when asked.
 *
 * <p>Token {@code 0} is the root value. An object's tokens are its key tokens ({@link #KEY}) each followed by the
 * value's tokens; an array's tokens are its elements. For strings and keys {@code start..end} is the content
 * between the quotes; for containers it spans the brackets; for other scalars it is the literal as written.
 *
 * <p>Strict RFC 8259: no comments, no trailing commas, no leading zeros, no control characters in strings, nothing
 * after the value but whitespace. Invalid UTF-8 is not rejected: it decodes with replacement characters. A backslash-u
 * escape of a lone surrogate is kept as that UTF-16 unit. Duplicate keys are kept; lookups find the first.
 */
public final class JsonTape {
    private boolean dottedRootKey;

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Token kinds (the low four bits of {@link #flags}). */
    public static final int OBJECT = 1, ARRAY = 2, STRING = 3, NUMBER = 4, TRUE = 5, FALSE = 6, NULL = 7, KEY = 8;

    /** Flag: a string or key holds backslash escapes. */
    public static final int ESCAPED = 0x10;
    /** Flag: a container holds insignificant whitespace (its raw bytes are not compact JSON). */
    public static final int SPACED = 0x20;

    /** The default nesting limit. */
    public static final int DEFAULT_MAX_DEPTH = 128;

    private static final int KIND_MASK = 0xF;

    private final byte[] buf;
    private final int from;
    private final int to;
    private final int maxDepth;
    private int[] tape;
    private int count;
    private int pos;
    private int spaces;

    private JsonTape(byte[] buf, int from, int to, int maxDepth) {
        this.buf = buf;
        this.from = from;
        this.to = to;
        this.maxDepth = maxDepth;
        this.tape = new int[Math.max(64, ((to - from) >> 4) + 16) * 4];
    }

    /** Indexes {@code buf[offset, offset+length)}; throws {@link MalformedRecordException} when it is not JSON. */
    public static JsonTape parse(byte[] buf, int offset, int length, int maxDepth) {
        JsonTape t = new JsonTape(buf, offset, offset + length, maxDepth);
        t.pos = offset;
        t.skipSpace();
        if (t.pos >= t.to) {
            throw new MalformedRecordException("empty record", -1);
        }
        t.value(0);
        t.skipSpace();
        if (t.pos < t.to) {
            throw t.fail("unexpected content after the JSON value");
        }
        return t;
    }

    /** Indexes a whole array with the default depth limit. */
    public static JsonTape parse(byte[] buf) {
        return parse(buf, 0, buf.length, DEFAULT_MAX_DEPTH);
    }

    /** The bytes indexed. */
    public byte[] bytes() {
        return buf;
    }

    /** The number of tokens. */
    public int count() {
        return count;
    }

    /** Kind and flags of token {@code i}. */
    public int flags(int i) {
        return tape[i << 2];
    }

    /** Kind of token {@code i}. */
    public int kind(int i) {
        return tape[i << 2] & KIND_MASK;
    }

    /** Start offset of token {@code i} in {@link #bytes()}. */
    public int start(int i) {
        return tape[(i << 2) + 1];
    }

    /** End offset (exclusive) of token {@code i}. */
    public int end(int i) {
        return tape[(i << 2) + 2];
    }

    /** The token after token {@code i} and, for a container, everything inside it. */
    public int next(int i) {
        return tape[(i << 2) + 3];
    }

    /** The value token of key {@code key} in object token {@code object} (first occurrence), or -1. */
    public int find(int object, String key) {
        int end = next(object);
        for (int k = object + 1; k < end; k = next(k + 1)) {
            if (keyEquals(k, key)) {
                return k + 1;
            }
        }
        return -1;
    }

    /** Whether a key of the top-level object contains a dot (or an escape that might spell one). */
    public boolean hasDottedRootKey() {
        return dottedRootKey;
    }

    /** Whether the raw bytes of string or key token {@code k} contain the ASCII byte {@code b} (escapes unresolved). */
    public boolean keyContains(int k, byte b) {
        int base = k << 2;
        for (int p = tape[base + 1], end = tape[base + 2]; p < end; p++) {
            if (buf[p] == b) {
                return true;
            }
        }
        return (tape[base] & ESCAPED) != 0; // an escape could spell the byte: assume it does
    }

    /** Whether string or key token {@code k} decodes to {@code s}. */
    public boolean keyEquals(int k, String s) {
        int base = k << 2;
        int start = tape[base + 1];
        int len = tape[base + 2] - start;
        int n = s.length();
        if (len < n) {
            return false; // UTF-8 never has fewer bytes than UTF-16 units, and escapes are longer still
        }
        if ((tape[base] & ESCAPED) != 0) {
            return string(k).equals(s);
        }
        for (int j = 0; j < n; j++) {
            char c = s.charAt(j);
            if (c >= 0x80) {
                return string(k).equals(s);
            }
            if (buf[start + j] != c) {
                return false;
            }
        }
        return len == n;
    }

    /** Decodes string or key token {@code i}. */
    public String string(int i) {
        int base = i << 2;
        int start = tape[base + 1];
        int end = tape[base + 2];
        if ((tape[base] & ESCAPED) == 0) {
            return new String(buf, start, end - start, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(end - start);
        int run = start;
        int p = start;
        while (p < end) {
            if (buf[p] != '\\') {
                p++;
                continue;
            }
            if (p > run) {
                sb.append(new String(buf, run, p - run, StandardCharsets.UTF_8));
            }
            byte e = buf[p + 1];
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' ->
                    sb.append((char) ((hex(buf[p + 2]) << 12)
                            | (hex(buf[p + 3]) << 8)
                            | (hex(buf[p + 4]) << 4)
                            | hex(buf[p + 5])));
                default -> sb.append((char) e);
            }
            p += e == 'u' ? 6 : 2;
            run = p;
        }
        if (end > run) {
            sb.append(new String(buf, run, end - run, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** The literal text of a number, {@code true}, {@code false} or {@code null} token. */
    public String literal(int i) {
        return new String(buf, start(i), end(i) - start(i), StandardCharsets.ISO_8859_1);
    }

    /** The numeric value of number token {@code i}. */
    public double number(int i) {
        int start = start(i);
        int end = end(i);
        int p = start;
        boolean negative = buf[p] == '-';
        if (negative) {
            p++;
        }
        if (end - p <= 15) {
            long v = 0;
            for (; p < end; p++) {
                int d = buf[p] - '0';
                if (d < 0 || d > 9) {
                    return Double.parseDouble(literal(i));
                }
                v = v * 10 + d;
            }
            return negative ? -(double) v : (double) v;
        }
        return Double.parseDouble(literal(i));
    }

    /** Compact JSON text of token {@code i}: the raw bytes when they hold no insignificant whitespace. */
    public String json(int i) {
        int flags = flags(i);
        int kind = flags & KIND_MASK;
        if (kind == STRING || kind == KEY) {
            return new String(buf, start(i) - 1, end(i) - start(i) + 2, StandardCharsets.UTF_8);
        }
        if ((flags & SPACED) == 0) {
            return new String(buf, start(i), end(i) - start(i), StandardCharsets.UTF_8);
        }
        int end = end(i);
        byte[] out = new byte[end - start(i)];
        int n = 0;
        boolean inString = false;
        for (int p = start(i); p < end; p++) {
            byte b = buf[p];
            if (inString) {
                out[n++] = b;
                if (b == '\\') {
                    out[n++] = buf[++p];
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
                out[n++] = b;
            } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                out[n++] = b;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b <= '9') {
            return b - '0';
        }
        return (b | 0x20) - 'a' + 10;
    }

    // ---- scanning ----

    private int add(int flags, int start) {
        if ((count << 2) == tape.length) {
            tape = java.util.Arrays.copyOf(tape, tape.length * 2);
        }
        int i = count++;
        int base = i << 2;
        tape[base] = flags;
        tape[base + 1] = start;
        tape[base + 3] = i + 1;
        return i;
    }

    private void close(int i, int end) {
        tape[(i << 2) + 2] = end;
    }

    private void skipSpace() {
        int p = pos;
        while (p < to) {
            byte b = buf[p];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
            p++;
        }
        if (p != pos) {
            spaces++;
            pos = p;
        }
    }

    private MalformedRecordException fail(String reason) {
        return new MalformedRecordException(reason, pos - from);
    }

    private byte peek(String expected) {
        if (pos >= to) {
            throw fail("unexpected end of input, expected " + expected);
        }
        return buf[pos];
    }

    private void value(int depth) {
        byte b = peek("a value");
        switch (b) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> scanString(STRING);
            case 't' -> literal("true", TRUE);
            case 'f' -> literal("false", FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (b == '-' || (b >= '0' && b <= '9')) {
                    number();
                } else {
                    throw fail("unexpected character " + describe(b));
                }
            }
        }
    }

    private void object(int depth) {
        if (depth > maxDepth) {
            throw fail("nesting deeper than " + maxDepth);
        }
        int t = add(OBJECT, pos);
        int spacesBefore = spaces;
        pos++;
        skipSpace();
        if (peek("a key or '}'") != '}') {
            while (true) {
                if (peek("a key") != '"') {
                    throw fail("expected a key string, found " + describe(buf[pos]));
                }
                scanString(KEY);
                if (depth == 1 && !dottedRootKey) {
                    dottedRootKey = keyContains(count - 1, (byte) '.');
                }
                skipSpace();
                if (peek("':'") != ':') {
                    throw fail("expected ':' after a key, found " + describe(buf[pos]));
                }
                pos++;
                skipSpace();
                value(depth);
                skipSpace();
                byte b = peek("',' or '}'");
                if (b == '}') {
                    break;
                }
                if (b != ',') {
                    throw fail("expected ',' or '}', found " + describe(b));
                }
                pos++;
                skipSpace();
            }
        }
        pos++;
        finish(t, spacesBefore);
    }

    private void array(int depth) {
        if (depth > maxDepth) {
            throw fail("nesting deeper than " + maxDepth);
        }
        int t = add(ARRAY, pos);
        int spacesBefore = spaces;
        pos++;
        skipSpace();
        if (peek("a value or ']'") != ']') {
            while (true) {
                value(depth);
                skipSpace();
                byte b = peek("',' or ']'");
                if (b == ']') {
                    break;
                }
                if (b != ',') {
                    throw fail("expected ',' or ']', found " + describe(b));
                }
                pos++;
                skipSpace();
            }
        }
        pos++;
        finish(t, spacesBefore);
    }

    private void finish(int t, int spacesBefore) {
        int base = t << 2;
        if (spaces != spacesBefore) {
            tape[base] |= SPACED;
        }
        tape[base + 2] = pos;
        tape[base + 3] = count;
    }

    private void scanString(int kind) {
        int start = pos + 1;
        int flags = kind;
        int p = start;
        byte[] b = buf;
        int limit = to;
        while (true) {
            while (p + 8 <= limit && !maybeSpecial((long) LONGS.get(b, p))) {
                p += 8;
            }
            if (p >= limit) {
                pos = p;
                throw fail("unterminated string");
            }
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                flags |= ESCAPED;
                if (p + 1 >= limit) {
                    pos = p;
                    throw fail("unterminated string");
                }
                byte e = b[p + 1];
                if (e == 'u') {
                    if (p + 6 > limit || !isHex(b[p + 2]) || !isHex(b[p + 3]) || !isHex(b[p + 4]) || !isHex(b[p + 5])) {
                        pos = p;
                        throw fail("invalid \\" + "u escape");
                    }
                    p += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                        || e == 't') {
                    p += 2;
                } else {
                    pos = p;
                    throw fail("invalid escape \\" + (char) (e & 0xFF));
                }
                continue;
            }
            if (c >= 0 && c < 0x20) {
                pos = p;
                throw fail("control character in a string");
            }
            p++;
        }
        int t = add(flags, start);
        close(t, p);
        pos = p + 1;
    }

    /**
     * Whether any of the eight bytes in {@code w} may be a quote, a backslash or a control character (SWAR: a byte
     * equal to 0 after the XOR, or below 0x20, sets its high bit; false alarms only send the scan to the byte loop).
     */
    private static boolean maybeSpecial(long w) {
        long q = w ^ 0x2222222222222222L;
        long s = w ^ 0x5C5C5C5C5C5C5C5CL;
        long found =
                ((q - 0x0101010101010101L) & ~q) | ((s - 0x0101010101010101L) & ~s) | ((w - 0x2020202020202020L) & ~w);
        return (found & 0x8080808080808080L) != 0;
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private void literal(String word, int kind) {
        int n = word.length();
        if (to - pos < n) {
            throw fail("invalid literal");
        }
        for (int j = 1; j < n; j++) {
            if (buf[pos + j] != word.charAt(j)) {
                throw fail("invalid literal");
            }
        }
        int t = add(kind, pos);
        pos += n;
        close(t, pos);
    }

    private void number() {
        int start = pos;
        int p = pos;
        if (buf[p] == '-') {
            p++;
        }
        if (p >= to || buf[p] < '0' || buf[p] > '9') {
            pos = p;
            throw fail("invalid number");
        }
        if (buf[p] == '0') {
            p++;
        } else {
            p = digits(p);
        }
        if (p < to && buf[p] == '.') {
            p++;
            int q = digits(p);
            if (q == p) {
                pos = p;
                throw fail("invalid number: no digit after '.'");
            }
            p = q;
        }
        if (p < to && (buf[p] == 'e' || buf[p] == 'E')) {
            p++;
            if (p < to && (buf[p] == '+' || buf[p] == '-')) {
                p++;
            }
            int q = digits(p);
            if (q == p) {
                pos = p;
                throw fail("invalid number: no digit in the exponent");
            }
            p = q;
        }
        int t = add(NUMBER, start);
        close(t, p);
        pos = p;
    }

    private int digits(int p) {
        while (p < to && buf[p] >= '0' && buf[p] <= '9') {
            p++;
        }
        return p;
    }

    private static String describe(byte b) {
        int c = b & 0xFF;
        return c >= 0x21 && c < 0x7F ? "'" + (char) c + "'" : String.format("0x%02X", c);
    }
}
