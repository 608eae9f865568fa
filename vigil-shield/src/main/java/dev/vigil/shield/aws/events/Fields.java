package dev.vigil.shield.aws.events;

import java.util.List;
import java.util.Map;

/**
 * Shape-tolerant reads from an event tree. Trees come from JSON ({@code Records}, {@code requestContext}) or from
 * {@link EventTrees#fromObject(Object)} over typed POJOs, whose property names may differ in the case of the first
 * letter; lookups try the exact name first and then the name with its first letter's case flipped.
 */
final class Fields {

    private Fields() {}

    /** The value at {@code key}, tolerating a flipped first-letter case; {@code null} for non-maps. */
    static Object get(Object node, String key) {
        if (!(node instanceof Map<?, ?> map)) {
            return null;
        }
        Object v = map.get(key);
        if (v != null || key.isEmpty()) {
            return v;
        }
        char c = key.charAt(0);
        char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        if (flipped == c) {
            return null;
        }
        return map.get(flipped + key.substring(1));
    }

    /** The map at {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String key) {
        return get(node, key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** The list at {@code key}, or {@code null}. */
    static List<?> list(Object node, String key) {
        return get(node, key) instanceof List<?> l ? l : null;
    }

    /** The string at {@code key}, or {@code null} (numbers and booleans are given as text). */
    static String string(Object node, String key) {
        return text(get(node, key));
    }

    /** A scalar as text: strings as they are, numbers and booleans via {@code toString}; {@code null} otherwise. */
    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }

    /** Whether the value at {@code key} is {@code true} or the text {@code "true"}. */
    static boolean isTrue(Object node, String key) {
        Object v = get(node, key);
        return Boolean.TRUE.equals(v) || (v instanceof String s && s.equalsIgnoreCase("true"));
    }

    /** The first element of the list at {@code key}, or {@code null}. */
    static Object first(Object node, String key) {
        List<?> l = list(node, key);
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    /** Whether the string at {@code key} of the first {@code Records} element equals {@code source}. */
    static boolean firstRecordSource(Map<String, Object> event, String sourceField, String source) {
        return source.equals(string(first(event, "Records"), sourceField));
    }
}
