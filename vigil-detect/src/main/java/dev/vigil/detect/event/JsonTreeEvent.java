package dev.vigil.detect.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An {@link Event} over a Jackson tree: simple and obviously right, used by tests, by rule fixtures and as the
 * reference that faster implementations are checked against. Not the hot path.
 */
public final class JsonTreeEvent implements Event {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode root;
    private final LogSource logSource;
    private final EventOrigin origin;

    /** An event over {@code root}. */
    public JsonTreeEvent(JsonNode root, LogSource logSource, EventOrigin origin) {
        this.root = Objects.requireNonNull(root, "root");
        this.logSource = Objects.requireNonNull(logSource, "logSource");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** Parses one JSON document; throws {@link IllegalArgumentException} when it is not JSON. */
    public static JsonTreeEvent parse(String json, LogSource logSource) {
        try {
            return new JsonTreeEvent(MAPPER.readTree(json), logSource, EventOrigin.NONE);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** The tree. */
    public JsonNode root() {
        return root;
    }

    @Override
    public LogSource logSource() {
        return logSource;
    }

    @Override
    public EventOrigin origin() {
        return origin;
    }

    @Override
    public boolean anyValue(FieldPath path, Predicate<? super FieldValue> test) {
        if (path.dotted() && root.isObject()) {
            JsonNode literal = root.get(path.name());
            if (literal != null) {
                return testEnd(literal, test);
            }
        }
        return walk(root, path, 0, test);
    }

    private boolean walk(JsonNode node, FieldPath path, int i, Predicate<? super FieldValue> test) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (walk(element, path, i, test)) {
                    return true;
                }
            }
            return false;
        }
        if (!node.isObject()) {
            return false;
        }
        JsonNode child = node.get(path.segment(i));
        if (child == null) {
            return false;
        }
        if (i == path.size() - 1) {
            return testEnd(child, test);
        }
        return walk(child, path, i + 1, test);
    }

    private static boolean testEnd(JsonNode node, Predicate<? super FieldValue> test) {
        if (test.test(new NodeValue(node))) {
            return true;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (test.test(new NodeValue(element))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean exists(FieldPath path) {
        return anyValue(path, v -> true);
    }

    @Override
    public boolean anyLeaf(Predicate<? super FieldValue> test) {
        return anyLeaf(root, test);
    }

    private static boolean anyLeaf(JsonNode node, Predicate<? super FieldValue> test) {
        if (node.isContainerNode()) {
            Iterator<JsonNode> it = node.elements();
            while (it.hasNext()) {
                if (anyLeaf(it.next(), test)) {
                    return true;
                }
            }
            return false;
        }
        return !node.isNull() && test.test(new NodeValue(node));
    }

    @Override
    public String json() {
        return compact(root);
    }

    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@link FieldValue} over one tree node. */
    private static final class NodeValue implements FieldValue {
        private final JsonNode node;
        private String text;
        private String lower;

        NodeValue(JsonNode node) {
            this.node = node;
        }

        @Override
        public Kind kind() {
            switch (node.getNodeType()) {
                case STRING:
                case BINARY:
                    return Kind.STRING;
                case NUMBER:
                    return Kind.NUMBER;
                case BOOLEAN:
                    return Kind.BOOLEAN;
                case OBJECT:
                case POJO:
                    return Kind.OBJECT;
                case ARRAY:
                    return Kind.ARRAY;
                default:
                    return Kind.NULL;
            }
        }

        @Override
        public String text() {
            if (text == null) {
                text = node.isContainerNode() ? compact(node) : node.isTextual() ? node.textValue() : node.asText();
            }
            return text;
        }

        @Override
        public String lowerText() {
            if (lower == null) {
                lower = Text.lower(text());
            }
            return lower;
        }

        @Override
        public double number() {
            if (node.isNumber()) {
                return node.doubleValue();
            }
            return node.isTextual() ? Text.number(node.textValue()) : Double.NaN;
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
