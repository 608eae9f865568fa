package dev.vigil.shield.aws.events;

import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.List;
import java.util.Map;

/**
 * Reads DynamoDB-JSON items ({@code {"note": {"S": "hi"}, "tags": {"L": [{"S": "a"}]}}}) as values: strings
 * ({@code S}, {@code SS}) and binaries ({@code B}, {@code BS}, base64-decoded and read as UTF-8) are reported at
 * {@code <item location>.<attribute>} with {@code .<key>} for maps and {@code [i]} for lists and sets; numbers,
 * booleans and nulls carry no payload and are skipped.
 */
final class DynamoDbJson {

    private DynamoDbJson() {}

    /** Reports every string of {@code item}, an attribute-name-to-AttributeValue map, located under {@code location}. */
    static void item(Object item, String location, Source source, int recordIndex, InputSink sink) {
        if (item instanceof Map<?, ?> map) {
            attributes(map, location, source, recordIndex, sink, 0);
        }
    }

    private static void attributes(
            Map<?, ?> map, String location, Source source, int recordIndex, InputSink sink, int depth) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            String child = Names.child(location, name);
            if (!Names.isPlain(name)) {
                sink.accept(child, name, source, recordIndex);
            }
            value(e.getValue(), child, source, recordIndex, sink, depth + 1);
        }
    }

    private static void value(
            Object attribute, String location, Source source, int recordIndex, InputSink sink, int depth) {
        if (depth > JsonWalker.MAX_DEPTH || !(attribute instanceof Map<?, ?> typed)) {
            return;
        }
        for (Map.Entry<?, ?> e : typed.entrySet()) {
            Object v = e.getValue();
            switch (String.valueOf(e.getKey())) {
                case "S" -> {
                    if (v instanceof String s) {
                        JsonWalker.text(s, location, source, recordIndex, sink);
                    }
                }
                case "B" -> binary(v, location, source, recordIndex, sink);
                case "SS", "BS" -> {
                    if (v instanceof List<?> list) {
                        boolean strings = "SS".equals(e.getKey());
                        for (int i = 0; i < list.size(); i++) {
                            String at = location + '[' + i + ']';
                            if (strings) {
                                if (list.get(i) instanceof String s) {
                                    JsonWalker.text(s, at, source, recordIndex, sink);
                                }
                            } else {
                                binary(list.get(i), at, source, recordIndex, sink);
                            }
                        }
                    }
                }
                case "M" -> {
                    if (v instanceof Map<?, ?> m) {
                        attributes(m, location, source, recordIndex, sink, depth);
                    }
                }
                case "L" -> {
                    if (v instanceof List<?> list) {
                        for (int i = 0; i < list.size(); i++) {
                            value(list.get(i), location + '[' + i + ']', source, recordIndex, sink, depth + 1);
                        }
                    }
                }
                default -> {
                    // N, NS, BOOL, NULL: no text an attacker could shape into a payload
                }
            }
        }
    }

    private static void binary(Object v, String location, Source source, int recordIndex, InputSink sink) {
        if (v instanceof String s && !s.isEmpty()) {
            byte[] bytes = Decoding.base64(s);
            JsonWalker.text(bytes == null ? s : Decoding.utf8(bytes), location, source, recordIndex, sink);
        }
    }
}
