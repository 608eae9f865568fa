package dev.vigil.posture.iam;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.IamIdentity;
import dev.vigil.posture.model.ManagedPolicy;
import dev.vigil.posture.model.PolicyDocument;
import dev.vigil.posture.model.Role;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The principals of a deployment with every statement that applies to each: roles, users (with their groups'
 * policies), groups, and policies attached to nothing in the template (a standalone policy file, or a policy that
 * names only principals declared elsewhere), each evaluated as if attached alone to one principal.
 */
public final class Principals {
    private Principals() {}

    /** What a principal is. */
    public enum Kind {
        ROLE,
        USER,
        GROUP,
        POLICY
    }

    /**
     * One principal.
     *
     * @param kind role, user, group, or a lone policy
     * @param id logical id
     * @param location where it is declared
     * @param grants every statement of every policy that applies to it
     * @param boundary statements of its permissions boundary when known, else null
     */
    public record Principal(Kind kind, String id, Location location, List<Grant> grants, List<Grant> boundary) {

        /** Its effective permissions. */
        public Permissions permissions(ActionCatalog catalog, Conditions conditions) {
            return new Permissions(grants, boundary, catalog, conditions);
        }
    }

    /** Every principal of {@code d}. */
    public static List<Principal> of(Deployment d) {
        List<Principal> out = new ArrayList<>();
        for (Role r : d.roles()) {
            List<Grant> g = new ArrayList<>();
            addDocs(g, r.inlinePolicies());
            addManaged(g, d, r.managedPolicyArns(), r.attachedPolicyIds());
            out.add(new Principal(Kind.ROLE, r.id(), r.location(), g, boundary(d, r.permissionsBoundary())));
        }
        for (IamIdentity i : d.identities()) {
            List<Grant> g = new ArrayList<>();
            addDocs(g, i.inlinePolicies());
            addManaged(g, d, i.managedPolicyArns(), List.of());
            for (String groupId : i.groups()) {
                for (IamIdentity group : d.identities()) {
                    if (group.kind() == IamIdentity.Kind.GROUP && group.id().equals(groupId)) {
                        addDocs(g, group.inlinePolicies());
                        addManaged(g, d, group.managedPolicyArns(), List.of());
                    }
                }
            }
            Kind kind = i.kind() == IamIdentity.Kind.USER ? Kind.USER : Kind.GROUP;
            out.add(new Principal(kind, i.id(), i.location(), g, boundary(d, i.permissionsBoundary())));
        }
        for (ManagedPolicy p : d.managedPolicies()) {
            if (!attachedInTemplate(d, p)) {
                List<Grant> g = new ArrayList<>();
                addDoc(g, p.document());
                out.add(new Principal(Kind.POLICY, p.id(), p.location(), g, null));
            }
        }
        return out;
    }

    /** The principals a function with this role would run as (the role, when it is in the deployment). */
    public static Optional<Principal> role(Deployment d, String roleId) {
        for (Principal p : of(d)) {
            if (p.kind() == Kind.ROLE && p.id().equals(roleId)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean attachedInTemplate(Deployment d, ManagedPolicy p) {
        Set<String> ids = new LinkedHashSet<>();
        d.roles().forEach(r -> ids.add(r.id()));
        d.identities().forEach(i -> ids.add(i.id()));
        for (String t : p.roles()) {
            if (ids.contains(t)) {
                return true;
            }
        }
        for (String t : p.users()) {
            if (ids.contains(t)) {
                return true;
            }
        }
        for (String t : p.groups()) {
            if (ids.contains(t)) {
                return true;
            }
        }
        for (Role r : d.roles()) {
            if (r.attachedPolicyIds().contains(p.id())) {
                return true;
            }
        }
        return false;
    }

    private static void addDocs(List<Grant> out, List<PolicyDocument> docs) {
        for (PolicyDocument doc : docs) {
            addDoc(out, doc);
        }
    }

    private static void addDoc(List<Grant> out, PolicyDocument doc) {
        for (Statement s : doc.statements()) {
            out.add(Grant.of(s, doc.name()));
        }
    }

    private static void addManaged(List<Grant> out, Deployment d, List<Value> arns, List<String> attachedIds) {
        Set<String> ids = new LinkedHashSet<>(attachedIds);
        for (Value arn : arns) {
            List<Grant> known = AwsManagedPolicies.grants(arn.text());
            if (known != null) {
                out.addAll(known);
            } else if (!arn.literal() && arn.text().startsWith("!Ref ")) {
                ids.add(arn.text().substring("!Ref ".length()).trim());
            }
        }
        for (ManagedPolicy p : d.managedPolicies()) {
            if (ids.contains(p.id())) {
                addDoc(out, p.document());
            }
        }
    }

    private static List<Grant> boundary(Deployment d, Value arn) {
        if (arn == null) {
            return null;
        }
        if (AwsManagedPolicies.name(arn.text()) != null) {
            return AwsManagedPolicies.grants(arn.text());
        }
        if (arn.text().startsWith("!Ref ")) {
            String id = arn.text().substring("!Ref ".length()).trim();
            for (ManagedPolicy p : d.managedPolicies()) {
                if (p.id().equals(id)) {
                    List<Grant> g = new ArrayList<>();
                    addDoc(g, p.document());
                    return g;
                }
            }
        }
        return null;
    }
}
