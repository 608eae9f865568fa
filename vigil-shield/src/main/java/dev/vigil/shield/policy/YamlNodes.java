package dev.vigil.shield.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reads of composed YAML nodes for one policy source, each failing with a {@link PolicyException} that names
 * the line and the dotted key path. A YAML {@code null} (or an empty value) means "not set" to every caller.
 */
final class YamlNodes {

    private static final int MAX_QUOTED = 60;
    private static final int MAX_NUMBER_TEXT = 40;

    private final String source;

    YamlNodes(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** One key of a mapping with its value; {@code value} is {@code null} when the YAML value is null. */
    record Entry(String key, Node keyNode, Node value, String path) {}

    PolicyException error(Node node, String path, String detail) {
        return new PolicyException(source, line(node), path, detail);
    }

    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
    }

    /**
     * The keys of a mapping in file order. Duplicate keys are refused; so are keys not in {@code allowed}, unless
     * {@code allowed} is null.
     */
    Map<String, Entry> mapping(Node node, String path, Collection<String> allowed) {
        if (!(node instanceof MappingNode)) {
            throw error(node, path, "expected a mapping, got " + describe(node));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode)) {
                throw error(keyNode, path, "keys must be plain strings, got " + describe(keyNode));
            }
            String key = ((ScalarNode) keyNode).getValue();
            String keyPath = child(path, key);
            Entry previous = entries.get(key);
            if (previous != null) {
                throw error(
                        keyNode,
                        keyPath,
                        "duplicate key " + quote(key) + " (first defined on line " + line(previous.keyNode()) + ")");
            }
            if (allowed != null && !allowed.contains(key)) {
                throw error(keyNode, keyPath, "unknown key " + quote(key) + suggestion(key, allowed));
            }
            Node value = isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
            entries.put(key, new Entry(key, keyNode, value, keyPath));
        }
        return entries;
    }

    /** The elements of a list. */
    List<Node> list(Node node, String path) {
        if (!(node instanceof SequenceNode)) {
            throw error(node, path, "expected a list, got " + describe(node));
        }
        return ((SequenceNode) node).getValue();
    }

    /** A scalar's text; numbers and booleans are accepted as their text. */
    String string(Node node, String path) {
        if (!(node instanceof ScalarNode) || isNull(node)) {
            throw error(node, path, "expected a string, got " + describe(node));
        }
        return ((ScalarNode) node).getValue();
    }

    /** A non-empty (after trimming) string, trimmed. */
    String nonEmptyString(Node node, String path) {
        String s = string(node, path).strip();
        if (s.isEmpty()) {
            throw error(node, path, "must not be empty");
        }
        return s;
    }

    /** One string or a list of strings; each non-empty, trimmed. */
    List<String> stringList(Node node, String path) {
        if (node instanceof ScalarNode) {
            return List.of(nonEmptyString(node, path));
        }
        if (!(node instanceof SequenceNode)) {
            throw error(node, path, "expected a string or a list of strings, got " + describe(node));
        }
        List<Node> items = ((SequenceNode) node).getValue();
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(nonEmptyString(items.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    boolean bool(Node node, String path) {
        if (node instanceof ScalarNode && !isNull(node)) {
            String s = ((ScalarNode) node).getValue();
            if ("true".equalsIgnoreCase(s)) {
                return true;
            }
            if ("false".equalsIgnoreCase(s)) {
                return false;
            }
        }
        throw error(node, path, "expected a boolean (true or false), got " + describe(node));
    }

    /** A decimal number, or null if the node is not one. */
    static BigDecimal parseDecimal(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_NUMBER_TEXT) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return null;
            }
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    BigDecimal decimal(Node node, String path) {
        BigDecimal value =
                node instanceof ScalarNode && !isNull(node) ? parseDecimal(((ScalarNode) node).getValue()) : null;
        if (value == null) {
            throw error(node, path, "expected a number, got " + describe(node));
        }
        return value;
    }

    /** An integer within {@code [min, max]}. */
    long integer(Node node, String path, long min, long max) {
        BigDecimal value =
                node instanceof ScalarNode && !isNull(node) ? parseDecimal(((ScalarNode) node).getValue()) : null;
        if (value == null || !isIntegral(value)) {
            throw error(node, path, "expected an integer, got " + describe(node));
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw error(
                    node,
                    path,
                    "must be between " + min + " and " + max + ", got "
                            + clean(((ScalarNode) node).getValue().strip(), MAX_QUOTED));
        }
        return value.longValueExact();
    }

    private static boolean isIntegral(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** One of a fixed set of words, case-insensitive; {@code choices} is keyed by the lower-case word. */
    <E> E choice(Node node, String path, String what, Map<String, E> choices) {
        if (!(node instanceof ScalarNode) || isNull(node)) {
            throw error(
                    node,
                    path,
                    "expected " + what + " (one of " + String.join(", ", choices.keySet()) + "), got "
                            + describe(node));
        }
        return choice(((ScalarNode) node).getValue(), what, choices, detail -> error(node, path, detail));
    }

    static <E> E choice(
            String text,
            String what,
            Map<String, E> choices,
            java.util.function.Function<String, PolicyException> fail) {
        E value = choices.get(text.strip().toLowerCase(Locale.ROOT));
        if (value == null) {
            throw fail.apply("unknown " + what + " " + quote(text) + " (expected one of "
                    + String.join(", ", choices.keySet()) + ")");
        }
        return value;
    }

    /** What a node is, for "expected X, got Y" messages. */
    static String describe(Node node) {
        if (node == null || isNull(node)) {
            return "nothing (null)";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return quote(((ScalarNode) node).getValue());
    }

    static String child(String parent, String key) {
        String k = sanitize(key);
        return parent.isEmpty() ? k : parent + "." + k;
    }

    /** User text for a message: single-quoted, control characters escaped, long text cut. */
    static String quote(String text) {
        return "'" + sanitize(text) + "'";
    }

    private static String sanitize(String text) {
        return clean(text, MAX_QUOTED);
    }

    /** Text for a one-line message: control and line-separator characters escaped, cut after {@code max} chars. */
    static String clean(String text, int max) {
        int n = Math.min(text.length(), max);
        StringBuilder sb = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (text.length() > max) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** " (did you mean 'x'?)" for the closest allowed key within two edits, or nothing. */
    static String suggestion(String key, Collection<String> allowed) {
        if (key.length() > 40) {
            return "";
        }
        String lower = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int d = distance(lower, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean " + quote(best) + "?)";
    }

    /** Levenshtein distance, with an adjacent transposition counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
