package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Role;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.MapNode;
import java.util.Locale;
import java.util.Set;

/**
 * A role trusted by an AWS service without an {@code aws:SourceArn}, {@code aws:SourceAccount},
 * {@code aws:SourceOrgID} or {@code aws:SourceOrgPaths} condition, so the service may assume it on behalf of another
 * customer's resource (cross-service confused deputy). Compute services that run code with a role chosen through
 * {@code iam:PassRole} by the role's own account (Lambda, Lambda@Edge, EC2, ECS tasks) are not flagged.
 */
final class TrustServiceNoSource implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-014",
            "iam-trust-service-no-source",
            Severity.MEDIUM,
            "Service role trust policy has no aws:SourceArn or aws:SourceAccount condition",
            "Without a source condition, the service can be made to use the role for a resource in another account "
                    + "(the cross-service confused deputy).",
            "Add `aws:SourceAccount` (your account) or `aws:SourceArn` (the resource that uses the role) to the "
                    + "trust statement's Condition.",
            "Prowler iam_role_cross_service_confused_deputy_prevention");

    private static final Set<String> PASSROLE_COMPUTE =
            Set.of("lambda.amazonaws.com", "edgelambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com");

    private static final Set<String> SOURCE_KEYS =
            Set.of("aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Role r : d.roles()) {
            if (r.trustPolicy() == null) {
                continue;
            }
            for (Statement s : r.trustPolicy().statements()) {
                if (!s.allow() || s.principal() == null || hasSourceCondition(s)) {
                    continue;
                }
                for (Value v : s.principal().values("Service")) {
                    if (v.literal()
                            && !PASSROLE_COMPUTE.contains(v.text().trim().toLowerCase(Locale.ROOT))) {
                        reporter.report(
                                v.location(),
                                r.id(),
                                "Trust policy of " + r.id() + " lets "
                                        + v.text().trim()
                                        + " assume it without an aws:SourceArn or aws:SourceAccount condition.");
                        break;
                    }
                }
            }
        }
    }

    private static boolean hasSourceCondition(Statement s) {
        if (!(s.condition() instanceof MapNode ops)) {
            return false;
        }
        for (MapNode.Entry op : ops.entries()) {
            if (op.value() instanceof MapNode keys) {
                for (MapNode.Entry k : keys.entries()) {
                    if (SOURCE_KEYS.contains(k.key().toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
