package dev.vigil.posture.extract;

import dev.vigil.posture.extract.iam.PolicyParser;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.IamIdentity;
import dev.vigil.posture.model.ManagedPolicy;
import dev.vigil.posture.model.PolicyDocument;
import dev.vigil.posture.model.Role;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import dev.vigil.posture.template.Resolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM resources to the model: {@code AWS::IAM::Role}, {@code AWS::IAM::Policy} (added to the inline policies of the
 * roles, users and groups it names, and kept as a {@link ManagedPolicy} of origin {@code AWS::IAM::Policy}),
 * {@code AWS::IAM::ManagedPolicy} (also what a standalone policy file is lowered to), {@code AWS::IAM::User},
 * {@code AWS::IAM::Group} and {@code AWS::IAM::UserToGroupAddition}.
 *
 * <p>References to roles, users, groups and policies are logical ids when they point at a resource of the template
 * ({@code Ref}, {@code GetAtt}, or a literal name equal to the resource's own name property); otherwise the name or a
 * rendering of the expression.
 */
final class IamExtractor implements Extractor {
    static final String ROLE = "AWS::IAM::Role";
    static final String POLICY = "AWS::IAM::Policy";
    static final String MANAGED_POLICY = "AWS::IAM::ManagedPolicy";
    static final String USER = "AWS::IAM::User";
    static final String GROUP = "AWS::IAM::Group";
    static final String USER_TO_GROUP = "AWS::IAM::UserToGroupAddition";

    @Override
    public void extract(CfnTemplate template, Deployment.Builder out) {
        Resolver resolver = template.resolver();
        PolicyParser parser = new PolicyParser(resolver);
        Names names = new Names(template, resolver);

        Map<String, List<PolicyDocument>> extraInline = new HashMap<>();
        Map<String, List<String>> attachedManaged = new HashMap<>();
        Map<String, List<String>> extraGroups = new HashMap<>();

        for (CfnResource r : template.resources()) {
            switch (r.type()) {
                case POLICY, MANAGED_POLICY -> {
                    String name =
                            text(resolver, r.property(r.type().equals(POLICY) ? "PolicyName" : "ManagedPolicyName"));
                    Location docAt = r.locationOf("PolicyDocument");
                    PolicyDocument doc = parser.document(name, r.property("PolicyDocument"), docAt);
                    if (doc == null) {
                        doc = new PolicyDocument(name, List.of(), docAt);
                    }
                    List<String> roles = names.refs(parser, r.property("Roles"), ROLE, "RoleName");
                    List<String> users = names.refs(parser, r.property("Users"), USER, "UserName");
                    List<String> groups = names.refs(parser, r.property("Groups"), GROUP, "GroupName");
                    String origin = r.origin() != null && r.origin().equals(ManagedPolicy.POLICY_FILE)
                            ? ManagedPolicy.POLICY_FILE
                            : r.type();
                    Location usersAt = r.properties().has("Users") ? r.locationOf("Users") : null;
                    out.add(new ManagedPolicy(r.logicalId(), r.location(), doc, roles, users, groups, origin, usersAt));
                    for (String target : concat(roles, users, groups)) {
                        if (r.type().equals(POLICY)) {
                            extraInline
                                    .computeIfAbsent(target, k -> new ArrayList<>())
                                    .add(doc);
                        } else {
                            attachedManaged
                                    .computeIfAbsent(target, k -> new ArrayList<>())
                                    .add(r.logicalId());
                        }
                    }
                }
                case USER_TO_GROUP -> {
                    List<String> group = names.refs(parser, r.property("GroupName"), GROUP, "GroupName");
                    for (String user : names.refs(parser, r.property("Users"), USER, "UserName")) {
                        extraGroups
                                .computeIfAbsent(user, k -> new ArrayList<>())
                                .addAll(group);
                    }
                }
                default -> {}
            }
        }

        for (CfnResource r : template.resources()) {
            switch (r.type()) {
                case ROLE -> {
                    Location trustAt = r.locationOf("AssumeRolePolicyDocument");
                    PolicyDocument trust = parser.document(null, r.property("AssumeRolePolicyDocument"), trustAt);
                    List<PolicyDocument> inline = inlinePolicies(parser, resolver, r);
                    inline.addAll(extraInline.getOrDefault(r.logicalId(), List.of()));
                    List<Value> arns = parser.values(r.property("ManagedPolicyArns"));
                    List<String> attached = new ArrayList<>(managedRefs(parser, resolver, template, r));
                    for (String id : attachedManaged.getOrDefault(r.logicalId(), List.of())) {
                        if (!attached.contains(id)) {
                            attached.add(id);
                        }
                    }
                    out.add(new Role(
                            r.logicalId(),
                            r.location(),
                            trust,
                            inline,
                            arns,
                            attached,
                            Value.of(r.property("PermissionsBoundary"), resolver),
                            r.origin() == null ? ROLE : r.origin()));
                }
                case USER, GROUP -> {
                    List<PolicyDocument> inline = inlinePolicies(parser, resolver, r);
                    inline.addAll(extraInline.getOrDefault(r.logicalId(), List.of()));
                    List<Value> arns = new ArrayList<>(parser.values(r.property("ManagedPolicyArns")));
                    for (String id : attachedManaged.getOrDefault(r.logicalId(), List.of())) {
                        arns.add(Value.symbolic("!Ref " + id, r.location()));
                    }
                    List<String> groups = new ArrayList<>();
                    if (r.type().equals(USER)) {
                        groups.addAll(names.refs(parser, r.property("Groups"), GROUP, "GroupName"));
                        for (String g : extraGroups.getOrDefault(r.logicalId(), List.of())) {
                            if (!groups.contains(g)) {
                                groups.add(g);
                            }
                        }
                    }
                    out.add(new IamIdentity(
                            r.type().equals(USER) ? IamIdentity.Kind.USER : IamIdentity.Kind.GROUP,
                            r.logicalId(),
                            r.location(),
                            inline,
                            arns,
                            groups,
                            Value.of(r.property("PermissionsBoundary"), resolver),
                            r.properties().has("Policies") ? r.locationOf("Policies") : null,
                            r.properties().has("ManagedPolicyArns") ? r.locationOf("ManagedPolicyArns") : null));
                }
                default -> {}
            }
        }
    }

    private static List<PolicyDocument> inlinePolicies(PolicyParser parser, Resolver resolver, CfnResource r) {
        List<PolicyDocument> out = new ArrayList<>();
        for (Node p : parser.items(r.property("Policies"))) {
            if (p instanceof MapNode m) {
                Location at = m.has("PolicyDocument") ? m.keyLocation("PolicyDocument") : m.location();
                PolicyDocument doc = parser.document(text(resolver, m.get("PolicyName")), m.get("PolicyDocument"), at);
                if (doc != null) {
                    out.add(doc);
                }
            }
        }
        return out;
    }

    /** Logical ids of {@code AWS::IAM::ManagedPolicy} resources a role lists in {@code ManagedPolicyArns}. */
    private static List<String> managedRefs(
            PolicyParser parser, Resolver resolver, CfnTemplate template, CfnResource r) {
        List<String> out = new ArrayList<>();
        for (Node n : parser.items(r.property("ManagedPolicyArns"))) {
            String id = resolver.resourceRef(n);
            if (id != null && MANAGED_POLICY.equals(template.resource(id).type()) && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }

    private static String text(Resolver resolver, Node node) {
        return node == null ? null : resolver.text(node);
    }

    /** Resolves role/user/group references to logical ids where the template declares them. */
    private static final class Names {
        private final CfnTemplate template;
        private final Resolver resolver;
        private final Map<String, Map<String, String>> byName = new HashMap<>();

        Names(CfnTemplate template, Resolver resolver) {
            this.template = template;
            this.resolver = resolver;
        }

        List<String> refs(PolicyParser parser, Node node, String type, String nameProperty) {
            List<String> out = new ArrayList<>();
            for (Node n : parser.items(node)) {
                String id = resolver.resourceRef(n);
                if (id == null) {
                    String literal = resolver.text(n);
                    if (literal != null) {
                        id = named(type, nameProperty).getOrDefault(literal, literal);
                    } else {
                        id = Value.of(n, resolver).text();
                    }
                }
                if (!out.contains(id)) {
                    out.add(id);
                }
            }
            return out;
        }

        private Map<String, String> named(String type, String nameProperty) {
            return byName.computeIfAbsent(type, t -> {
                Map<String, String> m = new LinkedHashMap<>();
                for (CfnResource r : template.resources(t)) {
                    String name = r.property(nameProperty) == null ? null : resolver.text(r.property(nameProperty));
                    if (name != null) {
                        m.putIfAbsent(name, r.logicalId());
                    }
                }
                return m;
            });
        }
    }
}
