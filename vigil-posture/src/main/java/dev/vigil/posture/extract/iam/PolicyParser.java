package dev.vigil.posture.extract.iam;

import dev.vigil.posture.model.PolicyDocument;
import dev.vigil.posture.model.Principal;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Intrinsic;
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
 * Reads IAM policy documents into {@link PolicyDocument}: string-or-list fields become lists, {@code Fn::If} branches
 * are both kept, and a document written as a JSON string (as CloudFormation allows) is parsed, its locations pinned
 * to the string.
 */
public final class PolicyParser {
    private static final SourceLimits STRING_LIMITS = new SourceLimits(1024 * 1024, 64, 100_000, 0);
    private final Resolver resolver;

    /** A parser resolving values through {@code resolver} (may be null for standalone files). */
    public PolicyParser(Resolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The document held by {@code node}, or null when it is not a policy.
     *
     * @param name policy name, or null
     * @param at where the document is written (its key)
     */
    public PolicyDocument document(String name, Node node, Location at) {
        if (node == null) {
            return null;
        }
        boolean any = false;
        List<Statement> statements = new ArrayList<>();
        // A whole document behind Fn::If contributes every branch: a check must see the branch that opens access.
        for (Node alt : alternatives(node)) {
            Node doc = alt;
            if (alt instanceof ScalarNode s && s.text() != null) {
                doc = parseJsonString(s.text(), s.location());
            }
            if (!(doc instanceof MapNode m)) {
                continue;
            }
            any = true;
            for (Node n : items(m.get("Statement"))) {
                if (n instanceof MapNode sm) {
                    statements.add(statement(sm));
                }
            }
        }
        return any ? new PolicyDocument(name, statements, at) : null;
    }

    private static Node parseJsonString(String text, Location at) {
        String t = text.trim();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            Node parsed = new JsonReader(STRING_LIMITS).read(at.file(), t);
            return Relocate.at(parsed, at, 0);
        } catch (SourceException | RuntimeException e) {
            return null;
        }
    }

    private Statement statement(MapNode m) {
        String sid = text(m.get("Sid"));
        String effect = text(m.get("Effect"));
        boolean allow = effect == null || !effect.trim().equalsIgnoreCase("Deny");
        Location actionAt = m.has("Action")
                ? m.keyLocation("Action")
                : m.has("NotAction") ? m.keyLocation("NotAction") : m.location();
        Location resourceAt = m.has("Resource")
                ? m.keyLocation("Resource")
                : m.has("NotResource") ? m.keyLocation("NotResource") : m.location();
        return new Statement(
                sid,
                allow,
                values(m.get("Action")),
                values(m.get("NotAction")),
                values(m.get("Resource")),
                values(m.get("NotResource")),
                principal(m.get("Principal")),
                principal(m.get("NotPrincipal")),
                m.get("Condition") instanceof MapNode c && c.size() > 0 ? c : null,
                m.location(),
                actionAt,
                resourceAt);
    }

    /**
     * {@code "*"} is the wildcard; a map gives values per type; any other value (an account id, an ARN, a list of
     * them, a reference) is an {@code AWS} principal.
     */
    private Principal principal(Node node) {
        if (node == null || node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
            return null;
        }
        String t = text(node);
        if (t != null) {
            return t.trim().equals("*")
                    ? new Principal(true, Map.of())
                    : new Principal(false, Map.of("AWS", List.of(Value.of(node, resolver))));
        }
        Map<String, List<Value>> byType = new LinkedHashMap<>();
        if (node instanceof MapNode m && !Intrinsic.isIntrinsic(m)) {
            for (MapNode.Entry e : m.entries()) {
                byType.put(e.key(), values(e.value()));
            }
        } else {
            byType.put("AWS", values(node));
        }
        return new Principal(false, byType);
    }

    /** The values of a string-or-list field, both branches of {@code Fn::If} included; empty when absent. */
    public List<Value> values(Node node) {
        List<Value> out = new ArrayList<>();
        for (Node n : items(node)) {
            out.add(Value.of(n, resolver));
        }
        return out;
    }

    /** The items of a node that may be one value or a list (each possibly under {@code Fn::If}). */
    public List<Node> items(Node node) {
        List<Node> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (Node alt : alternatives(node)) {
            if (alt instanceof SeqNode s) {
                for (Node item : s.items()) {
                    out.addAll(alternatives(item));
                }
            } else if (!(alt instanceof ScalarNode sc && sc.kind() == ScalarNode.Kind.NULL)) {
                out.add(alt);
            }
        }
        return out;
    }

    private List<Node> alternatives(Node node) {
        return resolver == null ? List.of(node) : resolver.alternatives(node);
    }

    private String text(Node node) {
        if (node == null) {
            return null;
        }
        return resolver == null ? node.text() : resolver.text(node);
    }
}
