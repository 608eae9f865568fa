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
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A trust policy that lets a whole account named by id ({@code 123456789012} or {@code arn:aws:iam::123456789012:root})
 * assume the role without requiring an
 * {@code sts:ExternalId} (non-empty) or MFA ({@code aws:MultiFactorAuthPresent: true}, {@code aws:MultiFactorAuthAge}).
 * Principals given as deploy-time values (e.g. {@code ${AWS::AccountId}}, the stack's own account) are not flagged.
 */
final class TrustCrossAccount implements Check {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-012",
            "iam-trust-cross-account-no-externalid",
            Severity.HIGH,
            "Cross-account trust without ExternalId or MFA",
            "A role another account may assume without an external id or MFA can be assumed by anyone in that "
                    + "account, including a third party's other customers (the confused-deputy problem).",
            "Require `sts:ExternalId` (for third parties) or `aws:MultiFactorAuthPresent` (for people) in a "
                    + "Condition of the trust statement.",
            "Checkov CKV_AWS_61",
            "KICS 85138beb");

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
                if (!s.allow() || s.principal() == null || !TrustPolicies.assumes(s) || guarded(s.condition())) {
                    continue;
                }
                for (Value v : s.principal().values("AWS")) {
                    String account = TrustPolicies.account(v);
                    if (account != null && !account.equals("*") && TrustPolicies.wholeAccount(v)) {
                        reporter.report(
                                r.trustPolicy().location(),
                                r.id(),
                                "Trust policy of " + r.id() + " lets account " + account
                                        + " assume it without an ExternalId or MFA condition.");
                        break;
                    }
                }
            }
        }
    }

    /** True when the condition requires a non-empty external id or MFA. */
    static boolean guarded(Node condition) {
        if (!(condition instanceof MapNode ops)) {
            return false;
        }
        for (MapNode.Entry op : ops.entries()) {
            if (!(op.value() instanceof MapNode keys)) {
                continue;
            }
            String operator = op.key();
            for (MapNode.Entry k : keys.entries()) {
                String key = k.key().toLowerCase(java.util.Locale.ROOT);
                List<String> values = texts(k.value());
                if (key.equals("sts:externalid") && operator.startsWith("String") && !operator.contains("Not")) {
                    if (values.stream().anyMatch(v -> !v.isBlank())) {
                        return true;
                    }
                }
                if (key.equals("aws:multifactorauthpresent") && operator.startsWith("Bool")) {
                    if (values.stream().anyMatch(v -> v.equalsIgnoreCase("true"))) {
                        return true;
                    }
                }
                if (key.equals("aws:multifactorauthage") && operator.startsWith("Numeric")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> texts(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof SeqNode s) {
            for (Node i : s.items()) {
                if (i.text() != null) {
                    out.add(i.text());
                }
            }
        } else if (n.text() != null) {
            out.add(n.text());
        } else {
            // A deploy-time value: assume it is a real external id.
            out.add("?");
        }
        return out;
    }
}
