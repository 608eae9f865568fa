package dev.vigil.posture.extract.secrets;

import dev.vigil.posture.extract.Extractor;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.SecretCandidate;
import dev.vigil.posture.model.SecretCandidate.Provenance;
import dev.vigil.posture.model.SecretCandidate.Source;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.secrets.SecretDetector;
import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import dev.vigil.posture.template.Resolver;
import java.util.List;
import java.util.Set;

/**
 * Finds the template values that may hold secrets ({@link SecretCandidate}): documented secret properties with how
 * their value is given, credentials in {@code AWS::CloudFormation::Authentication} metadata, parameter defaults, and
 * any other value of resources, outputs and mappings with a token's shape or under a secret-like name. Function
 * environments are left to the function model.
 */
public final class SecretExtractor implements Extractor {
    private static final int MAX_DEPTH = 64;
    private static final Set<String> FUNCTION_TYPES = Set.of("AWS::Lambda::Function", "AWS::Serverless::Function");
    private static final List<String> AUTH_KEYS = List.of("accessKeyId", "secretKey", "password");

    @Override
    public void extract(CfnTemplate template, Deployment.Builder out) {
        Resolver resolver = template.resolver();
        for (CfnResource r : template.resources()) {
            List<String> known = SecretProperties.BY_TYPE.getOrDefault(r.type(), List.of());
            for (String path : known) {
                secretProperty(template, resolver, r, path, out);
            }
            authentication(template, resolver, r, out);
            new Walk(r.logicalId(), r.type(), known, out).node(r.properties(), r.logicalId(), "", r.location(), 0);
        }
        parameters(template, out);
        for (MapNode.Entry e : template.root().entries()) {
            if ((e.key().equals("Outputs") || e.key().equals("Mappings")) && e.value() instanceof MapNode section) {
                String type = e.key().equals("Outputs") ? "Output" : "Mapping";
                for (MapNode.Entry item : section.entries()) {
                    new Walk(item.key(), type, List.of(), out)
                            .node(item.value(), item.key(), "", item.keyLocation(), 0);
                }
            }
        }
    }

    private void secretProperty(CfnTemplate t, Resolver resolver, CfnResource r, String path, Deployment.Builder out) {
        String[] segments = path.split("\\.");
        follow(t, resolver, r, path, r.properties(), segments, 0, r.location(), out);
    }

    private void follow(
            CfnTemplate t,
            Resolver resolver,
            CfnResource r,
            String path,
            Node node,
            String[] segments,
            int i,
            Location at,
            Deployment.Builder out) {
        for (Node alt : resolver.alternatives(node)) {
            if (i == segments.length) {
                String[] param = new String[1];
                Provenance p = provenance(t, resolver, alt, param);
                if (p != null) {
                    String name = segments[segments.length - 1].replace("[]", "");
                    out.add(new SecretCandidate(
                            r.logicalId(),
                            r.type(),
                            path,
                            name,
                            Source.SECRET_PROPERTY,
                            p,
                            param[0],
                            Value.of(alt, resolver),
                            at));
                }
                continue;
            }
            if (!(alt instanceof MapNode m) || Intrinsic.isIntrinsic(m)) {
                continue;
            }
            String seg = segments[i];
            boolean list = seg.endsWith("[]");
            MapNode.Entry e = m.entry(list ? seg.substring(0, seg.length() - 2) : seg);
            if (e == null) {
                continue;
            }
            if (list) {
                for (Node listNode : resolver.alternatives(e.value())) {
                    if (listNode instanceof SeqNode s) {
                        for (Node item : s.items()) {
                            Location itemAt = i + 1 == segments.length ? item.location() : e.keyLocation();
                            follow(t, resolver, r, path, item, segments, i + 1, itemAt, out);
                        }
                    }
                }
            } else {
                follow(t, resolver, r, path, e.value(), segments, i + 1, e.keyLocation(), out);
            }
        }
    }

    /** How a secret property's value is given; null when it is absent, empty or comes from a secret store. */
    static Provenance provenance(CfnTemplate t, Resolver resolver, Node node, String[] param) {
        if (node instanceof ScalarNode s) {
            String text = s.text();
            if (text == null || text.isBlank()) {
                return null;
            }
            return stringProvenance(text.trim());
        }
        if (!Intrinsic.isIntrinsic(node)) {
            return null;
        }
        MapNode.Entry fn = ((MapNode) node).entries().get(0);
        switch (fn.key()) {
            case "Ref" -> {
                String name = fn.value().text();
                if (name == null || name.equals("AWS::NoValue")) {
                    return null;
                }
                MapNode p = t.parameters().map(name);
                if (p == null) {
                    return Provenance.REFERENCE;
                }
                param[0] = name;
                String def = p.text("Default");
                boolean hasDefault = def != null && !def.isBlank();
                if (isTrue(p.get("NoEcho"))) {
                    return hasDefault ? Provenance.NO_ECHO_DEFAULT : null;
                }
                return hasDefault ? Provenance.PARAMETER_DEFAULT : Provenance.PARAMETER_SHOWN;
            }
            case "Fn::Sub" -> {
                Node arg = fn.value();
                String pattern = arg instanceof SeqNode s && s.size() > 0
                        ? s.items().get(0).text()
                        : arg.text();
                if (pattern != null) {
                    Provenance dynamic = dynamicReference(pattern.trim());
                    if (dynamic != null || pattern.trim().startsWith("{{resolve:")) {
                        return dynamic;
                    }
                }
                return resolver.text(node) != null ? Provenance.LITERAL : Provenance.REFERENCE;
            }
            default -> {
                String text = resolver.text(node);
                return text != null && !text.isBlank() ? stringProvenance(text.trim()) : Provenance.REFERENCE;
            }
        }
    }

    private static Provenance stringProvenance(String text) {
        if (text.startsWith("{{resolve:")) {
            return dynamicReference(text);
        }
        if (text.startsWith("${") || (text.startsWith("<") && text.endsWith(">"))) {
            return null;
        }
        return Provenance.LITERAL;
    }

    /** {@code {{resolve:ssm:…}}} is a plain parameter; secretsmanager and ssm-secure are safe. */
    private static Provenance dynamicReference(String text) {
        return text.startsWith("{{resolve:ssm:") ? Provenance.SSM_PLAINTEXT : null;
    }

    private static boolean isTrue(Node n) {
        return n instanceof ScalarNode s && s.isTrue();
    }

    private void authentication(CfnTemplate t, Resolver resolver, CfnResource r, Deployment.Builder out) {
        MapNode metadata = r.raw().map("Metadata");
        MapNode auth = metadata == null ? null : metadata.map("AWS::CloudFormation::Authentication");
        if (auth == null) {
            return;
        }
        for (MapNode.Entry block : auth.entries()) {
            if (!(block.value() instanceof MapNode m)) {
                continue;
            }
            for (String key : AUTH_KEYS) {
                MapNode.Entry e = m.entry(key);
                if (e == null
                        || (e.value() instanceof ScalarNode s
                                && (s.text() == null || s.text().isBlank()))) {
                    continue;
                }
                String[] param = new String[1];
                Provenance p = provenance(t, resolver, e.value(), param);
                out.add(new SecretCandidate(
                        r.logicalId(),
                        r.type(),
                        "Metadata.AWS::CloudFormation::Authentication." + block.key() + "." + key,
                        key,
                        Source.AUTHENTICATION,
                        p == null ? Provenance.REFERENCE : p,
                        param[0],
                        Value.of(e.value(), resolver),
                        e.keyLocation()));
            }
        }
    }

    private void parameters(CfnTemplate t, Deployment.Builder out) {
        for (MapNode.Entry e : t.parameters().entries()) {
            if (!(e.value() instanceof MapNode p)) {
                continue;
            }
            MapNode.Entry def = p.entry("Default");
            String text = def == null ? null : def.value().text();
            if (text == null || text.isBlank()) {
                continue;
            }
            Value v = Value.literal(text, def.value().location());
            if (isTrue(p.get("NoEcho"))) {
                if (stringProvenance(text.trim()) == Provenance.LITERAL) {
                    out.add(new SecretCandidate(
                            e.key(),
                            "Parameter",
                            "Default",
                            e.key(),
                            Source.PARAMETER,
                            Provenance.NO_ECHO_DEFAULT,
                            e.key(),
                            v,
                            def.keyLocation()));
                }
            } else if (!SecretDetector.inTemplateValue(e.key(), text).isEmpty()) {
                out.add(new SecretCandidate(
                        e.key(),
                        "Parameter",
                        "Default",
                        e.key(),
                        Source.PARAMETER,
                        Provenance.LITERAL,
                        e.key(),
                        v,
                        def.keyLocation()));
            }
        }
    }

    /** A bounded walk over one resource's (or output's) values. */
    private static final class Walk {
        private final String subject;
        private final String type;
        private final List<String> skip;
        private final Deployment.Builder out;

        Walk(String subject, String type, List<String> skip, Deployment.Builder out) {
            this.subject = subject;
            this.type = type;
            this.skip = skip;
            this.out = out;
        }

        void node(Node node, String name, String path, Location at, int depth) {
            if (node == null || depth > MAX_DEPTH) {
                return;
            }
            if (node instanceof ScalarNode s) {
                scalar(s, name, path, at);
            } else if (node instanceof SeqNode s) {
                for (Node item : s.items()) {
                    node(item, name, path + "[]", item.location(), depth + 1);
                }
            } else if (node instanceof MapNode m) {
                if (Intrinsic.isIntrinsic(m)) {
                    intrinsic(m.entries().get(0), name, path, at, depth);
                } else {
                    map(m, name, path, depth);
                }
            }
        }

        private void intrinsic(MapNode.Entry fn, String name, String path, Location at, int depth) {
            Node arg = fn.value();
            switch (fn.key()) {
                case "Fn::Sub" -> {
                    if (arg instanceof SeqNode s && s.size() > 0) {
                        node(s.items().get(0), name, path, at, depth + 1);
                        if (s.size() > 1 && s.items().get(1) instanceof MapNode vars) {
                            map(vars, name, path, depth + 1);
                        }
                    } else {
                        node(arg, name, path, at, depth + 1);
                    }
                }
                case "Fn::If" -> {
                    if (arg instanceof SeqNode s && s.size() == 3) {
                        node(s.items().get(1), name, path, at, depth + 1);
                        node(s.items().get(2), name, path, at, depth + 1);
                    }
                }
                case "Fn::Join", "Fn::Select" -> {
                    if (arg instanceof SeqNode s && s.size() == 2) {
                        node(s.items().get(1), name, path, at, depth + 1);
                    }
                }
                case "Fn::Base64", "Fn::ToJsonString" -> node(arg, name, path, at, depth + 1);
                default -> {
                    // Ref, GetAtt, ImportValue, FindInMap, conditions, unresolved serverless variables: references.
                }
            }
        }

        /** @param name the name of the setting this map is the value of (an output's {@code Value} goes by it) */
        private void map(MapNode m, String name, String path, int depth) {
            String pairName = null;
            boolean referenceValue = false;
            if (m.has("Value") || m.has("value")) {
                pairName = firstText(m, "Name", "name", "Key", "key", "ParameterKey");
                String valueType = m.text("Type");
                // CodeBuild-style variables whose Value names a parameter or a secret rather than holding it.
                referenceValue = valueType != null
                        && (valueType.equalsIgnoreCase("PARAMETER_STORE")
                                || valueType.equalsIgnoreCase("SECRETS_MANAGER"));
            }
            for (MapNode.Entry e : m.entries()) {
                if (e.key().equals("ServiceToken")) {
                    continue; // a custom resource's provider ARN, whatever its name says
                }
                String childPath = path.isEmpty() ? e.key() : path + "." + e.key();
                if (skipped(childPath)) {
                    continue;
                }
                boolean isValue = e.key().equals("Value") || e.key().equals("value");
                if (pairName != null && isValue) {
                    if (!referenceValue) {
                        node(e.value(), pairName, childPath, e.keyLocation(), depth + 1);
                    }
                } else if (isValue && name != null) {
                    node(e.value(), name, childPath, e.keyLocation(), depth + 1);
                } else {
                    node(e.value(), e.key(), childPath, e.keyLocation(), depth + 1);
                }
            }
        }

        private boolean skipped(String path) {
            if (FUNCTION_TYPES.contains(type) && (path.equals("Environment") || path.startsWith("Environment."))) {
                return true;
            }
            return skip.contains(path) || skip.contains(path + "[]");
        }

        private void scalar(ScalarNode s, String name, String path, Location at) {
            if (s.kind() == ScalarNode.Kind.BOOL || s.kind() == ScalarNode.Kind.NULL) {
                return;
            }
            String text = s.value();
            if (text == null
                    || text.isEmpty()
                    || SecretDetector.inTemplateValue(name, text).isEmpty()) {
                return;
            }
            out.add(new SecretCandidate(
                    subject,
                    type,
                    path,
                    name,
                    Source.VALUE,
                    Provenance.LITERAL,
                    null,
                    Value.literal(text, s.location()),
                    at));
        }

        private static String firstText(MapNode m, String... keys) {
            for (String k : keys) {
                String t = m.text(k);
                if (t != null) {
                    return t;
                }
            }
            return null;
        }
    }
}
