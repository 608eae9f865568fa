package dev.vigil.shield.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One pass of {@link Json#parse} over one document: a recursive-descent scanner with an explicit depth bound. */
final class JsonReader {

    private static final int MAX_NUMBER_LENGTH = 1000;
    /** Largest {@code |scale|} of a decimal: beyond it, arithmetic on the value gets slow or huge. */
    private static final int MAX_SCALE = 100_000;

    private final String in;
    private final int end;
    private int pos;
    /** Shared by every string with escapes in this document. */
    private StringBuilder buffer;

    JsonReader(String in, int start) {
        this.in = in;
        this.end = in.length();
        this.pos = start;
    }

    Object document() {
        skipWhitespace();
        if (pos >= end) {
            throw error("empty document");
        }
        Object value = value(0);
        skipWhitespace();
        if (pos < end) {
            throw error("unexpected content after the document");
        }
        return value;
    }

    private Object value(int depth) {
        if (pos >= end) {
            throw error("unexpected end of input, expected a value");
        }
        char c = in.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("expected a value");
        }
    }

    private Map<String, Object> object(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw error("nesting deeper than " + Json.MAX_DEPTH);
        }
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (pos < end && in.charAt(pos) == '}') {
            pos++;
            return map;
        }
        while (true) {
            if (pos >= end || in.charAt(pos) != '"') {
                throw error(pos >= end ? "unexpected end of input, expected a name" : "expected a name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(name, value(depth));
            skipWhitespace();
            if (pos >= end) {
                throw error("unexpected end of input, expected ',' or '}'");
            }
            char c = in.charAt(pos++);
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
            skipWhitespace();
        }
    }

    private List<Object> array(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw error("nesting deeper than " + Json.MAX_DEPTH);
        }
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (pos < end && in.charAt(pos) == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth));
            skipWhitespace();
            if (pos >= end) {
                throw error("unexpected end of input, expected ',' or ']'");
            }
            char c = in.charAt(pos++);
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
            skipWhitespace();
        }
    }

    /** Reads a string starting at its opening quote. */
    private String string() {
        int start = ++pos;
        int i = start;
        while (i < end) {
            char c = in.charAt(i);
            if (c == '"') {
                checkLength(i - start, start);
                pos = i + 1;
                return in.substring(start, i);
            }
            if (c == '\\') {
                return escapedString(start, i);
            }
            if (c < 0x20) {
                pos = i;
                throw error("unescaped control character in string");
            }
            i++;
        }
        pos = end;
        throw error("unterminated string");
    }

    /** The slow path of {@link #string()}, from the first backslash at {@code i}. */
    private String escapedString(int start, int i) {
        StringBuilder b = buffer;
        if (b == null) {
            b = buffer = new StringBuilder(Math.max(64, (i - start) * 2));
        } else {
            b.setLength(0);
        }
        b.append(in, start, i);
        int run = i;
        while (i < end) {
            char c = in.charAt(i);
            if (c == '"') {
                b.append(in, run, i);
                checkLength(b.length(), start);
                pos = i + 1;
                return b.toString();
            }
            if (c < 0x20) {
                pos = i;
                throw error("unescaped control character in string");
            }
            if (c != '\\') {
                i++;
                continue;
            }
            b.append(in, run, i);
            if (b.length() > Json.MAX_STRING) {
                pos = i;
                throw error("string longer than " + Json.MAX_STRING + " characters");
            }
            if (i + 1 >= end) {
                pos = end;
                throw error("unterminated string");
            }
            char e = in.charAt(i + 1);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append(hex4(i + 2));
                    i += 4;
                }
                default -> {
                    pos = i;
                    throw error("invalid escape in string");
                }
            }
            i += 2;
            run = i;
        }
        pos = end;
        throw error("unterminated string");
    }

    private char hex4(int at) {
        if (at + 4 > end) {
            pos = Math.min(at, end);
            throw error("unterminated unicode escape");
        }
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            char c = in.charAt(k);
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                pos = k;
                throw error("invalid hex digit in unicode escape");
            }
            v = (v << 4) | d;
        }
        return (char) v;
    }

    private void checkLength(int length, int start) {
        if (length > Json.MAX_STRING) {
            pos = start;
            throw error("string longer than " + Json.MAX_STRING + " characters");
        }
    }

    private Object number() {
        int start = pos;
        int i = pos;
        boolean negative = in.charAt(i) == '-';
        if (negative) {
            i++;
        }
        if (i >= end) {
            pos = i;
            throw error("unexpected end of input in number");
        }
        char c = in.charAt(i);
        long value = 0;
        int intDigits = 0;
        if (c == '0') {
            i++;
            intDigits = 1;
            if (i < end && isDigit(in.charAt(i))) {
                pos = start;
                throw error("leading zero in number");
            }
        } else if (isDigit(c)) {
            while (i < end && isDigit(c = in.charAt(i))) {
                if (intDigits < 18) {
                    value = value * 10 + (c - '0');
                }
                intDigits++;
                i++;
                if (i - start > MAX_NUMBER_LENGTH) {
                    pos = start;
                    throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
                }
            }
        } else {
            pos = i;
            throw error("expected a digit");
        }
        int fractionDigits = 0;
        boolean decimal = false;
        if (i < end && in.charAt(i) == '.') {
            decimal = true;
            i++;
            while (i < end && isDigit(in.charAt(i))) {
                fractionDigits++;
                i++;
                if (i - start > MAX_NUMBER_LENGTH) {
                    pos = start;
                    throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
                }
            }
            if (fractionDigits == 0) {
                pos = i;
                throw error("expected a digit after the decimal point");
            }
        }
        long exponent = 0;
        if (i < end && (in.charAt(i) == 'e' || in.charAt(i) == 'E')) {
            decimal = true;
            i++;
            boolean negativeExponent = false;
            if (i < end && (in.charAt(i) == '+' || in.charAt(i) == '-')) {
                negativeExponent = in.charAt(i) == '-';
                i++;
            }
            int exponentDigits = 0;
            while (i < end && isDigit(c = in.charAt(i))) {
                if (exponent <= MAX_SCALE * 10L) {
                    exponent = exponent * 10 + (c - '0');
                }
                exponentDigits++;
                i++;
                if (i - start > MAX_NUMBER_LENGTH) {
                    pos = start;
                    throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
                }
            }
            if (exponentDigits == 0) {
                pos = i;
                throw error("expected a digit in the exponent");
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        pos = i;
        if (!decimal) {
            if (intDigits <= 18) {
                return negative ? -value : value;
            }
            BigInteger big = new BigInteger(in.substring(start, i));
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        long scale = fractionDigits - exponent;
        if (scale > MAX_SCALE || scale < -MAX_SCALE) {
            pos = start;
            throw error("number exponent out of range");
        }
        return new BigDecimal(in.substring(start, i));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!in.startsWith(word, pos)) {
            throw error("expected a value");
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (pos >= end) {
            throw error("unexpected end of input, expected '" + c + "'");
        }
        if (in.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < end) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private JsonException error(String what) {
        return new JsonException("invalid JSON at offset " + pos + ": " + what);
    }
}
