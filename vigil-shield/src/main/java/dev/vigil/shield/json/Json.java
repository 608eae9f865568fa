package dev.vigil.shield.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, bounded JSON reader and writer over plain Java values: {@link Map} (insertion-ordered), {@link List},
 * {@link String}, {@link Long}, {@link BigInteger}, {@link BigDecimal}, {@link Boolean} and {@code null}.
 *
 * <p>The Shield reads every event with this instead of a data-binding mapper: it loads a handful of jackson-core
 * classes, and it refuses hostile shapes (nesting deeper than {@link #MAX_DEPTH}, strings over
 * {@link #MAX_STRING}) with a {@link JsonException} instead of exhausting the stack or the heap.
 */
public final class Json {

    /** Deepest nesting accepted. Real Lambda events nest fewer than 10 levels. */
    public static final int MAX_DEPTH = 128;

    /** Longest string accepted, in characters (Lambda's largest synchronous payload is 6 MB). */
    public static final int MAX_STRING = 8 * 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(1000)
                    .build())
            .build();

    private Json() {}

    /** Parses one JSON document. */
    public static Object parse(byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return parseDocument(p);
        } catch (IOException | RuntimeException e) {
            throw new JsonException("invalid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** Parses one JSON document. */
    public static Object parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return parseDocument(p);
        } catch (IOException | RuntimeException e) {
            throw new JsonException("invalid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static Object parseDocument(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonException("invalid JSON: empty document");
        }
        Object value = read(p, t, 0);
        if (p.nextToken() != null) {
            throw new JsonException("invalid JSON: trailing content after the document");
        }
        return value;
    }

    private static Object read(JsonParser p, JsonToken t, int depth) throws IOException {
        switch (t) {
            case START_OBJECT: {
                if (depth >= MAX_DEPTH) {
                    throw new JsonException("invalid JSON: nesting deeper than " + MAX_DEPTH);
                }
                Map<String, Object> map = new LinkedHashMap<>();
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken(), depth + 1));
                }
                if (n != JsonToken.END_OBJECT) {
                    throw new JsonException("invalid JSON: unterminated object");
                }
                return map;
            }
            case START_ARRAY: {
                if (depth >= MAX_DEPTH) {
                    throw new JsonException("invalid JSON: nesting deeper than " + MAX_DEPTH);
                }
                List<Object> list = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (n == null) {
                        throw new JsonException("invalid JSON: unterminated array");
                    }
                    list.add(read(p, n, depth + 1));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                    case LONG:
                        return p.getLongValue();
                    default:
                        return p.getBigIntegerValue();
                }
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonException("invalid JSON: unexpected " + t);
        }
    }

    /** Writes a value made of the types this class reads (other objects are written as their {@code toString()}). */
    public static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@link #write(Object)} as a string. */
    public static String writeString(Object value) {
        return new String(write(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator g, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new JsonException("cannot write JSON nested deeper than " + MAX_DEPTH);
        }
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue(), depth + 1);
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o, depth + 1);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger bi) {
            g.writeNumber(bi);
        } else if (v instanceof BigDecimal bd) {
            g.writeNumber(bd);
        } else if (v instanceof Double || v instanceof Float) {
            g.writeNumber(((Number) v).doubleValue());
        } else {
            g.writeString(v.toString());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
