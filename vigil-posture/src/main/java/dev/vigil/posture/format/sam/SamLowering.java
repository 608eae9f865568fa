package dev.vigil.posture.format.sam;

import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.ScalarNode;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnTemplate;
import dev.vigil.posture.template.Resolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lowers an AWS SAM template to the plain CloudFormation the SAM translator would deploy (see
 * {@code docs/posture/formats-sam-cloudformation.md}). Resources generated from a SAM resource are located at its
 * logical id (events at the event's key); copied property nodes keep their own locations. Never throws on odd
 * input: what cannot be lowered is passed through and named in the template's problems.
 */
public final class SamLowering {
    static final String FUNCTION = "AWS::Serverless::Function";
    static final String API = "AWS::Serverless::Api";
    static final String HTTP_API = "AWS::Serverless::HttpApi";
    private static final String MANAGED = "arn:aws:iam::aws:policy/";
    private static final Set<String> SERVICE_ROLE_POLICIES = Set.of(
            "AWSLambdaBasicExecutionRole",
            "AWSLambdaVPCAccessExecutionRole",
            "AWSLambdaRole",
            "AWSLambdaKinesisExecutionRole",
            "AWSLambdaDynamoDBExecutionRole",
            "AWSLambdaSQSQueueExecutionRole",
            "AWSLambdaMSKExecutionRole",
            "AWSLambdaENIManagementAccess",
            "AWSLambdaSQSExecutionRole");

    final String file;
    final MapNode root;
    final Globals globals;
    final Out out;
    /** SAM resources by logical id: type and properties with globals merged. */
    final Map<String, String> samTypes = new HashMap<>();

    final Map<String, MapNode> samProps = new HashMap<>();
    final Map<String, MapNode> samBodies = new HashMap<>();
    /** Resource types of every resource written in the template. */
    final Map<String, String> types = new HashMap<>();

    final Events events;
    final Apis apis;

    private SamLowering(String file, MapNode root) {
        this.file = file;
        this.root = root;
        this.globals = Globals.of(root);
        Set<String> ids = new HashSet<>();
        MapNode section = root.map("Resources");
        if (section != null) {
            for (MapNode.Entry e : section.entries()) {
                ids.add(e.key());
            }
        }
        this.out = new Out(ids);
        this.events = new Events(this);
        this.apis = new Apis(this);
    }

    /** The CloudFormation equivalent of the SAM template {@code root}. */
    public static CfnTemplate lower(String file, MapNode root) {
        return new SamLowering(file, root).run();
    }

    private CfnTemplate run() {
        MapNode section = root.map("Resources");
        List<MapNode.Entry> written = new ArrayList<>();
        if (section != null) {
            for (MapNode.Entry e : section.entries()) {
                if (!(e.value() instanceof MapNode body)) {
                    out.problem(e.keyLocation(), "resource " + e.key() + " is not a map");
                    continue;
                }
                String type = body.text("Type");
                if (type == null) {
                    out.problem(e.keyLocation(), "resource " + e.key() + " has no Type");
                    continue;
                }
                types.put(e.key(), type);
                if (type.startsWith("AWS::Serverless::")) {
                    Node p = body.get("Properties");
                    MapNode props = p instanceof MapNode m ? m : new MapNode(List.of(), e.keyLocation());
                    samTypes.put(e.key(), type);
                    samProps.put(e.key(), globals.apply(type, props, e.keyLocation()));
                    samBodies.put(e.key(), body);
                }
                written.add(e);
            }
        } else if (root.has("Resources")) {
            out.problem(root.keyLocation("Resources"), "Resources is not a map");
        }
        for (MapNode.Entry e : written) {
            MapNode body = (MapNode) e.value();
            String id = e.key();
            String type = types.get(id);
            Location at = e.keyLocation();
            List<String> before = new ArrayList<>(out.resources.keySet());
            switch (type) {
                case FUNCTION -> new FunctionLowering(this, id, samProps.get(id), body, at).lower();
                case API -> apis.restApi(id, samProps.get(id), body, at, false);
                case HTTP_API -> apis.httpApi(id, samProps.get(id), body, at, false);
                case "AWS::Serverless::SimpleTable" -> Others.simpleTable(this, id, samProps.get(id), body, at);
                case "AWS::Serverless::LayerVersion" -> Others.layer(this, id, samProps.get(id), body, at);
                case "AWS::Serverless::StateMachine" -> Others.stateMachine(this, id, samProps.get(id), body, at);
                case "AWS::Serverless::Application" -> Others.application(this, id, samProps.get(id), body, at);
                default -> {
                    if (type.startsWith("AWS::Serverless::")) {
                        out.problem(at, type + " " + id + " is not lowered; passed through as written");
                    }
                    passThrough(id, type, body, at);
                }
            }
            propertiesKeyAt(before, at, body);
        }
        events.finish();
        apis.finish();
        return out.template(file, root);
    }

    /**
     * Resources lowered from one SAM resource and located at its key get its {@code Properties} key too, so "setting
     * missing" findings can point where scanners that read SAM directly point.
     */
    private void propertiesKeyAt(List<String> before, Location at, MapNode body) {
        MapNode.Entry props = body.entry("Properties");
        if (props == null) {
            return;
        }
        java.util.Set<String> old = new HashSet<>(before);
        for (Out.Res r : out.resources.values()) {
            if (!old.contains(r.id) && r.location.equals(at)) {
                r.propertiesKey = props.keyLocation();
            }
        }
    }

    private void passThrough(String id, String type, MapNode body, Location at) {
        Node p = body.get("Properties");
        Obj props = new Obj(p instanceof MapNode m ? m.location() : at);
        if (p instanceof MapNode m) {
            for (MapNode.Entry pe : m.entries()) {
                props.append(pe);
            }
        }
        Out.Res r = out.own(id, type, props, at, null);
        keepAttributes(r, body);
    }

    /** Keeps the resource attributes of a written resource ({@code Condition}, {@code DependsOn}, …). */
    static void keepAttributes(Out.Res r, MapNode body) {
        for (MapNode.Entry e : body.entries()) {
            if (!e.key().equals("Type") && !e.key().equals("Properties")) {
                r.attribute(e.key(), e.keyLocation(), e.value());
            }
        }
    }

    /** The origin recorded on resources lowered from SAM resource {@code id}. */
    String origin(String id) {
        String type = samTypes.get(id);
        return (type == null ? "SAM" : type) + " " + id;
    }

    /** The logical id a {@code Ref}/{@code GetAtt} points at when it is a resource of this template, else null. */
    String refTarget(Node node) {
        if (!(node instanceof MapNode m) || m.size() != 1) {
            return null;
        }
        MapNode.Entry e = m.entries().get(0);
        String id = null;
        if (e.key().equals("Ref")) {
            id = e.value().text();
        } else if (e.key().equals("Fn::GetAtt")) {
            SeqNode s = e.value().asSeq();
            id = s != null && s.size() > 0 ? s.items().get(0).text() : null;
        }
        return id != null && types.containsKey(id) ? id : null;
    }

    /** A CloudFormation tag list from a SAM tag map (an intrinsic or a list is kept as written). */
    static Node tagList(Node tags) {
        if (!(tags instanceof MapNode m) || Nodes.isIntrinsic(tags)) {
            return tags;
        }
        List<Node> items = new ArrayList<>();
        for (MapNode.Entry e : m.entries()) {
            items.add(new Obj(e.keyLocation())
                    .put("Key", Nodes.str(e.key(), e.keyLocation()))
                    .put("Value", e.value())
                    .build());
        }
        return new SeqNode(items, m.location());
    }

    /** The trust policy for a role assumed by {@code service}. */
    static MapNode trust(String service, Location at) {
        MapNode statement = new Obj(at)
                .put("Effect", "Allow")
                .put("Action", Nodes.strings(at, "sts:AssumeRole"))
                .put("Principal", Nodes.single("Service", Nodes.strings(at, service), at))
                .build();
        return new Obj(at)
                .put("Version", "2012-10-17")
                .put("Statement", Nodes.seq(at, statement))
                .build();
    }

    /** A policy document with the given statements. */
    static MapNode document(Location at, List<Node> statements) {
        return new Obj(at)
                .put("Version", "2012-10-17")
                .put("Statement", Nodes.seq(at, statements))
                .build();
    }

    /** One Allow statement. */
    static MapNode allow(Location at, Node resource, String... actions) {
        return new Obj(at)
                .put("Effect", "Allow")
                .put("Action", Nodes.strings(at, actions))
                .put("Resource", resource)
                .build();
    }

    /** The ARN of an AWS managed policy given by name. */
    static ScalarNode managedArn(String name, Location at) {
        return Nodes.str(MANAGED + (SERVICE_ROLE_POLICIES.contains(name) ? "service-role/" : "") + name, at);
    }

    /**
     * Reads a SAM {@code Policies} value into managed policy ARNs and inline policies, as the translator does: a
     * string is an AWS managed policy (name or ARN), an intrinsic is an ARN, a map with {@code Statement} is an
     * inline document, a one-key map naming a policy template expands to its statements. {@code Fn::If} items
     * contribute both branches.
     */
    void policies(Node value, String owner, List<Node> managed, List<Node> inline) {
        List<Node> items = Nodes.items(value);
        for (int i = 0; i < items.size(); i++) {
            policyItem(items.get(i), owner, i, managed, inline, 0);
        }
    }

    private void policyItem(Node item, String owner, int index, List<Node> managed, List<Node> inline, int depth) {
        if (item == null || Resolver.isNoValue(item) || depth > 8) {
            return;
        }
        Location at = item.location();
        if (item instanceof ScalarNode s) {
            String t = s.text();
            if (t == null || t.isBlank()) {
                return;
            }
            managed.add(t.startsWith("arn:") ? s : managedArn(t.trim(), at));
            return;
        }
        if (item instanceof MapNode m && m.size() == 1 && m.has("Fn::If")) {
            SeqNode branches = m.seq("Fn::If");
            if (branches != null && branches.size() == 3) {
                policyItem(branches.items().get(1), owner, index, managed, inline, depth + 1);
                policyItem(branches.items().get(2), owner, index, managed, inline, depth + 1);
            }
            return;
        }
        if (Nodes.isIntrinsic(item)) {
            managed.add(item);
            return;
        }
        if (!(item instanceof MapNode m)) {
            out.problem(at, owner + ": a Policies item that is a list is not understood");
            return;
        }
        String name = owner + "RolePolicy" + index;
        if (m.has("Statement")) {
            inline.add(inlinePolicy(name, m, at));
            return;
        }
        if (m.size() == 1) {
            MapNode.Entry e = m.entries().get(0);
            Location keyAt = e.keyLocation();
            MapNode params = e.value() instanceof MapNode pm ? pm : null;
            List<Node> statements = PolicyTemplates.statements(e.key(), params, keyAt);
            if (statements == null) {
                out.problem(keyAt, "SAM policy template " + e.key() + " is not known; its permissions are unknown");
                statements = List.of(new Obj(keyAt)
                        .put("Effect", "Allow")
                        .put("Action", Nodes.unresolved("actions of SAM policy template " + e.key(), keyAt))
                        .put("Resource", Nodes.unresolved("resources of SAM policy template " + e.key(), keyAt))
                        .build());
            }
            inline.add(inlinePolicy(name, document(keyAt, statements), keyAt));
            return;
        }
        out.problem(at, owner + ": a Policies map without Statement is not understood");
    }

    static MapNode inlinePolicy(String name, MapNode document, Location at) {
        return new Obj(at)
                .put("PolicyName", name)
                .put("PolicyDocument", document)
                .build();
    }

    /** An {@code AWS::Lambda::Permission} for {@code service} to invoke function {@code fnId}. */
    Out.Res permission(
            String id, String fnId, String principal, Node sourceArn, Location at, String origin, MapNode sourceBody) {
        Obj p = new Obj(at)
                .put("Action", "lambda:InvokeFunction")
                .put("FunctionName", Nodes.ref(fnId, at))
                .put("Principal", principal)
                .put("SourceArn", sourceArn);
        return out.generated(id, "AWS::Lambda::Permission", p, at, origin, sourceBody);
    }

    /** Upper-cases an HTTP method; {@code any} becomes {@code ANY}. */
    static String method(String m) {
        return m == null ? null : m.trim().toUpperCase(Locale.ROOT);
    }
}
