package dev.vigil.detect.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks that two events resolve paths alike: the same values in the same order (strings, booleans and nulls by text,
 * numbers by value, containers as parsed JSON trees, so Jackson's number formatting does not count), the same {@code
 * exists}, {@code text} and {@code anyLeaf} sequences, and equal {@code json()} trees.
 */
final class EventAgreement {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventAgreement() {}

    static void check(Event fast, Event reference, Iterable<FieldPath> paths) {
        same("json", tree(fast.json()), tree(reference.json()));
        same("anyLeaf", values(fast, null), values(reference, null));
        for (FieldPath path : paths) {
            same("anyValue " + path, values(fast, path), values(reference, path));
            same("exists " + path, fast.exists(path), reference.exists(path));
            same("text " + path, normal(fast.text(path)), normal(reference.text(path)));
        }
    }

    /** Count of values at {@code path}. */
    static int count(Event event, FieldPath path) {
        return values(event, path).size();
    }

    private static void same(String what, Object fast, Object reference) {
        if (!Objects.equals(fast, reference)) {
            throw new AssertionError(what + ": fast " + fast + " but reference " + reference);
        }
    }

    private static List<Object> values(Event event, FieldPath path) {
        List<Object> seen = new ArrayList<>();
        if (path == null) {
            event.anyLeaf(v -> seen.add(comparable(v)) && false);
        } else {
            event.anyValue(path, v -> seen.add(comparable(v)) && false);
        }
        return seen;
    }

    private static Object comparable(FieldValue v) {
        if (!v.lowerText().equals(Text.lower(v.text()))) {
            throw new AssertionError("lowerText of " + v.text() + " is " + v.lowerText());
        }
        return switch (v.kind()) {
            case NUMBER -> List.of(v.kind(), v.number() == 0 ? 0.0 : v.number());
            case OBJECT, ARRAY -> List.of(v.kind(), tree(v.text()));
            default -> List.of(v.kind(), v.text(), String.valueOf(v.number()));
        };
    }

    private static Object normal(String text) {
        if (text == null) {
            return "<null>";
        }
        try {
            JsonNode tree = tree(text);
            return tree.isTextual() ? tree.textValue() : tree;
        } catch (RuntimeException notJson) {
            return text;
        }
    }

    /**
     * Parses JSON text; a number beyond double range becomes the text Jackson writes for it ({@code "Infinity"}),
     * because Jackson serialises such a number as that string.
     */
    static JsonNode tree(String json) {
        try {
            return finite(MAPPER.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode finite(JsonNode node) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            return TextNode.valueOf(Double.toString(node.doubleValue()));
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> e.setValue(finite(e.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, finite(array.get(i)));
            }
        }
        return node;
    }
}
