package dev.vigil.shield.aws.events;

import dev.vigil.shield.inspect.InputSink;
import dev.vigil.shield.inspect.Source;
import java.util.List;
import java.util.Map;

/**
 * Reports every string leaf of a JSON-like tree with its location ({@code body.$.items[2].sku}), and every object key
 * that is not a plain identifier ({@code $where}, {@code __proto__}, {@code a.b}) at the location of its value, with
 * the key itself as the value, so NoSQL-operator and prototype-pollution detectors see it.
 *
 * <p>Strings that are themselves JSON objects or arrays (an SNS envelope inside an SQS body, a JSON document in a
 * DynamoDB string) are opened once more and walked under {@code <location>.$}. One location builder is reused for the
 * whole walk, so each reported value costs one string for its location.
 */
final class JsonWalker {

    /** Deepest level walked; deeper values are skipped (parsed JSON is already bounded by {@code Json.MAX_DEPTH}). */
    static final int MAX_DEPTH = 160;

    /** How many levels of JSON text inside JSON strings are opened. */
    static final int NESTED_JSON_LEVELS = 1;

    private final InputSink sink;
    private final Source source;
    private final int recordIndex;
    private final StringBuilder path;
    private int nestedBudget;

    private JsonWalker(InputSink sink, Source source, int recordIndex, String location) {
        this.sink = sink;
        this.source = source;
        this.recordIndex = recordIndex;
        this.path = new StringBuilder(location.length() + 64).append(location);
        this.nestedBudget = NESTED_JSON_LEVELS;
    }

    /**
     * Walks {@code root} whose own location is {@code location} (for example {@code body.$}; empty for the event
     * root, whose keys then start the locations).
     */
    static void walk(Object root, String location, Source source, int recordIndex, InputSink sink) {
        new JsonWalker(sink, source, recordIndex, location).walk(root, 0);
    }

    /** Reports {@code text} at {@code location}, and walks it under {@code location.$} when it is JSON. */
    static void text(String text, String location, Source source, int recordIndex, InputSink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        sink.accept(location, text, source, recordIndex);
        Object parsed = Decoding.jsonOrNull(text);
        if (parsed != null) {
            JsonWalker walker = new JsonWalker(sink, source, recordIndex, location);
            walker.path.append(".$");
            walker.walk(parsed, 0);
        }
    }

    private void walk(Object node, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof String s) {
            string(s, depth);
        } else if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                int mark = path.length();
                if (mark > 0) {
                    path.append('.');
                }
                Names.appendSegment(path, key);
                if (!Names.isPlain(key)) {
                    sink.accept(path.toString(), key, source, recordIndex);
                }
                walk(e.getValue(), depth + 1);
                path.setLength(mark);
            }
        } else if (node instanceof List<?> list) {
            int n = list.size();
            for (int i = 0; i < n; i++) {
                int mark = path.length();
                path.append('[').append(i).append(']');
                walk(list.get(i), depth + 1);
                path.setLength(mark);
            }
        }
    }

    private void string(String s, int depth) {
        if (s.isEmpty()) {
            return;
        }
        sink.accept(path.toString(), s, source, recordIndex);
        if (nestedBudget > 0) {
            Object parsed = Decoding.jsonOrNull(s);
            if (parsed != null) {
                int mark = path.length();
                path.append(".$");
                nestedBudget--;
                walk(parsed, depth + 1);
                nestedBudget++;
                path.setLength(mark);
            }
        }
    }
}
