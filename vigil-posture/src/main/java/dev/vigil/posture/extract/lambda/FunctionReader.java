package dev.vigil.posture.extract.lambda;

import dev.vigil.posture.model.Function;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import dev.vigil.posture.template.Resolver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one {@code AWS::Lambda::Function} into a {@link Function}. */
public final class FunctionReader {
    private final CfnTemplate template;
    private final Resolver resolver;

    public FunctionReader(CfnTemplate template) {
        this.template = template;
        this.resolver = template.resolver();
    }

    /**
     * The function declared by {@code r}.
     *
     * @param url its function URL, or null
     * @param failureDestination an {@code EventInvokeConfig} on-failure destination, used when the function has no
     *     {@code DeadLetterConfig.TargetArn}; or null
     */
    public Function read(CfnResource r, Function.FunctionUrl url, Value failureDestination) {
        Value deadLetter =
                Value.of(Nodes.get(Nodes.map(r.property("DeadLetterConfig"), resolver), "TargetArn"), resolver);
        if (deadLetter == null) {
            deadLetter = failureDestination;
        }
        return new Function(
                r.logicalId(),
                r.location(),
                value(r, "FunctionName"),
                value(r, "Runtime"),
                value(r, "Handler"),
                environment(r),
                role(r),
                url,
                value(r, "ReservedConcurrentExecutions"),
                value(r, "Timeout"),
                value(r, "MemorySize"),
                Value.of(Nodes.get(Nodes.map(r.property("TracingConfig"), resolver), "Mode"), resolver),
                deadLetter,
                Nodes.values(r.property("Layers"), resolver),
                vpc(r),
                unlessBlank(value(r, "KmsKeyArn")),
                tags(r.property("Tags")),
                unlessBlank(value(r, "CodeSigningConfigArn")),
                r.origin() != null ? r.origin() : r.type(),
                value(r, "PackageType"));
    }

    /** An empty literal ARN sets nothing (CloudFormation accepts {@code ""} to clear the setting). */
    private static Value unlessBlank(Value v) {
        return v != null && v.literal() && v.text().isBlank() ? null : v;
    }

    private Value value(CfnResource r, String property) {
        return Value.of(Nodes.present(r.property(property), resolver), resolver);
    }

    private List<Function.EnvVar> environment(CfnResource r) {
        MapNode vars = Nodes.map(Nodes.get(Nodes.map(r.property("Environment"), resolver), "Variables"), resolver);
        List<Function.EnvVar> out = new ArrayList<>();
        if (vars != null) {
            for (MapNode.Entry e : vars.entries()) {
                if (!Resolver.isNoValue(e.value())) {
                    out.add(new Function.EnvVar(e.key(), Value.of(e.value(), resolver), e.keyLocation()));
                }
            }
        }
        return out;
    }

    private Function.RoleRef role(CfnResource r) {
        Node role = Nodes.present(r.property("Role"), resolver);
        if (role == null) {
            return null;
        }
        String id = resolver.resourceRef(role);
        if (id != null && template.resource(id).type().equals("AWS::IAM::Role")) {
            return new Function.RoleRef(id, null);
        }
        Value arn = Value.of(role, resolver);
        return new Function.RoleRef(arn.literal() ? roleNamed(arn.text()) : null, arn);
    }

    /** The template role whose literal RoleName is the name in a literal role ARN, or null. */
    private String roleNamed(String arn) {
        int slash = arn.lastIndexOf('/');
        if (!arn.startsWith("arn:") || !arn.contains(":role/") || slash < 0) {
            return null;
        }
        String name = arn.substring(slash + 1);
        for (CfnResource r : template.resources("AWS::IAM::Role")) {
            if (name.equals(resolver.text(r.property("RoleName")))) {
                return r.logicalId();
            }
        }
        return null;
    }

    private Function.Vpc vpc(CfnResource r) {
        MapNode config = Nodes.map(r.property("VpcConfig"), resolver);
        if (config == null) {
            return null;
        }
        Node subnets = config.get("SubnetIds");
        List<Value> subnetIds = Nodes.values(subnets, resolver);
        List<Value> groups = Nodes.values(config.get("SecurityGroupIds"), resolver);
        if (subnetIds.isEmpty() && groups.isEmpty()) {
            return null; // an empty VpcConfig detaches the function from any VPC
        }
        boolean known = Nodes.isLiteralList(subnets, resolver);
        return new Function.Vpc(subnetIds, groups, r.locationOf("VpcConfig"), known, known ? zones(subnets) : null);
    }

    /** Distinct availability zones of subnets declared in this template, or null when any zone is undecidable. */
    private Integer zones(Node subnets) {
        Node list = Nodes.present(subnets, resolver);
        if (!(list instanceof SeqNode s) || s.size() == 0) {
            return null;
        }
        Set<String> zones = new HashSet<>();
        for (Node item : s.items()) {
            String id = resolver.resourceRef(item);
            CfnResource subnet = id == null ? null : template.resource(id);
            if (subnet == null || !subnet.type().equals("AWS::EC2::Subnet")) {
                return null;
            }
            String zone = zone(subnet);
            if (zone == null) {
                return null;
            }
            zones.add(zone);
        }
        return zones.size();
    }

    /** A subnet's zone as a comparable key: the literal name, or {@code #i} for {@code !Select [i, !GetAZs …]}. */
    private String zone(CfnResource subnet) {
        Node az = subnet.property("AvailabilityZoneId");
        if (az == null) {
            az = subnet.property("AvailabilityZone");
        }
        String literal = resolver.text(az);
        if (literal != null) {
            return literal;
        }
        if (az instanceof MapNode m && Intrinsic.isIntrinsic(m) && m.has("Fn::Select")) {
            SeqNode args = m.seq("Fn::Select");
            if (args != null && args.size() == 2) {
                String index = resolver.text(args.items().get(0));
                Node from = args.items().get(1);
                if (index != null && from instanceof MapNode f && f.has("Fn::GetAZs")) {
                    return "#" + index.trim();
                }
            }
        }
        return null;
    }

    /** Tags in CloudFormation list form ({@code [{Key, Value}]}) or map form (SAM, serverless.yml). */
    Map<String, Value> tags(Node node) {
        Map<String, Value> out = new LinkedHashMap<>();
        Node tags = Nodes.present(node, resolver);
        if (tags instanceof SeqNode s) {
            for (Node item : s.items()) {
                if (item instanceof MapNode m && !Intrinsic.isIntrinsic(m)) {
                    String key = resolver.text(m.get("Key"));
                    Value v = Value.of(m.get("Value"), resolver);
                    if (key == null && m.get("Key") != null) {
                        key = Value.of(m.get("Key"), resolver).text();
                    }
                    if (key != null) {
                        out.put(key, v != null ? v : Value.literal("", m.location()));
                    }
                } else if (item != null && !Resolver.isNoValue(item)) {
                    out.put(Value.of(item, resolver).text(), Value.of(item, resolver));
                }
            }
        } else if (tags instanceof MapNode m && !Intrinsic.isIntrinsic(m)) {
            for (MapNode.Entry e : m.entries()) {
                Value v = Value.of(e.value(), resolver);
                out.put(e.key(), v != null ? v : Value.literal("", e.keyLocation()));
            }
        } else if (tags != null) {
            Value v = Value.of(tags, resolver);
            out.put(v.text(), v); // tags from an expression: present, keys unknown
        }
        return out;
    }
}
