package dev.vigil.shield.json;

import dev.vigil.core.json.JsonWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict, bounded JSON reader and writer over plain Java values: {@link Map} (a {@link LinkedHashMap} in
 * document order; of duplicate names the last value wins), {@link List} (an {@link ArrayList}), {@link String},
 * {@link Long}, {@link BigInteger}, {@link BigDecimal}, {@link Boolean} and {@code null}.
 *
 * <p>The Shield reads every event with this instead of a JSON library, which would cost the function's cold start
 * tens of milliseconds. The reader follows RFC 8259 strictly (no comments, trailing commas, NaN, leading zeros,
 * unescaped control characters or second top-level value) and refuses hostile shapes (nesting deeper than
 * {@link #MAX_DEPTH}, strings longer than {@link #MAX_STRING}, numbers longer than 1000 characters or with an
 * exponent that would make them huge) with a {@link JsonException} instead of exhausting the stack, heap or CPU.
 *
 * <p>Leniencies, on purpose: bytes that are not valid UTF-8 are decoded as U+FFFD rather than refused (Lambda
 * delivers UTF-8; a stray byte in one field should not blind the Shield to the whole event); a leading byte order
 * mark in {@code byte[]} input is skipped; and a {@code \}{@code u} escape of a lone surrogate is kept as that
 * {@code char}, as JavaScript does.
 */
public final class Json {

    /** Deepest nesting accepted. Real Lambda events nest fewer than 10 levels. */
    public static final int MAX_DEPTH = 128;

    /** Longest string accepted, in characters (Lambda's largest synchronous payload is 6 MB). */
    public static final int MAX_STRING = 8 * 1024 * 1024;

    private Json() {}

    /**
     * Parses one JSON document from UTF-8 bytes.
     *
     * @throws JsonException if the input is not one JSON value or exceeds the bounds; offsets in its message count
     *     UTF-16 characters of the decoded text
     */
    public static Object parse(byte[] json) {
        Object fast = AsciiJsonReader.parse(json);
        if (fast != AsciiJsonReader.FALLBACK) {
            return fast;
        }
        String text = new String(json, StandardCharsets.UTF_8);
        return new JsonReader(text, text.startsWith("\uFEFF") ? 1 : 0).document();
    }

    /**
     * Parses one JSON document.
     *
     * @throws JsonException if the input is not one JSON value or exceeds the bounds
     */
    public static Object parse(String json) {
        Object fast = AsciiJsonReader.parse(json);
        if (fast != AsciiJsonReader.FALLBACK) {
            return fast;
        }
        return new JsonReader(json, 0).document();
    }

    /**
     * Writes a value made of the types this class reads as UTF-8 JSON. Map keys are written as
     * {@code String.valueOf(key)}; {@code Integer}, {@code Short} and {@code Byte} as integers; {@code Double} and
     * {@code Float} as numbers when finite and as the strings {@code "NaN"}, {@code "Infinity"} or
     * {@code "-Infinity"} otherwise; any other object as the string of its {@code toString()}. Besides the escapes
     * JSON requires, {@code <}, {@code >}, {@code &}, U+2028, U+2029 and lone surrogates are escaped.
     *
     * @throws JsonException if the value nests deeper than {@link #MAX_DEPTH} (e.g. a map containing itself)
     */
    public static byte[] write(Object value) {
        return writeString(value).getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #write(Object)} as a string. */
    public static String writeString(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(new JsonWriter(out, MAX_DEPTH + 1), value, 0);
        return out.toString();
    }

    private static void write(JsonWriter w, Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsonException("cannot write JSON nested deeper than " + MAX_DEPTH);
        }
        if (v == null) {
            w.nullValue();
        } else if (v instanceof String s) {
            w.value(s);
        } else if (v instanceof Map<?, ?> m) {
            w.beginObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                w.name(String.valueOf(e.getKey()));
                write(w, e.getValue(), depth + 1);
            }
            w.endObject();
        } else if (v instanceof List<?> l) {
            w.beginArray();
            for (Object o : l) {
                write(w, o, depth + 1);
            }
            w.endArray();
        } else if (v instanceof Boolean b) {
            w.value(b.booleanValue());
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            w.value(((Number) v).longValue());
        } else if (v instanceof BigInteger bi) {
            w.value(bi);
        } else if (v instanceof BigDecimal bd) {
            w.value(bd);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                w.value(d);
            } else {
                w.value(Double.toString(d));
            }
        } else {
            w.value(v.toString());
        }
    }
}
