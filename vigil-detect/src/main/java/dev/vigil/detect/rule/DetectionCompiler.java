package dev.vigil.detect.rule;

import dev.vigil.detect.InvalidRuleException;
import dev.vigil.detect.condition.ConditionCompiler;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.match.DetectionItems;
import dev.vigil.detect.match.EventPredicate;
import dev.vigil.detect.match.MatchOptions;
import dev.vigil.detect.match.Predicates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Compiles a {@code detection} (or meta filter {@code filter}) section: each search identifier becomes a predicate
 * (map = AND of detection items, list of maps = OR, scalar or list of scalars = keyword search) and the condition
 * combines them.
 */
final class DetectionCompiler {
    private final MatchOptions options;
    private final YamlValues values;

    /** The compiled section and the fields its condition reads. */
    record Compiled(EventPredicate predicate, List<FieldPath> fieldsUsed) {}

    DetectionCompiler(MatchOptions options, YamlValues values) {
        this.options = options;
        this.values = values;
    }

    /**
     * Compiles {@code section}; keys in {@code reserved} (besides {@code condition}) are not search identifiers.
     *
     * @param sectionLine the line of the section's key
     * @param what how messages name the section ({@code detection} or {@code filter})
     */
    Compiled compile(YamlMap section, int sectionLine, Set<String> reserved, String what) {
        if (!section.has("condition")) {
            throw new DocumentException(sectionLine, what + " has no condition");
        }
        List<String> conditions = conditions(section.get("condition"), section.line("condition"));
        Map<String, EventPredicate> identifiers = new LinkedHashMap<>();
        Map<String, List<String>> fieldsByIdentifier = new LinkedHashMap<>();
        for (String key : section.keys()) {
            if (key.equals("condition") || reserved.contains(key)) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            identifiers.put(key, identifier(key, section.get(key), section.line(key), fields));
            fieldsByIdentifier.put(key, fields);
        }
        ConditionCompiler compiler = new ConditionCompiler(identifiers);
        EventPredicate predicate;
        try {
            predicate = compiler.compile(conditions);
        } catch (InvalidRuleException e) {
            throw new DocumentException(section.line("condition"), e.getMessage());
        }
        Set<String> fieldNames = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> e : fieldsByIdentifier.entrySet()) {
            if (compiler.used().contains(e.getKey())) {
                fieldNames.addAll(e.getValue());
            }
        }
        List<FieldPath> fields = new ArrayList<>();
        for (String f : fieldNames) {
            fields.add(FieldPath.of(f));
        }
        return new Compiled(predicate, fields);
    }

    private static List<String> conditions(Node node, int line) {
        List<String> out = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                String t = conditionText(n, line);
                out.add(t);
            }
            if (out.isEmpty()) {
                throw new DocumentException(line, "condition is an empty list");
            }
            return out;
        }
        out.add(conditionText(node, line));
        return out;
    }

    private static String conditionText(Node node, int line) {
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            throw new DocumentException(
                    node == null ? line : YamlDocuments.line(node), "condition must be a string or a list of strings");
        }
        return s.getValue();
    }

    private EventPredicate identifier(String name, Node node, int line, List<String> fields) {
        if (node instanceof MappingNode m) {
            return itemMap(name, YamlMap.of(m), fields);
        }
        if (node instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                throw new DocumentException(line, "search identifier '" + name + "' is an empty list");
            }
            boolean maps = seq.getValue().get(0) instanceof MappingNode;
            for (Node n : seq.getValue()) {
                if (maps ? !(n instanceof MappingNode) : !(n instanceof ScalarNode)) {
                    throw new DocumentException(
                            YamlDocuments.line(n),
                            "search identifier '" + name
                                    + "' must be a list of maps or a list of plain values, not a mix or nested lists");
                }
            }
            List<EventPredicate> alternatives = new ArrayList<>();
            List<Object> keywords = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (maps) {
                    alternatives.add(itemMap(name, YamlMap.of((MappingNode) n), fields));
                } else {
                    keywords.add(YamlValues.scalar((ScalarNode) n));
                }
            }
            return maps ? Predicates.or(alternatives) : keywords(name, keywords, line);
        }
        Object value = YamlValues.scalar((ScalarNode) node);
        if (value == null) {
            throw new DocumentException(line, "search identifier '" + name + "' has no value");
        }
        return keywords(name, List.of(value), line);
    }

    private EventPredicate keywords(String name, List<Object> keywords, int line) {
        try {
            return DetectionItems.keywords(keywords, options);
        } catch (InvalidRuleException e) {
            throw new DocumentException(line, "search identifier '" + name + "': " + e.getMessage());
        }
    }

    private EventPredicate itemMap(String name, YamlMap map, List<String> fields) {
        if (map.keys().isEmpty()) {
            throw new DocumentException(map.line(), "search identifier '" + name + "' is an empty map");
        }
        List<EventPredicate> items = new ArrayList<>();
        for (String key : map.keys()) {
            int line = map.line(key);
            Object value;
            try {
                value = values.toJava(map.get(key));
            } catch (DocumentException e) {
                // Aliases make the failing node's own line point at the anchor; the key is what the author wrote.
                throw new DocumentException(line, "in '" + name + "', '" + key + "': " + e.getMessage());
            }
            checkItemValue(name, key, value, line);
            try {
                items.add(DetectionItems.field(key, value, options));
            } catch (InvalidRuleException e) {
                throw new DocumentException(line, "in '" + name + "', '" + key + "': " + e.getMessage());
            }
            int bar = key.indexOf('|');
            String field = bar < 0 ? key : key.substring(0, bar);
            if (!field.isEmpty()) {
                fields.add(field);
            }
        }
        return Predicates.and(items);
    }

    private static void checkItemValue(String name, String key, Object value, int line) {
        if (value instanceof Map) {
            throw new DocumentException(
                    line,
                    "in '" + name + "', '" + key
                            + "': the value must be a plain value or a list of plain values, not a map");
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map || o instanceof List) {
                    throw new DocumentException(
                            line,
                            "in '" + name + "', '" + key + "': the list must hold plain values, not maps or lists");
                }
            }
        }
    }
}
