package dev.vigil.posture.format.serverless;

import dev.vigil.posture.source.Intrinsic;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Execution roles: the shared {@code IamRoleLambdaExecution} with the CloudWatch Logs statements the framework always
 * adds plus {@code provider.iam.role.statements} (or legacy {@code provider.iamRoleStatements}), managed policies and
 * permissions boundary; per-function roles {@code <Name>IamRoleLambdaExecution} for functions with their own
 * {@code iamRoleStatements} (serverless-iam-roles-per-function) or {@code iam.role.statements}; and the statements
 * events add to the role their function uses (queues, streams, dead-letter topics, X-Ray).
 */
final class IamCompiler {
    static final String SHARED = "IamRoleLambdaExecution";
    private static final String VPC_POLICY =
            "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";

    private final Service s;
    private final Map<String, List<Node>> extraStatements = new LinkedHashMap<>();
    private final Set<String> vpcRoles = new LinkedHashSet<>();

    IamCompiler(Service s) {
        this.s = s;
    }

    /** The provider's role setting: {@code provider.iam.role}, else legacy {@code provider.role}. */
    private MapNode.Entry providerRoleEntry() {
        MapNode.Entry e = s.providerEntry("iam", "role");
        return e != null && !Nodes.isNull(e.value()) ? e : s.providerEntry("role");
    }

    /**
     * An existing role the setting names, as the function's {@code Role}: an ARN as written, a logical id as
     * {@code Fn::GetAtt [id, Arn]}, an intrinsic or unresolved value as written; null when the setting is absent or
     * is a map of settings for a role the framework creates.
     */
    static Node existingRole(Node role) {
        if (role == null || Nodes.isNull(role)) {
            return null;
        }
        String t = Service.text(role);
        if (t != null) {
            return t.startsWith("arn:") ? role : Nodes.getAtt(t, "Arn", role.location());
        }
        return Intrinsic.isIntrinsic(role) ? role : null;
    }

    /** The function's own statements (plugin convention or {@code iam.role.statements}), or null. */
    static SeqNode ownStatements(Service.Function f) {
        SeqNode q = f.body().seq("iamRoleStatements");
        if (q == null) {
            MapNode iam = f.body().map("iam");
            MapNode role = iam == null ? null : iam.map("role");
            q = role == null ? null : role.seq("statements");
        }
        return q == null || q.size() == 0 ? null : q;
    }

    /** Decides and returns the {@code Role} of a function, remembering which generated role it uses. */
    Node roleFor(Service.Function f) {
        Node own = existingRole(f.body().get("role"));
        if (own != null) {
            return own;
        }
        Location at = f.body().has("role") ? f.body().keyLocation("role") : f.at();
        if (ownStatements(f) != null) {
            String id = Names.function(f.key()) + SHARED;
            s.generatedRoleOf.put(f.key(), id);
            return Nodes.getAtt(id, "Arn", f.at());
        }
        MapNode.Entry pr = providerRoleEntry();
        Node provider = pr == null ? null : existingRole(pr.value());
        if (provider != null) {
            return provider;
        }
        s.generatedRoleOf.put(f.key(), SHARED);
        return Nodes.getAtt(SHARED, "Arn", at);
    }

    /** A statement an event or setting of {@code f} needs, added to the generated role {@code f} uses. */
    void addStatement(Service.Function f, Location at, List<String> actions, Node resources) {
        String role = s.generatedRoleOf.get(f.key());
        if (role == null) {
            return;
        }
        List<Node> acts = new ArrayList<>();
        for (String a : actions) {
            acts.add(Nodes.str(a, at));
        }
        MapNode st = new Nodes.MapBuilder(at)
                .put("Effect", at, Nodes.str("Allow", at))
                .put("Action", at, Nodes.seq(at, acts))
                .put("Resource", at, resources instanceof SeqNode ? resources : Nodes.seq(at, resources))
                .build();
        extraStatements.computeIfAbsent(role, k -> new ArrayList<>()).add(st);
    }

    /** Notes that a function of this role runs in a VPC (the framework attaches the VPC access policy). */
    void usesVpc(Service.Function f) {
        String role = s.generatedRoleOf.get(f.key());
        if (role != null) {
            vpcRoles.add(role);
        }
    }

    /** Emits the roles once every function and event has been compiled. */
    void compile() {
        compileShared();
        for (Service.Function f : s.functions) {
            String id = s.generatedRoleOf.get(f.key());
            if (id != null && !id.equals(SHARED)) {
                compilePerFunction(f, id);
            }
        }
    }

    private void compileShared() {
        MapNode.Entry pr = providerRoleEntry();
        if (pr != null && existingRole(pr.value()) != null) {
            return;
        }
        MapNode roleSettings = pr != null && pr.value() instanceof MapNode m && !Intrinsic.isIntrinsic(m) ? m : null;
        MapNode.Entry statementsEntry = roleSettings != null && roleSettings.has("statements")
                ? roleSettings.entry("statements")
                : s.providerEntry("iamRoleStatements");
        MapNode.Entry managedEntry = roleSettings != null && roleSettings.has("managedPolicies")
                ? roleSettings.entry("managedPolicies")
                : s.providerEntry("iamManagedPolicies");
        boolean used = s.generatedRoleOf.containsValue(SHARED);
        boolean declared = statementsEntry != null && statementsEntry.value() instanceof SeqNode q && q.size() > 0
                || managedEntry != null && managedEntry.value() instanceof SeqNode m2 && m2.size() > 0;
        if (!used && !declared) {
            return;
        }
        Location at =
                pr != null ? pr.keyLocation() : statementsEntry != null ? statementsEntry.keyLocation() : s.providerAt;
        Output.Res role = s.out.add(SHARED, "AWS::IAM::Role", at, "serverless.yml provider");
        role.put("AssumeRolePolicyDocument", trust(at));
        List<Node> statements = new ArrayList<>(logStatements(at, s.name + "-" + s.stage + "*"));
        Node declaredStatements = statementsEntry == null ? null : statementsEntry.value();
        if (declaredStatements instanceof SeqNode q) {
            statements.addAll(q.items());
        }
        statements.addAll(extraStatements.getOrDefault(SHARED, List.of()));
        Location policyAt = statementsEntry != null ? statementsEntry.keyLocation() : at;
        Node statementNode = declaredStatements != null && !(declaredStatements instanceof SeqNode)
                ? declaredStatements // an unresolved or malformed value stays visible as written
                : Nodes.seq(policyAt, statements);
        role.put("Policies", policyAt, policies(policyAt, s.name + "-" + s.stage + "-lambda", statementNode));
        role.put(
                "Path",
                roleSettings != null && roleSettings.has("path") ? roleSettings.keyLocation("path") : at,
                roleSettings != null && roleSettings.get("path") != null
                        ? roleSettings.get("path")
                        : Nodes.str("/", at));
        Node roleName = roleSettings == null ? null : roleSettings.get("name");
        role.put(
                "RoleName",
                roleName != null ? roleSettings.keyLocation("name") : at,
                roleName != null
                        ? roleName
                        : Nodes.join(
                                "-",
                                at,
                                Nodes.str(s.name, at),
                                Nodes.str(s.stage, at),
                                Nodes.ref("AWS::Region", at),
                                Nodes.str("lambdaRole", at)));
        Node managed = managedEntry == null ? null : managedEntry.value();
        List<Node> arns = new ArrayList<>();
        if (managed instanceof SeqNode mq) {
            arns.addAll(mq.items());
        }
        if (vpcRoles.contains(SHARED)) {
            arns.add(Nodes.sub(VPC_POLICY, at));
        }
        if (!arns.isEmpty()) {
            role.put("ManagedPolicyArns", managedEntry != null ? managedEntry.keyLocation() : at, Nodes.seq(at, arns));
        } else if (managed != null && !Nodes.isNull(managed)) {
            role.put("ManagedPolicyArns", managedEntry.keyLocation(), managed);
        }
        MapNode.Entry boundary = roleSettings != null && roleSettings.has("permissionsBoundary")
                ? roleSettings.entry("permissionsBoundary")
                : s.providerEntry("rolePermissionsBoundary");
        if (boundary != null) {
            role.put("PermissionsBoundary", boundary.keyLocation(), boundary.value());
        }
        if (roleSettings != null && roleSettings.get("tags") instanceof MapNode tags) {
            role.put("Tags", roleSettings.keyLocation("tags"), FunctionCompiler.tagList(tags, List.of()));
        }
        if (!used) {
            role.attribute(
                    "Metadata",
                    vigilNote(
                            at,
                            "no function uses this role (each has its own); kept because the"
                                    + " file declares what it grants"));
        }
    }

    private void compilePerFunction(Service.Function f, String id) {
        SeqNode own = ownStatements(f);
        MapNode.Entry ownEntry = f.body().entry("iamRoleStatements");
        Location at = ownEntry != null ? ownEntry.keyLocation() : f.at();
        Output.Res role = s.out.add(id, "AWS::IAM::Role", at, f.origin());
        role.put("AssumeRolePolicyDocument", trust(at));
        Node fnName = f.body().get("name");
        String logName =
                fnName != null && fnName.text() != null ? fnName.text() : s.name + "-" + s.stage + "-" + f.key();
        List<Node> statements = new ArrayList<>(logStatements(at, logName));
        if (inherits(f)) {
            Node inherited = s.providerPath("iam", "role", "statements");
            if (!(inherited instanceof SeqNode)) {
                inherited = s.provider("iamRoleStatements");
            }
            if (inherited instanceof SeqNode q) {
                statements.addAll(q.items());
            }
        }
        statements.addAll(own.items());
        statements.addAll(extraStatements.getOrDefault(id, List.of()));
        role.put(
                "Policies",
                at,
                policies(at, s.name + "-" + s.stage + "-" + f.key() + "-lambda", Nodes.seq(at, statements)));
        role.put("Path", Nodes.str("/", at));
        Node roleName = f.body().get("iamRoleStatementsName");
        if (roleName != null && !Nodes.isNull(roleName)) {
            role.put("RoleName", f.body().keyLocation("iamRoleStatementsName"), roleName);
        }
        if (vpcRoles.contains(id)) {
            role.put("ManagedPolicyArns", Nodes.seq(at, Nodes.sub(VPC_POLICY, at)));
        }
    }

    /** {@code iamRoleStatementsInherit}, else the plugin's {@code custom.serverless-iam-roles-per-function.defaultInherit}. */
    private boolean inherits(Service.Function f) {
        Node own = f.body().get("iamRoleStatementsInherit");
        if (own != null && !Nodes.isNull(own)) {
            return Nodes.isTrue(own);
        }
        MapNode custom = s.root.map("custom");
        MapNode plugin = custom == null ? null : custom.map("serverless-iam-roles-per-function");
        return plugin != null && Nodes.isTrue(plugin.get("defaultInherit"));
    }

    private static MapNode trust(Location at) {
        MapNode statement = new Nodes.MapBuilder(at)
                .put("Effect", Nodes.str("Allow", at))
                .put(
                        "Principal",
                        new Nodes.MapBuilder(at)
                                .put("Service", Nodes.seq(at, Nodes.str("lambda.amazonaws.com", at)))
                                .build())
                .put("Action", Nodes.seq(at, Nodes.str("sts:AssumeRole", at)))
                .build();
        return new Nodes.MapBuilder(at)
                .put("Version", Nodes.str("2012-10-17", at))
                .put("Statement", Nodes.seq(at, statement))
                .build();
    }

    private static Node policies(Location at, String name, Node statements) {
        MapNode doc = new Nodes.MapBuilder(at)
                .put("Version", Nodes.str("2012-10-17", at))
                .put("Statement", at, statements)
                .build();
        MapNode policy = new Nodes.MapBuilder(at)
                .put("PolicyName", Nodes.str(name, at))
                .put("PolicyDocument", doc)
                .build();
        return Nodes.seq(at, policy);
    }

    /** The statements the framework always grants: create log streams and put events in the service's log groups. */
    private static List<Node> logStatements(Location at, String logGroupPrefix) {
        String group =
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/" + logGroupPrefix;
        MapNode create = new Nodes.MapBuilder(at)
                .put("Effect", Nodes.str("Allow", at))
                .put(
                        "Action",
                        Nodes.seq(
                                at,
                                Nodes.str("logs:CreateLogStream", at),
                                Nodes.str("logs:CreateLogGroup", at),
                                Nodes.str("logs:TagResource", at)))
                .put("Resource", Nodes.seq(at, Nodes.sub(group + ":*", at)))
                .build();
        MapNode put = new Nodes.MapBuilder(at)
                .put("Effect", Nodes.str("Allow", at))
                .put("Action", Nodes.seq(at, Nodes.str("logs:PutLogEvents", at)))
                .put("Resource", Nodes.seq(at, Nodes.sub(group + ":*:*", at)))
                .build();
        return List.of(create, put);
    }

    static MapNode vigilNote(Location at, String note) {
        return new Nodes.MapBuilder(at)
                .put(
                        "Vigil",
                        new Nodes.MapBuilder(at)
                                .put("Note", Nodes.str(note, at))
                                .build())
                .build();
    }
}
