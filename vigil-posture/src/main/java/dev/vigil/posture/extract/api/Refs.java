package dev.vigil.posture.extract.api;

import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import dev.vigil.posture.template.Resolver;
import java.util.LinkedHashSet;
import java.util.Set;

/** How API resources point at each other: references, names as written, and values, all bounded. */
public final class Refs {
    private static final int MAX_DEPTH = 24;
    private static final int MAX_IDS = 64;

    private final CfnTemplate template;
    private final Resolver resolver;

    /** Reference helpers over {@code template}. */
    public Refs(CfnTemplate template) {
        this.template = template;
        this.resolver = template.resolver();
    }

    public CfnTemplate template() {
        return template;
    }

    public Resolver resolver() {
        return resolver;
    }

    /** The value of {@code node}; null when absent, YAML null or {@code Ref AWS::NoValue}. */
    public Value value(Node node) {
        if (node == null || isNull(node) || Resolver.isNoValue(node)) {
            return null;
        }
        return Value.of(node, resolver);
    }

    /** The value of {@code map.key}; null when the map or the key is absent. */
    public Value value(MapNode map, String key) {
        return map == null ? null : value(map.get(key));
    }

    /** True for a YAML/JSON null. */
    public static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL;
    }

    /**
     * The logical id of the template resource {@code node} points at: a {@code Ref}/{@code GetAtt}/{@code Sub}
     * reference, or a literal string that is the logical id of a resource (templates written by hand sometimes name
     * the resource instead of referring to it); null otherwise.
     */
    public String target(Node node) {
        if (node == null) {
            return null;
        }
        String id = resolver.resourceRef(node);
        if (id != null) {
            return id;
        }
        String t = node.text();
        return t != null && template.resource(t) != null ? t : null;
    }

    /**
     * A key to compare what two resources name: the resource a reference points at, else the literal value, else
     * the name an unresolvable {@code Ref} uses; null when none of these is known.
     */
    public String key(Node node) {
        if (node == null || isNull(node)) {
            return null;
        }
        String id = target(node);
        if (id != null) {
            return id;
        }
        String t = resolver.text(node);
        if (t != null) {
            return t;
        }
        if (node instanceof MapNode m && m.size() == 1 && m.text("Ref") != null) {
            return m.text("Ref");
        }
        return null;
    }

    /**
     * Every template resource referenced anywhere inside {@code node}: {@code Ref}, {@code Fn::GetAtt}, and
     * {@code ${X}}/{@code ${X.Attr}} in {@code Fn::Sub} patterns, through nested functions, in order of appearance.
     */
    public Set<String> referenced(Node node) {
        Set<String> out = new LinkedHashSet<>();
        collect(node, out, 0);
        return out;
    }

    private void collect(Node node, Set<String> out, int depth) {
        if (node == null || depth > MAX_DEPTH || out.size() >= MAX_IDS) {
            return;
        }
        if (node instanceof SeqNode s) {
            for (Node n : s.items()) {
                collect(n, out, depth + 1);
            }
            return;
        }
        if (!(node instanceof MapNode m)) {
            return;
        }
        if (Intrinsic.isIntrinsic(node)) {
            MapNode.Entry fn = m.entries().get(0);
            String direct = resolver.resourceRef(node);
            if (direct != null) {
                out.add(direct);
            }
            if (fn.key().equals("Fn::Sub")) {
                Node arg = fn.value();
                String pattern = arg instanceof SeqNode s && s.size() > 0
                        ? s.items().get(0).text()
                        : arg.text();
                subRefs(pattern, out);
                if (arg instanceof SeqNode s && s.size() > 1) {
                    collect(s.items().get(1), out, depth + 1);
                }
                return;
            }
            if (fn.key().equals("Ref") || fn.key().equals("Fn::GetAtt")) {
                return;
            }
        }
        for (MapNode.Entry e : m.entries()) {
            collect(e.value(), out, depth + 1);
        }
    }

    private void subRefs(String pattern, Set<String> out) {
        if (pattern == null) {
            return;
        }
        int i = 0;
        while (out.size() < MAX_IDS) {
            int start = pattern.indexOf("${", i);
            if (start < 0) {
                return;
            }
            int end = pattern.indexOf('}', start);
            if (end < 0) {
                return;
            }
            if (start + 2 < pattern.length() && pattern.charAt(start + 2) != '!') {
                String name = pattern.substring(start + 2, end).trim();
                int dot = name.indexOf('.');
                String id = dot < 0 ? name : name.substring(0, dot);
                if (template.resource(id) != null) {
                    out.add(id);
                }
            }
            i = end + 1;
        }
    }

    /**
     * The text of a string-valued node as far as it is known: the resolved literal, else the {@code Fn::Sub}
     * pattern, else a {@code Fn::Join} with {@code ${…}} for the parts that are not literal; null otherwise.
     */
    public String pattern(Node node) {
        if (node == null) {
            return null;
        }
        String t = resolver.text(node);
        if (t != null) {
            return t;
        }
        if (!(node instanceof MapNode m) || !Intrinsic.isIntrinsic(node)) {
            return null;
        }
        MapNode.Entry fn = m.entries().get(0);
        if (fn.key().equals("Fn::Sub")) {
            Node arg = fn.value();
            return arg instanceof SeqNode s && s.size() > 0 ? s.items().get(0).text() : arg.text();
        }
        if (fn.key().equals("Fn::Join")) {
            SeqNode a = fn.value().asSeq();
            if (a == null || a.size() != 2 || a.items().get(0).text() == null) {
                return null;
            }
            SeqNode parts = a.items().get(1).asSeq();
            if (parts == null) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    b.append(a.items().get(0).text());
                }
                String p = resolver.text(parts.items().get(i));
                b.append(p != null ? p : "${…}");
            }
            return b.toString();
        }
        return null;
    }

    /** The resource with this logical id when it has type {@code type}, else null. */
    public CfnResource resource(String id, String type) {
        if (id == null) {
            return null;
        }
        CfnResource r = template.resource(id);
        return r != null && r.type().equals(type) ? r : null;
    }
}
