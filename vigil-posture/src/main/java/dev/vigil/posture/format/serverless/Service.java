package dev.vigil.posture.format.serverless;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A serverless.yml after variable resolution, with what every compiler step needs to know about it. */
public final class Service {
    static final MapNode EMPTY = new MapNode(List.of(), new Location("", 1, 1));

    /** One entry of {@code functions}: its key, where the key is, and its settings. */
    public record Function(String key, Location at, MapNode body) {
        /** {@code functions.<key>} as an origin. */
        public String origin() {
            return "serverless.yml functions." + key;
        }

        /** The function's logical id. */
        public String logicalId() {
            return Names.lambda(key);
        }
    }

    final String file;
    final MapNode root;
    final MapNode provider;
    final Location providerAt;
    final String name;
    final String stage;
    final String region;
    final List<Function> functions = new ArrayList<>();
    final Output out = new Output();
    final List<String> problems = new ArrayList<>();
    /** The generated role each function uses ({@code IamRoleLambdaExecution} or its own), when generated. */
    final Map<String, String> generatedRoleOf = new HashMap<>();

    Service(String file, MapNode root, String stage, String region) {
        this.file = file;
        this.root = root;
        Node p = root.get("provider");
        this.provider = p instanceof MapNode m ? m : new MapNode(List.of(), root.keyLocation("provider"));
        this.providerAt = root.keyLocation("provider");
        this.name = serviceName(root);
        this.stage = stage;
        this.region = region;
        readFunctions();
    }

    private static String serviceName(MapNode root) {
        Node s = root.get("service");
        if (s instanceof MapNode m) {
            s = m.get("name");
        }
        String t = s == null ? null : s.text();
        return t == null ? "service" : t;
    }

    /** {@code functions} as a map, or (v1) as a list of one-entry maps. */
    private void readFunctions() {
        Node fs = root.get("functions");
        List<MapNode.Entry> entries = new ArrayList<>();
        if (Nodes.isUnresolved(fs)) {
            problem(
                    root.keyLocation("functions"),
                    "functions are " + ((MapNode) fs).text(Intrinsic.UNRESOLVED)
                            + ", which cannot be read; no function lowered");
        } else if (fs instanceof MapNode m) {
            entries.addAll(m.entries());
        } else if (fs instanceof SeqNode q) {
            for (Node item : q.items()) {
                if (item instanceof MapNode m && !Nodes.isUnresolved(m)) {
                    entries.addAll(m.entries());
                }
            }
        }
        for (MapNode.Entry e : entries) {
            if (Nodes.isUnresolved(e.value())) {
                problem(
                        e.keyLocation(),
                        "function " + e.key() + " is " + ((MapNode) e.value()).text(Intrinsic.UNRESOLVED)
                                + ", which cannot be read; skipped");
                continue;
            }
            MapNode body = e.value() instanceof MapNode m ? m : new MapNode(List.of(), e.keyLocation());
            functions.add(new Function(e.key(), e.keyLocation(), body));
        }
    }

    /** A provider setting, or null. */
    Node provider(String key) {
        return provider.get(key);
    }

    /** A provider map setting, or null. */
    MapNode providerMap(String key) {
        return provider.map(key);
    }

    /** Where a provider setting is written, or the provider key when it is not. */
    Location providerKey(String key) {
        MapNode.Entry e = provider.entry(key);
        return e == null ? providerAt : e.keyLocation();
    }

    /** The value at a dotted path below {@code provider}, or null. */
    Node providerPath(String... path) {
        Node n = provider;
        for (String p : path) {
            if (!(n instanceof MapNode m)) {
                return null;
            }
            n = m.get(p);
        }
        return n;
    }

    /** The entry at a dotted path below {@code provider}, or null. */
    MapNode.Entry providerEntry(String... path) {
        MapNode m = provider;
        for (int i = 0; i < path.length - 1; i++) {
            m = m.map(path[i]);
            if (m == null) {
                return null;
            }
        }
        return m.entry(path[path.length - 1]);
    }

    /** A note about something the lowering skipped. */
    void problem(Location at, String what) {
        if (problems.size() < 200) {
            problems.add(at + ": " + what);
        }
    }

    /** The text of a scalar, or null. */
    static String text(Node n) {
        return n instanceof ScalarNode s ? n.text() : null;
    }

    /** The function setting, else the provider setting of the same name. */
    Node inherited(Function f, String key) {
        Node v = f.body().get(key);
        return !Nodes.isNull(v) ? v : provider.get(key);
    }

    /** The key location of the function setting, else of the provider setting, else the function key. */
    Location inheritedKey(Function f, String key) {
        MapNode.Entry e = f.body().entry(key);
        if (e != null && !Nodes.isNull(e.value())) {
            return e.keyLocation();
        }
        e = provider.entry(key);
        return e != null ? e.keyLocation() : f.at();
    }

    /** {@code {Fn::GetAtt: [<fn>LambdaFunction, Arn]}}. */
    /** The API Gateway integration URI that invokes {@code f}: {@code arn:…:apigateway:…:lambda:path/…/invocations}. */
    static MapNode invocationUri(Function f, Location at) {
        return Nodes.join(
                "",
                at,
                Nodes.str("arn:", at),
                Nodes.ref("AWS::Partition", at),
                Nodes.str(":apigateway:", at),
                Nodes.ref("AWS::Region", at),
                Nodes.str(":lambda:path/2015-03-31/functions/", at),
                functionArn(f, at),
                Nodes.str("/invocations", at));
    }

    static MapNode functionArn(Function f, Location at) {
        return Nodes.getAtt(f.logicalId(), "Arn", at);
    }

    /** Adds the {@code AWS::Lambda::Permission} that lets {@code principal} invoke {@code f}; callers add conditions. */
    Output.Res invokePermission(Function f, String id, String principal, Location at) {
        Output.Res p = out.add(id, "AWS::Lambda::Permission", at, f.origin());
        p.put("FunctionName", functionArn(f, at));
        p.put("Action", Nodes.str("lambda:InvokeFunction", at));
        p.put("Principal", Nodes.str(principal, at));
        return p;
    }
}
