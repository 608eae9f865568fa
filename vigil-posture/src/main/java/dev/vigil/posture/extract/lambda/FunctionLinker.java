package dev.vigil.posture.extract.lambda;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import dev.vigil.posture.template.Resolver;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds which function of a template a value designates: {@code !Ref Fn}, {@code !GetAtt Fn.Arn}, a reference inside
 * {@code Fn::Sub}/{@code Fn::Join} (e.g. an integration URI), an alias or version of the function, or a literal name
 * or ARN that matches a function's literal {@code FunctionName}.
 */
public final class FunctionLinker {
    /** Bounds the walk into nested intrinsics and alias-to-function hops; templates may be hostile. */
    private static final int MAX_DEPTH = 12;

    static final String FUNCTION = "AWS::Lambda::Function";

    private final CfnTemplate template;
    private final Resolver resolver;
    private final Map<String, String> idByName = new HashMap<>();

    /** A linker over the {@code AWS::Lambda::Function} resources of {@code template}. */
    public FunctionLinker(CfnTemplate template) {
        this.template = template;
        this.resolver = template.resolver();
        for (CfnResource r : template.resources(FUNCTION)) {
            String name = resolver.text(r.property("FunctionName"));
            if (name != null) {
                idByName.putIfAbsent(name, r.logicalId());
            }
        }
    }

    /** The logical id of the function {@code node} designates, or null when it is not a function of this template. */
    public String functionId(Node node) {
        return functionId(node, 0);
    }

    private String functionId(Node node, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return null;
        }
        String ref = resolver.resourceRef(node);
        if (ref != null) {
            CfnResource r = template.resource(ref);
            return switch (r.type()) {
                case FUNCTION -> ref;
                case "AWS::Lambda::Alias", "AWS::Lambda::Version" -> functionId(r.property("FunctionName"), depth + 1);
                default -> null;
            };
        }
        String literal = resolver.text(node);
        if (literal != null) {
            return byLiteral(literal);
        }
        if (node instanceof MapNode m && m.has("Fn::If")) {
            for (Node alt : resolver.alternatives(node)) {
                if (alt != node) {
                    String id = functionId(alt, depth + 1);
                    if (id != null) {
                        return id;
                    }
                }
            }
            return null;
        }
        return inside(node, depth);
    }

    /** A function referenced somewhere inside a {@code Fn::Sub} string or a {@code Fn::Join}/other function. */
    private String inside(Node node, int depth) {
        if (!Intrinsic.isIntrinsic(node)) {
            return null;
        }
        MapNode.Entry fn = ((MapNode) node).entries().get(0);
        if (fn.key().equals("Fn::Sub")) {
            Node arg = fn.value();
            String pattern =
                    arg instanceof SeqNode s && s.size() > 0 ? s.items().get(0).text() : arg.text();
            String id = inSubPattern(pattern);
            if (id != null) {
                return id;
            }
            if (arg instanceof SeqNode s && s.size() > 1 && s.items().get(1) instanceof MapNode vars) {
                for (MapNode.Entry v : vars.entries()) {
                    String vid = functionId(v.value(), depth + 1);
                    if (vid != null && pattern != null && pattern.contains("${" + v.key())) {
                        return vid;
                    }
                }
            }
            return null;
        }
        return anyIn(fn.value(), depth + 1);
    }

    private String anyIn(Node node, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return null;
        }
        if (node instanceof SeqNode s) {
            for (Node item : s.items()) {
                String id = Intrinsic.isIntrinsic(item) ? functionId(item, depth + 1) : anyIn(item, depth + 1);
                if (id != null) {
                    return id;
                }
            }
        } else if (Intrinsic.isIntrinsic(node)) {
            return functionId(node, depth + 1);
        }
        return null;
    }

    private String inSubPattern(String pattern) {
        if (pattern == null) {
            return null;
        }
        int i = 0;
        while (true) {
            int start = pattern.indexOf("${", i);
            if (start < 0) {
                return null;
            }
            int end = pattern.indexOf('}', start);
            if (end < 0) {
                return null;
            }
            String name = pattern.substring(start + 2, end).trim();
            int dot = name.indexOf('.');
            String id = dot < 0 ? name : name.substring(0, dot);
            String attr = dot < 0 ? "" : name.substring(dot + 1);
            CfnResource r = template.resource(id);
            if (r != null && r.type().equals(FUNCTION) && (attr.isEmpty() || attr.equals("Arn"))) {
                return id;
            }
            i = end + 1;
        }
    }

    /** Matches {@code name}, {@code name:qualifier} or a function ARN against the functions' literal names. */
    private String byLiteral(String text) {
        return idByName.get(functionName(text));
    }

    /** The function name in a name, partial ARN or full ARN (qualifier dropped). */
    public static String functionName(String text) {
        String t = text.trim();
        int fn = t.indexOf(":function:");
        if (fn >= 0) {
            t = t.substring(fn + ":function:".length());
        }
        int colon = t.indexOf(':');
        return colon < 0 ? t : t.substring(0, colon);
    }
}
