package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.PolicyDocument;
import dev.vigil.posture.model.Principal;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.JsonReader;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.source.SourceException;
import dev.vigil.posture.source.SourceLimits;
import dev.vigil.posture.template.Resolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads resource-policy documents into {@link PolicyDocument}s. A small normaliser private to the data extractor
 * until the shared IAM one is merged: single values become one-element lists, {@code Fn::If} contributes every branch
 * (a check must see the branch that opens access), {@code Principal: "*"} is the wildcard.
 */
final class PolicyStatements {
    private PolicyStatements() {}

    /** The document under {@code node} (a map with {@code Statement}, possibly behind {@code Fn::If}), or null. */
    static PolicyDocument document(String name, Node node, Resolver resolver) {
        if (node == null) {
            return null;
        }
        List<Statement> statements = new ArrayList<>();
        for (Node alt : resolver.alternatives(node)) {
            if (alt instanceof ScalarNode text) {
                alt = parseJson(text);
            }
            if (alt instanceof MapNode doc) {
                for (Node st : items(doc.get("Statement"), resolver)) {
                    if (st instanceof MapNode m) {
                        statements.add(statement(m, resolver));
                    }
                }
            }
        }
        return new PolicyDocument(name, statements, node.location());
    }

    /**
     * A policy written as a JSON string, as CloudFormation also accepts; every node is placed at the string, since
     * positions inside it are not positions in the file. Null when the text is not a JSON object.
     */
    private static Node parseJson(ScalarNode text) {
        String t = text.value() == null ? "" : text.value().trim();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            return relocate(
                    new JsonReader(SourceLimits.DEFAULT).read(text.location().file(), t), text.location());
        } catch (SourceException e) {
            return null;
        }
    }

    /** The same tree with every location at {@code at}; the reader's depth limit bounds the recursion. */
    private static Node relocate(Node n, Location at) {
        if (n == null) {
            return null;
        }
        if (n instanceof MapNode m) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (MapNode.Entry e : m.entries()) {
                entries.add(new MapNode.Entry(e.key(), at, relocate(e.value(), at)));
            }
            return new MapNode(entries, at);
        }
        if (n instanceof SeqNode s) {
            List<Node> items = new ArrayList<>();
            for (Node i : s.items()) {
                items.add(relocate(i, at));
            }
            return new SeqNode(items, at);
        }
        ScalarNode sc = (ScalarNode) n;
        return new ScalarNode(sc.value(), sc.kind(), at);
    }

    /** One statement map: the one place that builds {@link Statement}s. */
    private static Statement statement(MapNode m, Resolver resolver) {
        String effect = resolver.text(m.get("Effect"));
        return new Statement(
                m.text("Sid"),
                effect == null || effect.trim().equalsIgnoreCase("Allow"),
                values(m.get("Action"), resolver),
                values(m.get("NotAction"), resolver),
                values(m.get("Resource"), resolver),
                values(m.get("NotResource"), resolver),
                principal(m.get("Principal"), resolver),
                principal(m.get("NotPrincipal"), resolver),
                condition(m.get("Condition")),
                m.location());
    }

    /** {@code "*"} is the wildcard; a map gives values per type; any other scalar is kept under {@code AWS}. */
    static Principal principal(Node node, Resolver resolver) {
        if (node == null || node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
            return null;
        }
        String text = resolver.text(node);
        if (text != null) {
            return text.trim().equals("*")
                    ? new Principal(true, Map.of())
                    : new Principal(false, Map.of("AWS", List.of(Value.literal(text, node.location()))));
        }
        Map<String, List<Value>> byType = new LinkedHashMap<>();
        if (node instanceof MapNode m && !dev.vigil.posture.source.Intrinsic.isIntrinsic(m)) {
            for (MapNode.Entry e : m.entries()) {
                byType.put(e.key(), values(e.value(), resolver));
            }
        } else {
            byType.put("AWS", values(node, resolver));
        }
        return new Principal(false, byType);
    }

    /** A string or list (items behind {@code Fn::If} give both branches) as values. */
    static List<Value> values(Node node, Resolver resolver) {
        List<Value> out = new ArrayList<>();
        for (Node n : items(node, resolver)) {
            for (Node alt : resolver.alternatives(n)) {
                out.add(Value.of(alt, resolver));
            }
        }
        return out;
    }

    private static Node condition(Node n) {
        return n instanceof MapNode m && m.size() > 0 ? m : null;
    }

    /** The items of a list, or the value itself; through {@code Fn::If} branches. */
    private static List<Node> items(Node node, Resolver resolver) {
        List<Node> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (Node alt : resolver.alternatives(node)) {
            if (alt instanceof SeqNode s) {
                out.addAll(s.items());
            } else if (!(alt instanceof ScalarNode sc && sc.kind() == ScalarNode.Kind.NULL)) {
                out.add(alt);
            }
        }
        return out;
    }
}
