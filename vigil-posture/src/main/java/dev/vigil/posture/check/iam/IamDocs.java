package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.IamIdentity;
import dev.vigil.posture.model.ManagedPolicy;
import dev.vigil.posture.model.PolicyDocument;
import dev.vigil.posture.model.Role;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the IAM checks share: every identity policy of a deployment once, and check metadata. */
final class IamDocs {
    private IamDocs() {}

    /** An identity-based policy document and the resource it belongs to. */
    record Owned(String subject, PolicyDocument document) {}

    /**
     * Every identity-based policy document once: inline policies of roles, users and groups, {@code AWS::IAM::Policy}
     * and {@code AWS::IAM::ManagedPolicy} resources, standalone policy files. Trust policies are not included.
     */
    static List<Owned> identityPolicies(Deployment d) {
        List<Owned> out = new ArrayList<>();
        Set<PolicyDocument> seen = new LinkedHashSet<>();
        for (ManagedPolicy p : d.managedPolicies()) {
            if (seen.add(p.document())) {
                out.add(new Owned(p.id(), p.document()));
            }
        }
        for (Role r : d.roles()) {
            for (PolicyDocument doc : r.inlinePolicies()) {
                if (seen.add(doc)) {
                    out.add(new Owned(r.id(), doc));
                }
            }
        }
        for (IamIdentity i : d.identities()) {
            for (PolicyDocument doc : i.inlinePolicies()) {
                if (seen.add(doc)) {
                    out.add(new Owned(i.id(), doc));
                }
            }
        }
        return out;
    }

    /** True when the statement's {@code Resource} lists the literal {@code *}. */
    static boolean anyResource(Statement s) {
        for (Value v : s.resources()) {
            if (v.is("*")) {
                return true;
            }
        }
        return false;
    }

    /** True when the value is the literal {@code *} or a whole-service wildcard such as {@code s3:*}. */
    static boolean serviceWildcard(Value v) {
        if (!v.literal()) {
            return false;
        }
        String t = v.text().trim();
        return t.equals("*") || (t.endsWith(":*") && t.indexOf('*') == t.length() - 1);
    }

    /** Metadata of an IAM check. */
    static CheckInfo info(
            String id,
            String name,
            Severity severity,
            String title,
            String rationale,
            String remediation,
            String... equivalents) {
        return CheckInfo.documented(
                "docs/posture/iam.md",
                id,
                name,
                severity,
                Category.IAM,
                title,
                rationale,
                remediation,
                List.of(equivalents));
    }
}
