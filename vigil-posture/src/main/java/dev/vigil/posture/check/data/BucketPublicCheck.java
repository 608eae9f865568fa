package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.ResourcePolicy;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * S3 bucket open to everyone: a canned ACL that grants everyone ({@code PublicRead}, {@code PublicReadWrite}) or every
 * AWS account ({@code AuthenticatedRead}) unless Block Public Access ignores or blocks public ACLs; or a bucket policy
 * statement that allows any principal without a restricting condition, unless the bucket blocks or restricts public
 * policies. A bucket whose template turns Block Public Access off (declares a PublicAccessBlockConfiguration that
 * neither blocks nor ignores public ACLs, or neither blocks nor restricts public policies) is reported at medium
 * severity: nothing public is declared yet, but any public ACL or policy added later takes effect. A bucket without
 * the configuration is not: S3 turns all four settings on for new buckets.
 */
final class BucketPublicCheck implements Check {
    private static final CheckInfo INFO = Info.of(
            "VGL-S3-001",
            "s3-public",
            Severity.HIGH,
            Category.EXPOSURE,
            "S3 bucket readable or writable by everyone",
            "A public ACL or a bucket policy that allows any principal exposes every object to the internet (and a"
                    + " public write ACL lets anyone plant or overwrite content).",
            "Use AccessControl: Private (or ObjectOwnership BucketOwnerEnforced), scope the bucket policy to known"
                    + " principals or add an aws:SourceArn/aws:SourceAccount/aws:PrincipalOrgID condition, and enable"
                    + " all four PublicAccessBlockConfiguration settings; serve websites through CloudFront with"
                    + " origin access control.",
            "Checkov CKV_AWS_20",
            "Checkov CKV_AWS_53",
            "Checkov CKV_AWS_54",
            "Checkov CKV_AWS_55",
            "Checkov CKV_AWS_56",
            "KICS 7772bb8c",
            "KICS 860ba89b",
            "KICS 07dda8de");

    private static final Set<String> PUBLIC_ACLS = Set.of("publicread", "publicreadwrite", "authenticatedread");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        Map<String, DataResource> buckets = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (DataResource b : deployment.dataResources()) {
            if (b.kind() != DataResource.Kind.BUCKET) {
                continue;
            }
            buckets.put(b.id(), b);
            Value acl = b.setting(Setting.ACL);
            if (acl != null
                    && acl.literal()
                    && PUBLIC_ACLS.contains(acl.text().trim().toLowerCase(Locale.ROOT))
                    && aclsHonoured(b)
                    && !b.settingIs(Setting.BLOCK_PUBLIC_ACLS, "true")
                    && !b.settingIs(Setting.IGNORE_PUBLIC_ACLS, "true")) {
                reported.add(b.id());
                reporter.report(
                        acl.location(),
                        b.id(),
                        "Bucket " + b.id() + " has the canned ACL " + acl.text() + ", which grants "
                                + (acl.text().equalsIgnoreCase("AuthenticatedRead") ? "every AWS account" : "everyone")
                                + " access");
            }
        }
        for (ResourcePolicy p : deployment.resourcePolicies()) {
            if (p.targetKind() != DataResource.Kind.BUCKET || !hasPublicStatement(p)) {
                continue;
            }
            for (String target : p.targetIds()) {
                DataResource b = buckets.get(target);
                if (b == null) {
                    reporter.report(
                            p.location(),
                            p.id(),
                            "Bucket policy " + p.id() + " allows any principal on " + target
                                    + " without a restricting condition");
                } else if (!b.settingIs(Setting.BLOCK_PUBLIC_POLICY, "true")
                        && !b.settingIs(Setting.RESTRICT_PUBLIC_BUCKETS, "true")) {
                    reported.add(b.id());
                    reporter.report(
                            b.location(),
                            b.id(),
                            "Bucket " + b.id() + " has a policy (" + p.id()
                                    + ") that allows any principal without a restricting condition, and Block Public"
                                    + " Access does not block or restrict public policies");
                }
            }
        }
        for (DataResource b : deployment.dataResources()) {
            if (b.kind() != DataResource.Kind.BUCKET) {
                continue;
            }
            if (!reported.contains(b.id()) && b.setting(Setting.PUBLIC_ACCESS_BLOCK) != null) {
                blockPublicAccessOff(b, reporter);
            }
        }
    }

    private static void blockPublicAccessOff(DataResource b, Reporter reporter) {
        boolean aclsOpen = aclsHonoured(b) && off(b, Setting.BLOCK_PUBLIC_ACLS) && off(b, Setting.IGNORE_PUBLIC_ACLS);
        boolean policiesOpen = off(b, Setting.BLOCK_PUBLIC_POLICY) && off(b, Setting.RESTRICT_PUBLIC_BUCKETS);
        if (!aclsOpen && !policiesOpen) {
            return;
        }
        String setting = policiesOpen ? Setting.BLOCK_PUBLIC_POLICY : Setting.BLOCK_PUBLIC_ACLS;
        Location at = b.setting(setting) != null ? b.locationOf(setting) : b.locationOf(Setting.PUBLIC_ACCESS_BLOCK);
        String what = aclsOpen && policiesOpen
                ? "public ACLs and public policies"
                : aclsOpen ? "public ACLs" : "public policies";
        reporter.report(
                Severity.MEDIUM,
                at,
                b.id(),
                "Bucket " + b.id() + " turns Block Public Access off for " + what
                        + ": one added later makes the bucket public");
    }

    /** ACLs take effect unless object ownership is {@code BucketOwnerEnforced}, which disables them. */
    private static boolean aclsHonoured(DataResource b) {
        return !b.settingIs(Setting.OBJECT_OWNERSHIP, "BucketOwnerEnforced");
    }

    /** A Block Public Access setting is off when the configuration leaves it out or sets it to false. */
    private static boolean off(DataResource b, String setting) {
        Value v = b.setting(setting);
        return v == null || v.is("false");
    }

    private static boolean hasPublicStatement(ResourcePolicy p) {
        for (Statement s : p.document().statements()) {
            if (PolicyExposure.isPublic(s)) {
                return true;
            }
        }
        return false;
    }
}
