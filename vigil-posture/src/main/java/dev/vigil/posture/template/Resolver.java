package dev.vigil.posture.template;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the intrinsic functions whose value is known from the template alone: {@code Ref} to a parameter with a
 * {@code Default}, {@code Fn::Sub} and {@code Fn::Join} over such values, {@code Fn::FindInMap} with literal keys,
 * {@code Fn::Select} over a literal list. Anything that depends on deployment time (resource attributes, pseudo
 * parameters, imports) stays symbolic.
 *
 * <p>Bounded: a parameter default that refers to itself, or a deep chain of functions, stops at a fixed depth.
 */
public final class Resolver {
    private static final int MAX_DEPTH = 16;
    private final CfnTemplate template;

    Resolver(CfnTemplate template) {
        this.template = template;
    }

    /** The literal text of {@code node}, resolved where possible; null when absent or not knowable. */
    public String text(Node node) {
        return text(node, 0);
    }

    private String text(Node node, int depth) {
        if (node == null || depth > MAX_DEPTH) {
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
                List<Node> parts = list(a.items().get(1), depth);
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
                String m = text(a.items().get(0), depth + 1);
                String k1 = text(a.items().get(1), depth + 1);
                String k2 = text(a.items().get(2), depth + 1);
                if (m == null || k1 == null || k2 == null) {
                    return null;
                }
                MapNode map = template.mappings().map(m);
                MapNode inner = map == null ? null : map.map(k1);
                return inner == null ? null : text(inner.get(k2), depth + 1);
            }
            case "Fn::Select" -> {
                SeqNode a = arg.asSeq();
                if (a == null || a.size() != 2) {
                    return null;
                }
                String idx = text(a.items().get(0), depth + 1);
                List<Node> items = list(a.items().get(1), depth);
                if (idx == null || items == null) {
                    return null;
                }
                try {
                    int i = Integer.parseInt(idx.trim());
                    return i >= 0 && i < items.size() ? text(items.get(i), depth + 1) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            default -> {
                return null;
            }
        }
    }

    /** A literal list, or a {@code Ref} to a list parameter's default split at commas; null otherwise. */
    private List<Node> list(Node node, int depth) {
        if (node instanceof SeqNode s) {
            return s.items();
        }
        return null;
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
                String t = fn.value().text();
                if (t != null && t.startsWith("${") && t.endsWith("}") && t.indexOf("${", 2) < 0) {
                    String inner = t.substring(2, t.length() - 1);
                    int dot = inner.indexOf('.');
                    id = dot < 0 ? inner : inner.substring(0, dot);
                }
            }
            default -> {}
        }
        return id != null && template.resource(id) != null ? id : null;
    }

    /**
     * The possible values of a node under {@code Fn::If}: both branches (recursively), with
     * {@code Ref AWS::NoValue} branches dropped; the node itself otherwise.
     */
    public List<Node> alternatives(Node node) {
        List<Node> out = new ArrayList<>();
        alternatives(node, out, 0);
        return out;
    }

    private void alternatives(Node node, List<Node> out, int depth) {
        if (node == null) {
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
