package dev.vigil.posture.template;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the intrinsic functions whose value is known from the template alone: {@code Ref} to a parameter with a
 * {@code Default} (list parameters such as {@code CommaDelimitedList} split at commas), {@code Fn::Sub} (with or
 * without a variable map) and {@code Fn::Join} over such values, {@code Fn::FindInMap} with literal keys,
 * {@code Fn::Select} over a literal list, a list parameter or {@code Fn::Split}, {@code Fn::If} whose condition is
 * decidable from parameter defaults ({@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or},
 * {@code Condition}). Anything that depends on deployment time (resource attributes, pseudo parameters, imports)
 * stays symbolic.
 *
 * <p>Bounded: nesting stops at a fixed depth, each top-level call has a step budget (a parameter default that fans
 * out into itself cannot make it exponential), condition values are memoised, and {@link #alternatives} returns at
 * most {@link #MAX_ALTERNATIVES} values. Not thread-safe; take one per thread from {@link CfnTemplate#resolver()}.
 */
public final class Resolver {
    private static final int MAX_DEPTH = 16;
    private static final int BUDGET = 10_000;
    private static final int MAX_CONDITION_CHAIN = 64;
    /** The most values {@link #alternatives} returns. */
    public static final int MAX_ALTERNATIVES = 64;

    private final CfnTemplate template;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private int steps;

    Resolver(CfnTemplate template) {
        this.template = template;
    }

    /** The literal text of {@code node}, resolved where possible; null when absent or not knowable. */
    public String text(Node node) {
        steps = 0;
        return text(node, 0);
    }

    /**
     * The items of a list value: a literal sequence, a {@code Ref} to a list parameter's default, {@code Fn::Split}
     * of a resolvable string, or an {@code Fn::If} with a decidable condition; null when not knowable.
     */
    public List<Node> list(Node node) {
        steps = 0;
        return list(node, 0);
    }

    /** The value of the named condition from parameter defaults, or null when it cannot be decided. */
    public Boolean condition(String name) {
        steps = 0;
        return condition(name, 0);
    }

    private boolean spend(int depth) {
        return depth <= MAX_DEPTH && ++steps <= BUDGET;
    }

    private String text(Node node, int depth) {
        if (node == null || !spend(depth)) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            return s.kind() == ScalarNode.Kind.NULL ? null : s.value();
        }
        if (!Intrinsic.isIntrinsic(node)) {
            return null;
        }
        MapNode.Entry fn = ((MapNode) node).entries().get(0);
        Node arg = fn.value();
        switch (fn.key()) {
            case "Ref" -> {
                String name = arg.text();
                if (name == null) {
                    return null;
                }
                MapNode param = template.parameters().map(name);
                return param == null ? null : text(param.get("Default"), depth + 1);
            }
            case "Fn::Sub" -> {
                String pattern = arg instanceof SeqNode s && s.size() > 0
                        ? s.items().get(0).text()
                        : arg.text();
                if (pattern == null) {
                    return null;
                }
                MapNode vars = arg instanceof SeqNode s && s.size() > 1
                        ? s.items().get(1).asMap()
                        : null;
                return substitute(pattern, vars, depth);
            }
            case "Fn::Join" -> {
                SeqNode a = arg.asSeq();
                if (a == null || a.size() != 2) {
                    return null;
                }
                String sep = a.items().get(0).text();
                List<Node> parts = list(a.items().get(1), depth + 1);
                if (sep == null || parts == null) {
                    return null;
                }
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < parts.size(); i++) {
                    String p = text(parts.get(i), depth + 1);
                    if (p == null) {
                        return null;
                    }
                    if (i > 0) {
                        out.append(sep);
                    }
                    out.append(p);
                }
                return out.toString();
            }
            case "Fn::FindInMap" -> {
                SeqNode a = arg.asSeq();
                if (a == null || a.size() < 3) {
                    return null;
                }
                Node found = findInMap(a, depth);
                return found == null ? null : text(found, depth + 1);
            }
            case "Fn::Select" -> {
                Node picked = select(arg, depth);
                return picked == null ? null : text(picked, depth + 1);
            }
            case "Fn::If" -> {
                Node chosen = chosenBranch(arg, depth);
                return chosen == null ? null : text(chosen, depth + 1);
            }
            default -> {
                return null;
            }
        }
    }

    private Node findInMap(SeqNode a, int depth) {
        String m = text(a.items().get(0), depth + 1);
        String k1 = text(a.items().get(1), depth + 1);
        String k2 = text(a.items().get(2), depth + 1);
        if (m == null || k1 == null || k2 == null) {
            return null;
        }
        MapNode map = template.mappings().map(m);
        MapNode inner = map == null ? null : map.map(k1);
        return inner == null ? null : inner.get(k2);
    }

    private Node select(Node arg, int depth) {
        SeqNode a = arg.asSeq();
        if (a == null || a.size() != 2) {
            return null;
        }
        String idx = text(a.items().get(0), depth + 1);
        List<Node> items = list(a.items().get(1), depth + 1);
        if (idx == null || items == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(idx.trim());
            return i >= 0 && i < items.size() ? items.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The branch of an {@code Fn::If} its condition selects, or null when the condition is not decidable. */
    private Node chosenBranch(Node arg, int depth) {
        SeqNode a = arg.asSeq();
        if (a == null || a.size() != 3) {
            return null;
        }
        String name = a.items().get(0).text();
        Boolean value = name == null ? null : condition(name, depth + 1);
        return value == null ? null : a.items().get(value ? 1 : 2);
    }

    private List<Node> list(Node node, int depth) {
        if (node == null || !spend(depth)) {
            return null;
        }
        if (node instanceof SeqNode s) {
            return s.items();
        }
        if (!Intrinsic.isIntrinsic(node)) {
            return null;
        }
        MapNode.Entry fn = ((MapNode) node).entries().get(0);
        Node arg = fn.value();
        switch (fn.key()) {
            case "Ref" -> {
                String name = arg.text();
                MapNode param = name == null ? null : template.parameters().map(name);
                String type = param == null ? null : param.text("Type");
                if (type == null || !(type.equals("CommaDelimitedList") || type.startsWith("List<"))) {
                    return null;
                }
                Node def = param.get("Default");
                if (def instanceof SeqNode s) {
                    return s.items();
                }
                String text = text(def, depth + 1);
                return text == null ? null : split(text, ",", def.location(), true);
            }
            case "Fn::Split" -> {
                SeqNode a = arg.asSeq();
                if (a == null || a.size() != 2) {
                    return null;
                }
                String delimiter = a.items().get(0).text();
                String source = text(a.items().get(1), depth + 1);
                return delimiter == null || delimiter.isEmpty() || source == null
                        ? null
                        : split(source, delimiter, a.items().get(1).location(), false);
            }
            case "Fn::If" -> {
                Node chosen = chosenBranch(arg, depth);
                return chosen == null ? null : list(chosen, depth + 1);
            }
            case "Fn::FindInMap" -> {
                SeqNode a = arg.asSeq();
                Node found = a == null || a.size() < 3 ? null : findInMap(a, depth);
                return found == null ? null : list(found, depth + 1);
            }
            default -> {
                return null;
            }
        }
    }

    private static List<Node> split(String text, String delimiter, Location at, boolean trim) {
        List<Node> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int i = text.indexOf(delimiter, from);
            String part = i < 0 ? text.substring(from) : text.substring(from, i);
            out.add(new ScalarNode(trim ? part.trim() : part, ScalarNode.Kind.STRING, at));
            if (i < 0) {
                return out;
            }
            from = i + delimiter.length();
        }
    }

    private Boolean condition(String name, int depth) {
        if (conditions.containsKey(name)) {
            return conditions.get(name);
        }
        // Each condition is evaluated once (memoised); only the chain of conditions naming conditions is bounded,
        // so a condition's own expression starts from depth 0.
        if (evaluating.size() >= MAX_CONDITION_CHAIN || !evaluating.add(name)) {
            return null; // too long a chain, or a condition that refers to itself
        }
        Boolean value = conditionValue(template.conditions().get(name), 0);
        evaluating.remove(name);
        conditions.put(name, value);
        return value;
    }

    private Boolean conditionValue(Node node, int depth) {
        if (node == null || !spend(depth)) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            return s.isTrue() ? Boolean.TRUE : s.isFalse() ? Boolean.FALSE : null;
        }
        if (!Intrinsic.isIntrinsic(node)) {
            return null;
        }
        MapNode.Entry fn = ((MapNode) node).entries().get(0);
        Node arg = fn.value();
        switch (fn.key()) {
            case "Condition" -> {
                String name = arg.text();
                return name == null ? null : condition(name, depth + 1);
            }
            case "Fn::Equals" -> {
                SeqNode a = arg.asSeq();
                if (a == null || a.size() != 2) {
                    return null;
                }
                String l = text(a.items().get(0), depth + 1);
                String r = text(a.items().get(1), depth + 1);
                return l == null || r == null ? null : l.equals(r);
            }
            case "Fn::Not" -> {
                SeqNode a = arg.asSeq();
                Boolean v = a == null || a.size() != 1
                        ? null
                        : conditionValue(a.items().get(0), depth + 1);
                return v == null ? null : !v;
            }
            case "Fn::And", "Fn::Or" -> {
                SeqNode a = arg.asSeq();
                if (a == null || a.size() == 0) {
                    return null;
                }
                boolean and = fn.key().equals("Fn::And");
                boolean unknown = false;
                for (Node n : a.items()) {
                    Boolean v = conditionValue(n, depth + 1);
                    if (v == null) {
                        unknown = true;
                    } else if (v != and) {
                        return !and;
                    }
                }
                return unknown ? null : and;
            }
            default -> {
                return null;
            }
        }
    }

    private String substitute(String pattern, MapNode vars, int depth) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int start = pattern.indexOf("${", i);
            if (start < 0) {
                out.append(pattern, i, pattern.length());
                break;
            }
            out.append(pattern, i, start);
            if (start + 2 < pattern.length() && pattern.charAt(start + 2) == '!') {
                out.append("${");
                i = start + 3;
                continue;
            }
            int end = pattern.indexOf('}', start);
            if (end < 0) {
                return null;
            }
            String name = pattern.substring(start + 2, end).trim();
            String value = null;
            if (vars != null && vars.has(name)) {
                value = text(vars.get(name), depth + 1);
            } else if (!name.contains(".") && !name.startsWith("AWS::")) {
                MapNode param = template.parameters().map(name);
                value = param == null ? null : text(param.get("Default"), depth + 1);
            }
            if (value == null) {
                return null;
            }
            out.append(value);
            i = end + 1;
        }
        return out.toString();
    }

    /**
     * The logical id a value points at: {@code Ref X}, {@code Fn::GetAtt [X, …]}, or {@code ${X}}/{@code ${X.Arn}}
     * as the whole of a {@code Fn::Sub}, when X is a resource of the template; null otherwise.
     */
    public String resourceRef(Node node) {
        if (!Intrinsic.isIntrinsic(node)) {
            return null;
        }
        MapNode.Entry fn = ((MapNode) node).entries().get(0);
        String id = null;
        switch (fn.key()) {
            case "Ref" -> id = fn.value().text();
            case "Fn::GetAtt" -> {
                SeqNode s = fn.value().asSeq();
                if (s != null && s.size() > 0) {
                    id = s.items().get(0).text();
                } else if (fn.value().text() != null) {
                    String t = fn.value().text();
                    int dot = t.indexOf('.');
                    id = dot < 0 ? t : t.substring(0, dot);
                }
            }
            case "Fn::Sub" -> {
                Node a = fn.value();
                MapNode vars = a instanceof SeqNode s && s.size() > 1
                        ? s.items().get(1).asMap()
                        : null;
                String t = a instanceof SeqNode s && s.size() > 0
                        ? s.items().get(0).text()
                        : a.text();
                if (t != null && t.startsWith("${") && t.endsWith("}") && t.indexOf("${", 2) < 0) {
                    String inner = t.substring(2, t.length() - 1);
                    int dot = inner.indexOf('.');
                    id = dot < 0 ? inner : inner.substring(0, dot);
                    if (vars != null && vars.has(inner)) {
                        return resourceRef(vars.get(inner));
                    }
                }
            }
            default -> {}
        }
        return id != null && template.resource(id) != null ? id : null;
    }

    /**
     * The possible values of a node under {@code Fn::If}: both branches (recursively), with
     * {@code Ref AWS::NoValue} branches dropped; the node itself otherwise. At most {@link #MAX_ALTERNATIVES}.
     */
    public List<Node> alternatives(Node node) {
        List<Node> out = new ArrayList<>();
        alternatives(node, out, 0);
        return out;
    }

    private void alternatives(Node node, List<Node> out, int depth) {
        if (node == null || out.size() >= MAX_ALTERNATIVES) {
            return;
        }
        if (depth < MAX_DEPTH && node instanceof MapNode m && m.size() == 1 && m.has("Fn::If")) {
            SeqNode a = m.seq("Fn::If");
            if (a != null && a.size() == 3) {
                alternatives(a.items().get(1), out, depth + 1);
                alternatives(a.items().get(2), out, depth + 1);
                return;
            }
        }
        if (isNoValue(node)) {
            return;
        }
        out.add(node);
    }

    /** True for {@code Ref: AWS::NoValue}. */
    public static boolean isNoValue(Node node) {
        return node instanceof MapNode m && m.size() == 1 && "AWS::NoValue".equals(m.text("Ref"));
    }
}
